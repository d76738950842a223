// A person's data under PIPL: exporting what is held about them, deleting
// them, and the retention of old sessions. The log is append-only, so
// deletion works on everything beside it: the person's row and key go (their
// sealed words in the log no longer open, sealed-log.ts), so do their seat
// links, cohort places and the seat names; the snapshots of their sessions,
// which hold the words in the clear, are dropped, and those sessions are
// rebuilt from the log, where the words now read DELETED_TEXT. The file is
// written with secure_delete and the WAL truncated, so nothing deleted stays
// in the database's bytes. Scores stay in the log, on a seat that is no
// one's: the room's aggregates keep them, anonymised.
import type Database from 'better-sqlite3';
import { DELETED_TEXT } from '../../shared/roster/deleted.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import type { SqliteStorage } from '../storage/sqlite-storage.ts';
import type { PeopleStore } from './people-store.ts';
import { portfolioOf } from './portfolio-sources.ts';
import { seatsOfPerson } from './seat-links.ts';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface PersonalDataExport {
  exportedAt: number;
  person: Record<string, unknown>;
  seats: {
    sessionId: string;
    scenarioId: string;
    title: unknown;
    createdAt: number;
    /** The name the seat joined under, and every statement they posted, as the log holds them. */
    joinedAs?: string;
    statements: { at: number; text: string }[];
  }[];
  /** The portfolio, every score and note (experts unnamed: their names are theirs). */
  portfolio: unknown;
}

export class PersonalData {
  private readonly db: Database.Database;

  constructor(
    private readonly storage: SqliteStorage,
    private readonly registry: SessionRegistry,
    private readonly people: PeopleStore,
  ) {
    this.db = storage.connection;
  }

  /** The database the seat links are in. */
  get connection(): Database.Database {
    return this.db;
  }

  export(personId: string, now: number): PersonalDataExport | undefined {
    const person = this.people.get(personId);
    if (!person) return undefined;
    const seats = seatsOfPerson(this.db, personId).flatMap(({ sessionId, participantId }) => {
      const row = this.storage.getSession(sessionId);
      if (!row || row.status === 'deleted') return [];
      const log = this.storage.readLog(sessionId);
      const join = log.find(
        (e) =>
          e.payload.command.type === 'participant.join' &&
          (e.payload.command as { participantId?: string }).participantId === participantId,
      );
      const statements = log
        .filter(
          (e) =>
            e.actor.kind === 'participant' &&
            e.actor.id === participantId &&
            e.payload.command.type === 'statement.post',
        )
        .map((e) => ({ at: e.at, text: (e.payload.command as { text: string }).text }));
      return [
        {
          sessionId,
          scenarioId: row.scenarioId,
          title: JSON.parse(row.title) as unknown,
          createdAt: row.createdAt,
          ...(join && { joinedAs: (join.payload.command as { name: string }).name }),
          statements,
        },
      ];
    });
    const portfolio = portfolioOf(this.db, this.registry, personId, 'instructor');
    // The experts' names are the experts' personal data, not the trainee's.
    const unnamed = JSON.parse(
      JSON.stringify(portfolio, (key, value) => (key === 'expert' ? undefined : value)),
    );
    return { exportedAt: now, person: { ...person }, seats, portfolio: unnamed };
  }

  /** Deletes a person; the sessions they sat in are rebuilt without their words. False: no such person. */
  async delete(personId: string): Promise<{ sessions: string[] } | undefined> {
    if (!this.people.get(personId)) return undefined;
    const seats = seatsOfPerson(this.db, personId);
    const sessions = [...new Set(seats.map((s) => s.sessionId))];
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM person_keys WHERE person_id = ?').run(personId);
      this.db.prepare('DELETE FROM cohort_members WHERE person_id = ?').run(personId);
      this.db.prepare('DELETE FROM seat_people WHERE person_id = ?').run(personId);
      const renameSeat = this.db.prepare(
        'UPDATE seats SET name = ? WHERE session_id = ? AND participant_id = ?',
      );
      for (const seat of seats) renameSeat.run(DELETED_TEXT, seat.sessionId, seat.participantId);
      const dropSnapshots = this.db.prepare('DELETE FROM snapshots WHERE session_id = ?');
      for (const id of sessions) dropSnapshots.run(id);
      this.db.prepare('DELETE FROM people WHERE id = ?').run(personId);
    })();
    // What the running sessions hold in memory came from the log before the key went.
    for (const id of sessions) await this.registry.get(id)?.rebuild();
    this.truncateWal();
    return { sessions };
  }

  /**
   * Deletes sessions created more than `days` days ago, with their people
   * links, seat names and snapshots. Their log rows stay (append-only): a
   * roster person's words there are sealed; a guest's typed name and words are not.
   */
  async applyRetention(days: number, now: number): Promise<string[]> {
    const cutoff = now - days * DAY_MS;
    const old = this.storage.listSessions().filter((s) => s.status !== 'deleted' && s.createdAt < cutoff);
    for (const row of old) {
      this.registry.remove(row.id);
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM seat_people WHERE session_id = ?').run(row.id);
        this.db.prepare('DELETE FROM snapshots WHERE session_id = ?').run(row.id);
        this.db.prepare('UPDATE seats SET name = ? WHERE session_id = ?').run(DELETED_TEXT, row.id);
      })();
    }
    if (old.length > 0) this.truncateWal();
    return old.map((s) => s.id);
  }

  /** Copies the WAL into the file and empties it, so the old pages' bytes are gone from the -wal too. */
  private truncateWal(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
