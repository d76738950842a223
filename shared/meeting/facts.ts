// What deciding "may this viewer send this command now" needs, and nothing
// more: the facts the full meeting state and every viewer's projected view
// both carry (may-send.ts reads them; shared/views/facts.ts builds them from
// a live view). Rules written over these give the server and each screen the
// same answer, without sending anyone more than their projection.
import type { Scenario } from '../scenario/index.ts';
import type { Speaker } from './commands.ts';
import type { MeetingContext, QueueEntry } from './context.ts';
import { type AgendaItem, isFloorItem, orderedQueue } from './floor.ts';

export type { AgendaItem };

export interface FactRole {
  id: string;
  npc: boolean;
  chair: boolean;
  seats: { min: number; max: number };
}

export interface FactSeat {
  id: string;
  roleId: string | null;
  /** The observer playing this stand-in card: only in the observers' and the facilitator's facts. */
  playedBy?: string;
}

export interface FactBallot {
  open: boolean;
  closed: boolean;
  /** Eligible seats, fixed when the vote opened. */
  voters: readonly string[];
  nominations: readonly string[];
}

export interface FactItem {
  index: number;
  /** In calling order: points of order first, balance applied. */
  queue: readonly QueueEntry[];
  floor: { speaker: Speaker } | null;
  ballot: FactBallot | null;
}

export interface MeetingFacts {
  /** The machine's state as a dotted path ("lobby", "meeting.running.floor.idle"…). */
  state: string;
  roles: readonly FactRole[];
  agenda: readonly AgendaItem[];
  participants: readonly FactSeat[];
  item: FactItem | null;
  /** Observers and the facilitator only: which injects exist and which have fired. */
  injects?: readonly { id: string; fired: boolean }[];
  /** Observers and the facilitator only: whether (and which) observers may fire injects. */
  settings?: { observersMayFireInjects: boolean; injectors: readonly string[] | null };
}

/** The facts but the state: what the rules over data read (the machine's guards have no state path). */
export type DataFacts = Omit<MeetingFacts, 'state'>;

const cache = new WeakMap<MeetingContext, { scenario: Scenario; facts: DataFacts }>();

/** The facts of the full context (the server's side). Cached: a context is never changed in place. */
export function contextFacts(scenario: Scenario, ctx: MeetingContext): DataFacts {
  const known = cache.get(ctx);
  if (known && known.scenario === scenario) return known.facts;
  const item = ctx.item ? scenario.agenda[ctx.item.index] : undefined;
  const ballot = ctx.item?.ballot;
  const fired = new Set(ctx.record.injects.map((r) => r.inject));
  const facts: DataFacts = {
    roles: scenario.roles,
    agenda: scenario.agenda,
    participants: Object.values(ctx.participants),
    item:
      ctx.item && item
        ? {
            index: ctx.item.index,
            queue: isFloorItem(item) ? orderedQueue(item, ctx.item.queue, ctx.record) : [],
            floor: ctx.item.floor,
            ballot: ballot
              ? {
                  open: ballot.openedAt !== undefined && ballot.closedAt === undefined,
                  closed: ballot.closedAt !== undefined,
                  voters: ballot.voters,
                  nominations: ballot.nominations,
                }
              : null,
          }
        : null,
    injects: scenario.injects.map((i) => ({ id: i.id, fired: fired.has(i.id) })),
    settings: { observersMayFireInjects: ctx.observersMayFireInjects, injectors: ctx.injectors ?? null },
  };
  cache.set(ctx, { scenario, facts });
  return facts;
}

/** The facts of the full state, with the machine's state path. */
export function meetingFacts(scenario: Scenario, ctx: MeetingContext, state: string): MeetingFacts {
  return { ...contextFacts(scenario, ctx), state };
}

export const currentAgendaItem = (facts: DataFacts): AgendaItem | undefined =>
  facts.item ? facts.agenda[facts.item.index] : undefined;

export const seatOf = (facts: DataFacts, participantId: string): FactSeat | undefined =>
  facts.participants.find((p) => p.id === participantId);

export const roleById = (facts: Pick<MeetingFacts, 'roles'>, roleId: string | null | undefined) =>
  roleId == null ? undefined : facts.roles.find((r) => r.id === roleId);
