// Runs a scenario start to finish with simulated participants: every card
// seated, hands raised, statements made, ballots cast at random but
// reproducibly from a seed, on a simulated clock. Instructors use it (through
// `npm run scenario:dry-run`) to test a scenario before class; the tests use
// it to drive every shipped scenario through every kind of item. With
// `trainees`, a short-handed class: that many trainees, cards balanced over
// them, and an expert standing in for every required card left unheld.
// The room and its clock are in simulate-room.ts, the seating in
// simulate-seating.ts, each item in simulate-items.ts.
import type { Language, Scenario } from '../scenario/index.ts';
import type { BallotRecord } from './context.ts';
import { seededRandom } from './seeded-random.ts';
import type { DomainEvent, MeetingSession } from './session.ts';
import { runItem } from './simulate-items.ts';
import { EXPERT, FACILITATOR, SimulatedRoom, type SimulationProblem } from './simulate-room.ts';
import { seatEveryCard, seatShortHandedClass } from './simulate-seating.ts';
import { speakingBySpeaker } from './speaking.ts';

export interface SimulationOptions {
  seed?: number;
  /** Simulated start time (ms since the epoch). */
  start?: number;
  /** Fire every manual and spare inject along the way (default true). */
  fireInjects?: boolean;
  /**
   * A class of this many trainees: cards balanced over them as the console's
   * "balance" does, then the expert stands in for each required card still
   * short. Without it, every card is seated with trainees.
   */
  trainees?: number;
  /** The language of the simulated names and lines: the minutes' (default zh). */
  lang?: Language;
}

export interface SimulationResult {
  session: MeetingSession;
  events: DomainEvent[];
  itemsReached: string[];
  ballots: BallotRecord[];
  injectsFired: { inject: string; at: number; by: string }[];
  totals: Record<
    string,
    { name: string; role: string | null; speakingSeconds: number; turns: number; overtimeSeconds: number }
  >;
  problems: SimulationProblem[];
  /** Commands the engine refused: expected now and then (a hand raised twice), a bug if many. */
  refusals: SimulationProblem[];
  completed: boolean;
  /** States the machine passed through, for coverage. */
  statesVisited: Set<string>;
}

export function simulateMeeting(scenario: Scenario, options: SimulationOptions = {}): SimulationResult {
  const random = seededRandom(options.seed ?? 1);
  const start = options.start ?? Date.UTC(2026, 0, 15, 1, 0, 0); // 09:00 in Shanghai
  const room = new SimulatedRoom(scenario, random, options.lang ?? 'zh', start);
  room.takeSeats(
    options.trainees === undefined ? seatEveryCard(room) : seatShortHandedClass(room, options.trainees),
  );

  if (!room.send(FACILITATOR, { type: 'meeting.start' })) {
    room.problems.push({
      item: null,
      reason: 'cannot_start',
      message: 'the meeting cannot start: required cards are not held',
    });
    return finish(room);
  }
  room.send(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true }, 1);
  room.act(room.chair, { type: 'meeting.begin' }, 60);

  const manual = scenario.injects.filter((i) => i.trigger.kind !== 'scheduled').map((i) => i.id);
  for (let index = 0; index < scenario.agenda.length; index++) {
    const item = scenario.agenda[index];
    if (!item) break;
    room.currentItem = item;
    runItem(room, item);
    // Now and then an inject lands mid-item, and the room answers it.
    if (
      options.fireInjects !== false &&
      manual.length > 0 &&
      (random() < 0.5 || index === scenario.agenda.length - 1)
    ) {
      const injectId = manual.shift();
      if (injectId) {
        room.send(index % 2 === 0 ? FACILITATOR : EXPERT, { type: 'inject.fire', injectId });
        room.send(EXPERT, { type: 'inject.respond', injectId }, 30);
      }
    }
    if (index === 0) {
      room.send(FACILITATOR, { type: 'meeting.pause' }, 5);
      room.send(FACILITATOR, { type: 'meeting.resume' }, 120);
    }
    room.act(room.chair, { type: 'item.next' }, 5);
  }
  room.currentItem = undefined;
  room.send(FACILITATOR, { type: 'meeting.open_debrief' }, 10);
  return finish(room);
}

function finish(room: SimulatedRoom): SimulationResult {
  const { session, problems } = room;
  const ctx = session.context;
  const totals: SimulationResult['totals'] = {};
  for (const [key, t] of Object.entries(speakingBySpeaker(ctx.record))) {
    const participant = key.startsWith('p:') ? ctx.participants[key.slice(2)] : undefined;
    totals[key] = {
      name:
        participant?.playedBy !== undefined
          ? `expert ${participant.playedBy}`
          : (participant?.name ?? key.slice(4)),
      role: participant ? participant.roleId : key.slice(4),
      speakingSeconds: Math.round(t.speakingMs / 1000),
      turns: t.turns,
      overtimeSeconds: Math.round(t.overtimeMs / 1000),
    };
  }
  return {
    session,
    events: room.events,
    itemsReached: ctx.record.items.map((i) => i.item),
    ballots: ctx.record.ballots,
    injectsFired: ctx.record.injects.map((i) => ({ inject: i.inject, at: i.firedAt, by: i.by })),
    totals,
    problems: problems.filter((p) => p.reason !== 'refused'),
    refusals: problems.filter((p) => p.reason === 'refused'),
    completed: session.matches('debrief') && !problems.some((p) => p.reason !== 'refused'),
    statesVisited: room.statesVisited,
  };
}
