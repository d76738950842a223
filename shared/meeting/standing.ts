// Where the vote under way stands: the same count the engine makes when the
// vote closes (countBallot, on the ballot as it is now, or as it would open
// now), and the turnout against the quorum's whole — the electorate, or the
// cards in the room when the scenario declares none. The one place every
// screen's figures come from; the projections decide who sees which part.
import type { Electorate, ElectorateOwner, Scenario } from '../scenario/index.ts';
import { countBallot, isBallotItem, openBallot, seatVoters } from './ballots.ts';
import type { BallotRecord, MeetingContext } from './context.ts';
import {
  type BallotSource,
  type ElectorateBallot,
  hasBallot,
  type OwnerBallot,
  type TallyEntry,
} from './electorate.ts';
import { participationBySource } from './electorate-count.ts';
import { currentItem } from './preconditions.ts';
import {
  type ConditionResult,
  decideTally,
  type ElectionOutcome,
  type Measure,
  type VoteOutcome,
} from './rules.ts';

export interface QuorumCondition extends ConditionResult {
  /** How many more owners (or m²) must take part to meet it; 0 once met. */
  short: number;
}

export interface Turnout {
  /** What the quorum is measured against: every owner of the electorate, or the eligible cards in the room. */
  base: 'electorate' | 'room';
  whole: Measure;
  participating: Measure;
  /** Owners (or seats) someone in the room casts for, voted or not. */
  inRoom: Measure;
  /** A vote of the electorate: taking part by how the ballots came in. */
  bySource?: Record<BallotSource, Measure>;
  /** Each quorum condition of the rule as it stands, with how much more must take part; empty when the rule has none. */
  quorum: QuorumCondition[];
  quorumMet: boolean;
  /** Whether area means anything here (the rule counts area); otherwise areas are 0. */
  countsArea: boolean;
}

export interface OwnerStanding {
  owner: ElectorateOwner;
  /** The seat casting for this owner, if any. */
  seat?: string;
  proxy: boolean;
  ballot?: OwnerBallot;
}

/** A seat that votes (or would, if the vote opened now), with the area it carries. */
export interface SeatStanding {
  id: string;
  area: number;
  /** A vote of the electorate: the owners this seat casts for. */
  owners?: string[];
}

export interface BallotStanding {
  /** pending: as it would be if the vote opened now. */
  phase: 'pending' | 'open' | 'closed';
  seats: SeatStanding[];
  turnout: Turnout;
  outcome: { kind: 'vote'; outcome: VoteOutcome } | { kind: 'election'; outcome: ElectionOutcome };
  /** A vote of the electorate: every listed owner, the tallies of the rest, the console's record. */
  electorate?: {
    title: Electorate['title'];
    owners: OwnerStanding[];
    unlisted: { owners: number; area_m2: number };
    tallies: TallyEntry[];
    paper: ElectorateBallot['paper'];
  };
}

const zero: Measure = { headcount: 0, area: 0 };
const sum = (a: Measure, b: Measure): Measure => ({
  headcount: a.headcount + b.headcount,
  area: Math.round((a.area + b.area) * 10_000) / 10_000,
});

function turnoutOf(scenario: Scenario, record: BallotRecord, eb: ElectorateBallot | undefined): Turnout {
  const outcome = record.outcome;
  const rule = scenario.rules[record.outcome.rule];
  const whole = outcome.eligible;
  const participating = outcome.participating;
  const quorum = rule
    ? decideTally(rule, {
        eligible: whole,
        yes: zero,
        no: zero,
        abstain: participating,
        ballots: { yes: 0, no: 0, abstain: participating.headcount },
      }).quorum
    : [];
  const countsArea =
    rule !== undefined &&
    [rule.quorum.area, rule.pass.area].some((f) => f !== undefined) &&
    rule.kind !== 'consensus';
  const electorate = scenario.electorate;
  let inRoom = whole;
  let bySource: Turnout['bySource'];
  if (eb && electorate) {
    inRoom = zero;
    for (const ids of Object.values(eb.seats))
      for (const id of ids) {
        const owner = electorate.owners.find((o) => o.id === id);
        if (owner) inRoom = sum(inRoom, { headcount: 1, area: owner.area_m2 });
      }
    bySource = participationBySource(electorate, eb);
  }
  const strip = (m: Measure): Measure => (countsArea ? m : { ...m, area: 0 });
  return {
    base: eb ? 'electorate' : 'room',
    whole: strip(whole),
    participating: strip(participating),
    inRoom: strip(inRoom),
    ...(bySource && {
      bySource: {
        room: strip(bySource.room),
        paper: strip(bySource.paper),
        written: strip(bySource.written),
      },
    }),
    quorum: quorum
      .filter((c) => countsArea || c.dimension === 'headcount')
      .map((c) => ({ ...c, short: shortOf(c) })),
    quorumMet: quorum.every((c) => c.met),
    countsArea,
  };
}

/** Every listed owner with the seat that casts for them and their ballot, if any (live, or from a counted record). */
export function ownerRows(electorate: Electorate, eb: ElectorateBallot): OwnerStanding[] {
  const seatOf = new Map<string, string>();
  for (const [seat, ids] of Object.entries(eb.seats)) for (const id of ids) seatOf.set(id, seat);
  return electorate.owners.map((owner) => {
    const seat = seatOf.get(owner.id);
    const cast = eb.ballots[owner.id];
    return {
      owner,
      ...(seat !== undefined && { seat }),
      proxy: eb.proxies.includes(owner.id),
      ...(cast && hasBallot(eb, owner.id) && { ballot: cast }),
    };
  });
}

/** Exactly how much more must take part: the smallest part that meets the threshold, less the part. */
function shortOf(c: ConditionResult): number {
  if (c.met) return 0;
  const unit = c.dimension === 'area' ? 10_000 : 1;
  const part = Math.round(c.part * unit);
  const whole = Math.round(c.whole * unit);
  const { num, den, strict } = c.threshold;
  const least = strict ? Math.floor((whole * num) / den) + 1 : Math.ceil((whole * num) / den);
  return Math.max(0, least - part) / unit;
}

/** The current item's ballot counted as it stands, or null when the item is not a vote or election. */
export function ballotStanding(scenario: Scenario, ctx: MeetingContext): BallotStanding | null {
  const item = currentItem(scenario, ctx);
  const state = ctx.item?.ballot;
  if (!isBallotItem(item) || !state || !scenario.rules[item.rule]) return null;
  const phase = state.closedAt !== undefined ? 'closed' : state.openedAt !== undefined ? 'open' : 'pending';
  const ballot = phase === 'pending' ? openBallot(scenario, ctx, item, state, ctx.now) : state;
  const record = countBallot(scenario, ctx, item, ballot, ballot.closedAt ?? ctx.now);
  const eb = ballot.electorate;
  const seats: SeatStanding[] = eb
    ? ballot.voters.map((id) => {
        const owners = eb.seats[id] ?? [];
        const area = owners.reduce(
          (sum, o) => sum + (scenario.electorate?.owners.find((x) => x.id === o)?.area_m2 ?? 0),
          0,
        );
        return { id, area: Math.round(area * 10_000) / 10_000, owners };
      })
    : seatVoters(scenario, (id) => ctx.participants[id]?.roleId, item.rule, ballot.voters).map((v) => ({
        id: v.id,
        area: v.area,
      }));
  const standing: BallotStanding = {
    phase,
    seats,
    turnout: turnoutOf(scenario, record, eb),
    outcome:
      record.kind === 'vote'
        ? { kind: 'vote', outcome: record.outcome }
        : { kind: 'election', outcome: record.outcome },
  };
  const electorate = scenario.electorate;
  if (eb && electorate) {
    standing.electorate = {
      title: electorate.title,
      owners: ownerRows(electorate, eb),
      unlisted: electorate.unlisted,
      tallies: eb.tallies,
      paper: eb.paper,
    };
  }
  return standing;
}
