// Floor control: hands, points of order, the speakers list, who holds the
// floor and for how long. Pure functions of the context.
import type { Item, ItemOf, Scenario } from '../scenario/index.ts';
import type { Speaker } from './commands.ts';
import type { FloorTurn, MeetingContext, MeetingRecord, QueueEntry, TurnRecord } from './context.ts';
import { sameSpeaker, speakerKey } from './context.ts';
import { holdersOf } from './seats.ts';
import { speakingBySpeaker } from './speaking.ts';

export const FLOOR_KINDS = ['statement', 'speakers', 'open_floor', 'qa'] as const;
export type FloorItem = ItemOf<(typeof FLOOR_KINDS)[number]>;

export function isFloorItem(item: Scenario['agenda'][number] | undefined): item is FloorItem {
  return item !== undefined && (FLOOR_KINDS as readonly string[]).includes(item.kind);
}

/** Speakers of the listed roles, in order: an NPC card speaks as itself, a trainee card through each holder. */
export function speakersOfRoles(
  scenario: Scenario,
  ctx: MeetingContext,
  roleIds: readonly string[],
): Speaker[] {
  return roleIds.flatMap((roleId): Speaker[] => {
    const role = scenario.roles.find((r) => r.id === roleId);
    if (!role) return [];
    if (role.npc) return [{ kind: 'npc', roleId }];
    return holdersOf(ctx, roleId)
      .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
      .map((p) => ({ kind: 'participant', id: p.id }));
  });
}

/** The fixed speakers list an item starts with (empty for queue-driven items). */
export function initialQueue(
  scenario: Scenario,
  ctx: MeetingContext,
  item: FloorItem,
  at: number,
): QueueEntry[] {
  let speakers: Speaker[] = [];
  if (item.kind === 'statement') speakers = speakersOfRoles(scenario, ctx, item.speakers);
  if (item.kind === 'speakers' && item.order !== 'queue') {
    const once = speakersOfRoles(scenario, ctx, item.order);
    speakers = Array.from({ length: item.rounds }, () => once).flat();
  }
  // Distinct, increasing times keep the written order when the list is sorted.
  return speakers.map((speaker, i) => ({ speaker, pointOfOrder: false, raisedAt: at + i / 1000 }));
}

/**
 * The speakers list as it will be called: points of order first, then (with
 * `balance`) those who have spoken least, otherwise first come first served.
 */
export function orderedQueue(
  item: FloorItem,
  queue: readonly QueueEntry[],
  record: MeetingRecord,
): QueueEntry[] {
  const spoken = item.kind === 'open_floor' && item.balance ? speakingBySpeaker(record) : undefined;
  const spokenMs = (e: QueueEntry) => spoken?.[speakerKey(e.speaker)]?.speakingMs ?? 0;
  return [...queue].sort(
    (a, b) =>
      Number(b.pointOfOrder) - Number(a.pointOfOrder) ||
      (spoken ? spokenMs(a) - spokenMs(b) : 0) ||
      a.raisedAt - b.raisedAt,
  );
}

export function isQueued(queue: readonly QueueEntry[], speaker: Speaker): boolean {
  return queue.some((e) => sameSpeaker(e.speaker, speaker));
}

/** An agenda item as any viewer holds it (the public scenario leaves out the experts' guidance). */
export type AgendaItem = Item extends infer T ? (T extends unknown ? Omit<T, 'guidance'> : never) : never;

/** Does this item have a floor (statements, speakers, open floor, Q&A)? For any viewer's copy of the item. */
export const hasFloor = (item: AgendaItem | undefined): item is AgendaItem =>
  item !== undefined && (FLOOR_KINDS as readonly string[]).includes(item.kind);

/** The cards a fixed speakers list names, or null when the item has none (hands up, or no floor). */
export function fixedSpeakerRoles(item: AgendaItem): readonly string[] | null {
  if (item.kind === 'statement') return item.speakers;
  if (item.kind === 'speakers' && item.order !== 'queue') return item.order;
  return null;
}

/** Does this item call its speakers from raised hands? (Statements and fixed lists do not.) */
export function takesHands(item: AgendaItem | undefined): boolean {
  return hasFloor(item) && fixedSpeakerRoles(item) === null;
}

/**
 * What deciding who may be called needs: the cards, who holds which, and
 * the speakers list. A meeting context and a viewer's live view both have it.
 */
export interface CallFacts {
  roles: readonly { id: string; npc: boolean }[];
  participants: readonly { id: string; roleId: string | null }[];
  queue: readonly QueueEntry[];
}

/**
 * May the chair call this speaker in this item? Fixed lists allow only their
 * own speakers (and anyone with a point of order waiting); hands-up items anyone.
 */
export function mayCall(item: AgendaItem, facts: CallFacts, speaker: Speaker): boolean {
  if (!hasFloor(item)) return false;
  const queued = facts.queue.find((e) => sameSpeaker(e.speaker, speaker));
  if (queued?.pointOfOrder) return true;
  const listed = fixedSpeakerRoles(item);
  if (listed === null) return true;
  const npc = (roleId: string) => facts.roles.some((r) => r.id === roleId && r.npc);
  if (speaker.kind === 'npc') return listed.includes(speaker.roleId) && npc(speaker.roleId);
  const roleId = facts.participants.find((p) => p.id === speaker.id)?.roleId;
  return roleId != null && listed.includes(roleId) && !npc(roleId);
}

/** The engine's check of floor.give: `mayCall` on the meeting's own facts. */
export function mayBeCalled(
  scenario: Scenario,
  ctx: MeetingContext,
  item: FloorItem,
  speaker: Speaker,
): boolean {
  return mayCall(
    item,
    { roles: scenario.roles, participants: Object.values(ctx.participants), queue: ctx.item?.queue ?? [] },
    speaker,
  );
}

export function turnFor(item: FloorItem, speaker: Speaker, at: number, pointOfOrder: boolean): FloorTurn {
  return {
    speaker,
    since: at,
    pointOfOrder,
    ...(item.perSpeaker !== undefined && !pointOfOrder && { deadline: at + item.perSpeaker * 1000 }),
  };
}

export function turnRecord(
  ctx: MeetingContext,
  itemId: string,
  floor: FloorTurn,
  at: number,
  endedBy: TurnRecord['endedBy'],
): TurnRecord {
  return {
    item: itemId,
    speaker: floor.speaker,
    roleId:
      floor.speaker.kind === 'npc'
        ? floor.speaker.roleId
        : (ctx.participants[floor.speaker.id]?.roleId ?? null),
    start: floor.since,
    end: at,
    overtimeMs: floor.deadline !== undefined ? Math.max(0, at - floor.deadline) : 0,
    pointOfOrder: floor.pointOfOrder,
    endedBy,
  };
}
