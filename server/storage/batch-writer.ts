// Where the group commit's transactions run. SQLite through better-sqlite3
// is synchronous: on the event loop, every fsync stops every session for
// its duration. ThreadWriter runs the transactions on a worker thread with
// its own connection to the same file, so the event loop keeps serving
// while the disk syncs; InlineWriter runs them in place (an in-memory
// database, which a second connection cannot share).
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { AppendBatch, Storage } from './storage.ts';

export interface BatchWriter {
  /** Writes the batches in one transaction: all or nothing; resolves once durable. */
  write(batches: readonly AppendBatch[]): Promise<void>;
  close(): Promise<void>;
}

export class InlineWriter implements BatchWriter {
  constructor(private readonly storage: Storage) {}

  write(batches: readonly AppendBatch[]): Promise<void> {
    try {
      this.storage.appendBatch(batches);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** What the worker (commit-worker.ts) is sent and answers. */
export type ToCommitWorker = { id: number; batches: readonly AppendBatch[] };
export type FromCommitWorker = { id: number; error?: string };

/**
 * The worker: the bundle's sibling when running from dist/, else the
 * TypeScript source, loaded through tsx (development and tests).
 */
function startWorker(file: string): Worker {
  const bundled = new URL('./commit-worker.mjs', import.meta.url);
  if (existsSync(bundled)) return new Worker(bundled, { workerData: { file } });
  const source = new URL('./commit-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: { file } });
}

export class ThreadWriter implements BatchWriter {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private failure: Error | undefined;

  constructor(file: string) {
    this.worker = startWorker(file);
    this.worker.on('message', (reply: FromCommitWorker) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.error === undefined) waiter?.resolve();
      else waiter?.reject(new Error(reply.error));
    });
    // A dead worker fails what it held and everything after: nothing is acknowledged unwritten.
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the commit worker exited (code ${code})`)));
  }

  write(batches: readonly AppendBatch[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, batches } satisfies ToCommitWorker);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
