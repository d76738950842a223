// Projections by allowlist, over real sockets: a field nobody has named yet is
// added to every role, agenda item, inject and voting rule of the normalized
// scenario (as a new scenario feature would add one), and a whole session
// runs — welcome, patches, sync, history, record, state_at, a reconnection
// with missed entries, the debrief and the Markdown export. No trainee and no
// projector may receive it; observers and the facilitator, who read the full
// scenario, do (so the field really was in play).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import { configFromEnv } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import type { LiveView } from '../../shared/views/types.ts';
import { drillScenariosDir, ok, openRoom, type Room } from '../support/drill-room.ts';
import { AUTH_ENV, connectObserver, createSession } from '../support/session-api.ts';

const UNNAMED = 'UNNAMED-FIELD';
let running: Awaited<ReturnType<typeof startServer>>;
let url = '';
let room: Room;
let observer: HeadlessClient;
let projector: HeadlessClient;
const exports: string[] = [];

beforeAll(async () => {
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'civic-allowlist-')),
    // The scheduled inject (to all) falls due one second into the first item.
    SCENARIOS_DIR: drillScenariosDir({ injectAfter: '1s' }),
    LOG_LEVEL: 'silent',
    STATS_INTERVAL_MS: '0',
    ...AUTH_ENV,
  };
  running = await startServer(configFromEnv(env), env);
  url = `http://127.0.0.1:${running.port}`;
  // One session is created to reach the library's scenario object, which the next session shares.
  const first = await createSession(url, 'drill-room');
  const scenario = running.registry.get(first.sessionId)?.scenario;
  if (!scenario) throw new Error('no scenario');
  const mark = <T extends object>(what: string, list: T[]) => {
    for (const [i, x] of list.entries()) Object.assign(x, { unnamedField: `${UNNAMED}-${what}-${i}` });
  };
  mark('role', scenario.roles);
  mark('item', scenario.agenda);
  mark('inject', scenario.injects);
  mark('rule', Object.values(scenario.rules));

  room = await openRoom(url, ['chair', 'planner', 'resident']);
  observer = await connectObserver(url, room.session, 'Expert');
  projector = await HeadlessClient.connect(url, { role: 'projector', code: room.session.joinCode });
  const { facilitator } = room;
  const chair = room.seat('chair').client;
  const resident = room.seat('resident');
  await ok(facilitator, { type: 'meeting.start' });
  await ok(chair, { type: 'meeting.begin' });
  await ok(resident.client, { type: 'hand.raise' });
  await ok(chair, { type: 'floor.give' });
  await ok(resident.client, { type: 'statement.post', text: 'Shade first.' });
  await ok(resident.client, { type: 'floor.yield' });
  await ok(facilitator, { type: 'inject.fire', injectId: 'planner-call' });
  // The resident drops out; the scheduled inject fires and the room votes while it is away.
  const lastSeq = resident.client.live?.seq ?? 0;
  resident.client.disconnect();
  await projector.until((live) => live.injects.some((i) => i.id === 'alarm'));
  await ok(chair, { type: 'item.next' });
  await ok(chair, { type: 'item.next' });
  const opened = await ok(chair, { type: 'vote.open' });
  resident.client.reconnect();
  await resident.client.until((live) => live.seq >= opened);
  expect(resident.client.welcome?.missed.length).toBeGreaterThan(0);
  expect(lastSeq).toBeGreaterThan(0);
  await ok(resident.client, { type: 'vote.cast', choice: 'yes' });
  await ok(chair, { type: 'vote.close' });
  await ok(facilitator, { type: 'meeting.end' });

  // Every read a trainee and the projector can make, recorded in their frames or kept here.
  for (const client of [...room.seats.map((s) => s.client), projector]) {
    await client.sync();
    await client.history(0);
    await client.record('statements', 10);
    for (const seq of [1, 5, 10, 15]) await client.stateAt(seq);
    if (client !== projector) exports.push(JSON.stringify(await client.debrief()));
  }
  for (const seat of room.seats) {
    for (const lang of ['zh', 'en']) {
      const res = await fetch(`${url}/api/sessions/${room.session.sessionId}/export.md?lang=${lang}`, {
        headers: { authorization: `Bearer ${seat.resumeToken}` },
      });
      exports.push(await res.text());
    }
  }
}, 60_000);

afterAll(async () => {
  projector?.close();
  observer?.close();
  room?.close();
  await running?.close();
});

/** Every frame a client received, acks and answers to its requests included. */
const received = (client: HeadlessClient) => JSON.stringify(client.frames.map((f) => f.payload));

describe('a field nobody named', () => {
  it('reaches the observers and the facilitator, who read the full scenario', () => {
    for (const client of [observer, room.facilitator]) {
      const frames = received(client);
      for (const what of ['role', 'item', 'inject', 'rule']) expect(frames).toContain(`${UNNAMED}-${what}-0`);
    }
  });

  it('reaches no trainee and not the projector: not in a welcome, a patch, any answer or an export', () => {
    const seen = (live: LiveView | undefined) => JSON.stringify(live);
    for (const client of [...room.seats.map((s) => s.client), projector]) {
      expect(client.frames.length).toBeGreaterThan(5);
      expect(received(client)).not.toContain(UNNAMED);
      expect(seen(client.live)).not.toContain(UNNAMED);
    }
    // The planner received its card's inject and every trainee its own card: those went through allowlists too.
    expect(room.seat('planner').client.live?.injects.map((i) => i.id)).toEqual(['planner-call', 'alarm']);
    expect(projector.live?.injects.map((i) => i.id)).toEqual(['alarm']);
    expect(room.seat('planner').client.live?.me?.card?.id).toBe('planner');
    expect(exports.length).toBe(3 + 6);
    for (const text of exports) expect(text).not.toContain(UNNAMED);
  });
});
