// Where a vote of the electorate stands, as each viewer receives it: the
// turnout against the whole building for everyone (counts only), the whole
// count owner by owner for the experts and the console, and a trainee's own
// owners. Figures worked out by hand on building 12 (12 owners, 744.6 m²).
import { describe, expect, it } from 'vitest';
import { emptyCoaching } from '../../../shared/coaching/state.ts';
import type { Actor, Command } from '../../../shared/meeting/commands.ts';
import { MeetingSession } from '../../../shared/meeting/session.ts';
import { ballotStanding } from '../../../shared/meeting/standing.ts';
import { projectLive, projectTrainee } from '../../../shared/views/live.ts';
import type { LiveInput } from '../../../shared/views/live-input.ts';
import { electorateScenario, FACILITATOR, type FlatRow } from '../../support/electorate-fixture.ts';

/** Six x01 flats of 71.8 m², six x02 of 52.3 m². Quorum: ≥ 8 owners, ≥ 496.4 m². */
const BUILDING_12: FlatRow[] = [1, 2, 3, 4, 5, 6].flatMap((floor): FlatRow[] => [
  [`${floor}01`, `业主${floor}01`, 71.8],
  [`${floor}02`, `业主${floor}02`, 52.3],
]);

function meeting(ballot: 'open' | 'secret' = 'open') {
  const scenario = electorateScenario({
    flats: BUILDING_12,
    cards: [
      { id: 'o101', stands_for: ['101'] },
      { id: 'o202', stands_for: ['202'] },
      { id: 'son', proxy_for: ['602'] },
      { id: 'crowd', stands_for: ['301', '302', '401'] },
    ],
    rule: 'owners_special',
    written: { flats: [{ flat: '601', choice: 'yes' }] },
  });
  if (ballot === 'secret') {
    const item = scenario.agenda[0];
    if (item?.kind === 'vote') item.ballot = 'secret';
  }
  const session = MeetingSession.create(scenario);
  let now = Date.UTC(2026, 2, 15, 1, 30);
  const send = (actor: Actor, command: Command) => {
    now += 1000;
    const r = session.dispatch(actor, command, now);
    if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
  };
  const p = (id: string): Actor => ({ kind: 'participant', id });
  for (const [id, card] of [
    ['chair', 'chair'],
    ['a', 'o101'],
    ['b', 'o202'],
    ['c', 'son'],
    ['d', 'crowd'],
  ] as const) {
    send(FACILITATOR, { type: 'participant.join', participantId: id, name: id });
    send(p(id), { type: 'card.take', roleId: card });
  }
  send(FACILITATOR, { type: 'meeting.start' });
  send(FACILITATOR, { type: 'meeting.begin' });
  const input = (): LiveInput => ({
    scenario,
    meeting: { seq: session.lastSeq, state: session.state, context: session.context },
    coaching: emptyCoaching(),
    online: new Set(),
    now,
  });
  return { scenario, session, send, p, input };
}

describe('the standing of a vote of the electorate', () => {
  it('before it opens: who would cast for whom, and the written ballot already in', () => {
    const { scenario, session } = meeting();
    const standing = ballotStanding(scenario, session.context);
    expect(standing?.phase).toBe('pending');
    // The room would cast for 101, 202, 602 (proxy), 301, 302, 401: 6 owners,
    // 71.8 × 3 + 52.3 × 3 = 372.3 m². 601's form (71.8) is in already.
    expect(standing?.turnout.inRoom).toEqual({ headcount: 6, area: 372.3 });
    expect(standing?.turnout.participating).toEqual({ headcount: 1, area: 71.8 });
    expect(standing?.seats.map((s) => [s.id, s.owners, s.area])).toEqual([
      ['a', ['101'], 71.8],
      ['b', ['202'], 52.3],
      ['c', ['602'], 52.3],
      ['d', ['301', '302', '401'], 195.9],
    ]);
  });

  it('as ballots come in: turnout against the whole building, and how far short it is', () => {
    const { scenario, session, send, p } = meeting();
    send(FACILITATOR, { type: 'vote.open' });
    send(p('a'), { type: 'vote.cast', choice: 'no' });
    send(p('b'), { type: 'vote.cast', choice: 'yes' });
    send(p('c'), { type: 'vote.cast', choice: 'yes' });
    // Taking part: 101 (71.8), 202 (52.3), 602 (52.3) and 601's form (71.8) = 4 owners, 248.2 m².
    // Short: 8 − 4 = 4 owners; 496.4 − 248.2 = 248.2 m².
    let turnout = ballotStanding(scenario, session.context)?.turnout;
    expect(turnout?.base).toBe('electorate');
    expect(turnout?.whole).toEqual({ headcount: 12, area: 744.6 });
    expect(turnout?.participating).toEqual({ headcount: 4, area: 248.2 });
    expect(turnout?.quorumMet).toBe(false);
    expect(turnout?.quorum.map((c) => [c.dimension, c.met, c.short])).toEqual([
      ['area', false, 248.2],
      ['headcount', false, 4],
    ]);
    expect(turnout?.bySource).toEqual({
      room: { headcount: 3, area: 176.4 },
      paper: { headcount: 0, area: 0 },
      written: { headcount: 1, area: 71.8 },
    });
    // The crowd card (301, 302, 401: 71.8 + 52.3 + 71.8 = 195.9 m²) and two household forms
    // (201, 402: 124.1 m²): 9 owners, 248.2 + 195.9 + 124.1 = 568.2 m² — 9 × 3 = 27 ≥ 24 and
    // 1,704.6 ≥ 1,489.2. Met, nothing short.
    send(p('d'), { type: 'vote.cast', choice: 'yes' });
    send(FACILITATOR, { type: 'ballot.paper.enter', flat: '201', choice: 'yes' });
    send(FACILITATOR, { type: 'ballot.paper.enter', flat: '402', choice: 'abstain' });
    turnout = ballotStanding(scenario, session.context)?.turnout;
    expect(turnout?.participating).toEqual({ headcount: 9, area: 568.2 });
    expect(turnout?.quorumMet).toBe(true);
    expect(turnout?.quorum.map((c) => c.short)).toEqual([0, 0]);
  });

  it('is the count vote.close makes', () => {
    const { scenario, session, send, p } = meeting();
    send(FACILITATOR, { type: 'vote.open' });
    send(p('a'), { type: 'vote.cast', choice: 'no' });
    send(p('d'), { type: 'vote.cast', choice: 'yes', flats: ['301'] });
    send(FACILITATOR, { type: 'ballot.paper.enter', flat: '502', choice: 'yes' });
    const live = ballotStanding(scenario, session.context)?.outcome;
    send(FACILITATOR, { type: 'vote.close' });
    expect(live).toEqual({ kind: 'vote', outcome: session.context.record.ballots[0]?.outcome });
  });
});

describe('who receives which part of it', () => {
  it('everyone gets the turnout; only the experts and the console get the count owner by owner', () => {
    const { send, p, input } = meeting('secret');
    send(FACILITATOR, { type: 'vote.open' });
    send(p('d'), { type: 'vote.cast', choice: 'no', flats: ['302'] });
    send(FACILITATOR, { type: 'ballot.paper.enter', flat: '201', choice: 'no' });
    for (const view of [projectLive(input(), 'projector'), projectTrainee(input(), 'a')]) {
      // 302 (52.3) in the room, 201 (71.8) on paper, 601 (71.8) written: 3 owners, 195.9 m².
      expect(view.item?.ballot?.turnout?.participating).toEqual({ headcount: 3, area: 195.9 });
      expect(view.item?.ballot?.standing).toBeUndefined();
      expect(JSON.stringify(view)).not.toContain('"choice"');
    }
    for (const view of [projectLive(input(), 'observer'), projectLive(input(), 'facilitator')]) {
      const owners = view.item?.ballot?.standing?.electorate?.owners ?? [];
      expect(owners.find((o) => o.owner.id === '302')?.ballot).toMatchObject({
        source: 'room',
        choice: 'no',
      });
      expect(owners.find((o) => o.owner.id === '201')?.ballot).toMatchObject({
        source: 'paper',
        choice: 'no',
      });
    }
  });

  it('a crowd card’s holder sees its own owners and what it cast, not what a paper ballot says', () => {
    const { send, p, input } = meeting();
    send(FACILITATOR, { type: 'vote.open' });
    send(p('d'), { type: 'vote.cast', choice: 'yes', flats: ['301'] });
    send(FACILITATOR, { type: 'ballot.paper.enter', flat: '302', choice: 'no' });
    const mine = projectTrainee(input(), 'd').me?.owners;
    expect(mine?.map((o) => [o.id, o.source, o.mine])).toEqual([
      ['301', 'room', 'yes'],
      ['302', 'paper', undefined],
      ['401', undefined, undefined],
    ]);
    expect(projectTrainee(input(), 'c').me?.owners).toMatchObject([{ id: '602', proxy: true }]);
  });
});
