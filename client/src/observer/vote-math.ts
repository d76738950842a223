// The live ballot counted the way the engine will count it when the vote
// closes: the same voters (seats fixed when the vote opened), the same areas
// and weights from the role cards, the same pure rules.
import { roleMatches } from '../../../shared/meeting/ballots.ts';
import {
  type Choice,
  decideElection,
  decideVote,
  type ElectionOutcome,
  type VoteOutcome,
  type Voter,
} from '../../../shared/meeting/rules.ts';
import type { ItemOf, Rule, Scenario } from '../../../shared/scenario/index.ts';
import type { BallotView, LiveView } from '../../../shared/views/types.ts';

export type BallotItem = ItemOf<'vote' | 'election'>;

export function votersFor(scenario: Scenario, live: LiveView, rule: Rule, seats: readonly string[]): Voter[] {
  return seats.map((id) => {
    const roleId = live.participants.find((p) => p.id === id)?.roleId;
    const role = scenario.roles.find((r) => r.id === roleId);
    const weight = rule.weight ? role?.attributes[rule.weight] : 1;
    return { id, area: role?.attributes.area_m2 ?? 0, weight: typeof weight === 'number' ? weight : 1 };
  });
}

/** Seats that would be eligible if the vote opened now (before it opens, the ballot has no voters yet). */
export function eligibleNow(scenario: Scenario, live: LiveView, item: BallotItem): string[] {
  return live.participants
    .filter((p) => {
      const role = scenario.roles.find((r) => r.id === p.roleId);
      return role !== undefined && roleMatches(role, item.eligible);
    })
    .map((p) => p.id);
}

export type LiveOutcome =
  | { kind: 'vote'; outcome: VoteOutcome }
  | { kind: 'election'; outcome: ElectionOutcome };

export function countLive(
  scenario: Scenario,
  live: LiveView,
  item: BallotItem,
  ballot: BallotView,
): LiveOutcome | null {
  const rule = scenario.rules[item.rule];
  if (!rule) return null;
  const voters = votersFor(scenario, live, rule, ballot.voters);
  if (item.kind === 'vote') {
    const votes = new Map(Object.entries(ballot.votes ?? {}) as [string, Choice][]);
    return { kind: 'vote', outcome: decideVote(rule, voters, votes) };
  }
  const choices = new Map(Object.entries(ballot.choices ?? {}));
  return { kind: 'election', outcome: decideElection(rule, item.seats, ballot.candidates, voters, choices) };
}
