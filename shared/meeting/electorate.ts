// A vote of the electorate: which seat casts for which owners (fixed when the
// vote opens), one ballot per owner — from the room, on paper entered at the
// console, or written before the meeting — tallies of owners not listed by
// flat; the count is in electorate-count.ts. Pure functions and the
// plain-JSON state they work on; only items that count against an electorate
// (a scenario with one, a rule with a quorum) ever have this state.
import { toAreaUnits } from '../scenario/electorate.ts';
import type { Electorate, ItemOf, Role, Scenario } from '../scenario/index.ts';
import type { Actor } from './commands.ts';
import type { MeetingContext } from './context.ts';
import type { Choice } from './rules.ts';

type BallotItem = ItemOf<'vote' | 'election'>;

/** How an owner's ballot came in. `written`: returned before the meeting, declared in the scenario. */
export type BallotSource = 'room' | 'paper' | 'written';

export interface OwnerBallot {
  source: BallotSource;
  /** The seat that cast it in the room. */
  seat?: string;
  at: number;
  choice?: Choice;
  choices?: string[];
}

/** One line of the console's paper-ballot record: an entry, or a correction of one (never an edit). */
export interface PaperEntry {
  action: 'enter' | 'correct';
  flat: string;
  owner: string;
  choice?: Choice;
  choices?: string[];
  /** A correction that takes the ballot back out (entered for the wrong flat). */
  withdrawn?: true;
  /** What a correction replaced. */
  was?: Pick<OwnerBallot, 'source' | 'choice' | 'choices'>;
  by: Actor;
  at: number;
}

/** Ballots of owners not listed by flat, counted together by choice. */
export interface TallyEntry {
  choice: Choice;
  owners: number;
  /** In 1/10,000 m². */
  areaUnits: number;
  source: 'paper' | 'written';
  by: Actor | null;
  at: number;
  /** Earlier figures of this entry, oldest first, each replaced by a logged correction. */
  was?: { owners: number; areaUnits: number; by: Actor; at: number }[];
}

/** An election's written ballots of owners not listed by flat: how many, how many blank, and per candidate. */
export interface ElectionTallyEntry {
  owners: number;
  /** In 1/10,000 m². */
  areaUnits: number;
  blank: { owners: number; areaUnits: number };
  /** Candidate id → the ballots naming them. */
  named: Record<string, { owners: number; areaUnits: number }>;
  source: 'written';
  at: number;
}

export interface ElectorateBallot {
  /** Seat → the owners (ids) it casts one ballot each for. */
  seats: Record<string, string[]>;
  /** Owners cast for under a written proxy (委托书). */
  proxies: string[];
  /** One ballot per owner: the first counted stands. */
  ballots: Record<string, OwnerBallot>;
  paper: PaperEntry[];
  tallies: TallyEntry[];
  /** An election's tallies of owners not listed by flat (written ballots declared in the scenario). */
  electionTallies?: ElectionTallyEntry[];
}

/** The item's rule has a quorum, and the scenario has an electorate to measure it against. */
export function countsAgainstElectorate(scenario: Scenario, item: BallotItem): boolean {
  const rule = scenario.rules[item.rule];
  return (
    scenario.electorate !== undefined &&
    rule !== undefined &&
    (rule.quorum.area !== undefined || rule.quorum.headcount !== undefined)
  );
}

export const ownerById = (electorate: Electorate, id: string) => electorate.owners.find((o) => o.id === id);

const admits = (role: Role, item: BallotItem): boolean => {
  if (role.npc || role.standsFor.length + role.proxyFor.length === 0) return false;
  const filter = item.eligible;
  if (filter.kind === 'all') return true;
  if (filter.kind === 'roles') return filter.roles.includes(role.id);
  return role.attributes[filter.attribute] === filter.equals;
};

/**
 * Who casts for whom if the vote opened now. A card's owners are shared among
 * its holders in joining order, in consecutive runs (5 owners, 2 holders: 3 and 2);
 * a holder left without an owner does not vote.
 */
export function representation(
  scenario: Scenario,
  ctx: MeetingContext,
  item: BallotItem,
): Pick<ElectorateBallot, 'seats' | 'proxies'> {
  const seats: Record<string, string[]> = {};
  const proxies: string[] = [];
  for (const role of scenario.roles) {
    if (!admits(role, item)) continue;
    const holders = Object.values(ctx.participants)
      .filter((p) => p.roleId === role.id)
      .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
    if (holders.length === 0) continue;
    const owners = [...role.standsFor, ...role.proxyFor.filter((o) => !role.standsFor.includes(o))];
    proxies.push(...role.proxyFor.filter((o) => !role.standsFor.includes(o)));
    holders.forEach((holder, i) => {
      const from = Math.floor((i * owners.length) / holders.length);
      const to = Math.floor(((i + 1) * owners.length) / holders.length);
      if (to > from) seats[holder.id] = owners.slice(from, to);
    });
  }
  return { seats, proxies };
}

/** The candidate a written ballot means by a role id: the card's first seat, or the card itself. */
export function candidateOfRole(ctx: MeetingContext, candidates: readonly string[], roleId: string) {
  return candidates.find((c) => c === `npc:${roleId}` || ctx.participants[c]?.roleId === roleId);
}

/** The electorate part of a ballot as it opens: who sits for whom, and the ballots already written. */
export function openElectorateBallot(
  scenario: Scenario,
  ctx: MeetingContext,
  item: BallotItem,
  at: number,
  candidates: readonly string[] = [],
): ElectorateBallot {
  const ballots: Record<string, OwnerBallot> = {};
  const tallies: TallyEntry[] = [];
  const seats = representation(scenario, ctx, item);
  if (item.kind === 'election') {
    const written = item.writtenBallots;
    const mean = (roles: readonly string[]) =>
      roles.flatMap((r) => {
        const c = candidateOfRole(ctx, candidates, r);
        return c === undefined ? [] : [c];
      });
    for (const entry of written?.flats ?? [])
      ballots[entry.owner] = { source: 'written', at, choices: mean(entry.choices) };
    const t = written?.tally;
    const electionTallies: ElectionTallyEntry[] =
      t && t.ballots.owners > 0
        ? [
            {
              owners: t.ballots.owners,
              areaUnits: toAreaUnits(t.ballots.area_m2),
              blank: { owners: t.blank.owners, areaUnits: toAreaUnits(t.blank.area_m2) },
              named: Object.fromEntries(
                Object.entries(t.candidates).flatMap(([role, m]) => {
                  const c = candidateOfRole(ctx, candidates, role);
                  return c === undefined
                    ? []
                    : [[c, { owners: m.owners, areaUnits: toAreaUnits(m.area_m2) }]];
                }),
              ),
              source: 'written',
              at,
            },
          ]
        : [];
    return { ...seats, ballots, paper: [], tallies, ...(electionTallies.length > 0 && { electionTallies }) };
  }
  const written = item.writtenBallots;
  for (const entry of written?.flats ?? [])
    ballots[entry.owner] = { source: 'written', at, choice: entry.choice };
  for (const choice of ['yes', 'no', 'abstain'] as const) {
    const t = written?.tally[choice];
    if (t && t.owners > 0)
      tallies.push({
        choice,
        owners: t.owners,
        areaUnits: toAreaUnits(t.area_m2),
        source: 'written',
        by: null,
        at,
      });
  }
  return { ...seats, ballots, paper: [], tallies };
}

/** Ballots in, by owner, and tallied owners, with who entered what. */
export const hasBallot = (eb: ElectorateBallot, owner: string): boolean => Object.hasOwn(eb.ballots, owner);

/** The tallies' totals (unlisted owners who have voted), in heads and area units. */
export function talliedSoFar(eb: ElectorateBallot, except?: number): { owners: number; areaUnits: number } {
  let owners = 0;
  let areaUnits = 0;
  for (const t of eb.electionTallies ?? []) {
    owners += t.owners;
    areaUnits += t.areaUnits;
  }
  eb.tallies.forEach((t, i) => {
    if (i === except) return;
    owners += t.owners;
    areaUnits += t.areaUnits;
  });
  return { owners, areaUnits };
}
