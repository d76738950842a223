// Counting a vote or an election of the electorate (electorate.ts holds the
// ballots): the quorum against every owner, listed or not, consent against
// those taking part, all in exact area units so 2/3 and 3/4 are decided
// without rounding; and how many took part by how their ballot came in.
import { fromAreaUnits, toAreaUnits } from '../scenario/electorate.ts';
import type { Electorate, Rule } from '../scenario/index.ts';
import {
  type BallotSource,
  type ElectionTallyEntry,
  type ElectorateBallot,
  hasBallot,
  type OwnerBallot,
} from './electorate.ts';
import {
  type CandidateResult,
  type Choice,
  decideTally,
  type ElectionOutcome,
  fillSeats,
  type Measure,
  type Tally,
  type VoteOutcome,
} from './rules.ts';

const measure = (headcount: number, units: number): Measure => ({ headcount, area: fromAreaUnits(units) });

interface UnitCount {
  heads: number;
  units: number;
}
const add = (c: UnitCount, heads: number, units: number) => {
  c.heads += heads;
  c.units += units;
};

/** Counts by choice in exact units; `choiceOf` maps an owner's ballot to a choice (or none). */
function tallyOf(
  electorate: Electorate,
  eb: ElectorateBallot,
  choiceOf: (b: OwnerBallot) => Choice | undefined,
  tallies: boolean | ((t: ElectionTallyEntry) => Record<Choice, UnitCount>),
): Tally {
  const by: Record<Choice, UnitCount> = {
    yes: { heads: 0, units: 0 },
    no: { heads: 0, units: 0 },
    abstain: { heads: 0, units: 0 },
  };
  for (const owner of electorate.owners) {
    const ballot = eb.ballots[owner.id];
    const choice = ballot && hasBallot(eb, owner.id) ? choiceOf(ballot) : undefined;
    if (choice) add(by[choice], 1, toAreaUnits(owner.area_m2));
  }
  if (tallies === true) for (const t of eb.tallies) add(by[t.choice], t.owners, t.areaUnits);
  else if (tallies)
    for (const t of eb.electionTallies ?? []) {
      const split = tallies(t);
      for (const c of ['yes', 'no', 'abstain'] as const) add(by[c], split[c].heads, split[c].units);
    }
  return {
    eligible: measure(electorate.total.owners, toAreaUnits(electorate.total.area_m2)),
    yes: measure(by.yes.heads, by.yes.units),
    no: measure(by.no.heads, by.no.units),
    abstain: measure(by.abstain.heads, by.abstain.units),
    ballots: { yes: by.yes.heads, no: by.no.heads, abstain: by.abstain.heads },
  };
}

/**
 * A yes/no vote of the electorate: the quorum against every owner (listed or
 * not), consent against those taking part; abstaining is taking part.
 */
export function countElectorateVote(rule: Rule, electorate: Electorate, eb: ElectorateBallot): VoteOutcome {
  return decideTally(
    rule,
    tallyOf(electorate, eb, (b) => b.choice, true),
  );
}

/** One candidate's share of an election tally: named yes, blank abstain, the rest no. */
function tallyFor(candidate: string) {
  return (t: ElectionTallyEntry): Record<Choice, UnitCount> => {
    const named = t.named[candidate] ?? { owners: 0, areaUnits: 0 };
    return {
      yes: { heads: named.owners, units: named.areaUnits },
      abstain: { heads: t.blank.owners, units: t.blank.areaUnits },
      no: {
        heads: t.owners - t.blank.owners - named.owners,
        units: t.areaUnits - t.blank.areaUnits - named.areaUnits,
      },
    };
  };
}
const allTaking = (t: ElectionTallyEntry): Record<Choice, UnitCount> => ({
  yes: { heads: 0, units: 0 },
  no: { heads: 0, units: 0 },
  abstain: { heads: t.owners, units: t.areaUnits },
});

/**
 * An election of the electorate: each candidate a vote (named: yes, blank: abstain, else no), with
 * blank ballots counted as cast (electionOutcome).
 */
export function countElectorateElection(
  rule: Rule,
  seats: number,
  candidates: readonly string[],
  electorate: Electorate,
  eb: ElectorateBallot,
): ElectionOutcome {
  const results: CandidateResult[] = candidates.map((candidate) => {
    const outcome = decideTally(
      rule,
      tallyOf(
        electorate,
        eb,
        (b) => {
          if (!b.choices) return undefined;
          if (b.choices.length === 0) return 'abstain';
          return b.choices.includes(candidate) ? 'yes' : 'no';
        },
        tallyFor(candidate),
      ),
      { blankIsCast: true },
    );
    return { candidate, outcome, elected: false, tied: false };
  });
  const { ranked, elected, tiedForLastSeat } = fillSeats(results, seats);
  const turnout = tallyOf(electorate, eb, (b) => (b.choices ? 'abstain' : undefined), allTaking);
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

/** Owners taking part so far, by how their ballot came in (tallies are paper or written). */
export function participationBySource(
  electorate: Electorate,
  eb: ElectorateBallot,
): Record<BallotSource, Measure> {
  const by: Record<BallotSource, UnitCount> = {
    room: { heads: 0, units: 0 },
    paper: { heads: 0, units: 0 },
    written: { heads: 0, units: 0 },
  };
  for (const owner of electorate.owners) {
    const ballot = eb.ballots[owner.id];
    if (ballot && hasBallot(eb, owner.id)) add(by[ballot.source], 1, toAreaUnits(owner.area_m2));
  }
  for (const t of eb.tallies) add(by[t.source], t.owners, t.areaUnits);
  for (const t of eb.electionTallies ?? []) add(by[t.source], t.owners, t.areaUnits);
  return {
    room: measure(by.room.heads, by.room.units),
    paper: measure(by.paper.heads, by.paper.units),
    written: measure(by.written.heads, by.written.units),
  };
}
