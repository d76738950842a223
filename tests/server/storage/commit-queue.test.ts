import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThreadWriter } from '../../../server/storage/batch-writer.ts';
import { CommitQueue } from '../../../server/storage/commit-queue.ts';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import type { LogEntry } from '../../../server/storage/storage.ts';

let dir: string;
let file: string;
let storage: SqliteStorage;
let writer: ThreadWriter;

const session = (id: string) => ({
  id,
  scenarioId: 'x',
  joinCode: `C${id}`.padEnd(6, 'Q').slice(0, 6),
  observerTokenHash: 'a',
  facilitatorTokenHash: 'b',
  createdAt: 0,
  status: 'live' as const,
  title: 't',
});

const entry = (sessionId: string, seq: number): LogEntry => ({
  sessionId,
  seq,
  at: seq,
  actor: { kind: 'system' },
  payload: { kind: 'meeting', command: { type: 'clock.tick' }, item: null } as LogEntry['payload'],
});

/** Enqueues and returns a promise of what `done` was told. */
function append(queue: CommitQueue, entries: LogEntry[]): Promise<Error | undefined> {
  return new Promise((resolve) => queue.enqueue({ entries }, resolve));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civic-commit-'));
  file = join(dir, 'db.sqlite');
  storage = SqliteStorage.open(file);
  for (const id of ['s1', 's2']) storage.createSession(session(id));
  writer = new ThreadWriter(file);
});

afterEach(async () => {
  await writer.close();
  storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the group commit on a worker thread', () => {
  it('is durable when done is called: another connection reads the rows', async () => {
    const queue = new CommitQueue(writer);
    const done = await append(queue, [entry('s1', 1), entry('s1', 2)]);
    expect(done).toBeUndefined();
    expect(storage.readLog('s1').map((e) => e.seq)).toEqual([1, 2]);
  });

  it('batches the appends that arrive while a transaction is being written into the next one', async () => {
    const queue = new CommitQueue(writer);
    const first = append(queue, [entry('s1', 1)]);
    await new Promise((r) => setImmediate(r)); // the first transaction is now on the worker
    const later = Array.from({ length: 20 }, (_, i) => append(queue, [entry('s2', i + 1)]));
    expect(await Promise.all([first, ...later])).toEqual(Array(21).fill(undefined));
    expect(queue.stats).toEqual({ flushes: 2, appends: 21 });
    expect(storage.lastSeq('s2')).toBe(20);
  });

  it('fails a refused transaction, and the queued appends of its sessions, but not the others', async () => {
    const queue = new CommitQueue(writer);
    const gap = append(queue, [entry('s1', 2)]); // seq 1 is missing: the worker refuses it
    await new Promise((r) => setImmediate(r));
    const sameSession = append(queue, [entry('s1', 3)]);
    const otherSession = append(queue, [entry('s2', 1)]);
    expect((await gap)?.message).toMatch(/log gap in session s1/);
    expect((await sameSession)?.message).toMatch(/log gap in session s1/);
    expect(await otherSession).toBeUndefined();
    await queue.drain();
    expect(storage.lastSeq('s1')).toBe(0);
    expect(storage.lastSeq('s2')).toBe(1);
  });

  it('rejects every write after the worker has gone, rather than acknowledge what it did not store', async () => {
    const queue = new CommitQueue(writer);
    await writer.close();
    expect((await append(queue, [entry('s1', 1)]))?.message).toMatch(/commit worker exited/);
    expect(storage.lastSeq('s1')).toBe(0);
  });
});
