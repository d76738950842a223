// The record part of the live view: the latest turns and statements in a
// window that moves in steps (so a patch is mostly appends), their counts and
// the figures over the whole attempt; older entries come page by page.
import type { MeetingContext, MeetingRecord, StatementRecord, TurnRecord } from '../meeting/context.ts';
import { speakingBySpeaker } from '../meeting/speaking.ts';
import { type LiveInput, seesAll } from './live-input.ts';
import { sealedBallot } from './sealed-ballot.ts';
import type { Audience, RecordView, SpeakingTotal } from './types.ts';

/** The live view carries at least this many of the latest turns and statements, and fewer than twice as many. */
export const RECORD_WINDOW = 16;

/**
 * Where the live view's window over a list of `count` starts. It moves in
 * steps of RECORD_WINDOW, so between steps a new entry is a plain append in
 * the patch, and a step costs one resend of at most RECORD_WINDOW entries.
 */
export function windowStart(count: number): number {
  return count < 2 * RECORD_WINDOW ? 0 : Math.floor((count - RECORD_WINDOW) / RECORD_WINDOW) * RECORD_WINDOW;
}

interface RecordFigures {
  speaking: Record<string, SpeakingTotal>;
  turnsByItem: Record<string, number>;
}

/** Derived once per record (a record is never changed in place: a new one is a new object). */
const figures = new WeakMap<MeetingRecord, RecordFigures>();

/** Speaking per speaker and turns per item over the whole attempt: the figures the screens show. */
export function recordFigures(record: MeetingRecord): RecordFigures {
  let found = figures.get(record);
  if (found) return found;
  const turnsByItem: Record<string, number> = {};
  for (const turn of record.turns) turnsByItem[turn.item] = (turnsByItem[turn.item] ?? 0) + 1;
  found = { speaking: speakingBySpeaker(record), turnsByItem };
  figures.set(record, found);
  return found;
}

export function recordView(input: LiveInput, audience: Audience): RecordView {
  const { record } = input.meeting.context;
  const { turns, statements } = record;
  // Named field by field (the record's injects stay out): a new record field reaches no one by default.
  return {
    ...(record.startedAt !== undefined && { startedAt: record.startedAt }),
    ...(record.endedAt !== undefined && { endedAt: record.endedAt }),
    items: record.items,
    ballots: seesAll(audience) ? record.ballots : record.ballots.map(sealedBallot),
    signups: record.signups,
    actions: record.actions,
    pauses: record.pauses,
    turns: turns.slice(windowStart(turns.length)),
    statements: statements.slice(windowStart(statements.length)),
    turnCount: turns.length,
    statementCount: statements.length,
    ...recordFigures(record),
  };
}

export type RecordList = 'statements' | 'turns';

export interface RecordPage {
  attempt: number;
  list: RecordList;
  /** Index of items[0] in the attempt's list. */
  from: number;
  items: StatementRecord[] | TurnRecord[];
  /** How many the list has in all. */
  count: number;
}

/**
 * Older turns or statements of the current attempt, for any viewer: the
 * `limit` entries before index `before` (exclusive). Turns and statements
 * hold nothing that differs by audience (the live view carries the same).
 */
export function recordPage(ctx: MeetingContext, list: RecordList, before: number, limit: number): RecordPage {
  const all: readonly (StatementRecord | TurnRecord)[] =
    list === 'statements' ? ctx.record.statements : ctx.record.turns;
  const end = Math.max(0, Math.min(before, all.length));
  const from = Math.max(0, end - limit);
  return {
    attempt: ctx.attempt,
    list,
    from,
    items: all.slice(from, end) as StatementRecord[] | TurnRecord[],
    count: all.length,
  };
}
