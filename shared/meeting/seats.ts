// Participants and their role cards: who holds what, and whether the cards
// the meeting needs are held.
import type { Role, Scenario } from '../scenario/index.ts';
import type { MeetingContext, Participant } from './context.ts';

export function holdersOf(ctx: MeetingContext, roleId: string): Participant[] {
  return Object.values(ctx.participants).filter((p) => p.roleId === roleId);
}

export function roleOf(scenario: Scenario, ctx: MeetingContext, participantId: string): Role | undefined {
  const roleId = ctx.participants[participantId]?.roleId;
  return roleId ? scenario.roles.find((r) => r.id === roleId) : undefined;
}

export function isChair(scenario: Scenario, ctx: MeetingContext, participantId: string): boolean {
  return roleOf(scenario, ctx, participantId)?.chair === true;
}

export interface MissingCard {
  roleId: string;
  held: number;
  needed: number;
}

/** Cards short of their minimum: the meeting cannot start until this is empty. */
export function missingCards(scenario: Scenario, ctx: MeetingContext): MissingCard[] {
  return missingCardsAmong(scenario, Object.values(ctx.participants));
}

/** The same rule over any list of seats (a client's live view, say). */
export function missingCardsAmong(
  scenario: { roles: readonly Pick<Role, 'id' | 'npc' | 'seats'>[] },
  seats: readonly { roleId: string | null }[],
): MissingCard[] {
  return scenario.roles
    .filter((r) => !r.npc)
    .map((r) => ({ roleId: r.id, held: seats.filter((s) => s.roleId === r.id).length, needed: r.seats.min }))
    .filter((c) => c.held < c.needed);
}

/**
 * How many trainees a scenario takes. `min`: what the start rule needs (every
 * card at its minimum; experts can stand in for the rest). `ideal`: every
 * trainee card held once, crowd cards at their minimum if that is more.
 * `max`: every seat of every card.
 */
export interface ClassSize {
  min: number;
  ideal: number;
  max: number;
}

export function classSize(scenario: Pick<Scenario, 'roles'>): ClassSize {
  const cards = scenario.roles.filter((r) => !r.npc);
  const sum = (f: (r: Role) => number) => cards.reduce((n, r) => n + f(r), 0);
  return {
    min: sum((r) => r.seats.min),
    ideal: sum((r) => Math.min(r.seats.max, Math.max(r.seats.min, 1))),
    max: sum((r) => r.seats.max),
  };
}

export function hasFreeSeat(role: Role, ctx: MeetingContext): boolean {
  return holdersOf(ctx, role.id).length < role.seats.max;
}

export function withCard(ctx: MeetingContext, participantId: string, roleId: string | null): MeetingContext {
  const participant = ctx.participants[participantId];
  if (!participant) return ctx;
  return { ...ctx, participants: { ...ctx.participants, [participantId]: { ...participant, roleId } } };
}

export function withParticipant(ctx: MeetingContext, id: string, name: string, at: number): MeetingContext {
  const existing = ctx.participants[id];
  const participant: Participant = existing
    ? { ...existing, name }
    : { id, name, roleId: null, joinedAt: at, mood: null };
  return { ...ctx, participants: { ...ctx.participants, [id]: participant } };
}

/**
 * Fills cards for participants without one: required minimums first, then
 * the emptiest cards, so that a class spreads over the roles. Pure: the
 * server turns the result into card.assign commands.
 */
export function balanceCards(
  scenario: Scenario,
  ctx: MeetingContext,
): { participantId: string; roleId: string }[] {
  const counts = new Map(
    scenario.roles.filter((r) => !r.npc).map((r) => [r.id, holdersOf(ctx, r.id).length]),
  );
  const roles = scenario.roles.filter((r) => !r.npc);
  const out: { participantId: string; roleId: string }[] = [];
  // Stand-ins are handed a card on purpose; a retired one never takes another.
  const unseated = Object.values(ctx.participants)
    .filter((p) => p.roleId === null && p.playedBy === undefined)
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
  for (const p of unseated) {
    const pick =
      roles.find((r) => (counts.get(r.id) ?? 0) < r.seats.min) ??
      roles
        .filter((r) => (counts.get(r.id) ?? 0) < r.seats.max)
        .sort((a, b) => (counts.get(a.id) ?? 0) - (counts.get(b.id) ?? 0))[0];
    if (!pick) break;
    counts.set(pick.id, (counts.get(pick.id) ?? 0) + 1);
    out.push({ participantId: p.id, roleId: pick.id });
  }
  return out;
}
