// One entry of a session's append-only log: a meeting command (or a clock
// tick) or a coaching command, numbered gap-free per session. The log is the
// truth: the live state, the history each viewer may read, the minutes and
// the debrief are all derived from it.
import type { CoachingCommand } from '../coaching/state.ts';
import type { Actor, Command } from '../meeting/commands.ts';

/** `item` is the agenda item under way after the command, which projections need (e.g. was that ballot secret). */
export type LogPayload =
  | { kind: 'meeting'; command: Command | { type: 'clock.tick' }; item: string | null }
  | { kind: 'coaching'; command: CoachingCommand; item: string | null };

export interface LogEntry {
  sessionId: string;
  /** Per session, gap-free from 1. */
  seq: number;
  at: number;
  actor: Actor;
  payload: LogPayload;
}
