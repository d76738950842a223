import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Choice,
  decideElection,
  decideVote,
  type FailedCondition,
  formatShare,
  type Voter,
} from '../../../shared/meeting/rules.ts';
import { BUILTIN_RULES } from '../../../shared/scenario/defaults.ts';
import type { Fraction } from '../../../shared/scenario/primitives.ts';
import type { Rule } from '../../../shared/scenario/types.ts';

const rule = (id: string): Rule => {
  const r = BUILTIN_RULES[id];
  if (!r) throw new Error(`no builtin rule ${id}`);
  return r;
};
const atLeast = (num: number, den: number): Fraction => ({ num, den, strict: false });
const moreThan = (num: number, den: number): Fraction => ({ num, den, strict: true });
const custom = (r: Omit<Rule, 'builtin' | 'kind'> & { kind?: Rule['kind'] }): Rule => ({
  kind: 'threshold',
  builtin: false,
  ...r,
});

/** [how many seats, area each, their ballot (null: no ballot), weight each] */
type Group = [count: number, area: number, choice: Choice | null, weight?: number];

/** Builds voters and ballots from groups of identical seats; ids are v0, v1, … */
function estate(groups: readonly Group[]): { voters: Voter[]; ballots: Map<string, Choice> } {
  const voters: Voter[] = [];
  const ballots = new Map<string, Choice>();
  for (const [count, area, choice, weight = 1] of groups) {
    for (let i = 0; i < count; i++) {
      const id = `v${voters.length}`;
      voters.push({ id, area, weight });
      if (choice !== null) ballots.set(id, choice);
    }
  }
  return { voters, ballots };
}

// Domain notes, art. 278 example: 300 owners, 24,000 m².
// 210 owners holding 17,000 m² vote (170 × 80 + 40 × 85); 90 holding 7,000 stay away (50 × 80 + 40 × 75).
// An item 8 decision then needs ≥ 158 owners holding ≥ 12,750 m².
const ABSENT_90: Group[] = [
  [50, 80, null],
  [40, 75, null],
];

interface VoteCase {
  name: string;
  rule: Rule;
  groups: Group[];
  passed: boolean;
  failed: FailedCondition[];
}

// biome-ignore format: one case per line reads as a table
const voteCases: VoteCase[] = [
  // simple_majority: > 1/2 of cast, abstentions excluded
  { name: 'simple: 3 yes 2 no', rule: rule('simple_majority'), groups: [[3, 0, 'yes'], [2, 0, 'no']], passed: true, failed: [] },
  { name: 'simple: exactly half fails (needs more than half)', rule: rule('simple_majority'), groups: [[2, 0, 'yes'], [2, 0, 'no']], passed: false, failed: ['pass_headcount'] },
  { name: 'simple: abstentions do not count against', rule: rule('simple_majority'), groups: [[3, 0, 'yes'], [2, 0, 'no'], [10, 0, 'abstain']], passed: true, failed: [] },
  { name: 'simple: 1 yes, 4 abstain passes on 1/1 cast', rule: rule('simple_majority'), groups: [[1, 0, 'yes'], [4, 0, 'abstain']], passed: true, failed: [] },
  { name: 'simple: everyone abstains — nothing cast', rule: rule('simple_majority'), groups: [[5, 0, 'abstain']], passed: false, failed: ['pass_headcount'] },
  { name: 'simple: absentees do not matter', rule: rule('simple_majority'), groups: [[2, 0, 'yes'], [1, 0, 'no'], [20, 0, null]], passed: true, failed: [] },
  // two_thirds: ≥ 2/3 of cast
  { name: 'two_thirds: exactly 2/3 passes', rule: rule('two_thirds'), groups: [[2, 0, 'yes'], [1, 0, 'no']], passed: true, failed: [] },
  { name: 'two_thirds: exactly 200/300 passes', rule: rule('two_thirds'), groups: [[200, 0, 'yes'], [100, 0, 'no']], passed: true, failed: [] },
  { name: 'two_thirds: 199/300 just under fails', rule: rule('two_thirds'), groups: [[199, 0, 'yes'], [101, 0, 'no']], passed: false, failed: ['pass_headcount'] },
  { name: 'two_thirds: abstentions excluded from cast', rule: rule('two_thirds'), groups: [[2, 0, 'yes'], [1, 0, 'no'], [3, 0, 'abstain']], passed: true, failed: [] },
  // absolute_majority: > 1/2 of eligible
  { name: 'absolute: exactly half of eligible fails', rule: rule('absolute_majority'), groups: [[5, 0, 'yes'], [5, 0, null]], passed: false, failed: ['pass_headcount'] },
  { name: 'absolute: 6/10 with abstentions and an absentee', rule: rule('absolute_majority'), groups: [[6, 0, 'yes'], [1, 0, 'no'], [2, 0, 'abstain'], [1, 0, null]], passed: true, failed: [] },
  { name: 'absolute: 5 yes 0 no 5 abstain fails (simple would pass)', rule: rule('absolute_majority'), groups: [[5, 0, 'yes'], [5, 0, 'abstain']], passed: false, failed: ['pass_headcount'] },
  { name: 'absolute: absentees count against', rule: rule('absolute_majority'), groups: [[4, 0, 'yes'], [0, 0, 'no'], [5, 0, null]], passed: false, failed: ['pass_headcount'] },
  // owners_ordinary: quorum ≥ 2/3 area and heads; pass > 1/2 of participating area and heads
  { name: 'ordinary: 3 of 4 equal owners', rule: rule('owners_ordinary'), groups: [[3, 100, 'yes'], [1, 100, 'no']], passed: true, failed: [] },
  { name: 'ordinary: area passes, headcount fails', rule: rule('owners_ordinary'), groups: [[1, 300, 'yes'], [2, 50, 'no']], passed: false, failed: ['pass_headcount'] },
  { name: 'ordinary: headcount passes, area fails', rule: rule('owners_ordinary'), groups: [[3, 50, 'yes'], [1, 250, 'no']], passed: false, failed: ['pass_area'] },
  { name: 'ordinary: both fail', rule: rule('owners_ordinary'), groups: [[1, 100, 'yes'], [2, 100, 'no']], passed: false, failed: ['pass_area', 'pass_headcount'] },
  { name: 'ordinary: abstentions are participation (3 yes of 6 is only half)', rule: rule('owners_ordinary'), groups: [[3, 100, 'yes'], [2, 100, 'no'], [1, 100, 'abstain']], passed: false, failed: ['pass_area', 'pass_headcount'] },
  { name: 'simple: the same ballots pass when abstentions are excluded', rule: rule('simple_majority'), groups: [[3, 100, 'yes'], [2, 100, 'no'], [1, 100, 'abstain']], passed: true, failed: [] },
  { name: 'ordinary: abstaining owners make the quorum', rule: rule('owners_ordinary'), groups: [[3, 100, 'yes'], [1, 100, 'abstain'], [2, 100, null]], passed: true, failed: [] },
  { name: 'ordinary: art. 278 example, 200 owners 16,000 m² is exactly the quorum', rule: rule('owners_ordinary'), groups: [[101, 80, 'yes'], [99, 80, 'no'], [100, 80, null]], passed: true, failed: [] },
  { name: 'ordinary: quorum missed by area only (200 owners, 15,990 m²)', rule: rule('owners_ordinary'), groups: [[198, 80, 'yes'], [2, 75, 'yes'], [98, 80, null], [2, 85, null]], passed: false, failed: ['quorum_area'] },
  { name: 'ordinary: quorum missed by headcount only (199 owners, 16,000 m²)', rule: rule('owners_ordinary'), groups: [[197, 80, 'yes'], [2, 120, 'yes'], [99, 80, null], [2, 40, null]], passed: false, failed: ['quorum_headcount'] },
  { name: 'ordinary: every condition fails, in order', rule: rule('owners_ordinary'), groups: [[1, 10, 'yes'], [2, 10, 'no'], [7, 100, null]], passed: false, failed: ['quorum_area', 'quorum_headcount', 'pass_area', 'pass_headcount'] },
  // owners_special: same quorum; pass ≥ 3/4 of participating area and heads
  { name: 'special: exactly 3/4 by area and headcount passes', rule: rule('owners_special'), groups: [[3, 100, 'yes'], [1, 100, 'no']], passed: true, failed: [] },
  { name: 'special: one m² under 3/4 fails on area', rule: rule('owners_special'), groups: [[2, 100, 'yes'], [1, 99, 'yes'], [1, 101, 'no']], passed: false, failed: ['pass_area'] },
  { name: 'special: area clears 3/4, headcount (3 of 5) does not', rule: rule('owners_special'), groups: [[2, 100, 'yes'], [1, 200, 'yes'], [2, 50, 'no']], passed: false, failed: ['pass_headcount'] },
  { name: 'special: art. 278 example, 158 owners 12,750 m² passes item 8', rule: rule('owners_special'), groups: [[136, 80, 'yes'], [22, 85, 'yes'], [34, 80, 'no'], [18, 85, 'abstain'], ...ABSENT_90], passed: true, failed: [] },
  { name: 'special: art. 278 example, 157 owners 12,750 m² fails on headcount', rule: rule('owners_special'), groups: [[119, 80, 'yes'], [38, 85, 'yes'], [51, 80, 'no'], [2, 85, 'no'], ...ABSENT_90], passed: false, failed: ['pass_headcount'] },
  { name: 'special: art. 278 example, 158 owners 12,745 m² fails on area', rule: rule('owners_special'), groups: [[137, 80, 'yes'], [21, 85, 'yes'], [33, 80, 'abstain'], [19, 85, 'no'], ...ABSENT_90], passed: false, failed: ['pass_area'] },
  { name: 'special: majority would pass, 3/4 does not', rule: rule('owners_special'), groups: [[2, 100, 'yes'], [1, 100, 'no']], passed: false, failed: ['pass_area', 'pass_headcount'] },
  // consensus
  { name: 'consensus: support and no objection', rule: rule('consensus'), groups: [[3, 0, 'yes'], [2, 0, 'abstain'], [4, 0, null]], passed: true, failed: [] },
  { name: 'consensus: one objection blocks', rule: rule('consensus'), groups: [[9, 0, 'yes'], [1, 0, 'no']], passed: false, failed: ['consensus_objection'] },
  { name: 'consensus: all abstain is no support', rule: rule('consensus'), groups: [[4, 0, 'abstain']], passed: false, failed: ['consensus_no_support'] },
  { name: 'consensus: an objection and no support', rule: rule('consensus'), groups: [[1, 0, 'no'], [2, 0, 'abstain']], passed: false, failed: ['consensus_objection', 'consensus_no_support'] },
  { name: 'consensus: nobody took part', rule: rule('consensus'), groups: [[4, 0, null]], passed: false, failed: ['consensus_no_support', 'no_participation'] },
  // zero participation
  { name: 'simple: nobody took part', rule: rule('simple_majority'), groups: [[5, 0, null]], passed: false, failed: ['pass_headcount', 'no_participation'] },
  { name: 'ordinary: nobody took part', rule: rule('owners_ordinary'), groups: [[5, 90, null]], passed: false, failed: ['quorum_area', 'quorum_headcount', 'pass_area', 'pass_headcount', 'no_participation'] },
  { name: 'absolute: no eligible voters at all', rule: rule('absolute_majority'), groups: [], passed: false, failed: ['pass_headcount', 'no_participation'] },
  { name: 'custom rule without thresholds: an empty room still decides nothing', rule: custom({ id: 'anything', quorum: {}, pass: { of: 'cast' } }), groups: [[3, 0, null]], passed: false, failed: ['no_participation'] },
  // custom rules: each pass base
  { name: 'custom of eligible: exactly half, at least 1/2', rule: custom({ id: 'half_eligible', quorum: {}, pass: { headcount: atLeast(1, 2), of: 'eligible' } }), groups: [[5, 0, 'yes'], [5, 0, null]], passed: true, failed: [] },
  { name: 'custom of eligible: absentees count', rule: custom({ id: 'half_eligible', quorum: {}, pass: { headcount: atLeast(1, 2), of: 'eligible' } }), groups: [[4, 0, 'yes'], [6, 0, null]], passed: false, failed: ['pass_headcount'] },
  { name: 'custom of cast by area: abstaining area excluded', rule: custom({ id: 'area_cast', quorum: {}, pass: { area: atLeast(3, 5), of: 'cast' } }), groups: [[1, 60, 'yes'], [1, 40, 'no'], [1, 500, 'abstain']], passed: true, failed: [] },
  { name: 'custom of participating by area: abstaining area included', rule: custom({ id: 'area_part', quorum: {}, pass: { area: atLeast(3, 5), of: 'participating' } }), groups: [[1, 60, 'yes'], [1, 40, 'no'], [1, 500, 'abstain']], passed: false, failed: ['pass_area'] },
  { name: 'custom quorum by headcount only, more than half', rule: custom({ id: 'half_quorum', quorum: { headcount: moreThan(1, 2) }, pass: { headcount: moreThan(1, 2), of: 'cast' }, }), groups: [[2, 0, 'yes'], [1, 0, 'no'], [3, 0, null]], passed: false, failed: ['quorum_headcount'] },
  // weighted votes: headcount counts each seat as its weight
  { name: 'weighted: one heavy seat outvotes two light ones', rule: custom({ id: 'weighted_majority', quorum: {}, pass: { headcount: moreThan(1, 2), of: 'cast' }, weight: 'weight', }), groups: [[1, 0, 'yes', 3], [2, 0, 'no', 1]], passed: true, failed: [] },
  { name: 'unweighted: the same ballots fail', rule: rule('simple_majority'), groups: [[1, 0, 'yes', 3], [2, 0, 'no', 1]], passed: false, failed: ['pass_headcount'] },
  { name: 'weighted quorum: few heavy seats make it', rule: custom({ id: 'weighted_quorum', quorum: { headcount: atLeast(2, 3) }, pass: { headcount: moreThan(1, 2), of: 'participating' }, weight: 'weight', }), groups: [[2, 0, 'yes', 5], [4, 0, null, 1]], passed: true, failed: [] },
  { name: 'weighted area rule: area is never weighted', rule: custom({ id: 'weighted_area', quorum: {}, pass: { area: moreThan(1, 2), headcount: moreThan(1, 2), of: 'cast' }, weight: 'weight', }), groups: [[1, 10, 'yes', 9], [1, 90, 'no', 1]], passed: false, failed: ['pass_area'] },
  // a role with several seats is several voters with the same area
  { name: 'multi-seat role: each seat is an owner with the role area', rule: rule('owners_ordinary'), groups: [[3, 90, 'yes'], [1, 120, 'no'], [1, 100, 'no']], passed: true, failed: [] },
];

describe('decideVote', () => {
  it.each(voteCases)('$name', ({ rule: r, groups, passed, failed }) => {
    const { voters, ballots } = estate(groups);
    const outcome = decideVote(r, voters, ballots);
    expect(outcome.failed).toEqual(failed);
    expect(outcome.passed).toBe(passed);
    expect(outcome.rule).toBe(r.id);
  });

  it('keeps the full arithmetic of the art. 278 item 8 example', () => {
    const { voters, ballots } = estate([
      [136, 80, 'yes'],
      [22, 85, 'yes'],
      [34, 80, 'no'],
      [18, 85, 'abstain'],
      ...ABSENT_90,
    ]);
    expect(decideVote(rule('owners_special'), voters, ballots)).toEqual({
      rule: 'owners_special',
      passed: true,
      eligible: { headcount: 300, area: 24_000 },
      participating: { headcount: 210, area: 17_000 },
      cast: { headcount: 192, area: 15_470 },
      yes: { headcount: 158, area: 12_750 },
      no: { headcount: 34, area: 2_720 },
      abstain: { headcount: 18, area: 1_530 },
      passBase: 'participating',
      quorum: [
        { dimension: 'area', threshold: atLeast(2, 3), part: 17_000, whole: 24_000, met: true },
        { dimension: 'headcount', threshold: atLeast(2, 3), part: 210, whole: 300, met: true },
      ],
      pass: [
        { dimension: 'area', threshold: atLeast(3, 4), part: 12_750, whole: 17_000, met: true },
        { dimension: 'headcount', threshold: atLeast(3, 4), part: 158, whole: 210, met: true },
      ],
      failed: [],
    });
  });

  it('records the quorum arithmetic when area alone misses', () => {
    const { voters, ballots } = estate([
      [198, 80, 'yes'],
      [2, 75, 'yes'],
      [98, 80, null],
      [2, 85, null],
    ]);
    const outcome = decideVote(rule('owners_ordinary'), voters, ballots);
    expect(outcome.quorum).toEqual([
      { dimension: 'area', threshold: atLeast(2, 3), part: 15_990, whole: 24_000, met: false },
      { dimension: 'headcount', threshold: atLeast(2, 3), part: 200, whole: 300, met: true },
    ]);
  });

  it.each([
    { base: 'cast', whole: 2 },
    { base: 'participating', whole: 3 },
    { base: 'eligible', whole: 4 },
  ] as const)('takes the pass share of $base', ({ base, whole }) => {
    const r = custom({ id: `of_${base}`, quorum: {}, pass: { headcount: moreThan(1, 2), of: base } });
    const { voters, ballots } = estate([
      [1, 0, 'yes'],
      [1, 0, 'no'],
      [1, 0, 'abstain'],
      [1, 0, null],
    ]);
    const outcome = decideVote(r, voters, ballots);
    expect(outcome.passBase).toBe(base);
    expect(outcome.pass).toEqual([
      { dimension: 'headcount', threshold: moreThan(1, 2), part: 1, whole, met: false },
    ]);
  });

  it('weights the headcount dimension everywhere when the rule is weighted', () => {
    const r = custom({
      id: 'w',
      quorum: {},
      pass: { headcount: moreThan(1, 2), of: 'cast' },
      weight: 'weight',
    });
    const { voters, ballots } = estate([
      [1, 50, 'yes', 3],
      [2, 20, 'no', 1],
      [1, 10, null, 4],
    ]);
    const outcome = decideVote(r, voters, ballots);
    expect(outcome.eligible).toEqual({ headcount: 9, area: 100 });
    expect(outcome.yes).toEqual({ headcount: 3, area: 50 });
    expect(outcome.no).toEqual({ headcount: 2, area: 40 });
  });

  it('ignores ballots from ids that are not eligible voters', () => {
    const { voters, ballots } = estate([
      [2, 100, 'yes'],
      [2, 100, 'no'],
    ]);
    ballots.set('ghost', 'yes');
    ballots.set('visitor', 'yes');
    const outcome = decideVote(rule('simple_majority'), voters, ballots);
    expect(outcome.yes).toEqual({ headcount: 2, area: 200 });
    expect(outcome.participating).toEqual({ headcount: 4, area: 400 });
    expect(outcome.failed).toEqual(['pass_headcount']);
  });

  it('counts each seat of a multi-seat role separately', () => {
    const voters: Voter[] = [
      { id: 'family_li#1', area: 90, weight: 1 },
      { id: 'family_li#2', area: 90, weight: 1 },
      { id: 'owner_wang', area: 120, weight: 1 },
    ];
    const ballots = new Map<string, Choice>([
      ['family_li#1', 'yes'],
      ['family_li#2', 'yes'],
      ['owner_wang', 'no'],
    ]);
    const outcome = decideVote(rule('owners_ordinary'), voters, ballots);
    expect(outcome.yes).toEqual({ headcount: 2, area: 180 });
    expect(outcome.passed).toBe(true);
  });
});

describe('decideVote properties', () => {
  const voterArb = fc.record({
    area: fc.integer({ min: 0, max: 500 }),
    weight: fc.integer({ min: 0, max: 5 }),
  });
  const choiceArb = fc.option(fc.constantFrom<Choice>('yes', 'no', 'abstain'), { nil: undefined });
  const ruleArb = fc.constantFrom(
    ...Object.values(BUILTIN_RULES),
    custom({
      id: 'weighted',
      quorum: { headcount: atLeast(1, 2) },
      pass: { headcount: moreThan(1, 2), area: atLeast(1, 3), of: 'eligible' },
      weight: 'weight',
    }),
  );

  it('tallies add up, participation never exceeds eligibility, and passed means nothing failed', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.array(fc.tuple(voterArb, choiceArb), { maxLength: 40 }),
        fc.array(choiceArb, { maxLength: 3 }),
        (r, seats, strangers) => {
          const voters = seats.map(([v], i) => ({ id: `v${i}`, ...v }));
          const ballots = new Map<string, Choice>();
          seats.forEach(([, c], i) => {
            if (c !== undefined) ballots.set(`v${i}`, c);
          });
          strangers.forEach((c, i) => {
            if (c !== undefined) ballots.set(`stranger${i}`, c);
          });
          const o = decideVote(r, voters, ballots);
          for (const d of ['headcount', 'area'] as const) {
            expect(o.yes[d] + o.no[d] + o.abstain[d]).toBe(o.participating[d]);
            expect(o.yes[d] + o.no[d]).toBe(o.cast[d]);
            expect(o.participating[d]).toBeLessThanOrEqual(o.eligible[d]);
          }
          expect(o.passed).toBe(o.failed.length === 0);
          if (ballots.size === strangers.filter((c) => c !== undefined).length) {
            expect(o.passed).toBe(false);
          }
        },
      ),
    );
  });
});

describe('decideElection', () => {
  const equalOwners = (n: number, area = 100): Voter[] =>
    Array.from({ length: n }, (_, i) => ({ id: `v${i}`, area, weight: 1 }));
  const ballotsOf = (lists: readonly (readonly string[] | null)[]): Map<string, readonly string[]> =>
    new Map(lists.flatMap((list, i) => (list === null ? [] : [[`v${i}`, list] as const])));

  // 10 owners of 100 m², at most 5 names each: c1 10, c2 9, c3 8, c4 7, c5 6, c6 4, c7 3.
  const fiveFromSeven = ballotsOf([
    ['c1', 'c2', 'c3', 'c4', 'c5'],
    ['c1', 'c2', 'c3', 'c4', 'c5'],
    ['c1', 'c2', 'c3', 'c4', 'c5'],
    ['c1', 'c2', 'c3', 'c4', 'c5'],
    ['c1', 'c2', 'c3', 'c4', 'c5'],
    ['c1', 'c2', 'c3', 'c4', 'c5'],
    ['c1', 'c2', 'c3', 'c4', 'c6'],
    ['c1', 'c2', 'c3', 'c6', 'c7'],
    ['c1', 'c2', 'c6', 'c7'],
    ['c1', 'c6', 'c7'],
  ]);
  const seven = ['c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1'];

  it('elects 5 from 7 in rank order; those without a majority fail', () => {
    const result = decideElection(rule('owners_ordinary'), 5, seven, equalOwners(10), fiveFromSeven);
    expect(result.elected).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(result.tiedForLastSeat).toEqual([]);
    expect(result.candidates.map((c) => [c.candidate, c.outcome.yes.headcount, c.elected])).toEqual([
      ['c1', 10, true],
      ['c2', 9, true],
      ['c3', 8, true],
      ['c4', 7, true],
      ['c5', 6, true],
      ['c6', 4, false],
      ['c7', 3, false],
    ]);
    expect(result.candidates[5]?.outcome.failed).toEqual(['pass_area', 'pass_headcount']);
    expect(result.participating).toEqual({ headcount: 10, area: 1000 });
    expect(result.eligible).toEqual({ headcount: 10, area: 1000 });
  });

  it.each([
    { seats: 1, elected: ['c1'] },
    { seats: 3, elected: ['c1', 'c2', 'c3'] },
    { seats: 7, elected: ['c1', 'c2', 'c3', 'c4', 'c5'] },
    { seats: 0, elected: [] },
  ])('fills only $seats seat(s) with passing candidates', ({ seats, elected }) => {
    const result = decideElection(rule('owners_ordinary'), seats, seven, equalOwners(10), fiveFromSeven);
    expect(result.elected).toEqual(elected);
    expect(result.seats).toBe(seats);
  });

  // 10 equal owners, at most 5 names each. c4c5: c1 10, c2 9, c3 8, c4 7, c5 7, c6 2, c7 1.
  // c5c6: c1 10, c2 9, c3 8, c4 7, c5 6, c6 6, c7 2.
  const tieBallots = {
    c4c5: ballotsOf([
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c6'],
      ['c1', 'c2', 'c6'],
      ['c1', 'c7'],
    ]),
    c5c6: ballotsOf([
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      ['c1', 'c2', 'c3', 'c4', 'c6'],
      ['c1', 'c2', 'c3', 'c4', 'c6'],
      ['c1', 'c2', 'c3', 'c5', 'c6'],
      ['c1', 'c2', 'c4', 'c5', 'c6'],
      ['c1', 'c2', 'c3', 'c6', 'c7'],
      ['c1', 'c2', 'c4', 'c5', 'c6'],
      ['c1', 'c3', 'c7'],
    ]),
  };

  it('elects a tie that fits within the seats', () => {
    const result = decideElection(rule('owners_ordinary'), 5, seven, equalOwners(10), tieBallots.c4c5);
    // Level candidates keep the order they were listed in (c5 before c4 here).
    expect(result.elected).toEqual(['c1', 'c2', 'c3', 'c5', 'c4']);
    expect(result.tiedForLastSeat).toEqual([]);
    expect(result.candidates.some((c) => c.tied)).toBe(false);
  });

  it('leaves the last seat open when candidates tie across it', () => {
    const result = decideElection(rule('owners_ordinary'), 5, seven, equalOwners(10), tieBallots.c5c6);
    const yes = Object.fromEntries(result.candidates.map((c) => [c.candidate, c.outcome.yes.headcount]));
    expect(yes).toEqual({ c1: 10, c2: 9, c3: 8, c4: 7, c5: 6, c6: 6, c7: 2 });
    expect(result.elected).toEqual(['c1', 'c2', 'c3', 'c4']);
    // Level candidates keep the order they were listed in (c6 before c5 here).
    expect(result.tiedForLastSeat).toEqual(['c6', 'c5']);
    expect(result.candidates.filter((c) => c.tied).map((c) => c.candidate)).toEqual(['c6', 'c5']);
    expect(result.candidates.filter((c) => c.tied).every((c) => !c.elected && c.outcome.passed)).toBe(true);
  });

  it('breaks a headcount tie by yes area', () => {
    const voters: Voter[] = [
      { id: 'a', area: 120, weight: 1 },
      { id: 'b', area: 80, weight: 1 },
      { id: 'c', area: 100, weight: 1 },
    ];
    const ballots = new Map<string, readonly string[]>([
      ['a', ['x']],
      ['b', ['y']],
      ['c', ['x', 'y']],
    ]);
    const result = decideElection(rule('simple_majority'), 1, ['y', 'x'], voters, ballots);
    expect(result.elected).toEqual(['x']);
    expect(result.tiedForLastSeat).toEqual([]);
    expect(result.candidates.map((c) => c.candidate)).toEqual(['x', 'y']);
  });

  it('leaves all seats open when every passing candidate ties and they outnumber the seats', () => {
    const ballots = ballotsOf([['p'], ['q'], ['r'], ['p', 'q', 'r'], ['p', 'q', 'r']]);
    const result = decideElection(rule('simple_majority'), 2, ['p', 'q', 'r'], equalOwners(5), ballots);
    expect(result.elected).toEqual([]);
    expect(result.tiedForLastSeat).toEqual(['p', 'q', 'r']);
  });

  it('skips a candidate who ranks high by headcount but fails on area', () => {
    // Six small flats back "crowd"; three large ones back "big" with one small flat.
    const voters: Voter[] = [
      ...Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, area: 40, weight: 1 })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `l${i}`, area: 200, weight: 1 })),
    ];
    const ballots = new Map<string, readonly string[]>([
      ...Array.from({ length: 6 }, (_, i) => [`s${i}`, i < 2 ? ['crowd', 'big'] : ['crowd']] as const),
      ...Array.from({ length: 3 }, (_, i) => [`l${i}`, ['big']] as const),
    ]);
    const result = decideElection(rule('owners_ordinary'), 2, ['crowd', 'big'], voters, ballots);
    expect(result.candidates.map((c) => [c.candidate, c.outcome.yes.headcount, c.outcome.yes.area])).toEqual([
      ['big', 5, 680],
      ['crowd', 6, 240],
    ]);
    expect(result.candidates[1]?.outcome.failed).toEqual(['pass_area']);
    expect(result.elected).toEqual(['big']);
  });

  it.each([
    { name: 'owners_ordinary', r: rule('owners_ordinary') },
    { name: 'simple_majority', r: rule('simple_majority') },
  ])('counts blank ballots as cast under $name', ({ r }) => {
    // 6 ballots: a on 4, b on 3, 2 blank. a: 4 of 6 > 1/2; b: 3 of 6 is exactly half, not more.
    // (Before, simple majority left blanks out and elected b on 3 of 4.)
    const ballots = ballotsOf([['a', 'b'], ['a', 'b'], ['a', 'b'], ['a'], [], []]);
    const result = decideElection(r, 2, ['a', 'b'], equalOwners(6), ballots);
    expect(result.elected).toEqual(['a']);
    const b = result.candidates.find((c) => c.candidate === 'b')?.outcome;
    expect(b?.abstain.headcount).toBe(2);
    expect(b?.no.headcount).toBe(1);
    expect(b?.cast.headcount).toBe(6);
    expect(result.participating).toEqual({ headcount: 6, area: 600 });
  });

  it.each([
    { name: 'simple_majority', r: rule('simple_majority') },
    { name: 'two_thirds', r: rule('two_thirds') },
    { name: 'owners_ordinary', r: rule('owners_ordinary') },
  ])('elects nobody on mostly blank ballots under $name', ({ r }) => {
    // 7 owners: one names x, six hand in blank ballots. x has 1 of 7 ballots cast: no majority.
    const ballots = ballotsOf([['x'], [], [], [], [], [], []]);
    const result = decideElection(r, 1, ['x', 'y'], equalOwners(7), ballots);
    expect(result.elected).toEqual([]);
    const x = result.candidates.find((c) => c.candidate === 'x')?.outcome;
    expect(x?.yes.headcount).toBe(1);
    expect(x?.cast.headcount).toBe(7);
    expect(x?.passed).toBe(false);
  });

  it('elects nobody when owners_ordinary misses the quorum', () => {
    const ballots = ballotsOf([['a'], ['a'], ['a'], ['a', 'b'], ['b'], null, null, null, null]);
    const result = decideElection(rule('owners_ordinary'), 2, ['a', 'b'], equalOwners(9), ballots);
    expect(result.elected).toEqual([]);
    expect(result.tiedForLastSeat).toEqual([]);
    expect(result.participating).toEqual({ headcount: 5, area: 500 });
    expect(result.eligible).toEqual({ headcount: 9, area: 900 });
    for (const c of result.candidates) {
      expect(c.outcome.failed.slice(0, 2)).toEqual(['quorum_area', 'quorum_headcount']);
    }
    expect(result.candidates.map((c) => c.candidate)).toEqual(['a', 'b']);
  });

  it('ignores ballots from non-voters and reports turnout with no candidates', () => {
    // v0 names a, v2 too, v1 is blank: a has 2 of the 3 ballots cast.
    const ballots = ballotsOf([['a'], [], ['a']]);
    ballots.set('ghost', ['b', 'b2']);
    const withCandidates = decideElection(rule('simple_majority'), 1, ['a', 'b'], equalOwners(3), ballots);
    expect(withCandidates.candidates.find((c) => c.candidate === 'b')?.outcome.yes.headcount).toBe(0);
    expect(withCandidates.elected).toEqual(['a']);
    const none = decideElection(rule('simple_majority'), 1, [], equalOwners(3), ballots);
    expect(none.candidates).toEqual([]);
    expect(none.participating).toEqual({ headcount: 3, area: 300 });
  });
});

describe('formatShare', () => {
  it.each([
    [72, 100, '72%'],
    [2, 3, '66.7%'],
    [1, 3, '33.3%'],
    [1, 8, '12.5%'],
    [1, 16, '6.3%'], // 6.25 rounds half up
    [1, 2000, '0.1%'], // 0.05 rounds half up
    [1, 2001, '0%'],
    [0, 5, '0%'],
    [5, 5, '100%'],
    [12_750, 17_000, '75%'],
    [158, 210, '75.2%'],
    [17_000, 24_000, '70.8%'],
    [199, 300, '66.3%'],
    [1, 0, '0%'],
  ])('%d of %d is %s', (part, whole, expected) => {
    expect(formatShare(part, whole)).toBe(expected);
  });
});

describe('decimal areas', () => {
  it('treats exactly 3/4 of decimal areas as exactly 3/4 (no floating-point drift)', () => {
    // 52.3 + 71.8 + 71.8 + 52.3 + 52.3 = 300.5; 3/4 of 300.5 = 225.375 … build yes = 3/4 exactly:
    // voters 0.1 m² apart in binary-unfriendly decimals: yes 60.3 + 60.3 + 60.3 = 180.9 of 241.2 (= 3/4).
    const voters = [60.3, 60.3, 60.3, 60.3].map((area, i) => ({ id: `v${i}`, area, weight: 1 }));
    const ballots = new Map<string, 'yes' | 'no' | 'abstain'>([
      ['v0', 'yes'],
      ['v1', 'yes'],
      ['v2', 'yes'],
      ['v3', 'no'],
    ]);
    const outcome = decideVote(BUILTIN_RULES.owners_special as Rule, voters, ballots);
    expect(outcome.yes.area).toBe(180.9);
    expect(outcome.participating.area).toBe(241.2);
    expect(outcome.passed).toBe(true);
  });
});
