// A data directory written before versioned state still starts: the SQLite
// file in tests/fixtures/data-v1 was written by the server as it was before
// engine versions and scenario hashes were stored (scripts/fixture-data-dir.ts,
// run on that code). The new server migrates it, replays every live
// session's log from the start under the current rules (its scenario is
// unknown), restores all four, and from then on trusts a fresh snapshot.
// It also comes from before accounts: its instructor password
// (FACILITATOR_PASSWORD) is now the administrator's, who owns its sessions,
// and its facilitator links no longer open a console.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import { MIGRATIONS } from '../../server/storage/migrations.ts';
import { ENGINE_VERSION } from '../../shared/log/engine-version.ts';
import type { LiveView } from '../../shared/views/types.ts';
import { Agent } from '../support/accounts.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/data-v1');

interface FixtureSession {
  label: string;
  sessionId: string;
  deleted?: true;
  joinCode: string;
  facilitatorToken: string;
  observerToken: string;
  trainees: { name: string; roleId: string; participantId: string; resumeToken: string }[];
  expected: {
    seq: number;
    state: string;
    attempt: number;
    item: string | null;
    participants: { id: string; name: string; roleId: string | null }[];
    statements: string[];
    turns: number;
    ballots: { item: string; passed: boolean }[];
    attemptsBefore: number;
  };
}

const fixture = JSON.parse(readFileSync(join(FIXTURE, 'sessions.json'), 'utf8')) as {
  password: string;
  sessions: FixtureSession[];
};
const live = fixture.sessions.filter((s) => !s.deleted);
const deleted = fixture.sessions.find((s) => s.deleted) as FixtureSession;

/** The same summary the fixture script recorded, from today's facilitator view. */
function summary(view: LiveView): FixtureSession['expected'] {
  return {
    seq: view.seq,
    state: view.state,
    attempt: view.attempt,
    item: view.item?.id ?? null,
    participants: view.participants.map((p) => ({ id: p.id, name: p.name, roleId: p.roleId })),
    statements: view.record.statements.map((s) => s.text),
    turns: view.record.turnCount,
    ballots: view.record.ballots.map((b) => ({
      item: b.item,
      passed: 'passed' in b.outcome && b.outcome.passed,
    })),
    attemptsBefore: view.attemptsBefore,
  };
}

let dataDir: string;
let server: ServerProcess;
const clients: HeadlessClient[] = [];
const scenariosDir = join(FIXTURE, 'scenarios');
const file = () => join(dataDir, 'civic-rehearsal.sqlite');

/** The administrator, signed in with the old instructor password. */
let admin: Agent;

const start = async () => {
  const started = await startServerProcess({
    scenariosDir,
    dataDir,
    env: { FACILITATOR_PASSWORD: fixture.password },
  });
  admin = new Agent(started.url);
  const signedIn = await admin.signIn('admin', fixture.password);
  expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
  return started;
};

const checkedLines = (logs: string[]) =>
  logs
    .join('')
    .split('\n')
    .filter((line) => line.includes('session log checked under the current rules'));

const restoredLine = (logs: string[]) =>
  /"sessions":(\d+),"ms":\d+,"needsAttention":(\d+)[^\n]*sessions restored/.exec(logs.join(''));

beforeAll(async () => {
  expect(fixture.password).toBe('test-facilitator-password');
  dataDir = mkdtempSync(join(tmpdir(), 'civic-data-v1-'));
  cpSync(join(FIXTURE, 'civic-rehearsal.sqlite'), file());
  // The copy is what the old server left: schema 2, no versions anywhere.
  const db = new Database(file(), { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(2);
  db.close();
  server = await start();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
});

const facilitatorOf = async (s: FixtureSession) => {
  const client = await admin.console(s.sessionId);
  clients.push(client);
  return client;
};

describe('a data directory from before versioned state', () => {
  it('starts, restoring all four live sessions and none needing attention', () => {
    const line = restoredLine(server.logs);
    expect(line, server.logs.join('')).not.toBeNull();
    expect([Number(line?.[1]), Number(line?.[2])]).toEqual([live.length, 0]);
    expect(live).toHaveLength(4);
    // Each one's whole log was replayed under the current rules: its scenario was unknown.
    const checked = checkedLines(server.logs).map(
      (l) => JSON.parse(l) as { session: string; entries: number },
    );
    expect(checked.map((c) => [c.session, c.entries]).sort()).toEqual(
      live.map((s) => [s.sessionId, s.expected.seq]).sort(),
    );
  });

  it.each(live.map((s) => [s.label, s] as const))('brings back "%s" exactly as it was', async (_label, s) => {
    const facilitator = await facilitatorOf(s);
    expect(summary(facilitator.live as LiveView)).toEqual(s.expected);
  });

  it('lets each trainee back in with their resume token, on their card', async () => {
    for (const s of live) {
      for (const t of s.trainees) {
        const client = await HeadlessClient.connect(server.url, {
          role: 'trainee',
          resumeToken: t.resumeToken,
        });
        clients.push(client);
        expect(client.live?.me?.participantId).toBe(t.participantId);
        expect(client.live?.me?.card?.id).toBe(t.roleId);
        client.close();
      }
    }
  });

  it('keeps the deleted session deleted', async () => {
    await expect(admin.console(deleted.sessionId, { reconnection: false })).rejects.toMatchObject({
      data: { code: 'session/not_found' },
    });
  });

  it('gives the sessions from before accounts to the administrator, and retires their facilitator links', async () => {
    const listed = await admin.request<{ sessions: { id: string; owner: { id: string } }[] }>(
      'GET',
      '/api/sessions',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.sessions.map((row) => row.id).sort()).toEqual(live.map((s) => s.sessionId).sort());
    for (const row of listed.body.sessions) expect(row.owner.id).toBe(admin.account?.id);
    // An old link's token, sent as the old console did: no sign-in, so no console.
    const [first] = live as [FixtureSession];
    await expect(
      HeadlessClient.connect(
        server.url,
        { role: 'facilitator', sessionId: first.sessionId, token: first.facilitatorToken } as never,
        { reconnection: false },
      ),
    ).rejects.toMatchObject({ data: { code: 'auth/unauthorized' } });
  });

  it('migrated the file and recorded each session’s scenario and a snapshot under the current versions', () => {
    const db = new Database(file(), { readonly: true });
    // Versioned state (3), accounts (4), the studio (5), the roster (6).
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6]);
    const rows = db
      .prepare<[], { id: string; hash: string | null; attention: string | null }>(
        "SELECT id, scenario_hash AS hash, attention FROM sessions WHERE status = 'live'",
      )
      .all();
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.hash).toMatch(/^sha256:[0-9a-f]{32}$/);
      expect(row.attention).toBeNull();
      const expected = live.find((s) => s.sessionId === row.id)?.expected;
      const snapshot = db
        .prepare<[string], { seq: number; v: number; hash: string | null }>(
          'SELECT seq, engine_version AS v, scenario_hash AS hash FROM snapshots WHERE session_id = ? ORDER BY seq DESC LIMIT 1',
        )
        .get(row.id);
      expect(snapshot).toEqual({ seq: expected?.seq, v: ENGINE_VERSION, hash: row.hash });
    }
    // Old rows keep the version they were written under.
    expect(db.prepare('SELECT DISTINCT engine_version AS v FROM log').all()).toEqual([{ v: 1 }]);
    db.close();
  });

  it('runs on: the paused meetings resume and take commands, and a restart trusts the new snapshots', async () => {
    const paused = live.filter((s) => s.expected.state === 'meeting.paused');
    expect(paused).toHaveLength(2);
    for (const s of paused) {
      const facilitator = await facilitatorOf(s);
      const ack = await facilitator.send({ type: 'meeting.resume' });
      expect(ack).toEqual({ ok: true, seq: s.expected.seq + 1 });
    }
    await server.stop();
    server = await start();
    expect(restoredLine(server.logs)?.slice(1, 3).map(Number)).toEqual([4, 0]);
    expect(checkedLines(server.logs), 'the second start trusts the snapshots the first one took').toEqual([]);
    for (const s of paused) {
      const facilitator = await facilitatorOf(s);
      expect(facilitator.live?.seq).toBe(s.expected.seq + 1);
      expect(facilitator.live?.phase).toBe('running');
    }
  });
});
