// The Storage interface on SQLite (better-sqlite3, synchronous). One file
// per server; the log table is the source of truth and every append is
// durable when it returns.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ENGINE_VERSION } from '../../shared/log/engine-version.ts';
import { migrate } from './migrations.ts';
import { ScenarioStore } from './scenario-store.ts';
import { LogSealer } from './sealed-log.ts';
import type {
  AppendBatch,
  CommandReceipt,
  LogEntry,
  SeatRow,
  SessionRow,
  SessionStatus,
  SnapshotMatch,
  SnapshotRow,
  Storage,
} from './storage.ts';

/** An observer's rubric score for one trainee and competency, in one attempt (debrief). */
export interface ScoreRow {
  sessionId: string;
  attempt: number;
  observerId: string;
  participantId: string;
  competency: string;
  score: string;
  note: string | null;
  markerIds: string[];
  updatedAt: number;
}

// Columns aliased to the row types' names, so rows need no mapping.
const SESSION_COLUMNS = `id, scenario_id AS scenarioId, join_code AS joinCode,
  observer_token_hash AS observerTokenHash, facilitator_token_hash AS facilitatorTokenHash,
  created_at AS createdAt, status, title, scenario_hash AS scenarioHash, attention,
  scenario_version AS scenarioVersion`;
const SNAPSHOT_COLUMNS = `session_id AS sessionId, seq, data, engine_version AS engineVersion,
  scenario_hash AS scenarioHash`;
const SEAT_COLUMNS = `session_id AS sessionId, participant_id AS participantId, name,
  resume_token_hash AS resumeTokenHash, created_at AS createdAt`;

interface RawLogRow {
  sessionId: string;
  seq: number;
  at: number;
  actor: string;
  payload: string;
}
type RawScoreRow = Omit<ScoreRow, 'markerIds'> & { markerIds: string };

function prepareAll(db: Database.Database) {
  return {
    insertSession: db.prepare<[SessionRow], void>(
      `INSERT INTO sessions (id, scenario_id, join_code, observer_token_hash, facilitator_token_hash,
         created_at, status, title, scenario_hash, attention, scenario_version)
       VALUES (@id, @scenarioId, @joinCode, @observerTokenHash, @facilitatorTokenHash,
         @createdAt, @status, @title, @scenarioHash, @attention, @scenarioVersion)`,
    ),
    getSession: db.prepare<[string], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`),
    sessionByJoinCode: db.prepare<[string], SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE join_code = ?`,
    ),
    listSessions: db.prepare<[], SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM sessions ORDER BY created_at DESC, id`,
    ),
    setStatus: db.prepare<[SessionStatus, string], void>('UPDATE sessions SET status = ? WHERE id = ?'),
    setScenarioHash: db.prepare<[string, string], void>('UPDATE sessions SET scenario_hash = ? WHERE id = ?'),
    setAttention: db.prepare<[string | null, string], void>('UPDATE sessions SET attention = ? WHERE id = ?'),
    insertSeat: db.prepare<[SeatRow], void>(
      `INSERT INTO seats (session_id, participant_id, name, resume_token_hash, created_at)
       VALUES (@sessionId, @participantId, @name, @resumeTokenHash, @createdAt)`,
    ),
    seatByResumeHash: db.prepare<[string], SeatRow>(
      `SELECT ${SEAT_COLUMNS} FROM seats WHERE resume_token_hash = ?`,
    ),
    listSeats: db.prepare<[string], SeatRow>(
      `SELECT ${SEAT_COLUMNS} FROM seats WHERE session_id = ? ORDER BY created_at, participant_id`,
    ),
    insertLog: db.prepare<[string, number, number, string, string, number], void>(
      'INSERT INTO log (session_id, seq, at, actor, payload, engine_version) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    readLog: db.prepare<[string, number, number], RawLogRow>(
      `SELECT session_id AS sessionId, seq, at, actor, payload FROM log
       WHERE session_id = ? AND seq > ? AND seq <= ? ORDER BY seq`,
    ),
    lastSeq: db.prepare<[string], { last: number }>(
      'SELECT COALESCE(MAX(seq), 0) AS last FROM log WHERE session_id = ?',
    ),
    // A snapshot re-taken at the same seq describes the same state: replace it.
    saveSnapshot: db.prepare<[SnapshotRow], void>(
      `INSERT OR REPLACE INTO snapshots (session_id, seq, data, engine_version, scenario_hash)
       VALUES (@sessionId, @seq, @data, @engineVersion, @scenarioHash)`,
    ),
    latestSnapshot: db.prepare<[string], SnapshotRow>(
      `SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE session_id = ? ORDER BY seq DESC LIMIT 1`,
    ),
    // Walks the primary key backwards from seq; mismatched versions are skipped, not trusted.
    snapshotAtOrBefore: db.prepare<[string, number, number, string], SnapshotRow>(
      `SELECT ${SNAPSHOT_COLUMNS} FROM snapshots
       WHERE session_id = ? AND seq <= ? AND engine_version = ? AND scenario_hash = ?
       ORDER BY seq DESC LIMIT 1`,
    ),
    // Plain INSERT: a second receipt for the same command means a retry was
    // applied twice, which must fail the whole append rather than pass silently.
    insertReceipt: db.prepare<[CommandReceipt], void>(
      `INSERT INTO receipts (session_id, sender, command_id, result)
       VALUES (@sessionId, @sender, @commandId, @result)`,
    ),
    findReceipt: db.prepare<[string, string, string], CommandReceipt>(
      `SELECT session_id AS sessionId, sender, command_id AS commandId, result FROM receipts
       WHERE session_id = ? AND sender = ? AND command_id = ?`,
    ),
    getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
    setSetting: db.prepare<[string, string], void>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    saveScore: db.prepare<[RawScoreRow], void>(
      `INSERT INTO scores (session_id, attempt, observer_id, participant_id, competency, score, note,
         marker_ids, updated_at)
       VALUES (@sessionId, @attempt, @observerId, @participantId, @competency, @score, @note,
         @markerIds, @updatedAt)
       ON CONFLICT (session_id, attempt, observer_id, participant_id, competency) DO UPDATE SET
         score = excluded.score, note = excluded.note, marker_ids = excluded.marker_ids,
         updated_at = excluded.updated_at`,
    ),
    listScores: db.prepare<[string, number | null, number | null], RawScoreRow>(
      `SELECT session_id AS sessionId, attempt, observer_id AS observerId,
         participant_id AS participantId, competency, score, note, marker_ids AS markerIds,
         updated_at AS updatedAt
       FROM scores WHERE session_id = ? AND (? IS NULL OR attempt = ?)
       ORDER BY attempt, participant_id, competency, observer_id`,
    ),
  };
}

export class SqliteStorage implements Storage {
  private readonly stmt: ReturnType<typeof prepareAll>;
  private readonly appendTx: (entries: readonly LogEntry[], receipt?: CommandReceipt) => void;
  private readonly batchTx: (batches: readonly AppendBatch[]) => void;
  /** Roster people's words go into the log sealed with their key (sealed-log.ts). */
  private readonly sealer: LogSealer;

  private constructor(private readonly db: Database.Database) {
    // Before migrating: foreign_keys is ignored inside a transaction, and the
    // migrations run in transactions. Off by default in SQLite, per connection.
    db.pragma('foreign_keys = ON');
    migrate(db);
    // Prepared once, after the tables exist.
    this.stmt = prepareAll(db);
    this.sealer = new LogSealer(db);
    // Deleted rows (a deleted person, their snapshots) are overwritten with zeros, not left
    // in free pages where the file's bytes would still hold them. Per connection.
    db.pragma('secure_delete = ON');
    const tx = db.transaction((entries: readonly LogEntry[], receipt?: CommandReceipt) =>
      this.appendInTx(entries, receipt),
    );
    // IMMEDIATE takes the write lock before lastSeq is read, so the gap check
    // and the inserts see the same log even with a second process writing.
    this.appendTx = (entries, receipt) => tx.immediate(entries, receipt);
    const batch = db.transaction((batches: readonly AppendBatch[]) => {
      for (const b of batches) {
        this.appendInTx(b.entries, b.receipt);
        if (b.snapshot) this.stmt.saveSnapshot.run(b.snapshot);
      }
    });
    this.batchTx = (batches) => batch.immediate(batches);
  }

  /** Opens (creating when needed) a database file, durable against process crash and power loss. */
  static open(file: string): SqliteStorage {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      // Wait up to 5 s for another connection's lock rather than fail at once
      // (set first: switching journal_mode itself needs the lock).
      db.pragma('busy_timeout = 5000');
      // WAL: readers never block the writer, and a commit is one sequential
      // append to the -wal file. Persistent in the file once set.
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`could not switch ${file} to WAL (journal_mode is ${mode})`);
      // FULL: fsync the WAL at every commit, so an acknowledged append
      // survives power loss too. (With WAL, NORMAL only syncs at checkpoints:
      // safe against a process crash, but the last commits can vanish when
      // the machine loses power.) Per connection, so set on every open.
      db.pragma('synchronous = FULL');
      return new SqliteStorage(db);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** The connection, for stores that keep their own tables in the same file (server/auth/account-store.ts). */
  get connection(): Database.Database {
    return this.db;
  }

  /** A private in-memory database, for unit tests. */
  static memory(): SqliteStorage {
    return new SqliteStorage(new Database(':memory:'));
  }

  createSession(row: SessionRow): void {
    this.stmt.insertSession.run({ scenarioVersion: null, ...row });
  }
  getSession(id: string): SessionRow | undefined {
    return this.stmt.getSession.get(id);
  }
  findSessionByJoinCode(code: string): SessionRow | undefined {
    return this.stmt.sessionByJoinCode.get(code);
  }
  /** Every session, deleted ones included (callers filter), newest first. */
  listSessions(): SessionRow[] {
    return this.stmt.listSessions.all();
  }
  setSessionStatus(id: string, status: SessionStatus): void {
    if (this.stmt.setStatus.run(status, id).changes === 0) throw new Error(`no session ${id}`);
  }
  setSessionScenarioHash(id: string, hash: string): void {
    if (this.stmt.setScenarioHash.run(hash, id).changes === 0) throw new Error(`no session ${id}`);
  }
  setSessionAttention(id: string, attention: string | null): void {
    if (this.stmt.setAttention.run(attention, id).changes === 0) throw new Error(`no session ${id}`);
  }

  addSeat(row: SeatRow): void {
    this.stmt.insertSeat.run(row);
  }
  findSeatByResumeHash(hash: string): SeatRow | undefined {
    return this.stmt.seatByResumeHash.get(hash);
  }
  listSeats(sessionId: string): SeatRow[] {
    return this.stmt.listSeats.all(sessionId);
  }

  append(entries: readonly LogEntry[], receipt?: CommandReceipt): void {
    this.appendTx(entries, receipt);
  }

  appendBatch(batches: readonly AppendBatch[]): void {
    if (batches.length > 0) this.batchTx(batches);
  }

  // Runs inside the append transaction: any throw rolls back every row.
  private appendInTx(entries: readonly LogEntry[], receipt?: CommandReceipt): void {
    const next = new Map<string, number>();
    for (const e of entries) {
      const expected = next.get(e.sessionId) ?? this.lastSeq(e.sessionId) + 1;
      if (e.seq !== expected) {
        throw new Error(`log gap in session ${e.sessionId}: expected seq ${expected}, got ${e.seq}`);
      }
      if (receipt && receipt.sessionId !== e.sessionId) {
        throw new Error(`receipt for session ${receipt.sessionId} on an entry of ${e.sessionId}`);
      }
      this.stmt.insertLog.run(
        e.sessionId,
        e.seq,
        e.at,
        JSON.stringify(e.actor),
        this.sealer.storedPayload(e),
        ENGINE_VERSION,
      );
      next.set(e.sessionId, expected + 1);
    }
    if (receipt) this.stmt.insertReceipt.run(receipt);
  }

  readLog(sessionId: string, afterSeq = 0, toSeq = Number.MAX_SAFE_INTEGER): LogEntry[] {
    return this.stmt.readLog.all(sessionId, afterSeq, toSeq).map((r) => ({
      sessionId: r.sessionId,
      seq: r.seq,
      at: r.at,
      actor: JSON.parse(r.actor),
      payload: this.sealer.readPayload(r.sessionId, r.seq, r.payload),
    }));
  }
  lastSeq(sessionId: string): number {
    return this.stmt.lastSeq.get(sessionId)?.last ?? 0;
  }

  saveSnapshot(row: SnapshotRow): void {
    this.stmt.saveSnapshot.run(row);
  }
  latestSnapshot(sessionId: string): SnapshotRow | undefined {
    return this.stmt.latestSnapshot.get(sessionId);
  }
  snapshotAtOrBefore(sessionId: string, seq: number, match: SnapshotMatch): SnapshotRow | undefined {
    return this.stmt.snapshotAtOrBefore.get(sessionId, seq, match.engineVersion, match.scenarioHash);
  }

  findReceipt(sessionId: string, sender: string, commandId: string): CommandReceipt | undefined {
    return this.stmt.findReceipt.get(sessionId, sender, commandId);
  }

  getSetting(key: string): string | undefined {
    return this.stmt.getSetting.get(key)?.value;
  }
  setSetting(key: string, value: string): void {
    this.stmt.setSetting.run(key, value);
  }

  /** Inserts or revises an observer's score (debrief; not part of Storage yet). */
  saveScore(row: ScoreRow): void {
    this.stmt.saveScore.run({ ...row, note: row.note ?? null, markerIds: JSON.stringify(row.markerIds) });
  }
  /** Scores of a session, of one attempt when given. */
  listScores(sessionId: string, attempt?: number): ScoreRow[] {
    const a = attempt ?? null;
    return this.stmt.listScores
      .all(sessionId, a, a)
      .map((r) => ({ ...r, markerIds: JSON.parse(r.markerIds) }));
  }

  /** The studio's scenario versions, in the same database (migration 5). */
  scenarioStore(): ScenarioStore {
    return new ScenarioStore(this.db);
  }

  close(): void {
    this.db.close();
  }
}
