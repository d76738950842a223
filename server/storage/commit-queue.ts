// Group commit: every append requested during one turn of the event loop is
// written in one transaction — one fsync for all of them — and only then
// are their commands acknowledged and their changes broadcast. With
// synchronous=FULL an fsync costs milliseconds; a classroom district sends
// hundreds of commands a second, so they share it.
import type { AppendBatch, Storage } from './storage.ts';

export type Committed = (error?: Error) => void;

/** The shortest gap between two group commits, in ms. */
const MIN_GAP_MS = 2;

export class CommitQueue {
  private pending: (AppendBatch & { done: Committed })[] = [];
  private scheduled = false;
  /** Flushes so far, and appends in them: the batching factor is appends / flushes. */
  readonly stats = { flushes: 0, appends: 0 };

  constructor(private readonly storage: Storage) {}

  enqueue(batch: AppendBatch, done: Committed): void {
    this.pending.push({ ...batch, done });
    if (this.scheduled) return;
    this.scheduled = true;
    // At most one fsync per MIN_GAP_MS: under load, later commands wait a
    // moment and share the next one instead of each paying for their own.
    const wait = this.lastFlush + MIN_GAP_MS - performance.now();
    if (wait > 0) setTimeout(() => this.flush(), wait);
    else setImmediate(() => this.flush());
  }

  private lastFlush = 0;

  /** Writes everything queued now (also called directly by tests and at shutdown). */
  flush(): void {
    this.scheduled = false;
    this.lastFlush = performance.now();
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let failure: Error | undefined;
    try {
      this.storage.appendBatch(batch);
      this.stats.flushes++;
      this.stats.appends += batch.length;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    for (const b of batch) b.done(failure);
  }
}
