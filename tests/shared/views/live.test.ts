// The live view per viewer (shared/views/live.ts), from a meeting driven
// directly: what a trainee, the projector, an observer and the facilitator
// may each see of cards, handouts, injects, ballots, tips and coaching.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../shared/scenario/index.ts';
import { projectLive, projectTrainee } from '../../../shared/views/live.ts';
import { ownPart, ownPartDependencies, personalize } from '../../../shared/views/own-part.ts';
import type { InjectStatus, LiveView } from '../../../shared/views/types.ts';
import {
  FACILITATOR,
  OBSERVER,
  seat,
  startedRoom,
  ViewRoom,
  viewScenario,
} from '../../support/views-fixture.ts';

const CANARY = /CANARY-[A-Za-z0-9_-]+/g;
const canaries = (view: unknown) => [...new Set(JSON.stringify(view).match(CANARY) ?? [])].sort();
const trainee = (room: ViewRoom, id: string) => projectTrainee(room.input(), id);
const projector = (room: ViewRoom) => projectLive(room.input(), 'projector');
const observer = (room: ViewRoom) => projectLive(room.input(), 'observer');
const facilitator = (room: ViewRoom) => projectLive(room.input(), 'facilitator');
const O2 = { kind: 'observer', id: 'o2' } as const;

describe('a trainee’s own part', () => {
  it('holds their own card only, with its private fields', () => {
    const room = startedRoom();
    const view = trainee(room, 'p2');
    expect(view.me?.participantId).toBe('p2');
    expect(view.me?.card?.id).toBe('owner_a');
    expect(canaries(view)).toEqual(
      [
        'CANARY-BRIEF-owner_a',
        'CANARY-GOAL-owner_a',
        'CANARY-REDLINE-owner_a',
        'CANARY-SECRET-owner_a',
      ].sort(),
    );
    // Two holders of the crowd card both read it.
    expect(trainee(room, 'p4').me?.card?.id).toBe('owners');
    expect(trainee(room, 'p5').me?.card?.id).toBe('owners');
  });

  it('a trainee without a card gets no card and no handouts', () => {
    const view = trainee(startedRoom(), 'p7');
    expect(view.me).toMatchObject({ participantId: 'p7', name: 'Name p7', card: null, handouts: [] });
    expect(canaries(view)).toEqual([]);
  });

  it('the shared trainee view, the projector and the single-sided screen have no `me`', () => {
    const room = startedRoom();
    expect(projectLive(room.input(), 'trainee').me).toBeUndefined();
    expect(projector(room).me).toBeUndefined();
    expect(observer(room).me).toBeUndefined();
    expect(facilitator(room).me).toBeUndefined();
  });

  it('personalize adds one trainee’s part to the shared view and leaves it untouched', () => {
    const room = startedRoom();
    const input = room.input();
    const shared = projectLive(input, 'trainee');
    const before = JSON.stringify(shared);
    const a = personalize(shared, input, 'p2');
    const b = personalize(shared, input, 'p3');
    expect(JSON.stringify(shared)).toBe(before);
    expect(a.me?.card?.id).toBe('owner_a');
    expect(b.me?.card?.id).toBe('owner_b');
    expect(a.participants).toEqual(b.participants);
  });

  it('private handouts reach only their own card', () => {
    const room = startedRoom();
    expect(trainee(room, 'p3').me?.handouts.map((h) => h.id)).toEqual(['letter']);
    for (const id of ['p1', 'p2', 'p4', 'p6']) expect(trainee(room, id).me?.handouts).toEqual([]);
    expect(JSON.stringify(projector(room))).not.toContain('CANARY-HANDOUT');
  });
});

describe('injects', () => {
  /** Fires the manual injects (to owner_a, to observers) and lets the scheduled one (to all) fall due. */
  const fired = () => {
    const room = startedRoom();
    room.ok(FACILITATOR, { type: 'item.next' }); // talk
    room.ok(FACILITATOR, { type: 'inject.fire', injectId: 'call' });
    room.ok(FACILITATOR, { type: 'inject.fire', injectId: 'note' });
    room.advance(181).tick();
    return room;
  };

  it('a trainee receives none before anything fires', () => {
    const room = startedRoom();
    room.ok(FACILITATOR, { type: 'item.next' });
    for (const id of ['p1', 'p2', 'p3']) expect(trainee(room, id).injects).toEqual([]);
    expect(projector(room).injects).toEqual([]);
  });

  it('a trainee receives fired injects to all and to their own card; never observers’ or spare ones', () => {
    const room = fired();
    expect(room.ctx.record.injects.map((r) => r.inject).sort()).toEqual(['call', 'note', 'smoke']);
    expect(trainee(room, 'p2').injects.map((i) => i.id)).toEqual(['call', 'smoke']);
    for (const id of ['p1', 'p3', 'p4', 'p6', 'p7']) {
      expect(trainee(room, id).injects.map((i) => i.id)).toEqual(['smoke']);
    }
    const received = trainee(room, 'p2').injects[0];
    expect(Object.keys(received ?? {}).sort()).toEqual(['body', 'firedAt', 'id', 'title']);
    expect(canaries(trainee(room, 'p2').injects)).toEqual(['CANARY-INJECT-call']);
  });

  it('the projector receives only fired injects to all', () => {
    const view = projector(fired());
    expect(view.injects.map((i) => i.id)).toEqual(['smoke']);
    expect(canaries(view)).toEqual([]);
  });

  it('observers and the facilitator see every inject, fired or not, with what to expect', () => {
    const room = fired();
    for (const view of [observer(room), facilitator(room)]) {
      const injects = view.injects as InjectStatus[];
      expect(injects.map((i) => [i.id, i.fired])).toEqual([
        ['smoke', true],
        ['call', true],
        ['note', true],
        ['spare', false],
      ]);
      expect(injects.find((i) => i.id === 'call')).toMatchObject({
        to: ['owner_a'],
        trigger: 'manual',
        expect: { en: 'CANARY-EXPECT-call' },
        firedBy: 'facilitator',
      });
      expect(injects.find((i) => i.id === 'smoke')?.respondBy).toBeDefined();
    }
  });

  it('the inject record (who fired what, when) is not in a trainee’s or the projector’s record', () => {
    const room = fired();
    expect(trainee(room, 'p2').record).not.toHaveProperty('injects');
    expect(projector(room).record).not.toHaveProperty('injects');
    expect(observer(room).record).not.toHaveProperty('injects');
  });
});

describe('ballots', () => {
  const secretVote = () => {
    const room = startedRoom().goto('secret');
    room.ok(seat('p1'), { type: 'vote.open' });
    room.ok(seat('p2'), { type: 'vote.cast', choice: 'no' });
    room.ok(seat('p4'), { type: 'vote.cast', choice: 'yes' });
    return room;
  };

  it('a secret ballot shows how many voted, not who voted what, to trainees and the projector', () => {
    const room = secretVote();
    for (const view of [trainee(room, 'p3'), trainee(room, 'p2'), projector(room)]) {
      expect(view.item?.ballot).toMatchObject({ kind: 'vote', open: true, castCount: 2 });
      expect(view.item?.ballot).not.toHaveProperty('votes');
      expect(view.item?.ballot).not.toHaveProperty('choices');
    }
  });

  it('observers and the facilitator see the secret ballot’s votes', () => {
    const room = secretVote();
    for (const view of [observer(room), facilitator(room)]) {
      expect(view.item?.ballot?.votes).toEqual({ p2: 'no', p4: 'yes' });
    }
  });

  it('a trainee sees their own secret ballot in me.ballot, and no one else’s', () => {
    const room = secretVote();
    expect(trainee(room, 'p2').me?.ballot).toBe('no');
    expect(trainee(room, 'p4').me?.ballot).toBe('yes');
    expect(trainee(room, 'p3').me).not.toHaveProperty('ballot');
  });

  it('a counted secret ballot reaches trainees and the projector sealed: its verdict, no votes, no totals', () => {
    const room = secretVote();
    room.ok(seat('p1'), { type: 'vote.close' });
    const full = observer(room).record.ballots.find((b) => b.item === 'secret');
    expect(full).toMatchObject({ votes: { p2: 'no', p4: 'yes' } });
    for (const view of [trainee(room, 'p3'), projector(room)]) {
      const counted = view.record.ballots.find((b) => b.item === 'secret');
      expect(counted).toMatchObject({ kind: 'vote', ballot: 'secret', votes: {}, sealed: true });
      if (counted?.kind !== 'vote' || full?.kind !== 'vote') throw new Error('no counted vote');
      const zero = { headcount: 0, area: 0 };
      expect([
        counted.outcome.yes,
        counted.outcome.no,
        counted.outcome.abstain,
        counted.outcome.cast,
      ]).toEqual([zero, zero, zero, zero]);
      expect(counted.outcome.passed).toBe(full.outcome.passed);
      expect(counted.outcome.failed).toEqual(full.outcome.failed);
      expect(counted.outcome.pass.map((c) => [c.met, c.part, c.whole])).toEqual(
        full.outcome.pass.map((c) => [c.met, 0, 0]),
      );
    }
    // The context itself is untouched by the projection.
    expect(room.ctx.record.ballots[0]).toMatchObject({ votes: { p2: 'no', p4: 'yes' } });
  });

  it('a sealed ballot under a rule without area gives the room no area at all (one card has 90 m²)', () => {
    const room = secretVote(); // simple_majority: headcount only; owner_a alone has 90 m²
    room.ok(seat('p1'), { type: 'vote.close' });
    const full = observer(room).record.ballots[0];
    expect(full?.kind === 'vote' && full.outcome.no).toEqual({ headcount: 1, area: 90 });
    for (const view of [trainee(room, 'p3'), projector(room)]) {
      const counted = view.record.ballots[0];
      if (counted?.kind !== 'vote') throw new Error('no counted vote');
      const { eligible, participating } = counted.outcome;
      for (const m of [eligible, participating]) expect(m.area).toBe(0);
      // Who took part is public (the timeline shows each ballot cast); the count stays.
      expect(participating.headcount).toBe(2);
    }
  });

  it('a sealed ballot under an area rule keeps the turnout, not the area in favour', () => {
    const secretDecide = viewScenario();
    const room = new ViewRoom({
      ...secretDecide,
      agenda: secretDecide.agenda.map((i) => (i.id === 'decide' ? { ...i, ballot: 'secret' as const } : i)),
    })
      .seat({ p1: 'chair', p2: 'owner_a', p3: 'owner_b' })
      .ok(FACILITATOR, { type: 'meeting.start' })
      .ok(seat('p1'), { type: 'meeting.begin' })
      .goto('decide');
    room.ok(seat('p1'), { type: 'vote.open' });
    room.ok(seat('p2'), { type: 'vote.cast', choice: 'yes' });
    room.ok(seat('p3'), { type: 'vote.cast', choice: 'no' });
    room.ok(seat('p1'), { type: 'vote.close' });
    const counted = trainee(room, 'p3').record.ballots[0];
    expect(counted).toMatchObject({ ballot: 'secret', votes: {}, outcome: { rule: 'owners_special' } });
    if (counted?.kind !== 'vote') throw new Error('no counted vote');
    // owner_a (90 m²) yes, owner_b (60 m²) no: 150 m² took part, which everyone saw; yes stays sealed.
    expect(counted.outcome.participating).toEqual({ headcount: 2, area: 150 });
    expect(counted.outcome.yes).toEqual({ headcount: 0, area: 0 });
    expect(counted.outcome.passed).toBe(false);
  });

  it('an open ballot shows who voted what to everyone', () => {
    const room = startedRoom().goto('decide');
    room.ok(seat('p1'), { type: 'vote.open' });
    room.ok(seat('p2'), { type: 'vote.cast', choice: 'yes' });
    room.ok(seat('p3'), { type: 'vote.cast', choice: 'no' });
    for (const view of [trainee(room, 'p4'), projector(room), observer(room)]) {
      expect(view.item?.ballot?.votes).toEqual({ p2: 'yes', p3: 'no' });
    }
    expect(trainee(room, 'p2').me?.ballot).toBe('yes');
    room.ok(seat('p1'), { type: 'vote.close' });
    const counted = trainee(room, 'p4').record.ballots.find((b) => b.item === 'decide');
    expect(counted).toMatchObject({ ballot: 'open', votes: { p2: 'yes', p3: 'no' } });
  });

  it('an open election shows the choices; a trainee’s own choices are in me.ballot', () => {
    const room = startedRoom().goto('elect');
    room.ok(seat('p2'), { type: 'candidate.nominate', participantId: 'p3' });
    room.ok(seat('p1'), { type: 'vote.open' });
    room.ok(seat('p2'), { type: 'election.cast', choices: ['p3'] });
    expect(trainee(room, 'p4').item?.ballot?.choices).toEqual({ p2: ['p3'] });
    expect(trainee(room, 'p2').me?.ballot).toEqual(['p3']);
  });

  it('a secret election hides the choices the same way', () => {
    const room = new ViewRoom(withSecretElection(viewScenario()))
      .seat({ p1: 'chair', p2: 'owner_a', p3: 'owner_b' })
      .ok(FACILITATOR, { type: 'meeting.start' })
      .ok(seat('p1'), { type: 'meeting.begin' })
      .goto('elect');
    room.ok(seat('p2'), { type: 'candidate.nominate', participantId: 'p3' });
    room.ok(seat('p1'), { type: 'vote.open' });
    room.ok(seat('p2'), { type: 'election.cast', choices: ['p3'] });
    expect(trainee(room, 'p3').item?.ballot).not.toHaveProperty('choices');
    expect(trainee(room, 'p3').item?.ballot?.castCount).toBe(1);
    expect(trainee(room, 'p2').me?.ballot).toEqual(['p3']);
    expect(observer(room).item?.ballot?.choices).toEqual({ p2: ['p3'] });
    room.ok(seat('p1'), { type: 'vote.close' });
    const counted = trainee(room, 'p3').record.ballots[0];
    expect(counted).toMatchObject({ kind: 'election', choices: {} });
    if (counted?.kind !== 'election') throw new Error('no counted election');
    expect(counted.outcome.elected).toEqual(['p3']);
    for (const c of counted.outcome.candidates) expect(c.outcome.yes.area).toBe(0);
    expect(counted.outcome.participating.area).toBe(0);
    expect(observer(room).record.ballots[0]).toMatchObject({ choices: { p2: ['p3'] } });
  });
});

function withSecretElection(scenario: Scenario): Scenario {
  return {
    ...scenario,
    agenda: scenario.agenda.map((item) =>
      item.kind === 'election' ? { ...item, ballot: 'secret' as const } : item,
    ),
  };
}

describe('tips and coaching', () => {
  const coached = () => {
    const room = startedRoom();
    room.coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o1', name: 'CANARY-OBSERVER-o1' });
    room.coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o2', name: 'CANARY-OBSERVER-o2' });
    room.coach(OBSERVER, { type: 'tip.whisper', tipId: 't-p2', to: 'p2', text: 'CANARY-TIP-p2' });
    room.coach(O2, { type: 'tip.whisper', tipId: 't-p3', to: 'p3', text: 'CANARY-TIP-p3' });
    room.coach(O2, { type: 'tip.broadcast', tipId: 'hint', text: 'Everyone: slow down' });
    room.coach(seat('p3'), { type: 'tip.read', tipId: 'hint' });
    room.coach(seat('p2'), { type: 'tip.ack', tipId: 't-p2' });
    room.coach(OBSERVER, {
      type: 'marker.drop',
      markerId: 'm1',
      participantId: 'p2',
      competency: 'mass_work',
      kind: 'strength',
      note: 'CANARY-MARKER',
    });
    room.coach(O2, { type: 'backchannel.say', messageId: 'b1', text: 'CANARY-BACKCHANNEL' });
    return room;
  };

  it('a trainee sees their own tips and broadcasts, without a sender, with only their own receipts', () => {
    const room = coached();
    const tips = trainee(room, 'p2').me?.tips ?? [];
    expect(tips.map((t) => t.id)).toEqual(['t-p2', 'hint']);
    expect(tips[0]).toMatchObject({
      text: 'CANARY-TIP-p2',
      broadcast: false,
      ackAt: room.now,
      readAt: room.now,
    });
    expect(tips[1]).toEqual({ id: 'hint', text: 'Everyone: slow down', sentAt: room.now, broadcast: true });
    for (const tip of tips) expect(tip).not.toHaveProperty('from');
    expect(canaries(trainee(room, 'p2'))).not.toContain('CANARY-TIP-p3');
    const p3 = trainee(room, 'p3').me?.tips ?? [];
    expect(p3.map((t) => t.id)).toEqual(['t-p3', 'hint']);
    expect(p3[1]?.readAt).toBe(room.now);
    expect(trainee(room, 'p6').me?.tips.map((t) => t.id)).toEqual(['hint']);
  });

  it('coaching and settings reach observers and the facilitator only', () => {
    const room = coached();
    for (const view of [trainee(room, 'p2'), projectLive(room.input(), 'trainee'), projector(room)]) {
      expect(view).not.toHaveProperty('coaching');
      expect(view).not.toHaveProperty('settings');
      const json = JSON.stringify(view);
      for (const secret of ['CANARY-OBSERVER', 'CANARY-MARKER', 'CANARY-BACKCHANNEL', '"o1"', '"o2"'])
        expect(json).not.toContain(secret);
    }
    expect(projector(room)).not.toHaveProperty('me');
    expect(JSON.stringify(projector(room))).not.toContain('slow down');
    for (const view of [observer(room), facilitator(room)]) {
      expect(view.coaching?.markers.map((m) => m.note)).toEqual(['CANARY-MARKER']);
      expect(view.coaching?.backchannel.map((m) => m.text)).toEqual(['CANARY-BACKCHANNEL']);
      expect(Object.keys(view.coaching?.observers ?? {})).toEqual(['o1', 'o2']);
      expect(view.coaching?.tips.map((t) => t.from)).toEqual(['o1', 'o2', 'o2']);
      expect(view.settings).toEqual({ observersMayFireInjects: false, injectors: null });
    }
  });
});

describe('what everyone shares', () => {
  it('participants with their cards and presence; no observer among them', () => {
    const room = startedRoom();
    const view: LiveView = projectLive(room.input(['p1', 'p2']), 'trainee');
    expect(view.participants.map((p) => [p.id, p.roleId, p.online])).toEqual([
      ['p1', 'chair', true],
      ['p2', 'owner_a', true],
      ['p3', 'owner_b', false],
      ['p4', 'owners', false],
      ['p5', 'owners', false],
      ['p6', 'tenant', false],
      ['p7', null, false],
    ]);
    expect(view).toMatchObject({ phase: 'running', attempt: 1, item: { id: 'open' } });
  });
});

describe('when a trainee’s own part can change (ownPartDependencies)', () => {
  const TRAINEES = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
  type Step = [label: string, act: (room: ViewRoom) => unknown];
  // Every kind of change a room goes through, own-part ones and others.
  const steps: Step[] = [
    ['a point of order', (r) => r.ok(seat('p6'), { type: 'point_of_order' })],
    ['an inject to owner_a', (r) => r.ok(FACILITATOR, { type: 'inject.fire', injectId: 'call' })],
    ['an inject to the observers', (r) => r.ok(FACILITATOR, { type: 'inject.fire', injectId: 'note' })],
    ['a whisper to p2', (r) => r.coach(OBSERVER, { type: 'tip.whisper', tipId: 'w', to: 'p2', text: 'x' })],
    ['a broadcast tip', (r) => r.coach(OBSERVER, { type: 'tip.broadcast', tipId: 'b', text: 'y' })],
    ['p3 reads it', (r) => r.coach(seat('p3'), { type: 'tip.read', tipId: 'b' })],
    ['p2 acknowledges', (r) => r.coach(seat('p2'), { type: 'tip.ack', tipId: 'w' })],
    [
      'a marker',
      (r) =>
        r.coach(OBSERVER, {
          type: 'marker.drop',
          markerId: 'm1',
          participantId: 'p2',
          competency: 'listening',
          kind: 'strength',
        }),
    ],
    [
      'a plan item for p4',
      (r) => r.coach(OBSERVER, { type: 'plan.add', itemId: 'pl', participantId: 'p4', text: 'z' }),
    ],
    ['the secret vote', (r) => r.goto('secret')],
    ['the vote opens', (r) => r.ok(seat('p1'), { type: 'vote.open' })],
    ['p2 votes', (r) => r.ok(seat('p2'), { type: 'vote.cast', choice: 'no' })],
    ['time passes', (r) => r.advance(30).tick()],
    [
      'a retake',
      (r) =>
        r.ok(FACILITATOR, { type: 'meeting.end' }).ok(FACILITATOR, { type: 'meeting.retake', cards: 'keep' }),
    ],
    ['p7 takes a card', (r) => r.ok(seat('p7'), { type: 'card.take', roleId: 'owners' })],
  ];

  it('while everything it reads is the same object, the own part is the same; each own change shows in them', () => {
    const room = startedRoom();
    let input = room.input();
    const changed = new Set<string>();
    for (const [label, act] of steps) {
      act(room);
      const next = room.input();
      for (const id of TRAINEES) {
        const same = ownPartDependencies(next, id).every((d, i) => d === ownPartDependencies(input, id)[i]);
        const before = ownPart(input, id);
        const after = ownPart(next, id);
        if (same) expect(after, `${label}: ${id}`).toEqual(before);
        if (JSON.stringify(after) !== JSON.stringify(before)) changed.add(`${label}: ${id}`);
      }
      input = next;
    }
    // The script did change own parts, so the check above was not vacuous.
    expect([...changed].sort()).toEqual(
      expect.arrayContaining([
        'an inject to owner_a: p2',
        'a whisper to p2: p2',
        'a broadcast tip: p1',
        'p3 reads it: p3',
        'p2 acknowledges: p2',
        // A plan item shows from the next attempt on.
        'a retake: p4',
        'p2 votes: p2',
        'p7 takes a card: p7',
      ]),
    );
    expect(changed.has('a point of order: p6')).toBe(false);
  });
});
