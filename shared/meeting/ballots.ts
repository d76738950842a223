// Votes and elections inside an item: who may vote (fixed when the vote
// opens), ballots, and the counted outcome under the item's rule.
import type { Filter, ItemOf, Role, Scenario } from '../scenario/index.ts';
import type { BallotRecord, BallotState, MeetingContext } from './context.ts';
import { countsAgainstElectorate, openElectorateBallot } from './electorate.ts';
import { countElectorateElection, countElectorateVote, participationBySource } from './electorate-count.ts';
import { decideElection, decideVote, type Voter } from './rules.ts';

export type BallotItem = ItemOf<'vote' | 'election'>;

export function isBallotItem(item: Scenario['agenda'][number] | undefined): item is BallotItem {
  return item?.kind === 'vote' || item?.kind === 'election';
}

export { ballotIsFinal } from './ballot-final.ts';

export function roleMatches(role: Role, filter: Filter): boolean {
  if (role.npc) return false;
  if (filter.kind === 'all') return true;
  if (filter.kind === 'roles') return filter.roles.includes(role.id);
  return role.attributes[filter.attribute] === filter.equals;
}

/** Seats (participant ids) whose card the item's filter admits, in joining order. */
export function eligibleSeats(scenario: Scenario, ctx: MeetingContext, item: BallotItem): string[] {
  const roles = new Map(scenario.roles.map((r) => [r.id, r]));
  return Object.values(ctx.participants)
    .filter((p) => {
      const role = p.roleId ? roles.get(p.roleId) : undefined;
      return role !== undefined && roleMatches(role, item.eligible);
    })
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
    .map((p) => p.id);
}

/**
 * The ballot's candidates, in the scenario's order. The list is the scenario's, not the room's: a
 * listed card held by trainees stands as each of its seats (in joining order), and a card nobody
 * holds — an NPC card, or a trainee card not taken — stands as the card itself (`npc:<roleId>`, named
 * by its character). Nobody drops off the ballot for want of a trainee.
 */
export function candidateSeats(
  _scenario: Scenario,
  ctx: MeetingContext,
  item: ItemOf<'election'>,
  nominations: string[],
): string[] {
  if (item.candidates === 'nominate') return [...nominations];
  const participants = Object.values(ctx.participants);
  return item.candidates.flatMap((roleId) => {
    const seats = participants
      .filter((p) => p.roleId === roleId)
      .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
      .map((p) => p.id);
    return seats.length > 0 ? seats : [`npc:${roleId}`];
  });
}

export function newBallot(item: BallotItem): BallotState {
  return { kind: item.kind, voters: [], candidates: [], nominations: [], votes: {}, choices: {} };
}

export function openBallot(
  scenario: Scenario,
  ctx: MeetingContext,
  item: BallotItem,
  ballot: BallotState,
  at: number,
): BallotState {
  const candidates = item.kind === 'election' ? candidateSeats(scenario, ctx, item, ballot.nominations) : [];
  if (countsAgainstElectorate(scenario, item)) {
    const electorate = openElectorateBallot(scenario, ctx, item, at, candidates);
    const voters = eligibleSeats(scenario, ctx, item).filter((seat) => Object.hasOwn(electorate.seats, seat));
    return { ...ballot, voters, candidates, openedAt: at, electorate };
  }
  return { ...ballot, voters: eligibleSeats(scenario, ctx, item), candidates, openedAt: at };
}

/** Each seat as a voter under the item's rule: the card's area and weight (cards in the room as the base). */
export function seatVoters(
  scenario: Scenario,
  roleOfSeat: (seat: string) => string | null | undefined,
  ruleId: string,
  seats: readonly string[],
): Voter[] {
  const rule = scenario.rules[ruleId];
  return seats.map((id) => {
    const roleId = roleOfSeat(id);
    const role = scenario.roles.find((r) => r.id === roleId);
    const weight = rule?.weight ? role?.attributes[rule.weight] : 1;
    return { id, area: role?.attributes.area_m2 ?? 0, weight: typeof weight === 'number' ? weight : 1 };
  });
}

function votersOf(scenario: Scenario, ctx: MeetingContext, item: BallotItem, seats: string[]): Voter[] {
  return seatVoters(scenario, (id) => ctx.participants[id]?.roleId, item.rule, seats);
}

export function countBallot(
  scenario: Scenario,
  ctx: MeetingContext,
  item: BallotItem,
  ballot: BallotState,
  at: number,
): BallotRecord {
  const rule = scenario.rules[item.rule];
  if (!rule) throw new Error(`scenario ${scenario.id} has no rule ${item.rule}`); // the loader guarantees it
  // The ballot opened as a vote of the electorate (or not) is counted the same way, whatever the scenario says now.
  if (ballot.electorate && scenario.electorate) {
    const eb = ballot.electorate;
    const participation = participationBySource(scenario.electorate, eb);
    if (item.kind === 'vote') {
      const outcome = countElectorateVote(rule, scenario.electorate, eb);
      return {
        kind: 'vote',
        item: item.id,
        at,
        ballot: item.ballot,
        votes: { ...ballot.votes },
        outcome,
        electorate: eb,
        participation,
      };
    }
    const outcome = countElectorateElection(rule, item.seats, ballot.candidates, scenario.electorate, eb);
    return {
      kind: 'election',
      item: item.id,
      at,
      ballot: item.ballot,
      candidates: [...ballot.candidates],
      choices: { ...ballot.choices },
      outcome,
      electorate: eb,
      participation,
    };
  }
  const voters = votersOf(scenario, ctx, item, ballot.voters);
  if (item.kind === 'vote') {
    const outcome = decideVote(rule, voters, new Map(Object.entries(ballot.votes)));
    return { kind: 'vote', item: item.id, at, ballot: item.ballot, votes: { ...ballot.votes }, outcome };
  }
  const outcome = decideElection(
    rule,
    item.seats,
    ballot.candidates,
    voters,
    new Map(Object.entries(ballot.choices)),
  );
  return {
    kind: 'election',
    item: item.id,
    at,
    ballot: item.ballot,
    candidates: [...ballot.candidates],
    choices: { ...ballot.choices },
    outcome,
  };
}
