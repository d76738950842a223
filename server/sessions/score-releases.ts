// Staged release, stored (table score_releases, migration 6): which attempts
// of each session the instructor has released to its trainees. Kept beside
// the log rather than in it, so the meeting's replay and the golden logs know
// nothing of it; releasing is a decision about who sees what, not an event
// of the rehearsal.
import type Database from 'better-sqlite3';
import { NOTHING_RELEASED, type ScoreRelease } from '../../shared/debrief/release.ts';

export class ScoreReleases {
  private readonly cache = new Map<string, ScoreRelease>();
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      get: db.prepare<[string], { throughAttempt: number }>(
        'SELECT through_attempt AS throughAttempt FROM score_releases WHERE session_id = ?',
      ),
      put: db.prepare<[string, number, number, string]>(
        `INSERT INTO score_releases (session_id, through_attempt, released_at, released_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET through_attempt = MAX(through_attempt, excluded.through_attempt),
           released_at = excluded.released_at, released_by = excluded.released_by`,
      ),
    };
  }

  of(sessionId: string): ScoreRelease {
    let release = this.cache.get(sessionId);
    if (!release) {
      const row = this.stmt.get.get(sessionId);
      release = row ? { throughAttempt: row.throughAttempt } : NOTHING_RELEASED;
      this.cache.set(sessionId, release);
    }
    return release;
  }

  /** Releases every attempt through `attempt`; a release never goes back. */
  release(sessionId: string, attempt: number, by: string, at: number): ScoreRelease {
    this.stmt.put.run(sessionId, attempt, at, by);
    this.cache.delete(sessionId);
    return this.of(sessionId);
  }
}
