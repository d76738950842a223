// RETENTION_DAYS on a real server (in this process) and a real SQLite file:
// a session older than the setting is deleted when the server starts, with
// its seats' names, its seat-to-person links and its snapshots; its log rows
// stay (append-only) and a younger session is untouched, replay included.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { ServerConfig } from '../../server/config.ts';
import { DELETED_TEXT } from '../../shared/roster/deleted.ts';
import { type RunningServer, startInProcess } from '../support/in-process-server.ts';
import { type CreatedSession, request } from '../support/session-api.ts';

const DAY = 24 * 60 * 60_000;
const OLD_GUEST = 'OLD-GUEST 老会话里的访客';
const NEW_GUEST = 'NEW-GUEST 新会话里的访客';

let dataDir: string;
let scenariosDir: string;
let running: RunningServer | undefined;
let url: string;
let old: CreatedSession;
let young: CreatedSession;
const open: HeadlessClient[] = [];

const dbFile = () => join(dataDir, 'civic-rehearsal.sqlite');
const sessionIds = async () =>
  (await request<{ sessions: { id: string }[] }>(url, 'GET', '/api/sessions')).body.sessions.map((s) => s.id);

async function start(config: Partial<ServerConfig> = {}) {
  ({ running, url, dataDir, scenariosDir } = await startInProcess('civic-retention', {
    ...(dataDir && { dataDir, scenariosDir }),
    config,
  }));
}

beforeAll(async () => {
  await start();
  const made = async () => {
    const answer = await request<CreatedSession>(url, 'POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing' },
    });
    if (answer.status !== 201) throw new Error(`POST /api/sessions: ${answer.status}`);
    return answer.body;
  };
  old = await made();
  young = await made();
  for (const [session, name] of [
    [old, OLD_GUEST],
    [young, NEW_GUEST],
  ] as const) {
    const { client } = await HeadlessClient.join(url, session.joinCode, name);
    open.push(client);
  }
  for (const client of open) client.close();
  await running?.close();
  running = undefined;
  // The old session was made ten days ago: its row says so (the server stamps rows with the real clock).
  const db = new Database(dbFile());
  db.prepare('UPDATE sessions SET created_at = created_at - ? WHERE id = ?').run(10 * DAY, old.sessionId);
  db.close();
  await start({ retentionDays: 7 });
}, 60_000);

afterAll(async () => {
  for (const client of open) client.close();
  await running?.close();
});

describe('a retention of 7 days', () => {
  it('deletes the session made 10 days ago at start, and keeps the one made today', async () => {
    const listed = await sessionIds();
    expect(listed).not.toContain(old.sessionId);
    expect(listed).toContain(young.sessionId);
  });

  it('leaves the old session no seat names, links or snapshots; its log rows stay', () => {
    const db = new Database(dbFile(), { readonly: true });
    try {
      const count = (table: string) =>
        (
          db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE session_id = ?`).get(old.sessionId) as {
            n: number;
          }
        ).n;
      expect(db.prepare('SELECT name FROM seats WHERE session_id = ?').all(old.sessionId)).toEqual([
        { name: DELETED_TEXT },
      ]);
      expect(count('seat_people')).toBe(0);
      expect(count('snapshots')).toBe(0);
      expect(count('log')).toBeGreaterThan(0);
      expect(db.prepare('SELECT name FROM seats WHERE session_id = ?').all(young.sessionId)).toEqual([
        { name: NEW_GUEST },
      ]);
    } finally {
      db.close();
    }
  });

  it('the young session still replays from its log; the old one is gone from the API', async () => {
    const exported = await request<string>(url, 'GET', `/api/sessions/${young.sessionId}/export.md`);
    expect(exported.status).toBe(200);
    expect(String(exported.body)).toContain(NEW_GUEST);
    expect((await request(url, 'GET', `/api/sessions/${old.sessionId}/export.md`)).status).toBe(404);
  });

  it('the old guest’s typed name stays only in the log’s own rows, as the docs say', () => {
    const bytes = Buffer.concat(
      [dbFile(), `${dbFile()}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
    );
    // The seat's row no longer has it; the log (append-only) does: a guest's words are not sealed.
    expect(bytes.includes(Buffer.from(OLD_GUEST, 'utf8'))).toBe(true);
  });
});
