// The Storage interface, run once for every implementation in
// tests/support/storage-drivers.ts: what the session server relies on from
// any database. (SQLite's own matters — migrations, WAL, triggers, crash
// durability — are in sqlite-storage.test.ts.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../server/storage/storage.ts';
import { ENGINE_VERSION } from '../../../shared/log/engine-version.ts';
import {
  logEntry as entry,
  type OpenedStorage,
  STORAGE_DRIVERS,
  sessionRow as session,
} from '../../support/storage-drivers.ts';

describe.each(STORAGE_DRIVERS)('Storage on $name', (driver) => {
  let opened: OpenedStorage;
  beforeEach(() => {
    opened = driver.open();
  });
  afterEach(() => opened.close());
  const store = () => opened.storage;

  it('creates, finds, lists and updates sessions, scenario hash and attention included', () => {
    const s = store();
    s.createSession(session('a', { createdAt: 1, scenarioHash: null }));
    s.createSession(session('b', { createdAt: 2, joinCode: 'ABC123' }));
    expect(s.getSession('a')).toEqual(session('a', { createdAt: 1, scenarioHash: null }));
    expect(s.getSession('nope')).toBeUndefined();
    expect(s.findSessionByJoinCode('ABC123')?.id).toBe('b');
    expect(s.findSessionByJoinCode('ZZZ')).toBeUndefined();
    expect(s.listSessions().map((r) => r.id)).toEqual(['b', 'a']); // newest first
    s.setSessionStatus('a', 'ended');
    expect(s.getSession('a')?.status).toBe('ended');
    s.setSessionScenarioHash('a', 'sha256:new');
    expect(s.getSession('a')?.scenarioHash).toBe('sha256:new');
    const problem = JSON.stringify({ kind: 'replay_refused', seq: 7, reason: 'refused', message: 'm' });
    s.setSessionAttention('a', problem);
    expect(s.getSession('a')?.attention).toBe(problem);
    s.setSessionAttention('a', null);
    expect(s.getSession('a')?.attention).toBeNull();
    for (const update of [
      () => s.setSessionStatus('nope', 'ended'),
      () => s.setSessionScenarioHash('nope', 'h'),
      () => s.setSessionAttention('nope', null),
    ])
      expect(update).toThrow(/no session/);
    expect(() => s.createSession(session('c', { joinCode: 'ABC123' }))).toThrow(/UNIQUE/);
  });

  it('adds seats and finds them by resume hash', () => {
    const s = store();
    s.createSession(session('s1'));
    s.createSession(session('s2'));
    const seat = { sessionId: 's1', participantId: 'p2', name: '王', resumeTokenHash: 'h2', createdAt: 2 };
    s.addSeat(seat);
    s.addSeat({ sessionId: 's1', participantId: 'p1', name: 'Ann', resumeTokenHash: 'h1', createdAt: 1 });
    s.addSeat({ sessionId: 's2', participantId: 'p1', name: 'Bo', resumeTokenHash: 'h3', createdAt: 1 });
    expect(s.findSeatByResumeHash('h2')).toEqual(seat);
    expect(s.findSeatByResumeHash('nope')).toBeUndefined();
    expect(s.listSeats('s1').map((r) => r.participantId)).toEqual(['p1', 'p2']);
    expect(() => s.addSeat({ ...seat, participantId: 'p9' })).toThrow(/UNIQUE/); // same resume hash
    expect(() => s.addSeat({ ...seat, sessionId: 'ghost', resumeTokenHash: 'h9' })).toThrow(/FOREIGN KEY/);
  });

  it('appends and reads the log back with actor and payload intact, whole or as a window', () => {
    const s = store();
    s.createSession(session('s1'));
    s.createSession(session('s2'));
    const coaching: LogEntry = {
      sessionId: 's1',
      seq: 3,
      at: 42,
      actor: { kind: 'observer', id: 'o1' },
      payload: {
        kind: 'coaching',
        command: {
          type: 'marker.drop',
          markerId: 'm1',
          competency: 'listening',
          kind: 'strength',
          shared: true,
        },
        item: 'budget',
      },
    };
    s.append([entry('s1', 1), entry('s1', 2)]);
    s.append([coaching], { sessionId: 's1', sender: 'o1', commandId: 'c1', result: '{"ok":true}' });
    s.append([entry('s2', 1)]);
    expect(s.readLog('s1')).toEqual([entry('s1', 1), entry('s1', 2), coaching]);
    expect(s.readLog('s1', 2)).toEqual([coaching]);
    expect(s.readLog('s1', 3)).toEqual([]);
    // afterSeq < seq ≤ toSeq
    expect(s.readLog('s1', 0, 2)).toEqual([entry('s1', 1), entry('s1', 2)]);
    expect(s.readLog('s1', 1, 2)).toEqual([entry('s1', 2)]);
    expect(s.readLog('s1', 2, 2)).toEqual([]);
    expect(s.lastSeq('s1')).toBe(3);
    expect(s.lastSeq('s2')).toBe(1);
    expect(s.lastSeq('none')).toBe(0);
  });

  it('rejects a gap, writing nothing (not even the receipt)', () => {
    const s = store();
    s.createSession(session('s1'));
    s.append([entry('s1', 1)]);
    const receipt = { sessionId: 's1', sender: 'p1', commandId: 'c3', result: '{}' };
    expect(() => s.append([entry('s1', 3)], receipt)).toThrow(/expected seq 2, got 3/);
    // A good entry ahead of a bad one in the same batch is rolled back too.
    expect(() => s.append([entry('s1', 2), entry('s1', 4)], receipt)).toThrow(/expected seq 3, got 4/);
    expect(() => s.append([entry('s1', 1)])).toThrow(/expected seq 2/); // a repeat is a gap too
    expect(s.readLog('s1').map((e) => e.seq)).toEqual([1]);
    expect(s.findReceipt('s1', 'p1', 'c3')).toBeUndefined();
    s.append([entry('s1', 2)], receipt); // the store is still usable
    expect(s.lastSeq('s1')).toBe(2);
  });

  it('writes a group commit all or nothing: a gap in one session rolls back the others', () => {
    const s = store();
    s.createSession(session('s1'));
    s.createSession(session('s2'));
    const snapshot = {
      sessionId: 's2',
      seq: 1,
      data: '{}',
      engineVersion: ENGINE_VERSION,
      scenarioHash: 'h',
    };
    expect(() =>
      s.appendBatch([{ entries: [entry('s2', 1)], snapshot }, { entries: [entry('s1', 2)] }]),
    ).toThrow(/log gap in session s1/);
    expect(s.lastSeq('s2')).toBe(0);
    expect(s.latestSnapshot('s2')).toBeUndefined();
    s.appendBatch([{ entries: [entry('s2', 1)], snapshot }, { entries: [entry('s1', 1)] }]);
    expect([s.lastSeq('s1'), s.lastSeq('s2'), s.latestSnapshot('s2')?.seq]).toEqual([1, 1, 1]);
  });

  it('stores receipts with their entries and refuses a second one for the same command', () => {
    const s = store();
    s.createSession(session('s1'));
    const receipt = { sessionId: 's1', sender: 'p1', commandId: 'c1', result: '{"ok":true}' };
    s.append([entry('s1', 1)], receipt);
    expect(s.findReceipt('s1', 'p1', 'c1')).toEqual(receipt);
    expect(s.findReceipt('s1', 'p2', 'c1')).toBeUndefined(); // ids are per sender
    expect(() => s.append([entry('s1', 2)], receipt)).toThrow(/UNIQUE/);
    expect(s.lastSeq('s1')).toBe(1);
    s.append([], { ...receipt, commandId: 'rejected' }); // a receipt alone, for a refused command
    expect(s.findReceipt('s1', 'p1', 'rejected')?.result).toBe('{"ok":true}');
  });

  it('returns the latest snapshot, and the latest one at or before a seq under given versions', () => {
    const s = store();
    s.createSession(session('s1'));
    const snap = (seq: number, engineVersion: number, scenarioHash: string | null) => ({
      sessionId: 's1',
      seq,
      data: `{"v":${seq}}`,
      engineVersion,
      scenarioHash,
    });
    const current = { engineVersion: ENGINE_VERSION, scenarioHash: 'sha256:now' };
    expect(s.latestSnapshot('s1')).toBeUndefined();
    expect(s.snapshotAtOrBefore('s1', 100, current)).toBeUndefined();
    s.saveSnapshot(snap(20, ENGINE_VERSION, 'sha256:now'));
    s.saveSnapshot(snap(5, ENGINE_VERSION, 'sha256:now'));
    s.saveSnapshot(snap(40, ENGINE_VERSION, 'sha256:before')); // another scenario version
    s.saveSnapshot(snap(60, ENGINE_VERSION + 1, 'sha256:now')); // another engine
    s.saveSnapshot(snap(70, ENGINE_VERSION, null)); // from before versions were stored
    expect(s.latestSnapshot('s1')).toEqual(snap(70, ENGINE_VERSION, null));
    expect(s.snapshotAtOrBefore('s1', 100, current)).toEqual(snap(20, ENGINE_VERSION, 'sha256:now'));
    expect(s.snapshotAtOrBefore('s1', 19, current)?.seq).toBe(5);
    expect(s.snapshotAtOrBefore('s1', 4, current)).toBeUndefined();
    expect(s.snapshotAtOrBefore('s1', 100, { ...current, scenarioHash: 'sha256:before' })?.seq).toBe(40);
    s.saveSnapshot({ ...snap(20, ENGINE_VERSION, 'sha256:now'), data: '{"v":"again"}' });
    expect(s.snapshotAtOrBefore('s1', 20, current)?.data).toBe('{"v":"again"}');
  });

  it('gets and sets settings', () => {
    const s = store();
    expect(s.getSetting('facilitatorPasswordHash')).toBeUndefined();
    s.setSetting('facilitatorPasswordHash', 'x');
    s.setSetting('facilitatorPasswordHash', 'y');
    expect(s.getSetting('facilitatorPasswordHash')).toBe('y');
  });
});
