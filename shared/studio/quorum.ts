// How far a vote of the electorate can reach towards its quorum: every card
// that may vote and every written ballot counted. The preview draws it against
// the quorum lines; "try it" flags a vote that falls short.
import type { Item, Role, Rule, Scenario } from '../scenario/index.ts';

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
  const may = (role: Role) =>
    !role.npc &&
    (item.eligible.kind === 'all' ||
      (item.eligible.kind === 'roles' && item.eligible.roles.includes(role.id)) ||
      (item.eligible.kind === 'attribute' &&
        role.attributes[item.eligible.attribute] === item.eligible.equals));
  const owners = new Set(scenario.roles.filter(may).flatMap((r) => [...r.standsFor, ...r.proxyFor]));
  const written = item.kind === 'vote' ? item.writtenBallots : undefined;
  for (const ballot of written?.flats ?? []) owners.add(ballot.owner);
  const listed = electorate.owners.filter((o) => owners.has(o.id));
  const tally = Object.values(written?.tally ?? {});
  return {
    heads: listed.length + tally.reduce((n, t) => n + t.owners, 0),
    area: listed.reduce((n, o) => n + o.area_m2, 0) + tally.reduce((n, t) => n + t.area_m2, 0),
    total: electorate.total,
    quorum: rule.quorum,
  };
}
