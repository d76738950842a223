// Which roster person took which seat (table seat_people, migration 6). The
// log knows seats only by participant id; this link, outside the log, is
// what ties a seat to a person, so deleting the person can cut it.
import type Database from 'better-sqlite3';

/** The database, or a storage that holds one (SqliteStorage). */
export type SeatLinkDb = Database.Database | { connection: Database.Database };

const dbOf = (source: SeatLinkDb): Database.Database => ('connection' in source ? source.connection : source);

export interface SeatRef {
  sessionId: string;
  participantId: string;
}

/** Links the seat to the person (again: the same seat keeps its one person). */
export function linkSeat(source: SeatLinkDb, link: SeatRef & { personId: string }): void {
  dbOf(source)
    .prepare(
      `INSERT INTO seat_people (session_id, participant_id, person_id) VALUES (@sessionId, @participantId, @personId)
       ON CONFLICT (session_id, participant_id) DO UPDATE SET person_id = excluded.person_id`,
    )
    .run(link);
}

/** The person who took the seat, or undefined for a guest who typed a name. */
export function personOfSeat(source: SeatLinkDb, seat: SeatRef): string | undefined {
  return dbOf(source)
    .prepare<[string, string], { personId: string }>(
      'SELECT person_id AS personId FROM seat_people WHERE session_id = ? AND participant_id = ?',
    )
    .get(seat.sessionId, seat.participantId)?.personId;
}

/** Every seat the person took, in the order they joined. */
export function seatsOfPerson(source: SeatLinkDb, personId: string): SeatRef[] {
  return dbOf(source)
    .prepare<[string], SeatRef>(
      `SELECT sp.session_id AS sessionId, sp.participant_id AS participantId
         FROM seat_people sp LEFT JOIN seats s
           ON s.session_id = sp.session_id AND s.participant_id = sp.participant_id
        WHERE sp.person_id = ? ORDER BY s.created_at, sp.session_id`,
    )
    .all(personId);
}

/** The roster names of a session's linked seats, by participant id (the log holds only pseudonyms for them). */
export function rosterNamesOf(source: SeatLinkDb, sessionId: string): Map<string, string> {
  const rows = dbOf(source)
    .prepare<[string], { participantId: string; name: string }>(
      `SELECT sp.participant_id AS participantId, p.name AS name
         FROM seat_people sp JOIN people p ON p.id = sp.person_id WHERE sp.session_id = ?`,
    )
    .all(sessionId);
  return new Map(rows.map((r) => [r.participantId, r.name]));
}
