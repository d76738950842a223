// A rule change under stored sessions, on a real server process and SQLite
// file: three sessions run, the server stops, two scenario files change,
// the server starts again. The session whose log the new rules refuse (its
// first item is now a vote, so its logged hand.raise cannot happen) is not
// started: it needs attention, with the entry's seq and why, stored and in
// the instructor's list, and its people are told so. The session whose
// scenario changed harmlessly (a new title) replays and runs; the untouched
// one runs as before. Putting the old file back brings the first one back.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { SessionProblem } from '../../shared/protocol/session-problems.ts';
import {
  beginMeeting,
  DRILL_ID,
  drillScenario,
  drillScenariosDir,
  ok,
  openRoom,
  type Room,
  startDrillServer,
} from '../support/drill-room.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { connectFacilitator, request } from '../support/session-api.ts';

let scenariosDir: string;
let server: ServerProcess;
const rooms: Room[] = [];
let refusedSeq = 0;
const clients: HeadlessClient[] = [];

/** The drill room under another id (and title): a second scenario file. */
const copyOf = (id: string, title = 'Another room') =>
  drillScenario().replace(`id: ${DRILL_ID}`, `id: ${id}`).replace('Drill room', title);
const file = (id: string) => join(scenariosDir, `${id}.yaml`);

interface ListedSession {
  id: string;
  health: 'live' | 'failed' | 'needs_attention';
  problem?: SessionProblem;
}
const listed = async () =>
  (await request<{ sessions: ListedSession[] }>(server.url, 'GET', '/api/sessions')).body.sessions;

async function restart(): Promise<void> {
  for (const c of clients.splice(0)) c.close();
  for (const room of rooms) room.close();
  const { dataDir, port } = server;
  await server.stop();
  server = await startDrillServer({ scenariosDir, dataDir, port });
}

const restored = () =>
  /"sessions":(\d+),"ms":\d+,"needsAttention":(\d+)[^\n]*sessions restored/
    .exec(server.logs.join(''))
    ?.slice(1, 3)
    .map(Number);

beforeAll(async () => {
  scenariosDir = drillScenariosDir();
  writeFileSync(file('other-room'), copyOf('other-room'));
  writeFileSync(file('third-room'), copyOf('third-room', 'Third room'));
  server = await startDrillServer({ scenariosDir });
  // Room 0 (drill-room): a hand raised, the floor given, a statement, in the open floor.
  // Room 1 (other-room) and room 2 (third-room): the same meeting on the other files.
  for (const scenarioId of [DRILL_ID, 'other-room', 'third-room']) {
    const room = await openRoom(server.url, ['chair', 'planner', 'resident'], scenarioId);
    rooms.push(room);
    await beginMeeting(room);
    const resident = room.seat('resident').client;
    const raise = await ok(resident, { type: 'hand.raise' });
    if (scenarioId === DRILL_ID) refusedSeq = raise;
    await ok(room.seat('chair').client, { type: 'floor.give' });
    await ok(resident, { type: 'statement.post', text: 'Shade first.' });
    await ok(resident, { type: 'floor.yield' });
  }
  // The rule change: the first item of the drill room becomes a vote; the third room is renamed.
  writeFileSync(
    file(DRILL_ID),
    drillScenario().replace(
      '{ id: talk, title: Talk, kind: open_floor, per_speaker: 2m, duration: 30m }',
      '{ id: talk, title: Talk, kind: vote, motion: Talk first, rule: simple_majority }',
    ),
  );
  expect(readFileSync(file(DRILL_ID), 'utf8')).toContain('kind: vote, motion: Talk first');
  writeFileSync(file('third-room'), copyOf('third-room', 'Third room renamed'));
  await restart();
});

afterAll(async () => {
  for (const c of clients) c.close();
  for (const room of rooms) room.close();
  await server?.stop();
});

describe('restoring sessions after the rules changed under them', () => {
  it('starts the two sessions that replay, and sets aside the one that does not', () => {
    expect(restored(), server.logs.join('')).toEqual([2, 1]);
    const warning = server.logs
      .join('')
      .split('\n')
      .find((line) => line.includes('session needs attention'));
    expect(warning, server.logs.join('')).toBeDefined();
    expect(JSON.parse(warning as string)).toMatchObject({
      session: rooms[0]?.session.sessionId,
      scenario: DRILL_ID,
      problem: { kind: 'replay_refused', seq: refusedSeq, reason: 'refused', code: 'command/wrong_state' },
    });
  });

  it('shows it to the instructor with the entry and the reason, the others as running', async () => {
    const sessions = await listed();
    const byId = new Map(sessions.map((s) => [s.id, s]));
    const [changed, untouched, renamed] = rooms.map((r) => byId.get(r.session.sessionId));
    expect(changed).toMatchObject({
      health: 'needs_attention',
      problem: { kind: 'replay_refused', seq: refusedSeq, code: 'command/wrong_state' },
    });
    expect(changed?.problem?.kind === 'replay_refused' && changed.problem.message).toContain('hand.raise');
    expect(untouched?.health).toBe('live');
    expect(renamed?.health).toBe('live');
  });

  it('stores the reason with the session', () => {
    const db = new Database(join(server.dataDir, 'civic-rehearsal.sqlite'), { readonly: true });
    const row = db
      .prepare<[string], { attention: string | null }>('SELECT attention FROM sessions WHERE id = ?')
      .get(rooms[0]?.session.sessionId as string);
    db.close();
    expect(JSON.parse(row?.attention ?? 'null')).toMatchObject({ kind: 'replay_refused', seq: refusedSeq });
  });

  it('tells its people it needs attention, not that their links are wrong', async () => {
    const room = rooms[0] as Room;
    await expect(connectFacilitator(server.url, room.session, { reconnection: false })).rejects.toMatchObject(
      { data: { code: 'session/needs_attention' } },
    );
    // Only those who may open its console learn that: without a sign-in, no such session.
    await expect(
      HeadlessClient.connect(
        server.url,
        { role: 'facilitator', sessionId: room.session.sessionId },
        { reconnection: false },
      ),
    ).rejects.toMatchObject({ data: { code: 'session/not_found' } });
    await expect(
      HeadlessClient.connect(
        server.url,
        { role: 'trainee', resumeToken: room.seat('resident').resumeToken },
        { reconnection: false },
      ),
    ).rejects.toMatchObject({ data: { code: 'session/needs_attention' } });
    const join = await request<{ error: { code: string } }>(server.url, 'POST', '/api/join', {
      body: { code: room.session.joinCode, name: 'Late' },
      bearer: null,
    });
    expect([join.status, join.body.error.code]).toEqual([503, 'session/needs_attention']);
  });

  it('runs the other two: the untouched one and the renamed one take commands', async () => {
    for (const room of rooms.slice(1)) {
      const chair = await HeadlessClient.connect(server.url, {
        role: 'trainee',
        resumeToken: room.seat('chair').resumeToken,
      });
      clients.push(chair);
      expect(chair.live?.record.statements.map((s) => s.text)).toEqual(['Shade first.']);
      const before = chair.live?.seq ?? 0;
      expect(await chair.send({ type: 'item.next' })).toEqual({ ok: true, seq: before + 1 });
    }
    const renamed = server.logs
      .join('')
      .split('\n')
      .filter((l) => l.includes('session log checked'));
    expect(renamed.map((l) => (JSON.parse(l) as { session: string }).session)).toEqual([
      rooms[2]?.session.sessionId,
    ]);
  });

  it('a reload while the rules still refuse answers with the same reason', async () => {
    const id = rooms[0]?.session.sessionId;
    const answer = await request<{ error: { code: string; details: SessionProblem } }>(
      server.url,
      'POST',
      `/api/sessions/${id}/reload`,
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      code: 'session/needs_attention',
      details: { kind: 'replay_refused', seq: refusedSeq },
    });
  });

  it('comes back, exactly, once the old scenario file is back', async () => {
    writeFileSync(file(DRILL_ID), drillScenario());
    await restart();
    expect(restored()).toEqual([3, 0]);
    const room = rooms[0] as Room;
    const facilitator = await connectFacilitator(server.url, room.session);
    clients.push(facilitator);
    expect(facilitator.live?.record.statements.map((s) => s.text)).toEqual(['Shade first.']);
    expect(facilitator.live?.state).toBe('meeting.running.floor.idle');
    expect((await listed()).find((s) => s.id === room.session.sessionId)?.health).toBe('live');
    const db = new Database(join(server.dataDir, 'civic-rehearsal.sqlite'), { readonly: true });
    const row = db
      .prepare<[string], { attention: string | null }>('SELECT attention FROM sessions WHERE id = ?')
      .get(room.session.sessionId);
    db.close();
    expect(row?.attention).toBeNull();
  });
});
