// A session's log as its host reads it: the recent entries in memory (the
// fan-out scans them after every change), older ones from storage (only
// history, state_at, the debrief and exports reach back that far). Entries
// still waiting for the group commit are always in memory.
import type { LogEntry } from '../../shared/log/entry.ts';

/** Trimmed to KEEP entries once past MAX. */
const MAX = 512;
const KEEP = 256;

export class LogTail {
  private recent: LogEntry[];
  /** Every entry after this seq is in `recent`. */
  private floor: number;
  /** The last seq known to be in storage: entries up to it may leave memory. */
  private stored: number;

  /** `entries`: the last entries up to `seq` (all stored), e.g. those replayed at restore. */
  constructor(
    seq: number,
    entries: readonly LogEntry[],
    private readonly readStored: (afterSeq: number, toSeq?: number) => LogEntry[],
  ) {
    this.recent = [...entries];
    this.floor = seq - entries.length;
    this.stored = seq;
  }

  /** Entries after this seq are in memory. */
  get memoryFloor(): number {
    return this.floor;
  }

  /** Entries with seq > afterSeq, in order. */
  after(afterSeq: number): LogEntry[] {
    // seq is gap-free, so entry n sits at index n − floor − 1.
    if (afterSeq >= this.floor) return this.recent.slice(afterSeq - this.floor);
    const stored = this.readStored(afterSeq);
    const last = stored.at(-1)?.seq ?? afterSeq;
    return [...stored, ...this.recent.filter((e) => e.seq > last)];
  }

  /** Entries with afterSeq < seq ≤ toSeq: only that window is read from storage. */
  range(afterSeq: number, toSeq: number): LogEntry[] {
    if (afterSeq >= this.floor)
      return this.recent.slice(afterSeq - this.floor, Math.max(0, toSeq - this.floor));
    const stored = this.readStored(afterSeq, toSeq);
    const last = stored.at(-1)?.seq ?? afterSeq;
    return [...stored, ...this.recent.filter((e) => e.seq > last && e.seq <= toSeq)];
  }

  /** New entries, not yet stored. */
  append(entries: readonly LogEntry[]): void {
    this.recent.push(...entries);
    this.trim();
  }

  /** Entries up to `seq` are in storage now. */
  storedUpTo(seq: number): void {
    this.stored = Math.max(this.stored, seq);
    this.trim();
  }

  private trim(): void {
    if (this.recent.length <= MAX) return;
    const drop = Math.min(this.recent.length - KEEP, this.stored - this.floor);
    if (drop <= 0) return;
    this.floor += drop;
    this.recent = this.recent.slice(drop);
  }
}
