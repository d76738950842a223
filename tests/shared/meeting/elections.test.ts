// Elections worked out by hand. Each candidate is a vote under the item's rule:
// a ballot naming them is yes, a blank ballot is taking part, any other ballot
// is against them, and every ballot, blank or not, is a ballot cast. Under
// owners_ordinary against an electorate (Civil Code art. 278 item 3): at least
// 2/3 of all owners, by area and by heads, take part, and a candidate needs
// more than half of the participating area and of the participating owners.
import { describe, expect, it } from 'vitest';
import type { Actor, Command } from '../../../shared/meeting/commands.ts';
import type { BallotRecord } from '../../../shared/meeting/context.ts';
import { openSeatsSentence } from '../../../shared/meeting/election-words.ts';
import { decideElection, type Voter } from '../../../shared/meeting/rules.ts';
import { MeetingSession } from '../../../shared/meeting/session.ts';
import { simulateMeeting } from '../../../shared/meeting/simulate.ts';
import { BUILTIN_RULES } from '../../../shared/scenario/defaults.ts';
import { validateScenario } from '../../../shared/scenario/index.ts';
import { loadShippedScenarios } from '../../support/meeting.ts';

const FACILITATOR: Actor = { kind: 'facilitator' };

/**
 * Six flats: 101 (120 m²), 102 (80), 201, 202, 301, 302 (100 each): 6 owners, 600 m².
 * Cards a, b, c are candidates who stand for 101, 102, 201; card d stands for 202.
 * 301 and 302 are not in the room. Quorum: ≥ 4 owners and ≥ 400 m².
 */
function committeeScenario(written?: Record<string, unknown>, total?: { owners: number; area_m2: number }) {
  const card = (id: string, flat: string) => ({
    id,
    name: { zh: `业主${flat}`, en: `Owner ${flat}` },
    public: 'p',
    brief: 'b',
    attributes: { owner: true },
    stands_for: [flat],
  });
  const result = validateScenario({
    schema: 1,
    id: 'committee',
    title: 'Committee',
    summary: 'x',
    meeting: 'assembly',
    duration: '30m',
    background: 'x',
    electorate: {
      flats: [
        { flat: '101', owner: '甲', area_m2: 120 },
        { flat: '102', owner: '乙', area_m2: 80 },
        { flat: '201', owner: '丙', area_m2: 100 },
        { flat: '202', owner: '丁', area_m2: 100 },
        { flat: '301', owner: '戊', area_m2: 100 },
        { flat: '302', owner: '己', area_m2: 100 },
      ],
      ...(total && { total }),
    },
    roles: [
      { id: 'chair', name: 'Chair', chair: true, public: 'p', brief: 'b', attributes: { owner: false } },
      card('a', '101'),
      card('b', '102'),
      card('c', '201'),
      card('d', '202'),
    ],
    agenda: [
      {
        id: 'elect',
        title: 'Elect',
        kind: 'election',
        seats: 2,
        candidates: ['a', 'b', 'c'],
        eligible: { attribute: 'owner', equals: true },
        rule: 'owners_ordinary',
        ...(written && { written_ballots: written }),
      },
    ],
  });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return result.scenario;
}

/** Seats a card each, opens the election, casts the room's ballots (card → candidates), closes it. */
function runElection(scenario: ReturnType<typeof committeeScenario>, ballots: Record<string, string[]>) {
  const session = MeetingSession.create(scenario);
  let now = Date.UTC(2026, 8, 20, 1, 30);
  const must = (actor: Actor, command: Command) => {
    now += 1000;
    const r = session.dispatch(actor, command, now);
    if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
  };
  for (const card of ['chair', 'a', 'b', 'c', 'd']) {
    must(FACILITATOR, { type: 'participant.join', participantId: `p-${card}`, name: card });
    must({ kind: 'participant', id: `p-${card}` }, { type: 'card.take', roleId: card });
  }
  must(FACILITATOR, { type: 'meeting.start' });
  must(FACILITATOR, { type: 'meeting.begin' });
  must(FACILITATOR, { type: 'vote.open' });
  for (const [card, names] of Object.entries(ballots))
    must(
      { kind: 'participant', id: `p-${card}` },
      { type: 'election.cast', choices: names.map((n) => `p-${n}`) },
    );
  must(FACILITATOR, { type: 'vote.close' });
  const record = session.context.record.ballots[0];
  if (record?.kind !== 'election') throw new Error('no election was counted');
  return record;
}

const yesOf = (record: BallotRecord & { kind: 'election' }) =>
  Object.fromEntries(
    record.outcome.candidates.map((c) => [c.candidate, [c.outcome.yes.headcount, c.outcome.yes.area]]),
  );

// The room: 101 names a and b; 102 names b; 201 hands in a blank ballot; 202 names a and c.
const ROOM = { a: ['a', 'b'], b: ['b'], c: [], d: ['a', 'c'] };

describe("an owners' committee election under owners_ordinary against the electorate", () => {
  it('elects a candidate only with more than half of the owners taking part, by area and heads', () => {
    // 301's signed ballot names a. Taking part: 101, 102, 201, 202, 301 = 5 of 6 owners,
    // 120 + 80 + 100 + 100 + 100 = 500 of 600 m² (5 × 3 = 15 ≥ 12; 1500 ≥ 1200: quorum met).
    // a: 101, 202, 301 = 3 owners, 120 + 100 + 100 = 320 m²: 3 > 5/2 and 320 > 250 — elected.
    // b: 101, 102 = 2 owners, 200 m²: 2 < 2.5 — not. c: 202 = 1 owner, 100 m² — not.
    // The second seat stays empty: nobody else has a majority.
    const record = runElection(committeeScenario({ flats: [{ flat: '301', choices: ['a'] }] }), ROOM);
    expect(record.outcome.participating).toEqual({ headcount: 5, area: 500 });
    expect(record.outcome.eligible).toEqual({ headcount: 6, area: 600 });
    expect(yesOf(record)).toEqual({ 'p-a': [3, 320], 'p-b': [2, 200], 'p-c': [1, 100] });
    expect(record.outcome.elected).toEqual(['p-a']);
    expect(record.participation?.written).toEqual({ headcount: 1, area: 100 });
  });

  it('without the absent owner’s ballot the same room elects nobody', () => {
    // 4 of 6 owners and 400 of 600 m² take part: exactly 2/3 of each, the quorum is met.
    // a: 101 and 202 = 2 of 4 owners: exactly half is not more than half — not elected.
    const record = runElection(committeeScenario(), ROOM);
    expect(record.outcome.participating).toEqual({ headcount: 4, area: 400 });
    expect(yesOf(record)['p-a']).toEqual([2, 220]);
    expect(record.outcome.candidates.find((c) => c.candidate === 'p-a')?.outcome.failed).toEqual([
      'pass_headcount',
    ]);
    expect(record.outcome.elected).toEqual([]);
  });

  it('counts a tally of owners not listed by flat per candidate', () => {
    // The estate has 10 owners and 1,000 m²: the 6 listed, and 4 owners with 400 m² not listed.
    // Quorum: ≥ 7 owners (10 × 2/3 = 6.7) and ≥ 666.7 m². 301 names a; the tally of unlisted
    // owners is 3 ballots, 300 m², none blank: b on all 3 (300 m²), c on 1 (100 m²).
    // Taking part: 5 + 3 = 8 owners, 500 + 300 = 800 m² (24 ≥ 20, 2400 ≥ 2000: met).
    // a: 3 owners, 320 m² of 8 / 800 — not a majority. b: 2 + 3 = 5 owners, 200 + 300 = 500 m²:
    // 5 > 4 and 500 > 400 — elected. c: 1 + 1 = 2 owners, 200 m² — not.
    const scenario = committeeScenario(
      {
        flats: [{ flat: '301', choices: ['a'] }],
        tally: {
          ballots: { owners: 3, area_m2: 300 },
          candidates: { b: { owners: 3, area_m2: 300 }, c: { owners: 1, area_m2: 100 } },
        },
      },
      { owners: 10, area_m2: 1000 },
    );
    const record = runElection(scenario, ROOM);
    expect(record.outcome.eligible).toEqual({ headcount: 10, area: 1000 });
    expect(record.outcome.participating).toEqual({ headcount: 8, area: 800 });
    expect(yesOf(record)).toEqual({ 'p-a': [3, 320], 'p-b': [5, 500], 'p-c': [2, 200] });
    expect(record.outcome.elected).toEqual(['p-b']);
    expect(record.participation?.written).toEqual({ headcount: 4, area: 400 });
  });

  it('refuses a tally naming a candidate on more ballots than name anyone', () => {
    // 3 ballots, 1 of them blank: only 2 name anyone, so b cannot be on 3.
    expect(() =>
      committeeScenario(
        {
          tally: {
            ballots: { owners: 3, area_m2: 300 },
            blank: { owners: 1, area_m2: 100 },
            candidates: { b: { owners: 3, area_m2: 300 } },
          },
        },
        { owners: 10, area_m2: 1000 },
      ),
    ).toThrow(/more than the 2 ballots/);
  });
});

const majority = BUILTIN_RULES.simple_majority as NonNullable<(typeof BUILTIN_RULES)['simple_majority']>;

describe('mostly blank ballots and ties', () => {
  const equal = (n: number): Voter[] =>
    Array.from({ length: n }, (_, i) => ({ id: `v${i}`, area: 90, weight: 1 }));

  it('elects nobody when 6 of 7 ballots are blank, even under a simple majority', () => {
    // x is named on 1 ballot of the 7 cast: 1 is not more than half of 7.
    const ballots = new Map<string, string[]>(equal(7).map((v, i) => [v.id, i === 0 ? ['x'] : []]));
    const o = decideElection(majority, 1, ['x'], equal(7), ballots);
    expect(o.elected).toEqual([]);
    expect(openSeatsSentence(o, 'zh')).toBe('第1席无人获得过半数同意，需另行选举');
  });

  it('says in words that a tie across the last seat leaves it open', () => {
    // 9 voters, 5 seats, 6 candidates. v0–v3 name c1 c2 c3 c4 c5; v4 names c1 c2 c3 c5 c6;
    // v5–v8 name c1 c2 c3 c4 c6. c1–c3: 9 each; c4: 8; c5: v0–v4 = 5; c6: v4–v8 = 5.
    // All pass (5 > 9/2), c5 and c6 level across the fifth seat: neither takes it.
    const voters = equal(9);
    const ballots = new Map<string, string[]>(
      voters.map((v, i) => [
        v.id,
        i < 4
          ? ['c1', 'c2', 'c3', 'c4', 'c5']
          : i === 4
            ? ['c1', 'c2', 'c3', 'c5', 'c6']
            : ['c1', 'c2', 'c3', 'c4', 'c6'],
      ]),
    );
    const six = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    const o = decideElection(majority, 5, six, voters, ballots);
    expect(o.elected).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(o.tiedForLastSeat).toEqual(['c5', 'c6']);
    expect(openSeatsSentence(o, 'zh')).toBe('第5席得票相同，需另行选举');
    expect(openSeatsSentence(o, 'en')).toBe('Seat 5: a tie; another round of voting is needed');
  });

  it('says nothing when every seat is filled', () => {
    const ballots = new Map<string, string[]>(equal(3).map((v) => [v.id, ['x']]));
    const o = decideElection(majority, 1, ['x'], equal(3), ballots);
    expect(openSeatsSentence(o, 'zh')).toBe('');
  });
});

describe('the candidates come from the scenario, not from who took a card', () => {
  it('puts all 7 candidates on the ballot of 5 seats when 4 trainees hold cards', () => {
    const scenario = loadShippedScenarios().find((s) => s.id === 'owners-committee-election');
    if (!scenario) throw new Error('owners-committee-election is not shipped');
    const sim = simulateMeeting(scenario, { seed: 7, trainees: 4 });
    expect(sim.completed).toBe(true);
    const election = sim.ballots.find((b) => b.kind === 'election');
    if (election?.kind !== 'election') throw new Error('no election counted');
    expect(election.outcome.seats).toBe(5);
    expect(election.outcome.candidates).toHaveLength(7);
    // Each of the 7 listed cards, held or not, stands: a held card as its seat, the others as the card.
    const ctx = sim.session.context;
    const cards = election.outcome.candidates.map((c) =>
      c.candidate.startsWith('npc:') ? c.candidate.slice(4) : ctx.participants[c.candidate]?.roleId,
    );
    expect([...cards].sort()).toEqual(
      ['cand_chen', 'cand_huang', 'cand_li', 'cand_ma', 'cand_sun', 'cand_wang', 'cand_zhao'].sort(),
    );
    const trainees = Object.values(ctx.participants).filter((p) => p.playedBy === undefined && p.roleId);
    expect(trainees).toHaveLength(4);
    expect(election.outcome.candidates.filter((c) => c.candidate.startsWith('npc:')).length).toBeGreaterThan(
      0,
    );
  });
});
