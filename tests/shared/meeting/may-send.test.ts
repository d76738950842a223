// The one authority for "may this viewer send this now" (shared/meeting/may-send.ts):
// its state table is the machine's, it answers the same from the full state
// and from each viewer's projected view, and dispatch enforces it.
import { describe, expect, it } from 'vitest';
import type { Actor, Command } from '../../../shared/meeting/commands.ts';
import { meetingFacts } from '../../../shared/meeting/facts.ts';
import { createMeetingMachine } from '../../../shared/meeting/machine.ts';
import { ACCEPTED_IN, acceptedIn, maySend } from '../../../shared/meeting/may-send.ts';
import { MeetingSession } from '../../../shared/meeting/session.ts';
import { viewFacts } from '../../../shared/views/facts.ts';
import { projectLive, projectTrainee } from '../../../shared/views/live.ts';
import { publicScenario } from '../../../shared/views/scenario-public.ts';
import { engineScenario, FACILITATOR, OBSERVER, seat } from '../../support/meeting-fixture.ts';
import { startedRoom, ViewRoom } from '../../support/views-fixture.ts';

interface Node {
  path: string[];
  on: Record<string, unknown>;
  states: Record<string, Node>;
}

describe('the state table', () => {
  it('names, for every command, exactly the states whose transitions (or an ancestor’s) take it', () => {
    const machine = createMeetingMachine(engineScenario());
    const leaves: { path: string; events: Set<string> }[] = [];
    const walk = (node: Node, inherited: Set<string>) => {
      const events = new Set([...inherited, ...Object.keys(node.on)]);
      const children = Object.values(node.states).filter((c) => !c.path.at(-1)?.startsWith('history'));
      if (children.length === 0) leaves.push({ path: node.path.join('.'), events });
      for (const child of children) walk(child, events);
    };
    walk(machine.root as unknown as Node, new Set());
    expect(leaves.length).toBeGreaterThan(10);
    for (const { path, events } of leaves) {
      for (const type of Object.keys(ACCEPTED_IN) as (keyof typeof ACCEPTED_IN)[]) {
        expect(acceptedIn(path, type), `${type} in ${path}`).toBe(events.has(type));
      }
    }
  });
});

const SEATS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

/** Commands a screen offers, with arguments the room makes meaningful. */
function candidates(room: ViewRoom): Command[] {
  const queue = room.ctx.item?.queue ?? [];
  return [
    { type: 'hand.raise' },
    { type: 'hand.lower' },
    { type: 'point_of_order' },
    { type: 'floor.give' },
    ...queue.map((e): Command => ({ type: 'floor.give', to: e.speaker })),
    ...SEATS.map((id): Command => ({ type: 'floor.give', to: { kind: 'participant', id } })),
    { type: 'floor.give', to: { kind: 'npc', roleId: 'official' } },
    { type: 'floor.yield' },
    { type: 'floor.cut' },
    { type: 'floor.extend', seconds: 60 },
    { type: 'statement.post', text: 'x' },
    { type: 'vote.open' },
    { type: 'vote.close' },
    { type: 'vote.cast', choice: 'yes' },
    { type: 'vote.cast', choice: 'abstain' },
    { type: 'election.cast', choices: [] },
    { type: 'candidate.nominate', participantId: 'p2' },
    { type: 'item.next' },
    { type: 'item.extend', seconds: 120 },
    { type: 'meeting.begin' },
    { type: 'meeting.pause' },
    { type: 'meeting.resume' },
    { type: 'mood.show', mood: 'agree' },
    { type: 'signup.commit', ask: 0 },
    { type: 'signup.commit', ask: 5 },
    { type: 'card.take', roleId: 'owners' },
    { type: 'card.take', roleId: 'owner_a' },
    { type: 'inject.fire', injectId: 'smoke' },
    { type: 'inject.fire', injectId: 'call' },
    { type: 'inject.respond', injectId: 'call' },
    { type: 'npc.say', roleId: 'official', text: 'x' },
  ];
}

/** Every actor's verdict on every candidate from the full state equals the one from that actor's own view. */
function expectViewsAgree(room: ViewRoom, label: string) {
  const full = meetingFacts(room.scenario, room.ctx, room.state);
  const pub = publicScenario(room.scenario);
  const input = room.input();
  const observerFacts = viewFacts(room.scenario, projectLive(input, 'observer'));
  const facilitatorFacts = viewFacts(room.scenario, projectLive(input, 'facilitator'));
  let refused = 0;
  let allowed = 0;
  for (const command of candidates(room)) {
    const verdict = (facts: typeof full, actor: Actor) => maySend(facts, actor, command)?.code ?? null;
    for (const id of SEATS) {
      const own = viewFacts(pub, projectTrainee(input, id));
      const expected = verdict(full, seat(id));
      expect(verdict(own, seat(id)), `${label}: ${command.type} by ${id}`).toBe(expected);
      if (expected) refused++;
      else allowed++;
    }
    expect(verdict(observerFacts, OBSERVER), `${label}: ${command.type} by the observer`).toBe(
      verdict(full, OBSERVER),
    );
    expect(verdict(facilitatorFacts, FACILITATOR), `${label}: ${command.type} by the facilitator`).toBe(
      verdict(full, FACILITATOR),
    );
  }
  // The sample is not all one answer.
  expect(refused).toBeGreaterThan(0);
  expect(allowed).toBeGreaterThan(0);
}

describe('the same answer from the full state and from each viewer’s view', () => {
  it('through a meeting: every item kind, hands, the floor, votes, injects, a pause', () => {
    const room = startedRoom();
    expectViewsAgree(room, 'statement');
    room.ok(seat('p1'), { type: 'floor.give' });
    expectViewsAgree(room, 'chair speaking');
    room.goto('talk');
    room.ok(seat('p2'), { type: 'hand.raise' }).ok(seat('p3'), { type: 'point_of_order' });
    expectViewsAgree(room, 'open floor, two waiting');
    room.ok(seat('p1'), { type: 'floor.give' });
    expectViewsAgree(room, 'point of order speaking');
    room.ok(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true, injectors: ['o1'] });
    expectViewsAgree(room, 'o1 may fire');
    room.ok(OBSERVER, { type: 'inject.fire', injectId: 'call' });
    expectViewsAgree(room, 'call fired');
    room.ok(FACILITATOR, { type: 'meeting.pause' });
    expectViewsAgree(room, 'paused');
    room.ok(FACILITATOR, { type: 'meeting.resume' }).goto('list');
    expectViewsAgree(room, 'fixed list');
    room.goto('decide');
    expectViewsAgree(room, 'vote pending');
    room.ok(seat('p1'), { type: 'vote.open' }).ok(seat('p2'), { type: 'vote.cast', choice: 'yes' });
    expectViewsAgree(room, 'vote open');
    room.ok(seat('p1'), { type: 'vote.close' });
    expectViewsAgree(room, 'vote counted');
    room.goto('elect').ok(seat('p4'), { type: 'candidate.nominate', participantId: 'p2' });
    expectViewsAgree(room, 'nominations');
    room.goto('enlist');
    expectViewsAgree(room, 'sign-up');
    room.ok(FACILITATOR, { type: 'meeting.end' });
    expectViewsAgree(room, 'closed');
  });
});

describe('dispatch asks it first', () => {
  it('refuses a hand raised on a fixed speakers list, with the reason the screens show', () => {
    const room = startedRoom(); // the first item is a statement by the chair and the official
    const facts = meetingFacts(room.scenario, room.ctx, room.state);
    expect(maySend(facts, seat('p2'), { type: 'hand.raise' })?.code).toBe('floor/not_listed');
    expect(room.send(seat('p2'), { type: 'hand.raise' })).toMatchObject({
      ok: false,
      error: { code: 'floor/not_listed' },
    });
    // A point of order is still heard there.
    expect(room.send(seat('p2'), { type: 'point_of_order' }).ok).toBe(true);
  });

  it('still replays a log written when hands were taken there (the engine’s own checks did not change)', () => {
    const room = startedRoom();
    const session = MeetingSession.replay(room.scenario, [
      ...room.log
        .filter((e) => e.payload.kind === 'meeting')
        .map((e) => ({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          command: e.payload.kind === 'meeting' ? e.payload.command : { type: 'clock.tick' as const },
        })),
      { seq: room.log.length + 1, at: room.now, actor: seat('p2'), command: { type: 'hand.raise' } },
    ]);
    expect(session.context.item?.queue.map((e) => e.speaker)).toContainEqual({
      kind: 'participant',
      id: 'p2',
    });
  });

  it('lets an allowed observer fire a scheduled inject early, and no other observer', () => {
    const room = startedRoom();
    room.ok(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true, injectors: ['o1'] });
    const other: Actor = { kind: 'observer', id: 'o2' };
    const facts = meetingFacts(room.scenario, room.ctx, room.state);
    expect(maySend(facts, other, { type: 'inject.fire', injectId: 'smoke' })?.code).toBe('auth/forbidden');
    expect(maySend(facts, OBSERVER, { type: 'inject.fire', injectId: 'smoke' })).toBeNull();
    room.ok(OBSERVER, { type: 'inject.fire', injectId: 'smoke' });
    expect(room.ctx.record.injects.map((i) => i.inject)).toEqual(['smoke']);
  });

  it('answers an expert’s card.play for the seat it plays', () => {
    const room = startedRoom();
    const facts = meetingFacts(room.scenario, room.ctx, room.state);
    const play = (command: Command): Command =>
      ({ type: 'card.play', participantId: 'p2', command }) as Command;
    // p2 is a trainee, not a stand-in: nobody plays it.
    expect(maySend(facts, OBSERVER, play({ type: 'point_of_order' }))?.code).toBe('seat/not_your_card');
  });
});

describe('the console’s seats and start, from the facilitator’s view', () => {
  const consoleFacts = (room: ViewRoom) => viewFacts(room.scenario, projectLive(room.input(), 'facilitator'));

  it('nobody joined: the start says so first, before the cards still to take', () => {
    const room = new ViewRoom();
    expect(maySend(consoleFacts(room), FACILITATOR, { type: 'meeting.start' })?.code).toBe(
      'meeting/nobody_joined',
    );
    room.seat({ p1: 'chair' }); // owner_a is required and nobody holds it
    expect(maySend(consoleFacts(room), FACILITATOR, { type: 'meeting.start' })?.code).toBe(
      'meeting/required_cards',
    );
    expect(room.send(FACILITATOR, { type: 'meeting.start' })).toMatchObject({
      ok: false,
      error: { code: 'meeting/required_cards' },
    });
  });

  it('a full card, a stand-in’s seat, a card for an expert and taking it back: the same answers as dispatch', () => {
    const room = new ViewRoom().seat({ p1: 'chair', p2: 'owner_a', p3: null });
    room.coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o1', name: 'Expert' });
    const ask = (command: Command) => maySend(consoleFacts(room), FACILITATOR, command)?.code ?? null;
    // owner_a has one seat, held by p2.
    expect(ask({ type: 'card.assign', participantId: 'p3', roleId: 'owner_a' })).toBe('seat/card_full');
    expect(ask({ type: 'card.assign', participantId: 'p3', roleId: 'owner_b' })).toBeNull();
    expect(ask({ type: 'card.assign_expert', roleId: 'owner_a', observerId: 'o1' })).toBe('seat/card_full');
    expect(ask({ type: 'card.assign_expert', roleId: 'official', observerId: 'o1' })).toBe('seat/npc_card');
    expect(ask({ type: 'card.assign_expert', roleId: 'tenant', observerId: 'o1' })).toBeNull();
    room.ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'tenant', observerId: 'o1' });
    const standIn = Object.values(room.ctx.participants).find((p) => p.playedBy === 'o1');
    if (!standIn) throw new Error('no stand-in');
    expect(ask({ type: 'card.assign', participantId: standIn.id, roleId: null })).toBe('seat/stand_in');
    expect(ask({ type: 'card.release_expert', participantId: 'p2' })).toBe('seat/not_stand_in');
    expect(ask({ type: 'card.release_expert', participantId: standIn.id })).toBeNull();
    // Once the meeting runs, cards for experts are closed.
    room.ok(FACILITATOR, { type: 'card.release_expert', participantId: standIn.id });
    room.ok(FACILITATOR, { type: 'meeting.start' }).ok(seat('p1'), { type: 'meeting.begin' });
    expect(ask({ type: 'card.assign_expert', roleId: 'tenant', observerId: 'o1' })).toBe(
      'command/wrong_state',
    );
  });
});
