// The storage interface the session server uses. SQLite implements it today
// (sqlite-storage.ts); a PostgreSQL implementation can follow behind the
// same interface. Every method is synchronous for SQLite's sake; an async
// driver would wrap the same shape in promises.
import type { LogEntry } from '../../shared/log/entry.ts';

export type SessionStatus = 'live' | 'ended' | 'deleted';

export interface SessionRow {
  id: string;
  scenarioId: string;
  joinCode: string;
  /** SHA-256 hex of the observer and facilitator link secrets (the secrets themselves are never stored). */
  observerTokenHash: string;
  facilitatorTokenHash: string;
  createdAt: number;
  status: SessionStatus;
  /** Scenario title at creation, for the session list. */
  title: string;
  /**
   * Content hash of the normalised scenario the session's log was last
   * verified against (server/scenarios/scenario-hash.ts); null when unknown
   * (sessions stored before versioned state): replay to check.
   */
  scenarioHash: string | null;
  /** Why the session could not be restored (JSON of a SessionProblem), or null. */
  attention: string | null;
  /**
   * The studio version it was created from (migration 5); null or absent: the
   * shipped file of that id. Kept when the scenario changes later.
   */
  scenarioVersion?: number | null;
}

export interface SeatRow {
  sessionId: string;
  participantId: string;
  name: string;
  resumeTokenHash: string;
  createdAt: number;
}

export type { LogEntry, LogPayload } from '../../shared/log/entry.ts';

export interface AppendBatch {
  entries: readonly LogEntry[];
  receipt?: CommandReceipt;
  /** Saved after the entries, so a snapshot never gets ahead of the log. */
  snapshot?: SnapshotRow;
}

export interface SnapshotRow {
  sessionId: string;
  seq: number;
  /** JSON text: { meeting: PersistedMeeting, coaching: CoachingState } */
  data: string;
  /** The engine (shared/log/engine-version.ts) and scenario it was taken under: only a match is trusted. */
  engineVersion: number;
  scenarioHash: string | null;
}

/** Which snapshots a restore may trust. */
export interface SnapshotMatch {
  engineVersion: number;
  scenarioHash: string;
}

/** A command already applied, remembered by its client-made id so a retry is applied once. */
export interface CommandReceipt {
  sessionId: string;
  /** Who sent it (participant, observer or facilitator id): ids are unique per sender. */
  sender: string;
  commandId: string;
  /** JSON text of the result that was acknowledged. */
  result: string;
}

export interface Storage {
  createSession(row: SessionRow): void;
  getSession(id: string): SessionRow | undefined;
  findSessionByJoinCode(code: string): SessionRow | undefined;
  listSessions(): SessionRow[];
  setSessionStatus(id: string, status: SessionStatus): void;
  /** After its log replayed under this scenario: later restores may trust its snapshots again. */
  setSessionScenarioHash(id: string, hash: string): void;
  /** Why it could not be restored (JSON), or null once it could. */
  setSessionAttention(id: string, attention: string | null): void;

  addSeat(row: SeatRow): void;
  findSeatByResumeHash(hash: string): SeatRow | undefined;
  listSeats(sessionId: string): SeatRow[];

  /**
   * Appends entries (with their receipt, when the command had a client id)
   * in one transaction: all or nothing, durable when it returns. Every row
   * is stored with the current ENGINE_VERSION.
   */
  append(entries: readonly LogEntry[], receipt?: CommandReceipt): void;
  /**
   * Several appends (and snapshots taken after them) in ONE transaction: the
   * group commit that lets many commands share one fsync. All or nothing.
   */
  appendBatch(batches: readonly AppendBatch[]): void;
  /** Entries with afterSeq < seq ≤ toSeq (default: to the end), in order. */
  readLog(sessionId: string, afterSeq?: number, toSeq?: number): LogEntry[];
  lastSeq(sessionId: string): number;

  saveSnapshot(row: SnapshotRow): void;
  latestSnapshot(sessionId: string): SnapshotRow | undefined;
  /** The latest snapshot at or before `seq` taken under `match`: where a replay to `seq` can start. */
  snapshotAtOrBefore(sessionId: string, seq: number, match: SnapshotMatch): SnapshotRow | undefined;

  findReceipt(sessionId: string, sender: string, commandId: string): CommandReceipt | undefined;

  /** Small settings (e.g. the generated facilitator password's hash). */
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): void;

  close(): void;
}
