// How far a vote of the electorate can reach towards its quorum: every card
// that may vote and every written ballot counted. The preview draws it against
// the quorum lines; "try it" flags a vote that falls short.
import { roleMatches } from '../meeting/ballots.ts';
import type { Item, Rule, Scenario } from '../scenario/index.ts';

export interface QuorumReach {
  /** Owners and area that can take part at most: every eligible card's owners and every written ballot. */
  heads: number;
  area: number;
  total: { owners: number; area_m2: number };
  quorum: Rule['quorum'];
}

/** How far a vote of the electorate can reach towards its quorum (null: it has no quorum to reach). */
export function quorumReach(scenario: Scenario, item: Item): QuorumReach | null {
  if (item.kind !== 'vote' && item.kind !== 'election') return null;
  const rule = scenario.rules[item.rule];
  const electorate = scenario.electorate;
  if (!rule || !electorate || (!rule.quorum.area && !rule.quorum.headcount)) return null;
  // Who may vote is the engine's own rule (ballots.ts), not a copy of it.
  const owners = new Set(
    scenario.roles
      .filter((r) => roleMatches(r, item.eligible))
      .flatMap((r) => [...r.standsFor, ...r.proxyFor]),
  );
  const written = item.writtenBallots;
  for (const ballot of written?.flats ?? []) owners.add(ballot.owner);
  const listed = electorate.owners.filter((o) => owners.has(o.id));
  // Unlisted owners' written ballots: a vote's tally is per choice, an election's counts its ballots once.
  const tally =
    item.kind === 'vote'
      ? Object.values(item.writtenBallots?.tally ?? {})
      : item.writtenBallots?.tally
        ? [item.writtenBallots.tally.ballots]
        : [];
  return {
    heads: listed.length + tally.reduce((n, t) => n + t.owners, 0),
    area: listed.reduce((n, o) => n + o.area_m2, 0) + tally.reduce((n, t) => n + t.area_m2, 0),
    total: electorate.total,
    quorum: rule.quorum,
  };
}
