// Group commit: appends requested while the previous transaction is being
// written are written together in the next one — one fsync for all of
// them — and only then are their commands acknowledged and their changes
// broadcast. With synchronous=FULL an fsync costs a fraction of a
// millisecond to milliseconds; a classroom district sends hundreds of
// commands a second, so they share it. One transaction is in flight at a
// time, so the batches size themselves to the disk's pace.
import type { Logger } from '../logger.ts';
import type { BatchWriter } from './batch-writer.ts';
import type { AppendBatch } from './storage.ts';

export type Committed = (error?: Error) => void;

type Pending = { batch: AppendBatch; done: Committed };

export class CommitQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private writing: Promise<void> | undefined;
  /** Flushes so far, and appends in them: the batching factor is appends / flushes. */
  readonly stats = { flushes: 0, appends: 0 };

  /** `logger`: where a completion callback that throws is reported (the queue goes on). */
  constructor(
    private readonly writer: BatchWriter,
    private readonly logger?: Pick<Logger, 'error'>,
  ) {}

  enqueue(batch: AppendBatch, done: Committed): void {
    this.pending.push({ batch, done });
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    // Everything asked for in this turn of the event loop shares the transaction.
    setImmediate(() => void this.flush());
  }

  /** Writes what is queued now; resolves once it is durable (or failed). */
  flush(): Promise<void> {
    this.scheduled = false;
    if (this.writing) return this.writing;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return Promise.resolve();
    this.writing = this.writer.write(batch.map((p) => p.batch)).then(
      () => {
        this.stats.flushes++;
        this.stats.appends += batch.length;
        this.settle(batch);
      },
      (error: unknown) => this.settle(batch, error instanceof Error ? error : new Error(String(error))),
    );
    return this.writing;
  }

  /** Resolves when nothing is queued or being written (at shutdown). */
  async drain(): Promise<void> {
    while (this.writing || this.pending.length > 0) await this.flush();
  }

  private settle(batch: Pending[], failure?: Error): void {
    this.writing = undefined;
    if (failure) {
      // Later appends of the same sessions were numbered after the failed
      // ones: they cannot be written either, and their sessions reload.
      const failed = new Set(batch.flatMap(sessionsOf));
      const doomed = this.pending.filter((p) => sessionsOf(p).some((s) => failed.has(s)));
      this.pending = this.pending.filter((p) => !doomed.includes(p));
      batch.push(...doomed);
    }
    // One session's callback that throws must not keep the others from
    // theirs, nor stop the queue (hosts guard their own callbacks too).
    for (const b of batch) {
      try {
        b.done(failure);
      } catch (error) {
        const sessions = [...new Set(sessionsOf(b))];
        if (this.logger) this.logger.error({ err: error, sessions }, 'a commit callback threw');
        else console.error('a commit callback threw', sessions, error);
      }
    }
    if (this.pending.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
  }
}

function sessionsOf({ batch }: Pending): string[] {
  const ids = batch.entries.map((e) => e.sessionId);
  if (batch.snapshot) ids.push(batch.snapshot.sessionId);
  return ids;
}
