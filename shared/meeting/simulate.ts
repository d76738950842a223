// Runs a scenario start to finish with simulated participants: every card
// seated, hands raised, statements made, ballots cast at random but
// reproducibly from a seed, on a simulated clock. Instructors use it (through
// `npm run scenario:dry-run`) to test a scenario before class; the tests use
// it to drive every shipped scenario through every kind of item. With
// `trainees`, a short-handed class: that many trainees, cards balanced over
// them, and an expert standing in for every required card left unheld.
import { fromAreaUnits } from '../scenario/electorate.ts';
import type { Item, Language, Scenario } from '../scenario/index.ts';
import type { Actor, Command, PlayedCommand } from './commands.ts';
import type { BallotRecord } from './context.ts';
import { talliedSoFar } from './electorate.ts';
import { balanceCards, holdersOf, missingCards } from './seats.ts';
import { type DomainEvent, MeetingSession } from './session.ts';
import { simulatedWords, traineeName } from './simulate-words.ts';
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

export interface SimulationProblem {
  item: string | null;
  reason: 'no_speaker' | 'no_voter' | 'no_candidate' | 'cannot_start' | 'refused';
  message: string;
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

/** mulberry32: a small, well-known seeded generator; the same seed gives the same meeting. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FACILITATOR: Actor = { kind: 'facilitator' };
const EXPERT = { kind: 'observer', id: 'expert-1' } as const satisfies Actor;

export function simulateMeeting(scenario: Scenario, options: SimulationOptions = {}): SimulationResult {
  const random = seededRandom(options.seed ?? 1);
  const lang = options.lang ?? 'zh';
  const words = simulatedWords(scenario, lang);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  const session = MeetingSession.create(scenario);
  const events: DomainEvent[] = [];
  const problems: SimulationProblem[] = [];
  const statesVisited = new Set<string>([session.state]);
  let now = options.start ?? Date.UTC(2026, 0, 15, 1, 0, 0); // 09:00 in Shanghai
  let currentItem: Item | undefined;

  const send = (actor: Actor, command: Command, seconds = 5): boolean => {
    elapse(seconds);
    const result = session.dispatch(actor, command, now);
    events.push(...result.events);
    statesVisited.add(session.state);
    if (!result.ok) {
      problems.push({
        item: currentItem?.id ?? null,
        reason: 'refused',
        message: `${command.type}: ${result.error.code} ${result.error.message}`,
      });
    }
    return result.ok;
  };
  // Time passes in small steps so scheduled injects and time-ups fire when due.
  const elapse = (seconds: number) => {
    const until = now + seconds * 1000;
    for (let due = session.nextDeadline(); due !== null && due <= until; due = session.nextDeadline()) {
      now = Math.max(now, due);
      const tick = session.tick(now);
      if (!tick) break;
      events.push(tick);
      statesVisited.add(session.state);
    }
    now = until;
  };

  const seats: { id: string; roleId: string }[] =
    options.trainees === undefined ? seatEveryCard() : seatShortHandedClass(options.trainees);
  /** Stand-in seats: the expert acts for them with card.play. */
  const standIns = new Set(
    Object.values(session.context.participants)
      .filter((p) => p.playedBy !== undefined)
      .map((p) => p.id),
  );
  const chairSeat = seats.find((s) => scenario.roles.find((r) => r.id === s.roleId)?.chair);
  /** A seat (by id) or another sender. */
  type Who = string | Actor;
  const chair: Who = chairSeat ? chairSeat.id : FACILITATOR;
  const act = (who: Who, command: PlayedCommand, seconds = 5): boolean => {
    if (typeof who !== 'string') return send(who, command, seconds);
    return standIns.has(who)
      ? send(EXPERT, { type: 'card.play', participantId: who, command }, seconds)
      : send({ kind: 'participant', id: who }, command, seconds);
  };

  function seatEveryCard(): { id: string; roleId: string }[] {
    // Seat every trainee card: its minimum, and for ranges one or two more.
    const plan: { id: string; roleId: string }[] = [];
    for (const role of scenario.roles.filter((r) => !r.npc)) {
      const extra =
        role.seats.max > role.seats.min
          ? Math.min(role.seats.max - role.seats.min, 1 + Math.floor(random() * 2))
          : 0;
      const count = Math.max(role.seats.min, role.chair || role.required ? 1 : 0) + extra;
      for (let i = 0; i < Math.min(count, role.seats.max); i++)
        plan.push({ id: `p${plan.length + 1}`, roleId: role.id });
    }
    for (const seat of plan) {
      send(
        FACILITATOR,
        { type: 'participant.join', participantId: seat.id, name: traineeName(plan.indexOf(seat) + 1, lang) },
        2,
      );
      send({ kind: 'participant', id: seat.id }, { type: 'card.take', roleId: seat.roleId }, 2);
    }
    return plan;
  }

  function seatShortHandedClass(count: number): { id: string; roleId: string }[] {
    for (let i = 1; i <= count; i++)
      send(FACILITATOR, { type: 'participant.join', participantId: `p${i}`, name: traineeName(i, lang) }, 2);
    for (const { participantId, roleId } of balanceCards(scenario, session.context))
      send(FACILITATOR, { type: 'card.assign', participantId, roleId }, 1);
    for (let missing = missingCards(scenario, session.context)[0]; missing; ) {
      if (
        !send(FACILITATOR, { type: 'card.assign_expert', roleId: missing.roleId, observerId: EXPERT.id }, 2)
      )
        break;
      missing = missingCards(scenario, session.context)[0];
    }
    return Object.values(session.context.participants)
      .filter((p) => p.roleId !== null)
      .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
      .map((p) => ({ id: p.id, roleId: p.roleId as string }));
  }

  if (!send(FACILITATOR, { type: 'meeting.start' })) {
    problems.push({
      item: null,
      reason: 'cannot_start',
      message: 'the meeting cannot start: required cards are not held',
    });
    return finish();
  }
  send(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true }, 1);
  act(chair, { type: 'meeting.begin' }, 60);

  const manual = scenario.injects.filter((i) => i.trigger.kind !== 'scheduled').map((i) => i.id);
  const itemsReached: string[] = [];
  for (let index = 0; index < scenario.agenda.length; index++) {
    currentItem = scenario.agenda[index];
    if (!currentItem) break;
    itemsReached.push(currentItem.id);
    runItem(currentItem);
    // Now and then an inject lands mid-item, and the room answers it.
    if (
      options.fireInjects !== false &&
      manual.length > 0 &&
      (random() < 0.5 || index === scenario.agenda.length - 1)
    ) {
      const injectId = manual.shift();
      if (injectId) {
        send(index % 2 === 0 ? FACILITATOR : EXPERT, { type: 'inject.fire', injectId });
        send(EXPERT, { type: 'inject.respond', injectId }, 30);
      }
    }
    if (index === 0) {
      send(FACILITATOR, { type: 'meeting.pause' }, 5);
      send(FACILITATOR, { type: 'meeting.resume' }, 120);
    }
    act(chair, { type: 'item.next' }, 5);
  }
  currentItem = undefined;
  send(FACILITATOR, { type: 'meeting.open_debrief' }, 10);
  return finish();

  function runItem(item: Item) {
    const seated = seats.map((s) => s.id);
    const npcs = scenario.roles.filter((r) => r.npc).map((r) => r.id);
    const showMood = () => {
      const who = pick(seated);
      if (who)
        act(who, { type: 'mood.show', mood: pick(['agree', 'unsure', 'disagree'] as const) ?? null }, 1);
    };
    switch (item.kind) {
      case 'statement':
      case 'speakers':
      case 'open_floor':
      case 'qa': {
        if (item.kind === 'speakers' && item.order === 'queue')
          raiseHands(seated, 2 + Math.floor(random() * 3));
        if (item.kind === 'open_floor') raiseHands(seated, 3 + Math.floor(random() * 3));
        if (item.kind === 'qa') raiseHands(seated, 2);
        if ((session.context.item?.queue.length ?? 0) === 0) {
          problems.push({
            item: item.id,
            reason: 'no_speaker',
            message: `nobody may speak in "${item.id}": its listed speakers hold no card`,
          });
          return;
        }
        if (item.kind !== 'statement' && seated.length > 1) {
          const who = pick(seated);
          if (who) act(who, { type: 'point_of_order' }, 3);
        }
        let guard = 0;
        while ((session.context.item?.queue.length ?? 0) > 0 && guard++ < 40) {
          if (!act(chair, { type: 'floor.give' }, 3)) break;
          speak(item);
          if (item.kind === 'qa') answer(item.answerers);
          showMood();
        }
        break;
      }
      case 'vote':
      case 'election':
        return runBallot(item, seated);
      case 'signup':
        for (const who of seated) {
          if (random() < 0.6)
            act(who, { type: 'signup.commit', ask: Math.floor(random() * item.asks.length) }, 4);
        }
        break;
      case 'actions':
        act(chair, { type: 'action.record', kind: 'decision', what: words.decision }, 30);
        act(
          chair,
          {
            type: 'action.record',
            kind: 'action',
            what: words.action,
            who: pick(scenario.roles)?.id ?? '',
            due: '2026-02-01',
          },
          30,
        );
        break;
      case 'break':
        elapse(item.duration ?? 300);
        break;
    }
    if (npcs.length > 0 && random() < 0.5)
      send(EXPERT, { type: 'npc.say', roleId: pick(npcs) ?? '', text: words.aside }, 5);
  }

  function raiseHands(seated: string[], count: number) {
    const shuffled = [...seated].sort(() => random() - 0.5);
    for (const who of shuffled.slice(0, count)) act(who, { type: 'hand.raise' }, 2);
  }

  function speak(item: Item) {
    const holder = session.context.item?.floor?.speaker;
    if (!holder) return;
    const limit = 'perSpeaker' in item && item.perSpeaker !== undefined ? item.perSpeaker : 90;
    const speaker: Who = holder.kind === 'participant' ? holder.id : EXPERT;
    if (holder.kind === 'participant')
      act(speaker, { type: 'statement.post', text: words.statement(item) }, 10);
    else send(EXPERT, { type: 'npc.say', roleId: holder.roleId, text: words.statement(item) }, 10);
    // Some run over their time; the chair extends once, or cuts off.
    const over = random() < 0.25;
    if (over && random() < 0.5) act(chair, { type: 'floor.extend', seconds: 30 }, 1);
    const spoken = Math.round(limit * (over ? 1.3 : 0.4 + random() * 0.5));
    if (over) {
      elapse(spoken);
      act(chair, { type: 'floor.cut' }, 1);
    } else act(speaker, { type: 'floor.yield' }, spoken);
  }

  function answer(answerers: readonly string[]) {
    const roleId = pick(answerers);
    const role = scenario.roles.find((r) => r.id === roleId);
    if (!role) return;
    const holder = role.npc ? undefined : holdersOf(session.context, role.id)[0];
    const to = role.npc
      ? ({ kind: 'npc', roleId: role.id } as const)
      : holder && ({ kind: 'participant', id: holder.id } as const);
    if (!to) return;
    if (act(chair, { type: 'floor.give', to }, 2)) {
      if (to.kind === 'npc') send(EXPERT, { type: 'npc.say', roleId: to.roleId, text: words.answer }, 20);
      else act(to.id, { type: 'statement.post', text: words.answer }, 20);
      act(to.kind === 'npc' ? EXPERT : to.id, { type: 'floor.yield' }, 20);
    }
  }

  function runBallot(item: Item & { kind: 'vote' | 'election' }, seated: string[]) {
    if (item.kind === 'election' && item.candidates === 'nominate') {
      for (const who of [...seated].sort(() => random() - 0.5).slice(0, item.seats + 1)) {
        act(who, { type: 'candidate.nominate', participantId: who }, 5);
      }
    }
    if (!act(chair, { type: 'vote.open' }, 10)) return;
    const ballot = session.context.item?.ballot;
    if (!ballot || ballot.voters.length === 0) {
      problems.push({
        item: item.id,
        reason: 'no_voter',
        message: `nobody seated is eligible to vote in "${item.id}"`,
      });
    } else if (item.kind === 'election' && ballot.candidates.length === 0) {
      problems.push({
        item: item.id,
        reason: 'no_candidate',
        message: `"${item.id}" has no candidate with a card`,
      });
    }
    const lean = random(); // how the room leans this time
    for (const voter of ballot?.voters ?? []) {
      if (random() < 0.1) continue; // someone always forgets to vote
      if (item.kind === 'vote') {
        const r = random();
        const choice = r < lean * 0.9 + 0.1 ? 'yes' : r < 0.92 ? 'no' : 'abstain';
        act(voter, { type: 'vote.cast', choice: item.options.includes(choice) ? choice : 'yes' }, 3);
      } else {
        const shuffled = [...(ballot?.candidates ?? [])].sort(() => random() - 0.5);
        act(
          voter,
          { type: 'election.cast', choices: shuffled.slice(0, Math.floor(random() * (item.maxChoices + 1))) },
          3,
        );
      }
    }
    if (ballot?.electorate) paperBallots(item);
    act(chair, { type: 'vote.close' }, 10);
  }

  /** A vote of the electorate: household forms come back for some absent owners; one is mis-entered and corrected. */
  function paperBallots(item: Item & { kind: 'vote' | 'election' }) {
    const state = session.context.item?.ballot;
    const electorate = scenario.electorate;
    const eb = state?.electorate;
    if (!state || !eb || !electorate) return;
    const inRoom = new Set(Object.values(eb.seats).flat());
    const absent = electorate.owners.filter((o) => !inRoom.has(o.id) && !Object.hasOwn(eb.ballots, o.id));
    let corrected = false;
    for (const owner of absent) {
      if (random() < 0.4) continue; // not every form comes back
      const flat = owner.flats[0] ?? owner.id;
      if (item.kind === 'vote') {
        const choice = pick(item.options) ?? 'yes';
        send(FACILITATOR, { type: 'ballot.paper.enter', flat, choice }, 8);
        if (!corrected && item.options.length > 1) {
          corrected = true;
          const other = item.options.find((o) => o !== choice) ?? choice;
          send(FACILITATOR, { type: 'ballot.paper.correct', flat, choice: other }, 8);
        }
      } else {
        const candidates = [...(state.candidates ?? [])].sort(() => random() - 0.5);
        send(
          FACILITATOR,
          { type: 'ballot.paper.enter', flat, choices: candidates.slice(0, item.maxChoices) },
          8,
        );
      }
    }
    // Owners not listed by flat: the ballot box's count, as one tally.
    // Only those not already counted (the written ballots declared in the scenario are).
    const so = talliedSoFar(eb);
    const left = {
      owners: electorate.unlisted.owners - so.owners,
      area_m2: electorate.unlisted.area_m2 - fromAreaUnits(so.areaUnits),
    };
    if (item.kind === 'vote' && left.owners > 0) {
      const owners = Math.floor(left.owners * (so.owners > 0 ? 0.1 * random() : 0.5 + random() * 0.3));
      const area_m2 = Math.floor((left.area_m2 * owners) / left.owners);
      if (owners > 0) send(FACILITATOR, { type: 'ballot.tally.enter', choice: 'yes', owners, area_m2 }, 8);
    }
  }

  function finish(): SimulationResult {
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
      events,
      itemsReached: ctx.record.items.map((i) => i.item),
      ballots: ctx.record.ballots,
      injectsFired: ctx.record.injects.map((i) => ({ inject: i.inject, at: i.firedAt, by: i.by })),
      totals,
      problems: problems.filter((p) => p.reason !== 'refused'),
      refusals: problems.filter((p) => p.reason === 'refused'),
      completed: session.matches('debrief') && !problems.some((p) => p.reason !== 'refused'),
      statesVisited,
    };
  }
}
