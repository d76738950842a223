// Which roster person took a seat (table seat_people, migration 6). The log
// knows the seat only by its participant id; this link, beside it, is what
// makes the seat someone's, and deleting the person deletes it.
import type Database from 'better-sqlite3';

/** The SQLite connection, or a storage that has one (SqliteStorage). */
export type LinkDb = Database.Database | { connection: Database.Database };

const dbOf = (from: LinkDb): Database.Database => ('connection' in from ? from.connection : from);

export interface SeatLink {
  sessionId: string;
  participantId: string;
  personId: string;
}

/** Links a seat to a person (before its participant.join is logged, so the join's name is sealed). */
export function linkSeat(from: LinkDb, link: SeatLink): void {
  dbOf(from)
    .prepare(
      `INSERT INTO seat_people (session_id, participant_id, person_id) VALUES (@sessionId, @participantId, @personId)
       ON CONFLICT (session_id, participant_id) DO UPDATE SET person_id = excluded.person_id`,
    )
    .run(link);
}

/** The person who took a seat, or undefined for a guest. */
export function personOfSeat(
  from: LinkDb,
  seat: { sessionId: string; participantId: string },
): string | undefined {
  const row = dbOf(from)
    .prepare<[string, string], { personId: string }>(
      'SELECT person_id AS personId FROM seat_people WHERE session_id = ? AND participant_id = ?',
    )
    .get(seat.sessionId, seat.participantId);
  return row?.personId;
}

/** Every seat a person took, in any session. */
export function seatsOfPerson(
  from: LinkDb,
  personId: string,
): { sessionId: string; participantId: string }[] {
  return dbOf(from)
    .prepare<[string], { sessionId: string; participantId: string }>(
      `SELECT session_id AS sessionId, participant_id AS participantId FROM seat_people
       WHERE person_id = ? ORDER BY session_id, participant_id`,
    )
    .all(personId);
}
