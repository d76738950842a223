// How a viewer's timeline is numbered. Everything a trainee or the projector
// receives counts only entries that viewer may see, so no number betrays how
// much it may not (docs/protocol.md §7): an entry's number is its place among
// the entries of the viewer's own timeline (1, 2, 3, … with no gaps), and a
// live view's seq is its place among the entries its whole audience sees
// (the room's sequence). Observers and the facilitator see every entry: for
// them both are the session's own seq. Pure; the server keeps the indexes.
import type { LogEntry } from '../log/entry.ts';
import type { MeetingContext } from '../meeting/context.ts';
import type { Scenario } from '../scenario/index.ts';
import { projectEntry, type TimelineViewer } from './timeline.ts';
import type { Audience, TimelineEntry } from './types.ts';

/** Who a sequence is numbered for: an audience, and for a trainee's own timeline, the trainee. */
export interface SequenceViewer {
  audience: Audience;
  participantId?: string;
}

/** Observers and the facilitator see every entry: their numbers are the session's. */
export const seesEverything = (audience: Audience) => audience === 'observer' || audience === 'facilitator';

/** A retake ends an attempt: the entries after it belong to the next one (as in the debrief). */
export const endsAttempt = (entry: LogEntry) =>
  entry.payload.kind === 'meeting' && entry.payload.command.type === 'meeting.retake';

/** The card a trainee held in an attempt: as recorded for an earlier one, as held now for the current one. */
export function cardIn(ctx: MeetingContext, participantId: string, attempt: number): string | null {
  if (attempt >= ctx.attempt) return ctx.participants[participantId]?.roleId ?? null;
  return ctx.earlierAttempts.find((a) => a.attempt === attempt)?.cards[participantId] ?? null;
}

/**
 * How the entries of one attempt are projected for this viewer: a trainee's
 * private injects by the card it held in that attempt, so its numbers do not
 * move when it takes another card in a later one.
 */
export function timelineViewerIn(
  ctx: MeetingContext,
  viewer: SequenceViewer,
  attempt: number,
): TimelineViewer {
  const { audience, participantId } = viewer;
  if (audience !== 'trainee' || participantId === undefined) return { audience, roleId: null };
  return { audience, participantId, roleId: cardIn(ctx, participantId, attempt) };
}

/** Whether the viewer's timeline shows this entry of this attempt. */
export function shows(
  scenario: Scenario,
  ctx: MeetingContext,
  viewer: SequenceViewer,
  entry: LogEntry,
  attempt: number,
): boolean {
  return projectEntry(scenario, entry, timelineViewerIn(ctx, viewer, attempt)) !== null;
}

/** Entries already projected in log order, numbered from `first` on: the viewer's own numbers. */
export function numberFrom(entries: readonly TimelineEntry[], first: number): TimelineEntry[] {
  return entries.map((entry, i) => ({ ...entry, seq: first + i }));
}
