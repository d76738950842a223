// Deciding votes and elections from ballots. Pure functions: the engine hands
// in the eligible voters and the ballots, and gets back an outcome that keeps
// every number it was decided on, so the debrief can say exactly why.
import { type Fraction, meetsFraction } from '../scenario/primitives.ts';
import type { PassBase, Rule } from '../scenario/types.ts';

export type Choice = 'yes' | 'no' | 'abstain';

/** One eligible seat. A role with several seats gives several voters with the same area. */
export interface Voter {
  id: string;
  /** Exclusive-part area in m²; 0 when unknown. */
  area: number;
  /** Votes this seat carries when the rule is weighted (`rule.weight`). */
  weight: number;
}

export interface Measure {
  headcount: number;
  area: number;
}

export interface ConditionResult {
  dimension: 'area' | 'headcount';
  threshold: Fraction;
  part: number;
  whole: number;
  met: boolean;
}

export type FailedCondition =
  | 'quorum_area'
  | 'quorum_headcount'
  | 'pass_area'
  | 'pass_headcount'
  | 'consensus_objection'
  | 'consensus_no_support'
  | 'no_participation';

export interface VoteOutcome {
  rule: string;
  passed: boolean;
  eligible: Measure;
  participating: Measure;
  cast: Measure;
  yes: Measure;
  no: Measure;
  abstain: Measure;
  passBase: PassBase;
  quorum: ConditionResult[];
  pass: ConditionResult[];
  /** Every failed condition: quorum area, quorum headcount, pass area, pass headcount (or the consensus ones), then no_participation. */
  failed: FailedCondition[];
}

const DIMENSIONS = ['area', 'headcount'] as const;
type Dimension = (typeof DIMENSIONS)[number];

const zero = (): Measure => ({ headcount: 0, area: 0 });
// Areas like 52.3 m² are not exact in binary: sums are rounded to 1/10,000 and
// compared as integers of that unit, so exactly 3/4 stays exactly 3/4.
const UNIT = 10_000;
const tidy = (x: number) => Math.round(x * UNIT) / UNIT;
const plus = (a: Measure, b: Measure): Measure => ({
  headcount: tidy(a.headcount + b.headcount),
  area: tidy(a.area + b.area),
});

/** A weighted rule counts each seat as its weight in the headcount dimension; area is always area. */
const measureOf = (rule: Rule, voter: Voter): Measure => ({
  headcount: rule.weight !== undefined ? voter.weight : 1,
  area: voter.area,
});

/** The counts a rule decides on. Exported so that other bases (the electorate) can build their own. */
export interface Tally {
  eligible: Measure;
  yes: Measure;
  no: Measure;
  abstain: Measure;
  /** Ballots per choice by seat: "nobody took part" and consensus are about people, not weights that may be 0. */
  ballots: Record<Choice, number>;
}

function tally(rule: Rule, voters: readonly Voter[], choiceOf: (voter: Voter) => Choice | undefined): Tally {
  const t: Tally = {
    eligible: zero(),
    yes: zero(),
    no: zero(),
    abstain: zero(),
    ballots: { yes: 0, no: 0, abstain: 0 },
  };
  for (const voter of voters) {
    const m = measureOf(rule, voter);
    t.eligible = plus(t.eligible, m);
    const choice = choiceOf(voter);
    // No ballot means the seat did not take part at all.
    if (choice === undefined) continue;
    t[choice] = plus(t[choice], m);
    t.ballots[choice] += 1;
  }
  return t;
}

function check(
  thresholds: Partial<Record<Dimension, Fraction>>,
  part: Measure,
  whole: Measure,
): ConditionResult[] {
  const results: ConditionResult[] = [];
  for (const dimension of DIMENSIONS) {
    const threshold = thresholds[dimension];
    if (threshold === undefined) continue;
    const p = part[dimension];
    const w = whole[dimension];
    results.push({
      dimension,
      threshold,
      part: p,
      whole: w,
      met: meetsFraction(Math.round(p * UNIT), Math.round(w * UNIT), threshold),
    });
  }
  return results;
}

export interface DecideOptions {
  /**
   * An election: a blank ballot is a ballot cast (and a ballot not naming a candidate is cast
   * against them), so a name on 1 ballot of 7, 6 blank, is not a majority of the ballots cast.
   */
  blankIsCast?: boolean;
}

/** Decide from counts already made: every threshold, every failed condition. */
export function decideTally(rule: Rule, t: Tally, options: DecideOptions = {}): VoteOutcome {
  return decide(rule, t, options);
}

function decide(rule: Rule, t: Tally, options: DecideOptions = {}): VoteOutcome {
  // Abstaining is taking part (art. 278 counts those who "参与表决"), but it is not a vote cast —
  // except in an election, where a blank ballot is a ballot cast.
  const participating = plus(plus(t.yes, t.no), t.abstain);
  const cast = options.blankIsCast ? participating : plus(t.yes, t.no);
  const bases: Record<PassBase, Measure> = { cast, participating, eligible: t.eligible };

  const quorum = check(rule.quorum, participating, t.eligible);
  const failed: FailedCondition[] = quorum.filter((c) => !c.met).map((c) => `quorum_${c.dimension}` as const);

  let pass: ConditionResult[] = [];
  if (rule.kind === 'consensus') {
    // Consensus counts ballots, not shares: one objection blocks, and silence is not support.
    if (t.ballots.no > 0) failed.push('consensus_objection');
    if (t.ballots.yes === 0) failed.push('consensus_no_support');
  } else {
    pass = check(rule.pass, t.yes, bases[rule.pass.of]);
    for (const c of pass) if (!c.met) failed.push(`pass_${c.dimension}`);
  }
  // Guards rules with no thresholds at all (and weights of 0): an empty room decides nothing.
  if (t.ballots.yes + t.ballots.no + t.ballots.abstain === 0) failed.push('no_participation');

  return {
    rule: rule.id,
    passed: failed.length === 0,
    eligible: t.eligible,
    participating,
    cast,
    yes: t.yes,
    no: t.no,
    abstain: t.abstain,
    passBase: rule.pass.of,
    quorum,
    pass,
    failed,
  };
}

/** Decide a yes/no/abstain vote. Ballots from ids that are not eligible voters are ignored. */
export function decideVote(
  rule: Rule,
  voters: readonly Voter[],
  ballots: ReadonlyMap<string, Choice>,
): VoteOutcome {
  return decide(
    rule,
    tally(rule, voters, (v) => ballots.get(v.id)),
  );
}

export interface CandidateResult {
  candidate: string;
  outcome: VoteOutcome;
  elected: boolean;
  tied: boolean;
}

export interface ElectionOutcome {
  rule: string;
  seats: number;
  /** Passing candidates by rank, then failing ones by yes headcount. */
  candidates: CandidateResult[];
  /** In rank order, highest first. */
  elected: string[];
  /** Tied across the last seat: none of them is elected, the seat stays open for a run-off. */
  tiedForLastSeat: string[];
  participating: Measure;
  eligible: Measure;
}

const byYes = (a: CandidateResult, b: CandidateResult): number =>
  b.outcome.yes.headcount - a.outcome.yes.headcount || b.outcome.yes.area - a.outcome.yes.area;

/**
 * Each candidate is a vote under the rule: yes = ballots naming them, abstain = blank
 * ballots, no = other ballots, and every ballot, blank or not, is cast: a candidate needs the
 * rule's share of all the ballots, so mostly blank ballots elect nobody. Passing candidates fill
 * the seats by yes headcount, then yes area.
 */
export function decideElection(
  rule: Rule,
  seats: number,
  candidates: readonly string[],
  voters: readonly Voter[],
  ballots: ReadonlyMap<string, readonly string[]>,
): ElectionOutcome {
  const results: CandidateResult[] = candidates.map((candidate) => {
    const outcome = decide(
      rule,
      tally(rule, voters, (v) => {
        const ballot = ballots.get(v.id);
        if (ballot === undefined) return undefined;
        if (ballot.length === 0) return 'abstain';
        return ballot.includes(candidate) ? 'yes' : 'no';
      }),
      { blankIsCast: true },
    );
    return { candidate, outcome, elected: false, tied: false };
  });

  const { ranked, elected, tiedForLastSeat } = fillSeats(results, seats);

  // Turnout does not depend on the candidate: any ballot, blank or not, is taking part.
  const turnout = tally(rule, voters, (v) => (ballots.has(v.id) ? 'abstain' : undefined));
  return {
    rule: rule.id,
    seats,
    candidates: ranked,
    elected,
    tiedForLastSeat,
    participating: turnout.abstain,
    eligible: turnout.eligible,
  };
}

/**
 * Passing candidates fill the seats by yes headcount, then yes area; a level
 * group across the last seat leaves it open. Mutates `elected`/`tied` on the results.
 */
export function fillSeats(
  results: CandidateResult[],
  seats: number,
): { ranked: CandidateResult[]; elected: string[]; tiedForLastSeat: string[] } {
  // Array.prototype.sort is stable, so equal candidates keep the order they were listed in.
  const passing = results.filter((r) => r.outcome.passed).sort(byYes);
  const failing = results.filter((r) => !r.outcome.passed).sort(byYes);

  const elected: string[] = [];
  let tiedForLastSeat: string[] = [];
  for (let i = 0; i < passing.length && elected.length < seats; ) {
    // The group of candidates level with passing[i].
    let j = i + 1;
    while (j < passing.length && byYes(passing[i] as CandidateResult, passing[j] as CandidateResult) === 0)
      j++;
    const group = passing.slice(i, j);
    if (elected.length + group.length > seats) {
      // Electing some of a level group would be arbitrary; leave the seat(s) open instead.
      for (const r of group) r.tied = true;
      tiedForLastSeat = group.map((r) => r.candidate);
      break;
    }
    for (const r of group) {
      r.elected = true;
      elected.push(r.candidate);
    }
    i = j;
  }

  return { ranked: [...passing, ...failing], elected, tiedForLastSeat };
}

// Lives in its own module so that a screen showing a share need not load the rules (and zod with them).
export { formatShare } from './share.ts';
