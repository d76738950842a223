import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/logger.ts';
import { SessionHost } from '../../../server/sessions/session-host.ts';
import { InlineWriter } from '../../../server/storage/batch-writer.ts';
import { CommitQueue } from '../../../server/storage/commit-queue.ts';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import { replayLogOrThrow } from '../../../shared/log/replay.ts';
import type { CommandAck } from '../../../shared/protocol/messages.ts';
import { engineScenario } from '../../support/meeting-fixture.ts';
import { engineSessionRow } from '../../support/storage-drivers.ts';

function host(id = 's1', shared?: { storage: SqliteStorage; commits: CommitQueue }) {
  const storage = shared?.storage ?? SqliteStorage.memory();
  const row = engineSessionRow(id);
  storage.createSession(row);
  const commits = shared?.commits ?? new CommitQueue(new InlineWriter(storage));
  const h = SessionHost.create(row, engineScenario(), { storage, logger: createLogger('silent'), commits });
  return { h, storage, commits };
}

describe('SessionHost and the group commit', () => {
  it('acknowledges only after the transaction, and many commands share one', async () => {
    const { h, storage, commits } = host();
    const acks: CommandAck[] = [];
    const facilitator = { actor: { kind: 'facilitator' as const }, id: 'facilitator' };
    h.execute(facilitator, 'c1', { type: 'settings.update', observersMayFireInjects: true }, (a) =>
      acks.push(a),
    );
    h.execute(facilitator, 'c2', { type: 'settings.update', observersMayFireInjects: false }, (a) =>
      acks.push(a),
    );
    expect(acks).toEqual([]); // not yet on disk
    expect(storage.lastSeq('s1')).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(acks).toEqual([
      { ok: true, seq: 1 },
      { ok: true, seq: 2 },
    ]);
    expect(storage.lastSeq('s1')).toBe(2);
    expect(commits.stats).toEqual({ flushes: 1, appends: 2 });
  });

  it('answers a retry of an in-flight command with the first answer, applied once', async () => {
    const { h, storage } = host();
    const facilitator = { actor: { kind: 'facilitator' as const }, id: 'facilitator' };
    const acks: CommandAck[] = [];
    const command = { type: 'settings.update', observersMayFireInjects: true } as const;
    h.execute(facilitator, 'same', command, (a) => acks.push(a));
    h.execute(facilitator, 'same', command, (a) => acks.push(a));
    await new Promise((r) => setImmediate(r));
    expect(acks).toEqual([
      { ok: true, seq: 1 },
      { ok: true, seq: 1 },
    ]);
    expect(storage.readLog('s1')).toHaveLength(1);
  });

  it('includes entries still waiting for the commit when its log is first read', async () => {
    const { h } = host();
    const facilitator = { actor: { kind: 'facilitator' as const }, id: 'facilitator' };
    h.execute(facilitator, 'c1', { type: 'settings.update', observersMayFireInjects: true }, () => undefined);
    expect(h.log(0).map((e) => e.seq)).toEqual([1]); // read before the flush: the pending entry is there
    await new Promise((r) => setImmediate(r));
    h.execute(
      facilitator,
      'c2',
      { type: 'settings.update', observersMayFireInjects: false },
      () => undefined,
    );
    await new Promise((r) => setImmediate(r));
    expect(h.log(0).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('keeps a bounded tail of the log in memory and reads older entries from storage, in order', async () => {
    const { h, storage } = host();
    const facilitator = { actor: { kind: 'facilitator' as const }, id: 'facilitator' };
    for (let i = 0; i < 600; i++) {
      h.execute(
        facilitator,
        `c${i}`,
        { type: 'settings.update', observersMayFireInjects: i % 2 === 0 },
        () => undefined,
      );
    }
    // Before the commit: the newest entries come from memory, the oldest are not stored yet either.
    expect(h.log(0).map((e) => e.seq)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    await new Promise((r) => setImmediate(r));
    expect(storage.lastSeq('s1')).toBe(600);
    expect(h.logFloor).toBeGreaterThan(0);
    expect(h.logFloor).toBeLessThan(600 - 200);
    const all = h.log(0);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    expect(h.log(h.logFloor - 3).map((e) => e.seq)[0]).toBe(h.logFloor - 2);
    expect(h.log(598).map((e) => e.seq)).toEqual([599, 600]);

    // A restored host holds the entries after its snapshot, and still answers for the whole log.
    const outcome = SessionHost.restore(h.row, h.scenario, { storage, logger: createLogger('silent') });
    if (!outcome.ok) throw new Error(`not restored: ${JSON.stringify(outcome.problem)}`);
    const restored = outcome.host;
    expect(restored.lastSeq).toBe(600);
    expect(restored.logFloor).toBe(storage.latestSnapshot('s1')?.seq ?? 0);
    expect(restored.log(0)).toEqual(all);
  });
});

describe('a failure in one session', () => {
  const facilitator = { actor: { kind: 'facilitator' as const }, id: 'facilitator' };
  const settings = (on: boolean) => ({ type: 'settings.update', observersMayFireInjects: on }) as const;
  const ack = (h: SessionHost, cid: string, on = true) =>
    new Promise<CommandAck>((resolve) => h.execute(facilitator, cid, settings(on), resolve));

  it('stops that session only (a listener that throws), answers session/failed, and recovers from storage', async () => {
    const one = host('s1');
    const other = host('s2', one);
    const changes: string[] = [];
    let throwing = true;
    one.h.subscribe((change) => {
      changes.push(change);
      if (change === 'log' && throwing) throw new Error('fan-out bug');
    });
    expect(await ack(one.h, 'c1')).toEqual({ ok: true, seq: 1 }); // stored and acknowledged, then the listener throws
    expect(one.h.failure).toMatchObject({ kind: 'failed', where: 'fan-out', message: 'fan-out bug' });
    expect(changes).toEqual(['log', 'failed']);
    expect(await ack(one.h, 'c2')).toMatchObject({ ok: false, error: { code: 'session/failed' } });
    expect(one.storage.lastSeq('s1')).toBe(1);
    // The other session, on the same storage and group commit, goes on.
    expect(await ack(other.h, 'c1')).toEqual({ ok: true, seq: 1 });
    expect(await ack(other.h, 'c2', false)).toEqual({ ok: true, seq: 2 });
    expect(other.h.failure).toBeUndefined();

    throwing = false;
    expect(await one.h.recover()).toEqual({ ok: true });
    expect(one.h.failure).toBeUndefined();
    expect(changes.at(-1)).toBe('recovered');
    expect(one.h.lastSeq).toBe(1);
    expect(await ack(one.h, 'c3', false)).toEqual({ ok: true, seq: 2 });
  });

  it('stops the session when handling a command throws, and says so to the sender', async () => {
    const { h, storage } = host();
    // Its storage fails under it: reading the command's receipt throws.
    const failing = Object.create(storage, {
      findReceipt: {
        value: () => {
          throw new Error('disk I/O error');
        },
      },
    }) as SqliteStorage;
    const restored = SessionHost.restore(h.row, h.scenario, {
      storage: failing,
      logger: createLogger('silent'),
    });
    if (!restored.ok) throw new Error('not restored');
    expect(await ack(restored.host, 'c1')).toMatchObject({ ok: false, error: { code: 'session/failed' } });
    expect(restored.host.failure).toMatchObject({ where: 'command', message: 'disk I/O error' });
  });
});

describe('state_at from the nearest snapshot', () => {
  it('replays only the entries after the latest snapshot at or before the seq, to the same state as from seq 1', async () => {
    const storage = SqliteStorage.memory();
    const reads: [number, number | undefined][] = [];
    // The same store, recording which windows of the log are read.
    const watched = Object.create(storage, {
      readLog: {
        value: (id: string, after?: number, to?: number) => {
          reads.push([after ?? 0, to]);
          return storage.readLog(id, after, to);
        },
      },
    }) as SqliteStorage;
    const row = engineSessionRow('s1');
    storage.createSession(row);
    const deps = { storage: watched, logger: createLogger('silent'), snapshotEvery: 8 };
    const h = SessionHost.create(row, engineScenario(), deps);
    const facilitator = { actor: { kind: 'facilitator' as const }, id: 'facilitator' };
    for (let i = 0; i < 40; i++)
      await new Promise((resolve) =>
        h.execute(
          facilitator,
          `c${i}`,
          { type: 'settings.update', observersMayFireInjects: i % 3 === 0 },
          resolve,
        ),
      );
    // Snapshots at 8, 16, 24, 32, 40. Asking for seq 21: start at 16, read 17…21 only.
    const restored = SessionHost.restore(row, h.scenario, {
      storage: watched,
      logger: createLogger('silent'),
    });
    if (!restored.ok) throw new Error('not restored');
    reads.length = 0;
    const at21 = restored.host.replayTo(21);
    expect(at21.seq).toBe(21);
    expect(reads).toEqual([[16, 21]]);
    // Entry 21 set the setting from i = 20: 20 % 3 !== 0, so off.
    expect(at21.meeting.context.observersMayFireInjects).toBe(false);
    // The same meeting as replaying entries 1…21 from the start.
    expect(at21.meeting.context).toEqual(
      replayLogOrThrow(h.scenario, storage.readLog('s1', 0, 21)).meeting.context,
    );
  });
});
