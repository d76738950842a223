// A live session's log as its host keeps it: the numbering (seq, gap-free
// from 1), the entries (log-tail.ts: recent ones in memory, older ones in
// storage) and when the next snapshot is due. A rebuild from storage
// starts a new generation: indexes over the old log must start again.
import type { LogEntry } from '../../shared/log/entry.ts';
import { LogTail } from './log-tail.ts';

/**
 * Entries between snapshots. A restore replays at most this many entries
 * through the machine per session; a snapshot costs one JSON row.
 */
export const SNAPSHOT_EVERY = 32;

export class SessionLog {
  private seq: number;
  private tail: LogTail;
  private sinceSnapshot = 0;

  /** `entries`: the last entries up to `seq`, all stored (those replayed at restore). */
  constructor(
    seq: number,
    entries: readonly LogEntry[],
    private readonly readStored: (afterSeq: number, toSeq?: number) => LogEntry[],
    private readonly snapshotEvery = SNAPSHOT_EVERY,
  ) {
    this.seq = seq;
    this.tail = new LogTail(seq, entries, readStored);
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Changes when the log is rebuilt from storage. */
  get generation(): object {
    return this.tail;
  }

  /** Entries after this seq are in memory. */
  get memoryFloor(): number {
    return this.tail.memoryFloor;
  }

  after(afterSeq: number): LogEntry[] {
    return this.tail.after(Math.max(0, afterSeq));
  }

  range(afterSeq: number, toSeq: number): LogEntry[] {
    return this.tail.range(afterSeq, toSeq);
  }

  /**
   * Numbers new entries after the last and keeps them (not yet stored).
   * `snapshotDue`: enough entries have passed since the last snapshot.
   */
  append(unnumbered: readonly LogEntry[]): { entries: LogEntry[]; snapshotDue: boolean } {
    const entries = unnumbered.map((e, i) => ({ ...e, seq: this.seq + i + 1 }));
    this.seq += entries.length;
    this.tail.append(entries);
    this.sinceSnapshot += entries.length;
    return { entries, snapshotDue: this.sinceSnapshot >= this.snapshotEvery };
  }

  /** A snapshot at the last seq is on its way to storage. */
  snapshotTaken(): void {
    this.sinceSnapshot = 0;
  }

  /** Entries up to `seq` are in storage now: they may leave memory. */
  storedUpTo(seq: number): void {
    this.tail.storedUpTo(seq);
  }

  /** After a rebuild from storage: the stored log up to `seq`, as a new generation. */
  reset(seq: number, entries: readonly LogEntry[]): void {
    this.seq = seq;
    this.tail = new LogTail(seq, entries, this.readStored);
  }
}
