import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceCards } from '../../../shared/meeting/seats.ts';
import { MeetingSession } from '../../../shared/meeting/session.ts';
import { simulateMeeting } from '../../../shared/meeting/simulate.ts';
import { speakingBySpeaker } from '../../../shared/meeting/speaking.ts';
import {
  Driver,
  engineScenario,
  engineScenarioData,
  FACILITATOR,
  OBSERVER,
  seat,
  startedDriver,
  T0,
} from '../../support/meeting-fixture.ts';

const goto = (d: Driver, itemId: string) => d.ok(FACILITATOR, { type: 'item.goto', itemId });

describe('lobby and cards', () => {
  it('cannot start until every required card is held, and says which', () => {
    const d = new Driver().seat({ p1: 'chair' });
    const refused = d.send(FACILITATOR, { type: 'meeting.start' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'meeting/required_cards' } });
    expect(!refused.ok && refused.error.message).toContain('owner_a (0/1)');
    d.seat({ p2: 'owner_a' }).ok(FACILITATOR, { type: 'meeting.start' });
    expect(d.session.state).toBe('briefing');
  });

  it('keeps cards within their seat range and away from npc cards', () => {
    const d = new Driver().seat({ p1: 'chair' });
    d.ok(FACILITATOR, { type: 'participant.join', participantId: 'p2', name: 'Two' });
    expect(d.send(seat('p2'), { type: 'card.take', roleId: 'chair' })).toMatchObject({
      error: { code: 'seat/card_full' },
    });
    expect(d.send(seat('p2'), { type: 'card.take', roleId: 'official' })).toMatchObject({
      error: { code: 'seat/npc_card' },
    });
    expect(d.send(seat('p2'), { type: 'card.take', roleId: 'ghost' })).toMatchObject({
      error: { code: 'seat/unknown_role' },
    });
    expect(d.send(seat('zz'), { type: 'card.take', roleId: 'owner_a' })).toMatchObject({
      error: { code: 'seat/unknown_participant' },
    });
    d.seat({ p3: 'owners', p4: 'owners', p5: 'owners', p6: 'owners' });
    d.ok(FACILITATOR, { type: 'participant.join', participantId: 'p7', name: 'Seven' });
    expect(d.send(seat('p7'), { type: 'card.take', roleId: 'owners' })).toMatchObject({
      error: { code: 'seat/card_full' },
    });
  });

  it('balances unseated participants: required cards first, then the emptiest', () => {
    const d = new Driver();
    for (const id of ['a', 'b', 'c', 'd'])
      d.ok(FACILITATOR, { type: 'participant.join', participantId: id, name: id });
    const plan = balanceCards(d.scenario, d.ctx);
    expect(plan.map((p) => p.roleId)).toEqual(['chair', 'owner_a', 'owner_b', 'owners']);
    for (const { participantId, roleId } of plan)
      d.ok(FACILITATOR, { type: 'card.assign', participantId, roleId });
    d.ok(FACILITATOR, { type: 'meeting.start' });
  });
});

describe('rights', () => {
  it('gives chair powers to the chair card and the facilitator only, with typed errors', () => {
    const d = startedDriver();
    expect(d.send(seat('p2'), { type: 'floor.give' })).toMatchObject({ error: { code: 'floor/not_chair' } });
    expect(d.send(OBSERVER, { type: 'floor.give' })).toMatchObject({ error: { code: 'auth/forbidden' } });
    expect(d.send(seat('p2'), { type: 'meeting.pause' })).toMatchObject({
      error: { code: 'auth/forbidden' },
    });
    d.ok(seat('p1'), { type: 'floor.give' });
    d.ok(seat('p1'), { type: 'floor.cut' });
    d.ok(FACILITATOR, { type: 'floor.give' });
  });

  it('lets observers fire injects only when the facilitator allows it', () => {
    const d = startedDriver();
    expect(d.send(OBSERVER, { type: 'inject.fire', injectId: 'call' })).toMatchObject({
      error: { code: 'auth/forbidden' },
    });
    d.ok(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true });
    d.ok(OBSERVER, { type: 'inject.fire', injectId: 'call' });
    expect(d.send(FACILITATOR, { type: 'inject.fire', injectId: 'call' })).toMatchObject({
      error: { code: 'inject/already_fired' },
    });
    expect(d.ctx.record.injects[0]).toMatchObject({ inject: 'call', by: 'observer', item: 'open' });
  });

  it('refuses a command that does not fit the state, and changes nothing', () => {
    const d = startedDriver();
    const before = structuredClone(d.ctx);
    expect(d.send(seat('p2'), { type: 'vote.cast', choice: 'yes' })).toMatchObject({
      error: { code: 'command/wrong_state' },
    });
    expect(d.send(seat('p1'), { type: 'vote.open' })).toMatchObject({
      error: { code: 'command/wrong_state' },
    });
    expect(d.send(FACILITATOR, { type: 'meeting.resume' })).toMatchObject({
      error: { code: 'command/wrong_state' },
    });
    expect(d.ctx).toEqual(before);
  });
});

describe('floor control', () => {
  it('calls a statement item’s speakers in order, NPCs included, and rejects others', () => {
    const d = startedDriver();
    expect(d.ctx.item?.queue.map((e) => e.speaker)).toEqual([
      { kind: 'participant', id: 'p1' },
      { kind: 'npc', roleId: 'official' },
    ]);
    expect(d.send(seat('p1'), { type: 'floor.give', to: { kind: 'participant', id: 'p2' } })).toMatchObject({
      error: { code: 'floor/not_listed' },
    });
    d.ok(seat('p1'), { type: 'floor.give' });
    expect(d.session.state).toBe('meeting.running.floor.speaking');
    d.ok(seat('p1'), { type: 'statement.post', text: '欢迎大家' });
    expect(d.send(seat('p2'), { type: 'statement.post', text: 'me too' })).toMatchObject({
      error: { code: 'floor/not_holder' },
    });
    d.advance(30).ok(seat('p1'), { type: 'floor.yield' });
    d.ok(seat('p1'), { type: 'floor.give' });
    expect(d.ctx.item?.floor?.speaker).toEqual({ kind: 'npc', roleId: 'official' });
    d.ok(OBSERVER, { type: 'npc.say', roleId: 'official', text: 'Street office here' });
    d.advance(20).ok(OBSERVER, { type: 'floor.yield' });
    expect(d.ctx.record.statements.map((s) => [s.roleId, s.text])).toEqual([
      ['chair', '欢迎大家'],
      ['official', 'Street office here'],
    ]);
  });

  it('puts points of order first and, with balance, those who have spoken least', () => {
    const d = startedDriver();
    goto(d, 'talk');
    d.ok(seat('p2'), { type: 'hand.raise' });
    d.ok(seat('p2'), { type: 'hand.lower' });
    expect(d.send(seat('p2'), { type: 'hand.lower' })).toMatchObject({ error: { code: 'floor/not_queued' } });
    d.ok(seat('p2'), { type: 'hand.raise' });
    expect(d.send(seat('p2'), { type: 'hand.raise' })).toMatchObject({
      error: { code: 'floor/already_queued' },
    });
    d.ok(seat('p1'), { type: 'floor.give' }); // p2 speaks 60 s
    d.advance(60).ok(seat('p2'), { type: 'floor.yield' });
    d.advance(1).ok(seat('p2'), { type: 'hand.raise' }); // p2 again first in time…
    d.advance(1).ok(seat('p3'), { type: 'hand.raise' }); // …but p3 has spoken less
    d.advance(1).ok(seat('p4'), { type: 'point_of_order' }); // and a point of order beats both
    d.ok(seat('p1'), { type: 'floor.give' });
    expect(d.ctx.item?.floor).toMatchObject({ speaker: { id: 'p4' }, pointOfOrder: true });
    d.ok(seat('p4'), { type: 'floor.yield' });
    d.ok(seat('p1'), { type: 'floor.give' });
    expect(d.ctx.item?.floor?.speaker).toEqual({ kind: 'participant', id: 'p3' });
  });

  it('records overtime instead of dropping it, and extensions move the deadline', () => {
    const d = startedDriver();
    goto(d, 'talk');
    d.ok(seat('p2'), { type: 'hand.raise' }).ok(seat('p1'), { type: 'floor.give' });
    expect(d.ctx.item?.floor?.deadline).toBe(d.now + 90_000);
    d.advance(60).ok(seat('p1'), { type: 'floor.extend', seconds: 30 }); // now 120 s allowed
    d.advance(70).tick(); // 130 s: 10 s over
    expect(d.ctx.item?.floor?.timeUpAt).toBe(d.ctx.item?.floor?.deadline);
    d.advance(5).ok(seat('p1'), { type: 'floor.cut' });
    const turn = d.ctx.record.turns.at(-1);
    expect(turn).toMatchObject({ endedBy: 'cut', overtimeMs: 15_000 });
    expect(speakingBySpeaker(d.ctx.record)['p:p2']).toEqual({
      speakingMs: 135_000,
      turns: 1,
      overtimeMs: 15_000,
      pointsOfOrder: 0,
      cutOff: 1,
      statements: 0,
    });
  });

  it('runs a fixed speakers list for every round', () => {
    const d = startedDriver();
    goto(d, 'list');
    const order = d.ctx.item?.queue.map((e) => (e.speaker.kind === 'participant' ? e.speaker.id : ''));
    expect(order).toEqual(['p2', 'p3', 'p2', 'p3']);
  });
});

describe('time', () => {
  it('fires a scheduled inject at its time, tracks the response window, and pausing stops every clock', () => {
    const d = startedDriver();
    d.at(100);
    goto(d, 'talk'); // item starts at 100 s; the inject is due at 280 s
    expect(d.session.nextDeadline()).toBe(T0 + 280_000);
    d.at(200).ok(FACILITATOR, { type: 'meeting.pause' });
    expect(d.session.nextDeadline()).toBeNull();
    d.at(500).ok(FACILITATOR, { type: 'meeting.resume' }); // 300 s paused
    expect(d.session.nextDeadline()).toBe(T0 + 580_000);
    d.at(579);
    expect(d.tick()).toBeNull();
    d.at(585);
    expect(d.tick()?.command.type).toBe('clock.tick');
    expect(d.ctx.record.injects).toEqual([
      { inject: 'smoke', firedAt: T0 + 580_000, by: 'schedule', item: 'talk', respondBy: T0 + 700_000 },
    ]);
    d.at(640).ok(OBSERVER, { type: 'inject.respond', injectId: 'smoke' });
    expect(d.ctx.record.injects[0]?.respondedAt).toBe(T0 + 640_000);
    expect(d.ctx.record.pauses).toEqual([{ from: T0 + 200_000, to: T0 + 500_000 }]);
  });

  it('resumes a persisted meeting with the right time left', () => {
    const d = startedDriver();
    d.at(100);
    goto(d, 'talk');
    d.at(150);
    const restored = MeetingSession.restore(d.scenario, JSON.parse(JSON.stringify(d.session.persist())));
    expect(restored.nextDeadline()).toBe(T0 + 280_000);
    expect(restored.state).toBe(d.session.state);
    expect(restored.tick(T0 + 290_000)).toMatchObject({ seq: d.session.lastSeq + 1 });
    expect(restored.context.record.injects[0]?.firedAt).toBe(T0 + 280_000);
  });

  it('applies a late tick at the deadline, not at the tick', () => {
    const d = startedDriver(); // 'open' has a 5 min time box from begin
    const deadline = d.ctx.item?.deadline ?? 0;
    d.now = deadline + 42_000;
    d.tick();
    expect(d.ctx.item?.timeUpAt).toBe(deadline);
    d.ok(seat('p1'), { type: 'item.next' });
    expect(d.ctx.record.items[0]).toMatchObject({ item: 'open', overtimeMs: 42_000 });
  });
});

describe('votes and elections', () => {
  it('counts an owners_special vote by area and headcount, ballots changeable until close', () => {
    const d = startedDriver();
    goto(d, 'decide');
    expect(d.send(seat('p2'), { type: 'vote.cast', choice: 'yes' })).toMatchObject({
      error: { code: 'vote/not_open' },
    });
    d.ok(seat('p1'), { type: 'vote.open' });
    expect(d.ctx.item?.ballot?.voters).toEqual(['p2', 'p3', 'p4', 'p5']); // owners only: not the chair or the tenant
    expect(d.send(seat('p6'), { type: 'vote.cast', choice: 'yes' })).toMatchObject({
      error: { code: 'vote/not_eligible' },
    });
    d.ok(seat('p2'), { type: 'vote.cast', choice: 'no' });
    d.ok(seat('p2'), { type: 'vote.cast', choice: 'yes' }); // changed its mind: open ballot
    d.ok(seat('p3'), { type: 'vote.cast', choice: 'yes' });
    d.ok(seat('p4'), { type: 'vote.cast', choice: 'yes' });
    d.ok(seat('p5'), { type: 'vote.cast', choice: 'no' });
    d.ok(seat('p1'), { type: 'vote.close' });
    expect(d.send(seat('p5'), { type: 'vote.cast', choice: 'yes' })).toMatchObject({
      error: { code: 'vote/closed' },
    });
    const [record] = d.ctx.record.ballots;
    // Area: yes 90+60+50 = 200 of 250 = 80% ≥ 3/4; headcount: 3 of 4 = 75% ≥ 3/4 exactly.
    expect(record?.kind === 'vote' && record.outcome).toMatchObject({
      passed: true,
      yes: { headcount: 3, area: 200 },
      participating: { headcount: 4, area: 250 },
      failed: [],
    });
  });

  it('keeps a secret ballot final and offers only its options', () => {
    const d = startedDriver();
    goto(d, 'secret');
    d.ok(seat('p1'), { type: 'vote.open' });
    expect(d.send(seat('p2'), { type: 'vote.cast', choice: 'abstain' })).toMatchObject({
      error: { code: 'vote/invalid_option' },
    });
    d.ok(seat('p2'), { type: 'vote.cast', choice: 'yes' });
    expect(d.send(seat('p2'), { type: 'vote.cast', choice: 'no' })).toMatchObject({
      error: { code: 'vote/ballot_final' },
    });
  });

  it('runs an election by nomination with a limit on choices', () => {
    const d = startedDriver();
    goto(d, 'elect');
    expect(d.send(seat('p1'), { type: 'vote.open' })).toMatchObject({
      error: { code: 'vote/no_candidates' },
    });
    for (const id of ['p2', 'p3', 'p4']) d.ok(seat('p6'), { type: 'candidate.nominate', participantId: id });
    expect(d.send(seat('p6'), { type: 'candidate.nominate', participantId: 'p2' })).toMatchObject({
      error: { code: 'vote/already_nominated' },
    });
    d.ok(seat('p1'), { type: 'vote.open' });
    expect(d.send(seat('p2'), { type: 'election.cast', choices: ['p2', 'p3', 'p4'] })).toMatchObject({
      error: { code: 'vote/too_many_choices' },
    });
    expect(d.send(seat('p2'), { type: 'election.cast', choices: ['p6'] })).toMatchObject({
      error: { code: 'vote/unknown_candidate' },
    });
    const ballots: Record<string, string[]> = {
      p1: ['p2', 'p3'],
      p2: ['p2', 'p3'],
      p3: ['p3'],
      p4: ['p4'],
      p5: ['p2'],
      p6: ['p2', 'p3'],
    };
    for (const [voter, choices] of Object.entries(ballots))
      d.ok(seat(voter), { type: 'election.cast', choices });
    d.ok(seat('p1'), { type: 'vote.close' });
    const record = d.ctx.record.ballots[0];
    // p2 and p3 are each named on 4 of the 6 ballots cast (4 > 3); p4 on 1, and fails.
    // Tied on heads, ranked by yes area: p3 (chair 0 + p2 90 + p3 60 + p6) before p2 (0 + 90 + p5 50 + p6).
    expect(record?.kind === 'election' && record.outcome.elected).toEqual(['p3', 'p2']);
  });
});

describe('sign-ups, actions, lifecycle', () => {
  it('records commitments, decisions and action items', () => {
    const d = startedDriver();
    goto(d, 'enlist');
    d.ok(seat('p2'), { type: 'signup.commit', ask: 1 });
    d.ok(seat('p3'), { type: 'signup.commit', ask: 0 });
    d.ok(seat('p3'), { type: 'signup.withdraw', ask: 0 });
    expect(d.send(seat('p3'), { type: 'signup.commit', ask: 5 })).toMatchObject({
      error: { code: 'signup/unknown_ask' },
    });
    goto(d, 'close');
    d.ok(seat('p1'), {
      type: 'action.record',
      kind: 'action',
      what: 'Post the notice',
      who: 'owner_a',
      due: '3月1日',
    });
    expect(d.ctx.record.signups.map((s) => [s.participant, s.ask])).toEqual([['p2', 1]]);
    expect(d.ctx.record.actions).toEqual([
      { item: 'close', kind: 'action', what: 'Post the notice', who: 'owner_a', due: '3月1日', at: d.now },
    ]);
  });

  it('goes through every item to closed, the debrief, and a retake that keeps the earlier attempt', () => {
    const d = startedDriver();
    for (let i = 0; i < d.scenario.agenda.length; i++) d.advance(60).ok(seat('p1'), { type: 'item.next' });
    expect(d.session.state).toBe('closed');
    expect(d.ctx.record.items.map((i) => i.item)).toEqual(d.scenario.agenda.map((i) => i.id));
    d.ok(FACILITATOR, { type: 'meeting.open_debrief' });
    d.ok(FACILITATOR, { type: 'meeting.retake', cards: 'keep' });
    expect(d.session.state).toBe('lobby');
    expect(d.ctx.attempt).toBe(2);
    expect(d.ctx.earlierAttempts[0]?.record.items).toHaveLength(d.scenario.agenda.length);
    expect(d.ctx.participants.p2?.roleId).toBe('owner_a');
    d.ok(FACILITATOR, { type: 'meeting.start' });
  });

  it('replays its log to the same state', () => {
    const d = startedDriver();
    goto(d, 'talk');
    d.ok(seat('p3'), { type: 'hand.raise' }).ok(seat('p1'), { type: 'floor.give' });
    d.advance(200).tick();
    d.ok(seat('p2'), { type: 'mood.show', mood: 'disagree' });
    const replayed = MeetingSession.replay(d.scenario, d.log);
    expect(replayed.context).toEqual(d.ctx);
    expect(replayed.state).toBe(d.session.state);
    expect(replayed.lastSeq).toBe(d.log.length);
  });

  it('builds from any valid scenario, and a simulated class takes each one to the debrief', () => {
    // Scenarios generated from the fixture's parts: any non-empty choice of its agenda items in any
    // order, each timed or not, with any of its injects whose item is on the agenda.
    const items = engineScenarioData().agenda as { id: string; duration?: string }[];
    const injects = engineScenarioData().injects as { id: string; at?: { item: string } }[];
    const scenarios = fc
      .record({
        order: fc.shuffledSubarray(items, { minLength: 1 }),
        timed: fc.array(fc.constantFrom(undefined, '30s', '5m'), {
          minLength: items.length,
          maxLength: items.length,
        }),
        injects: fc.subarray(injects),
        seed: fc.integer({ min: 1, max: 1_000 }),
      })
      .map(({ order, timed, injects: chosen, seed }) => {
        const agenda = order.map((item, i) => {
          const { duration: _, ...rest } = item;
          return timed[i] === undefined ? rest : { ...rest, duration: timed[i] };
        });
        const ids = new Set(agenda.map((i) => i.id));
        return { agenda, injects: chosen.filter((x) => !x.at || ids.has(x.at.item)), seed };
      });
    fc.assert(
      fc.property(scenarios, ({ agenda, injects: chosen, seed }) => {
        const scenario = engineScenario({ agenda, injects: chosen });
        expect(scenario.agenda.map((i) => i.id)).toEqual(agenda.map((i) => i.id));
        const session = MeetingSession.create(scenario);
        expect(session.state).toBe('lobby');
        const run = simulateMeeting(scenario, { seed });
        expect(run.problems).toEqual([]);
        expect(run.completed).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('turn limits and points of order', () => {
  const queueScenario = () =>
    engineScenario({
      agenda: [
        { id: 'round', title: 'Round', kind: 'speakers', order: 'queue', rounds: 1, per_speaker: '1m' },
      ],
      injects: [],
    });

  it('limits a queue-driven speakers list to its rounds per speaker', () => {
    const d = new Driver(queueScenario())
      .seat({ p1: 'chair', p2: 'owner_a' })
      .ok(FACILITATOR, { type: 'meeting.start' })
      .ok(seat('p1'), { type: 'meeting.begin' });
    d.ok(seat('p2'), { type: 'hand.raise' }).ok(seat('p1'), { type: 'floor.give' });
    d.advance(30).ok(seat('p2'), { type: 'floor.yield' });
    expect(d.send(seat('p2'), { type: 'hand.raise' })).toMatchObject({
      error: { code: 'floor/no_more_turns' },
    });
    // A point of order is not a turn: it is always allowed.
    d.ok(seat('p2'), { type: 'point_of_order' });
  });

  it('keeps a waiting speaker’s place when they raise a point of order', () => {
    const d = startedDriver();
    goto(d, 'talk');
    d.ok(seat('p2'), { type: 'hand.raise' }).ok(seat('p3'), { type: 'hand.raise' });
    d.ok(seat('p3'), { type: 'point_of_order' });
    expect(d.send(seat('p3'), { type: 'point_of_order' })).toMatchObject({
      error: { code: 'floor/already_queued' },
    });
    d.ok(seat('p1'), { type: 'floor.give' });
    expect(d.ctx.item?.floor).toMatchObject({ speaker: { id: 'p3' }, pointOfOrder: true });
    d.advance(10).ok(seat('p3'), { type: 'floor.yield' });
    expect(
      d.ctx.item?.queue.map((e) => [e.speaker.kind === 'participant' && e.speaker.id, e.pointOfOrder]),
    ).toEqual([
      ['p2', false],
      ['p3', false],
    ]);
  });

  it('does not count a pause as overtime when the meeting ends while paused', () => {
    const d = startedDriver(); // 'open' has a 5 min time box
    d.advance(240).ok(FACILITATOR, { type: 'meeting.pause' });
    d.advance(600).ok(FACILITATOR, { type: 'meeting.end' });
    expect(d.ctx.record.items[0]).toMatchObject({ item: 'open', overtimeMs: 0 });
    expect(d.ctx.record.pauses.at(-1)?.to).toBe(d.now);
  });
});

describe('which observers may fire injects', () => {
  it('lets only the observers the facilitator named fire, and everyone when none is named', () => {
    const d = startedDriver();
    const other = { kind: 'observer', id: 'o2' } as const;
    d.ok(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true, injectors: ['o1'] });
    expect(d.send(other, { type: 'inject.fire', injectId: 'call' })).toMatchObject({
      error: { code: 'auth/forbidden' },
    });
    d.ok(OBSERVER, { type: 'inject.fire', injectId: 'call' });
    d.ok(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true });
    d.ok(other, { type: 'inject.fire', injectId: 'spare' });
    d.ok(FACILITATOR, { type: 'settings.update', observersMayFireInjects: false, injectors: ['o2'] });
    expect(d.ctx.injectors).toEqual(['o2']);
    expect(d.session.check(other, { type: 'inject.fire', injectId: 'smoke' })).toMatchObject({
      code: 'auth/forbidden',
    });
  });
});
