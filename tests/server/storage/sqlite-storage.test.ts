import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../server/storage/migrations.ts';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import type { LogEntry, SessionRow } from '../../../server/storage/storage.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const LAST_VERSION = MIGRATIONS.at(-1)?.version;

let dir: string;
let file: string;
let storage: SqliteStorage | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civic-storage-'));
  file = join(dir, 'nested', 'civic.db'); // open() creates the parent dir
});
afterEach(() => {
  storage?.close();
  storage = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const openStorage = () => {
  storage = SqliteStorage.open(file);
  return storage;
};

const session = (id: string, over: Partial<SessionRow> = {}): SessionRow => ({
  id,
  scenarioId: 'budget-hearing',
  joinCode: `J-${id}`,
  observerTokenHash: `obs-${id}`,
  facilitatorTokenHash: `fac-${id}`,
  createdAt: 1_000,
  status: 'live',
  title: '预算听证会',
  ...over,
});

const entry = (sessionId: string, seq: number): LogEntry => ({
  sessionId,
  seq,
  at: 10_000 + seq,
  actor: { kind: 'participant', id: 'p1' },
  payload: {
    kind: 'meeting',
    command: { type: 'statement.post', text: `发言 ${seq} "quoted" \\ ✓` },
    item: seq % 2 ? 'budget' : null,
  },
});

/** Reads pragmas through a second, plain connection to the same file. */
const pragma = (name: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma(name, { simple: true });
  } finally {
    db.close();
  }
};

describe('migrations', () => {
  it('run once, set user_version to the last migration, and are idempotent on reopen', () => {
    expect(LAST_VERSION).toBe(MIGRATIONS.length);
    openStorage().createSession(session('s1'));
    storage?.close();
    expect(pragma('user_version')).toBe(LAST_VERSION);

    const s = openStorage();
    expect(s.getSession('s1')?.title).toBe('预算听证会');
    storage?.close();
    const db = new Database(file);
    expect(migrate(db)).toBe(LAST_VERSION); // nothing left to run: no "table exists" error
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((t) => t.name);
    expect(tables).toEqual([
      // Migration 3: accounts and who owns each session.
      'accounts',
      'api_tokens',
      'invitations',
      'log',
      'receipts',
      'scores',
      'seats',
      'session_owners',
      'session_shares',
      'sessions',
      'settings',
      'sign_ins',
      'snapshots',
    ]);
    db.close();
    storage = undefined;
  });

  it('upgrades a version-1 database to the latest, keeping its data', () => {
    file = join(dir, 'v1.db');
    const db = new Database(file);
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v1')").run();
    db.close();

    const s = openStorage();
    expect(pragma('user_version')).toBe(LAST_VERSION);
    expect(s.getSetting('k')).toBe('v1');
    s.createSession(session('s1'));
    s.saveScore({
      sessionId: 's1',
      attempt: 1,
      observerId: 'o1',
      participantId: 'p1',
      competency: 'listening',
      score: 'meets',
      note: null,
      markerIds: ['m1'],
      updatedAt: 5,
    });
    s.saveScore({
      sessionId: 's1',
      attempt: 1,
      observerId: 'o1',
      participantId: 'p1',
      competency: 'listening',
      score: 'exceeds',
      note: '稳住了会场',
      markerIds: ['m1', 'm2'],
      updatedAt: 6,
    });
    s.saveScore({
      sessionId: 's1',
      attempt: 2,
      observerId: 'o1',
      participantId: 'p1',
      competency: 'listening',
      score: 'meets',
      note: null,
      markerIds: [],
      updatedAt: 7,
    });
    expect(s.listScores('s1', 1)).toEqual([
      expect.objectContaining({
        score: 'exceeds',
        note: '稳住了会场',
        markerIds: ['m1', 'm2'],
        updatedAt: 6,
      }),
    ]);
    expect(s.listScores('s1').map((r) => r.attempt)).toEqual([1, 2]);
  });

  it('refuses a database from a newer build', () => {
    openStorage().close();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    storage = undefined;
    expect(() => openStorage()).toThrow(/newer than this build/);
    storage = undefined;
  });
});

describe('SqliteStorage on a file', () => {
  it('uses WAL, and the log is append-only', () => {
    const s = openStorage();
    expect(pragma('journal_mode')).toBe('wal');
    s.createSession(session('s1'));
    s.append([entry('s1', 1)]);
    const db = new Database(file);
    expect(() => db.prepare('UPDATE log SET at = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM log').run()).toThrow(/append-only/);
    db.close();
  });

  it('creates, finds, lists and updates sessions', () => {
    const s = openStorage();
    s.createSession(session('a', { createdAt: 1 }));
    s.createSession(session('b', { createdAt: 2, joinCode: 'ABC123' }));
    expect(s.getSession('a')).toEqual(session('a', { createdAt: 1 }));
    expect(s.getSession('nope')).toBeUndefined();
    expect(s.findSessionByJoinCode('ABC123')?.id).toBe('b');
    expect(s.findSessionByJoinCode('ZZZ')).toBeUndefined();
    expect(s.listSessions().map((r) => r.id)).toEqual(['b', 'a']); // newest first
    s.setSessionStatus('a', 'ended');
    expect(s.getSession('a')?.status).toBe('ended');
    expect(() => s.setSessionStatus('nope', 'ended')).toThrow(/no session/);
    expect(() => s.createSession(session('c', { joinCode: 'ABC123' }))).toThrow(/UNIQUE/);
    expect(() => s.setSessionStatus('a', 'bogus' as 'live')).toThrow(/CHECK/);
  });

  it('adds seats and finds them by resume hash', () => {
    const s = openStorage();
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

  it('appends and reads the log back with actor and payload intact', () => {
    const s = openStorage();
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
    expect(s.lastSeq('s1')).toBe(3);
    expect(s.lastSeq('s2')).toBe(1);
    expect(s.lastSeq('none')).toBe(0);
  });

  it('rejects a gap, writing nothing (not even the receipt)', () => {
    const s = openStorage();
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

  it('stores receipts with their entries and refuses a second one for the same command', () => {
    const s = openStorage();
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

  it('returns the latest snapshot by seq', () => {
    const s = openStorage();
    s.createSession(session('s1'));
    expect(s.latestSnapshot('s1')).toBeUndefined();
    s.saveSnapshot({ sessionId: 's1', seq: 20, data: '{"v":20}' });
    s.saveSnapshot({ sessionId: 's1', seq: 5, data: '{"v":5}' });
    expect(s.latestSnapshot('s1')).toEqual({ sessionId: 's1', seq: 20, data: '{"v":20}' });
    s.saveSnapshot({ sessionId: 's1', seq: 20, data: '{"v":"again"}' });
    expect(s.latestSnapshot('s1')?.data).toBe('{"v":"again"}');
  });

  it('gets and sets settings', () => {
    const s = openStorage();
    expect(s.getSetting('facilitatorPasswordHash')).toBeUndefined();
    s.setSetting('facilitatorPasswordHash', 'x');
    s.setSetting('facilitatorPasswordHash', 'y');
    expect(s.getSetting('facilitatorPasswordHash')).toBe('y');
  });

  it('works in memory too', () => {
    storage = SqliteStorage.memory();
    storage.createSession(session('s1'));
    storage.append([entry('s1', 1)]);
    expect(storage.readLog('s1')).toEqual([entry('s1', 1)]);
  });
});

describe('durability', () => {
  it('keeps every acknowledged append when the writer is SIGKILLed', async () => {
    openStorage().createSession(session('s1'));
    storage?.close();
    storage = undefined;

    // The child acknowledges an entry (prints its seq) only after append returned.
    const script = join(dir, 'writer.ts');
    const moduleUrl = pathToFileURL(join(ROOT, 'server/storage/sqlite-storage.ts')).href;
    writeFileSync(
      script,
      `import { SqliteStorage } from ${JSON.stringify(moduleUrl)};
       const s = SqliteStorage.open(${JSON.stringify(file)});
       for (let seq = 1; seq <= 200; seq++) {
         s.append(
           [{ sessionId: 's1', seq, at: seq, actor: { kind: 'system' }, payload: { kind: 'meeting', command: { type: 'clock.tick' }, item: null } }],
           { sessionId: 's1', sender: 'p1', commandId: 'c' + seq, result: '{}' },
         );
         process.stdout.write('appended ' + seq + '\\n');
         // A short pause so the parent reliably catches the run mid-way.
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
       }
       process.stdout.write('done\\n');`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const killAt = 60 + Math.floor(Math.random() * 80); // somewhere mid-run
    let acknowledged = 0;
    let buffered = '';
    const exit = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, signal) => done(signal)),
    );
    child.stdout.on('data', (d) => {
      buffered += d;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^appended (\d+)$/.exec(line);
        if (m) acknowledged = Number(m[1]);
      }
      if (acknowledged >= killAt) child.kill('SIGKILL');
    });
    const signal = await exit;
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL'); // killed mid-run, not finished
    expect(acknowledged).toBeGreaterThanOrEqual(killAt);

    const s = openStorage();
    const seqs = s.readLog('s1').map((e) => e.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(acknowledged); // nothing acknowledged is lost
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1)); // gap-free
    expect(s.findReceipt('s1', 'p1', `c${acknowledged}`)).toBeDefined();
    expect(s.findReceipt('s1', 'p1', `c${seqs.length + 1}`)).toBeUndefined(); // no receipt without its entry
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
