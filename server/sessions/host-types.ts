// What a session host is given and what it tells: its dependencies, who
// sent a command, and the changes its listeners hear (session-host.ts).
import type { ScoreRelease } from '../../shared/debrief/release.ts';
import type { Actor } from '../../shared/meeting/commands.ts';
import type { Logger } from '../logger.ts';
import type { CommitQueue } from '../storage/commit-queue.ts';
import type { Storage } from '../storage/storage.ts';
import type { Clock } from './clock.ts';
import type { Projection } from './projection.ts';

export interface HostDeps {
  storage: Storage;
  /** Shared by every session of the process, so one fsync serves them all. */
  commits?: CommitQueue;
  logger: Logger;
  /** What the session reads the time from and arms its deadlines on (SYSTEM_CLOCK unless a test moves time by hand). */
  clock?: Clock;
  /** Save a snapshot every this many log entries (restores replay only the tail). */
  snapshotEvery?: number;
  /**
   * Test hook: the projection one session's views are made with, e.g. one
   * that throws for one session id (tests/server/contained-failure.test.ts).
   */
  wrapProjection?: (sessionId: string, projection: Projection) => Projection;
  /** The zone every screen and the minutes give times in (TIME_ZONE; Shanghai when absent). */
  timeZone?: string;
  /** Staged release (score-releases.ts): without it, nothing is ever released to trainees. */
  releases?: {
    of(sessionId: string): ScoreRelease;
    release(sessionId: string, attempt: number, by: string, at: number): ScoreRelease;
  };
  /** The roster names of the session's linked seats (server/roster/seat-links.ts); the log holds pseudonyms. */
  rosterNames?: (sessionId: string) => ReadonlyMap<string, string>;
}

/** Who sent a command: the meeting's actor, plus the id their command ids are unique within. */
export interface Sender {
  actor: Actor;
  id: string;
}

/**
 * What changed: the log (a command or a clock tick), who is online, the
 * session was deleted, it failed (stopped after an error), or it was
 * recovered (rebuilt from storage after a failure).
 */
export type Change = 'log' | 'presence' | 'closed' | 'failed' | 'recovered' | 'released';
