// One session's bug stops that session only. A real server process (the
// real startServer and its process-level handlers, tests/support/faulty-server.ts),
// a real SQLite file, real Socket.IO clients; two drill rooms. Through a
// test hook, room A's projection starts to throw: its next fan-out fails on
// a microtask, where an uncaught exception would take the process down.
// Room B keeps running and acknowledging commands throughout; A's people
// are told, in words and with a code, and get session/failed until the
// instructor reloads it, after which they resync to what was stored.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { Notice } from '../../shared/protocol/messages.ts';
import { newAccount, signInAdministrator } from '../support/accounts.ts';
import { beginMeeting, drillScenariosDir, health, ok, openRoom, type Room } from '../support/drill-room.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { AUTH_ENV, request } from '../support/session-api.ts';

const ENTRY = resolve(import.meta.dirname, '../support/faulty-server.ts');

let server: ServerProcess;
let a: Room;
let b: Room;

const lines = () => server.lines();

/** Waits for a log line matching `match` (the server logs JSON lines). */
const logged = (match: (line: Record<string, unknown>) => boolean, what: string) =>
  server.logged(match, what);

beforeAll(async () => {
  server = await startServerProcess({
    entry: ENTRY,
    scenariosDir: drillScenariosDir(),
    env: { ...AUTH_ENV, STATS_INTERVAL_MS: '100' },
  });
  a = await openRoom(server.url, ['chair', 'planner', 'resident']);
  b = await openRoom(server.url, ['chair', 'planner', 'resident']);
  await beginMeeting(a);
  await beginMeeting(b);
});

afterAll(async () => {
  a?.close();
  b?.close();
  await server?.stop();
});

const failedNotice = (client: HeadlessClient) =>
  client.notices.find((n): n is Extract<Notice, { kind: 'session_failed' }> => n.kind === 'session_failed');

describe('a projection that throws in one session', () => {
  let raisedSeq = 0;

  it('stops that session only: its clients are told, the other session keeps acknowledging', async () => {
    server.tell(`fault ${a.session.sessionId}`);
    await logged((l) => l.hook === 'fault', 'the hook turned on');
    const aResident = a.seat('resident').client;
    // Stored and acknowledged before the fan-out that throws.
    raisedSeq = await ok(aResident, { type: 'hand.raise' });
    for (const client of a.clients()) await client.waitFor(() => failedNotice(client) !== undefined);
    expect(failedNotice(aResident)?.error).toMatchObject({ code: 'session/failed' });
    expect(failedNotice(aResident)?.error.message).toMatch(/instructor can reload it/);

    // B goes on: commands acknowledged, and its views follow.
    const bChair = b.seat('chair').client;
    const bResident = b.seat('resident').client;
    const seqs: number[] = [];
    seqs.push(await ok(bResident, { type: 'hand.raise' }));
    seqs.push(await ok(bChair, { type: 'floor.give' }));
    seqs.push(await ok(bResident, { type: 'statement.post', text: 'B goes on.' }));
    seqs.push(await ok(bResident, { type: 'floor.yield' }));
    expect(seqs).toEqual([
      seqs[0],
      (seqs[0] as number) + 1,
      (seqs[0] as number) + 2,
      (seqs[0] as number) + 3,
    ]);
    for (const client of b.clients()) {
      const view = await client.until((l) => l.seq >= (seqs.at(-1) as number));
      expect(view.record.statements.map((s) => s.text)).toEqual(['B goes on.']);
      expect(failedNotice(client)).toBeUndefined();
    }
    expect(await health(server.url)).toBe(200);
  });

  it('logs which session failed, where, and why, with the stack', async () => {
    const line = await logged(
      (l) => l.msg === 'session failed: stopped until the instructor reloads it',
      'the failure',
    );
    expect(line).toMatchObject({ level: 50, session: a.session.sessionId, where: 'fan-out' });
    const err = line.err as { message: string; stack: string };
    expect(err.message).toBe(`injected projection fault in session ${a.session.sessionId}`);
    expect(err.stack).toContain('faulty-server.ts');
    // Nothing reached the process-level handlers: the session caught it.
    expect(lines().some((l) => String(l.msg).startsWith('uncaught exception'))).toBe(false);
  });

  it('counts the failed session in the stats line', async () => {
    const stats = await logged(
      (l) => l.msg === 'stats' && l.failedSessions === 1,
      'stats with one failed session',
    );
    expect(stats).toMatchObject({ sessions: 2, failedSessions: 1, needsAttention: 0 });
  });

  it('answers the failed session session/failed: commands, sync, and new connections alike', async () => {
    const chair = a.seat('chair').client;
    const ack = await chair.send({ type: 'floor.give' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'session/failed' } });
    expect(await chair.sync()).toMatchObject({ ok: false, error: { code: 'session/failed' } });
    await expect(
      HeadlessClient.connect(
        server.url,
        { role: 'trainee', resumeToken: a.seat('planner').resumeToken },
        { reconnection: false },
      ),
    ).rejects.toMatchObject({ data: { code: 'session/failed' } });
    const listed = await request<{ sessions: { id: string; health: string; problem?: { where: string } }[] }>(
      server.url,
      'GET',
      '/api/sessions',
    );
    const rows = new Map(listed.body.sessions.map((s) => [s.id, s]));
    expect(rows.get(a.session.sessionId)).toMatchObject({ health: 'failed', problem: { where: 'fan-out' } });
    expect(rows.get(b.session.sessionId)?.health).toBe('live');
  });

  it('comes back when the instructor reloads it from the console, signed in: clients resync to what was stored', async () => {
    server.tell(`heal ${a.session.sessionId}`);
    await logged((l) => l.hook === 'heal', 'the hook turned off');
    // The console reloads with its sign-in (cookie and CSRF token), as the page does. The script's
    // API token made the session, so it is the administrator's.
    const admin = await signInAdministrator(server.url);
    const answer = await admin.request('POST', `/api/sessions/${a.session.sessionId}/reload`);
    expect(answer).toEqual({ status: 200, body: { ok: true, health: 'live' } });
    for (const client of a.clients()) {
      await client.waitFor(() => client.notices.some((n) => n.kind === 'session_recovered'));
      // The resync that follows the notice: the hand raised before the failure is there.
      const view = await client.until((l) => l.seq >= raisedSeq);
      expect(view.item?.queue.map((q) => q.speaker)).toEqual([
        { kind: 'participant', id: a.seat('resident').id },
      ]);
      await client.waitFor(() => client.sessionFailed === undefined);
    }
    const given = await ok(a.seat('chair').client, { type: 'floor.give' });
    expect(given).toBe(raisedSeq + 1);
    await a.facilitator.until((l) => l.seq === given && l.item?.floor?.speaker.kind === 'participant');
    // A stats line written after the session was back (it has just acknowledged a command): the
    // lines the test has read so far are all older, whatever the machine's speed.
    const readSoFar = lines().length;
    const stats = await server.logged((l) => l.msg === 'stats', 'a stats line after the reload', readSoFar);
    expect(stats).toMatchObject({ sessions: 2, failedSessions: 0 });
  });

  it('refuses a reload to nobody and to an instructor whose session it is not', async () => {
    const path = `/api/sessions/${a.session.sessionId}/reload`;
    // A link token is no sign-in: the observer link of the session itself.
    const byLink = await request(server.url, 'POST', path, { bearer: a.session.observerToken });
    expect([byLink.status, (byLink.body as { error: { code: string } }).error.code]).toEqual([
      401,
      'auth/unauthorized',
    ]);
    const admin = await signInAdministrator(server.url);
    const other = await newAccount(admin, { login: 'other', name: 'Other Teacher', role: 'instructor' });
    const byOther = await other.request('POST', path);
    expect(byOther.status).toBe(403);
  });
});
