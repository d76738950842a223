// SQLite's own side of the storage: migrations (including the upgrade of a
// database written before versioned state), WAL and the append-only log,
// the engine version stamped on every row, and durability across SIGKILL.
// What every Storage must do is in storage.test.ts, run per driver.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../server/storage/migrations.ts';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import { ENGINE_VERSION } from '../../../shared/log/engine-version.ts';
import { logEntry as entry, sessionRow as session } from '../../support/storage-drivers.ts';

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
      // Migration 4: accounts and who owns each session; 5: the studio's scenarios and versions.
      'accounts',
      'api_tokens',
      // Migration 6: the roster, courses and cohorts, releases and personal keys.
      'cohort_members',
      'cohorts',
      'courses',
      'invitations',
      'log',
      'people',
      'person_keys',
      'receipts',
      'scenario_versions',
      'score_releases',
      'scores',
      'seat_people',
      'seats',
      'session_groups',
      'session_owners',
      'session_shares',
      'sessions',
      'settings',
      'sign_ins',
      'snapshots',
      'studio_scenarios',
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

  it('upgrades a version-2 database (before versioned state): old rows are engine 1, scenario unknown', () => {
    file = join(dir, 'v2.db');
    const db = new Database(file);
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toBe(2);
    db.prepare(
      `INSERT INTO sessions (id, scenario_id, join_code, observer_token_hash, facilitator_token_hash, created_at, status, title)
       VALUES ('old', 'drill-room', 'OLD123', 'o', 'f', 1, 'live', '"t"')`,
    ).run();
    db.prepare(
      `INSERT INTO log (session_id, seq, at, actor, payload) VALUES ('old', 1, 5, '{"kind":"system"}', ?)`,
    ).run(JSON.stringify(entry('old', 1).payload));
    db.prepare(`INSERT INTO snapshots (session_id, seq, data) VALUES ('old', 1, '{}')`).run();
    db.close();

    const s = openStorage();
    expect(pragma('user_version')).toBe(LAST_VERSION);
    expect(s.getSession('old')).toMatchObject({ id: 'old', scenarioHash: null, attention: null });
    expect(s.latestSnapshot('old')).toEqual({
      sessionId: 'old',
      seq: 1,
      data: '{}',
      engineVersion: 1,
      scenarioHash: null,
    });
    // No snapshot of an unknown scenario is trusted, whatever the current one is.
    expect(s.snapshotAtOrBefore('old', 1, { engineVersion: 1, scenarioHash: 'sha256:x' })).toBeUndefined();
    s.append([entry('old', 2)]);
    storage?.close();
    storage = undefined;
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT seq, engine_version AS v FROM log ORDER BY seq').all()).toEqual([
      { seq: 1, v: 1 },
      { seq: 2, v: ENGINE_VERSION },
    ]);
    raw.close();
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

  it('stamps every log row and snapshot with the engine version, and keeps them across a reopen', () => {
    const s = openStorage();
    s.createSession(session('s1'));
    s.append([entry('s1', 1), entry('s1', 2)]);
    s.saveSnapshot({ sessionId: 's1', seq: 2, data: '{}', engineVersion: ENGINE_VERSION, scenarioHash: 'h' });
    storage?.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT seq, engine_version AS v FROM log ORDER BY seq').all()).toEqual([
      { seq: 1, v: ENGINE_VERSION },
      { seq: 2, v: ENGINE_VERSION },
    ]);
    db.close();
    const again = openStorage();
    expect(again.readLog('s1')).toEqual([entry('s1', 1), entry('s1', 2)]);
    expect(again.latestSnapshot('s1')).toMatchObject({
      seq: 2,
      engineVersion: ENGINE_VERSION,
      scenarioHash: 'h',
    });
  });

  it('refuses a status outside its list', () => {
    const s = openStorage();
    s.createSession(session('a'));
    expect(() => s.setSessionStatus('a', 'bogus' as 'live')).toThrow(/CHECK/);
    expect(() => s.setSessionAttention('a', 'not json')).toThrow(/CHECK/);
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
       // Appends until it is killed: the kill always lands mid-run, however slow the parent is to react.
       for (let seq = 1; ; seq++) {
         s.append(
           [{ sessionId: 's1', seq, at: seq, actor: { kind: 'system' }, payload: { kind: 'meeting', command: { type: 'clock.tick' }, item: null } }],
           { sessionId: 's1', sender: 'p1', commandId: 'c' + seq, result: '{}' },
         );
         process.stdout.write('appended ' + seq + '\\n');
         // Paced (about 500 a second at most), so the file stays small while the parent reacts.
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
       }`,
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
    expect(signal).toBe('SIGKILL'); // killed mid-run (it never stops by itself)
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
