// The group commit, run once for every writer and store in
// tests/support/storage-drivers.ts (inline on SQLite in memory and on a
// file, on a worker thread on a file). What only a worker thread can show
// (appends queued while a transaction is on the worker, a worker that has
// gone) is at the end.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchWriter } from '../../../server/storage/batch-writer.ts';
import { CommitQueue } from '../../../server/storage/commit-queue.ts';
import type { LogEntry, Storage } from '../../../server/storage/storage.ts';
import { sessionRow, WRITER_DRIVERS } from '../../support/storage-drivers.ts';

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

const nextTurn = () => new Promise((r) => setImmediate(r));

describe.each(WRITER_DRIVERS)('the group commit through $name', (driver) => {
  let storage: Storage;
  let writer: BatchWriter;
  let close: () => Promise<void>;
  beforeEach(() => {
    ({ storage, writer, close } = driver.open());
    for (const id of ['s1', 's2', 's3']) storage.createSession(sessionRow(id, { joinCode: `J${id}` }));
  });
  afterEach(() => close());

  it('is durable when done is called: the store reads the rows back', async () => {
    const queue = new CommitQueue(writer);
    const done = await append(queue, [entry('s1', 1), entry('s1', 2)]);
    expect(done).toBeUndefined();
    expect(storage.readLog('s1').map((e) => e.seq)).toEqual([1, 2]);
  });

  it('writes everything enqueued in one turn as one transaction, and what follows in the next', async () => {
    const queue = new CommitQueue(writer);
    const first = append(queue, [entry('s1', 1)]);
    await nextTurn();
    const later = Array.from({ length: 20 }, (_, i) => append(queue, [entry('s2', i + 1)]));
    expect(await Promise.all([first, ...later])).toEqual(Array(21).fill(undefined));
    // 1 transaction for the first append, 1 for the 20 that came a turn later.
    expect(queue.stats).toEqual({ flushes: 2, appends: 21 });
    expect(storage.lastSeq('s2')).toBe(20);
  });

  it('fails a refused transaction as a whole, and goes on with the next', async () => {
    const queue = new CommitQueue(writer);
    // seq 1 of s1 is missing: the whole transaction, s2's entry with it, is refused.
    const gap = append(queue, [entry('s1', 2)]);
    const sameTurn = append(queue, [entry('s2', 1)]);
    expect((await gap)?.message).toMatch(/log gap in session s1/);
    expect((await sameTurn)?.message).toMatch(/log gap in session s1/);
    expect([storage.lastSeq('s1'), storage.lastSeq('s2')]).toEqual([0, 0]);
    expect(await append(queue, [entry('s2', 1)])).toBeUndefined();
    expect(storage.lastSeq('s2')).toBe(1);
  });

  it('a completion callback that throws stops neither the other callbacks nor the queue', async () => {
    const reported: { sessions: string[] }[] = [];
    const queue = new CommitQueue(writer, {
      error: (fields: { sessions: string[] }) => reported.push(fields),
    });
    const before = append(queue, [entry('s1', 1)]);
    queue.enqueue({ entries: [entry('s2', 1)] }, () => {
      throw new Error('a session bug in its commit callback');
    });
    const after = append(queue, [entry('s3', 1)]);
    expect(await before).toBeUndefined();
    expect(await after).toBeUndefined();
    expect(reported.map((r) => r.sessions)).toEqual([['s2']]);
    // The queue still writes.
    expect(await append(queue, [entry('s2', 2)])).toBeUndefined();
    expect([storage.lastSeq('s1'), storage.lastSeq('s2'), storage.lastSeq('s3')]).toEqual([1, 2, 1]);
  });
});

describe('the group commit on a worker thread only', () => {
  const thread = WRITER_DRIVERS.find((d) =>
    d.name.startsWith('ThreadWriter'),
  ) as (typeof WRITER_DRIVERS)[number];
  let storage: Storage;
  let writer: BatchWriter;
  let close: () => Promise<void>;
  beforeEach(() => {
    ({ storage, writer, close } = thread.open());
    for (const id of ['s1', 's2']) storage.createSession(sessionRow(id, { joinCode: `J${id}` }));
  });
  afterEach(() => close());

  it('fails the appends of a failed session queued while its transaction was on the worker, not the others', async () => {
    const queue = new CommitQueue(writer);
    const gap = append(queue, [entry('s1', 2)]); // seq 1 is missing: the worker refuses it
    await nextTurn(); // the transaction is now on the worker; these two wait for the next
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
