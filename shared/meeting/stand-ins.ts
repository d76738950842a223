// Stand-ins: when a class is short-handed, an expert (an observer) plays a
// trainee card nobody holds. The stand-in is an ordinary participant of the
// meeting — it counts for the required cards, speaks, votes — marked with the
// observer who plays it. The room knows it only as its character.
import type { Role } from '../scenario/index.ts';
import type { MeetingContext, Participant } from './context.ts';

export const isStandIn = (p: Participant | undefined): boolean => p?.playedBy !== undefined;

/**
 * Whether the observer a card is handed to has joined the session. The
 * meeting's context does not know observers (they live in the coaching
 * state), so the host asks this before it dispatches card.assign_expert.
 */
export const isKnownExpert = (observers: Readonly<Record<string, unknown>>, observerId: string): boolean =>
  Object.hasOwn(observers, observerId);

/** A stand-in whose card was taken back: kept so earlier attempts still say who played what, out of the meeting. */
export const isRetiredStandIn = (p: Participant): boolean => p.playedBy !== undefined && p.roleId === null;

/**
 * An expert may stand in for a trainee card with a free seat that nobody
 * holds, or that is short of its minimum (a crowd card with min 2 held once).
 * `held`: how many seats hold it now.
 */
export function mayStandIn(role: Pick<Role, 'npc' | 'seats'>, held: number): boolean {
  if (role.npc) return false;
  return held < role.seats.max && (held === 0 || held < role.seats.min);
}

/** The cards this observer plays now (seat ids). */
export function seatsPlayedBy(ctx: MeetingContext, observerId: string): Participant[] {
  return Object.values(ctx.participants).filter((p) => p.playedBy === observerId && p.roleId !== null);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A stand-in's seat id: derived from the context and the event, so a replay
 * makes the same one, and shaped like a trainee's random id (12 base64url
 * characters), so the id itself says nothing about who sits behind it.
 */
function standInId(ctx: MeetingContext, roleId: string, observerId: string, at: number): string {
  for (let salt = 0; ; salt++) {
    const seed = `${ctx.attempt}|${roleId}|${observerId}|${at}|${Object.keys(ctx.participants).length}|${salt}`;
    let id = '';
    for (let i = 0; i < 12; i++) id += ALPHABET[fnv1a(`${seed}|${i}`) & 63];
    if (!Object.hasOwn(ctx.participants, id)) return id;
  }
}

export function withStandIn(
  ctx: MeetingContext,
  roleId: string,
  observerId: string,
  at: number,
): MeetingContext {
  const id = standInId(ctx, roleId, observerId, at);
  const standIn: Participant = { id, name: '', roleId, joinedAt: at, mood: null, playedBy: observerId };
  return { ...ctx, participants: { ...ctx.participants, [id]: standIn } };
}

/** The facilitator takes the card back: the seat is retired, never reused. */
export function withoutStandIn(ctx: MeetingContext, participantId: string): MeetingContext {
  const p = ctx.participants[participantId];
  if (!p || !isStandIn(p)) return ctx;
  return {
    ...ctx,
    participants: { ...ctx.participants, [participantId]: { ...p, roleId: null, mood: null } },
  };
}
