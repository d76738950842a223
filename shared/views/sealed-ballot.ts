// A secret ballot as the room may know it, in two stages.
//
// Until the debrief opens (live screens, sync, patches, history, a trainee's
// debrief asked for early): sealed. The outcome and whether each threshold
// was met, who took part (already public: who cast is in the timeline) and
// nothing that depends on what anyone chose: every per-choice figure is 0,
// candidates come in the ballot's order rather than by votes, and the owners'
// ballots keep only how they came in. With public card areas a single total
// ("no: 72 m²") can name a voter, so no total goes out.
//
// From the debrief on (ballotForDebrief): the legal arithmetic by area and
// headcount, as a posted 公告 has it, still without who voted what. In a very
// small room those totals may let people infer votes; the trainee's ballot
// says so.
import type { BallotRecord } from '../meeting/context.ts';
import type { ElectorateBallot } from '../meeting/electorate.ts';
import type { ConditionResult, ElectionOutcome, Measure, VoteOutcome } from '../meeting/rules.ts';

const ZERO: Measure = { headcount: 0, area: 0 };
const countsArea = (o: VoteOutcome) => [...o.quorum, ...o.pass].some((c) => c.dimension === 'area');
const noArea = (m: Measure): Measure => ({ ...m, area: 0 });

/** A pass condition as a verdict: its threshold and whether it was met, no part, no whole. */
const sealedCondition = (c: ConditionResult): ConditionResult => ({ ...c, part: 0, whole: 0 });

/** The quorum measures participation, which the room already knows; the pass conditions go to verdicts. */
function sealVoteOutcome(o: VoteOutcome): VoteOutcome {
  const area = countsArea(o);
  const keep = (m: Measure) => (area ? m : noArea(m));
  return {
    ...o,
    eligible: keep(o.eligible),
    participating: keep(o.participating),
    cast: ZERO,
    yes: ZERO,
    no: ZERO,
    abstain: ZERO,
    quorum: o.quorum.map((c) => (area || c.dimension === 'headcount' ? c : { ...c, part: 0, whole: 0 })),
    pass: o.pass.map(sealedCondition),
  };
}

function sealElectionOutcome(o: ElectionOutcome, ballotOrder: readonly string[]): ElectionOutcome {
  // A record from before ballots kept their order: by id, which says nothing about votes either.
  const order = (id: string) => ballotOrder.indexOf(id);
  const byBallot = (a: string, b: string) => order(a) - order(b) || a.localeCompare(b);
  const area = o.candidates.some((c) => countsArea(c.outcome));
  return {
    ...o,
    candidates: [...o.candidates]
      .sort((a, b) => byBallot(a.candidate, b.candidate))
      .map((c) => ({ ...c, outcome: sealVoteOutcome(c.outcome) })),
    elected: [...o.elected].sort(byBallot),
    tiedForLastSeat: [...o.tiedForLastSeat].sort(byBallot),
    participating: area ? o.participating : noArea(o.participating),
    eligible: area ? o.eligible : noArea(o.eligible),
  };
}

/**
 * The owners' ballots of a secret vote as the room may know them: who took
 * part and how their ballot came in, never what it said; tallies go (they are
 * counts by choice), their owners stay in the record's participation.
 */
export function secretElectorate(eb: ElectorateBallot): ElectorateBallot {
  return {
    seats: eb.seats,
    proxies: eb.proxies,
    ballots: Object.fromEntries(
      Object.entries(eb.ballots).map(([owner, b]) => [
        owner,
        { source: b.source, at: b.at, ...(b.seat !== undefined && { seat: b.seat }) },
      ]),
    ),
    paper: eb.paper.map(({ action, flat, owner, withdrawn, by, at }) => ({
      action,
      flat,
      owner,
      ...(withdrawn && { withdrawn }),
      by,
      at,
    })),
    tallies: [],
  };
}

/**
 * A counted ballot for trainees and the projector before the debrief. An open ballot is
 * public as it is; a secret one is sealed (see above): its candidates in the ballot's own order
 * (the scenario's), so the list says nothing about who got more.
 */
export function sealedBallot(b: BallotRecord): BallotRecord {
  if (b.ballot !== 'secret') return b;
  const electorate = b.electorate && { electorate: secretElectorate(b.electorate) };
  return b.kind === 'vote'
    ? { ...b, votes: {}, outcome: sealVoteOutcome(b.outcome), ...electorate, sealed: true }
    : {
        ...b,
        choices: {},
        outcome: sealElectionOutcome(b.outcome, b.candidates ?? []),
        ...electorate,
        sealed: true,
      };
}

/**
 * A secret ballot's outcome once the debrief is open. When the rule does not count area, its area
 * totals decide nothing (the minutes leave them out) but can name a voter in a small room (only one
 * card has 90 m², so "no: 90 m²" says how it voted): they are zeroed.
 */
export function secretVoteOutcome(o: VoteOutcome): VoteOutcome {
  if (countsArea(o)) return o;
  const { eligible, participating, cast, yes, no, abstain } = o;
  return {
    ...o,
    eligible: noArea(eligible),
    participating: noArea(participating),
    cast: noArea(cast),
    yes: noArea(yes),
    no: noArea(no),
    abstain: noArea(abstain),
  };
}

export function secretElectionOutcome(o: ElectionOutcome): ElectionOutcome {
  if (o.candidates.some((c) => countsArea(c.outcome))) return o;
  return {
    ...o,
    candidates: o.candidates.map((c) => ({ ...c, outcome: secretVoteOutcome(c.outcome) })),
    participating: noArea(o.participating),
    eligible: noArea(o.eligible),
  };
}

/** A counted ballot in the debrief and its minutes: a secret one loses who voted what, keeps the arithmetic. */
export function ballotForDebrief(b: BallotRecord): BallotRecord {
  if (b.ballot !== 'secret') return b;
  const electorate = b.electorate && { electorate: secretElectorate(b.electorate) };
  return b.kind === 'vote'
    ? { ...b, votes: {}, outcome: secretVoteOutcome(b.outcome), ...electorate }
    : { ...b, choices: {}, outcome: secretElectionOutcome(b.outcome), ...electorate };
}
