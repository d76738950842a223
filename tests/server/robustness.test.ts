// The server under abuse and failure, for real: one socket flooding commands
// (throttled, while everyone else goes on at full speed), messages over the
// 16 KB socket limit and over the 2,000-character text limit, and a database
// that refuses a write. Each time: the server stays up, the session is
// unchanged by what was refused, and the other clients do not notice.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessClient } from '../../client/headless/client.ts';
import type { CommandAck } from '../../shared/protocol/messages.ts';
import type { LiveView } from '../../shared/views/types.ts';
import {
  beginMeeting,
  drillScenariosDir,
  fullHistory,
  health,
  ok,
  openRoom,
  type Room,
  settled,
  sleep,
  startDrillServer,
} from '../support/drill-room.ts';
import type { ServerProcess } from '../support/server-process.ts';

let server: ServerProcess;
let room: Room;
const MOODS = ['agree', 'unsure', 'disagree'] as const;
const mood = (i: number) => MOODS[i % MOODS.length] ?? null;

beforeAll(async () => {
  server = await startDrillServer({ scenariosDir: drillScenariosDir() });
  room = await openRoom(server.url, ['chair', 'planner', 'resident', 'resident']);
  await beginMeeting(room);
});

afterAll(async () => {
  room?.close();
  await server?.stop();
});

const welcomeCount = (client: HeadlessClient) => client.frames.filter((f) => f.event === 'welcome').length;

/** The facilitator's view of the session right now (state, seq, context), without the clock. */
async function sessionNow(): Promise<Omit<LiveView, 'serverNow'> | undefined> {
  const answer = await room.facilitator.sync();
  if (!answer.ok) throw new Error(answer.error.code);
  return settled(answer.live);
}

describe('rate limiting', () => {
  it('throttles a socket that floods 200 commands, while another trainee is served at once', async () => {
    const flooder = room.seat('resident', 0).client;
    const calm = room.seat('resident', 1).client;
    const started = Date.now();
    const flood = Promise.all(
      Array.from(
        { length: 200 },
        (_, i) =>
          flooder.emitRaw(
            'command',
            { cid: `flood-${i}`, command: { type: 'mood.show', mood: mood(i) } },
            10_000,
          ) as Promise<CommandAck>,
      ),
    );
    // Another trainee is served while the flood is in flight: every one of its commands accepted.
    for (let i = 0; i < 10; i++)
      expect(await calm.send({ type: 'mood.show', mood: mood(i) })).toMatchObject({ ok: true });
    const answers = await flood;
    const floodMs = Date.now() - started;

    const accepted = answers.filter((a) => a.ok);
    const limited = answers.filter((a) => !a.ok && a.error.code === 'protocol/rate_limited');
    expect(accepted.length + limited.length).toBe(200);
    // A bucket of 40, less what this socket used just before, plus what refilled meanwhile: the
    // bucket's arithmetic on a controlled clock is tests/server/sockets/rate-limit.test.ts.
    expect(accepted.length).toBeGreaterThanOrEqual(35);
    expect(limited.length).toBeGreaterThanOrEqual(100);
    for (const answer of limited)
      expect(answer).toEqual({
        ok: false,
        error: { code: 'protocol/rate_limited', message: expect.stringMatching(/try again in \d+ ms/) },
      });
    expect(flooder.notices.length).toBe(limited.length);
    for (const notice of flooder.notices)
      expect(notice).toEqual({ kind: 'rate_limited', retryAfterMs: expect.any(Number) });
    expect(
      Math.max(...flooder.notices.map((n) => (n.kind === 'rate_limited' ? n.retryAfterMs : 0))),
    ).toBeGreaterThan(0);

    // The other trainee was never throttled.
    expect(calm.notices).toEqual([]);

    // Only the accepted ones were applied.
    const flooderId = room.seat('resident', 0).id;
    const moods = (await fullHistory(room.facilitator)).filter(
      (e) => e.type === 'mood.show' && e.by.kind === 'participant' && e.by.id === flooderId,
    );
    expect(moods).toHaveLength(accepted.length);

    // Once the bucket refills, the flooder is served again: it waits as long as the server said.
    let again = await flooder.send({ type: 'mood.show', mood: 'agree' });
    for (let tries = 0; !again.ok && tries < 5; tries++) {
      expect(again).toMatchObject({ ok: false, error: { code: 'protocol/rate_limited' } });
      const hint = flooder.notices.at(-1);
      await sleep(hint?.kind === 'rate_limited' ? hint.retryAfterMs : 0);
      again = await flooder.send({ type: 'mood.show', mood: 'agree' });
    }
    expect(again).toMatchObject({ ok: true });

    // The bucket is the connection's: a new connection starts with a full one. (So the tests
    // below, which send from this seat at once, do not inherit a bucket the flood left empty.)
    const welcomes = welcomeCount(flooder);
    flooder.disconnect();
    flooder.reconnect();
    await flooder.waitFor(() => welcomeCount(flooder) > welcomes && flooder.connected, 15_000);
    for (let i = 0; i < 30; i++)
      expect(await flooder.send({ type: 'mood.show', mood: mood(i) })).toMatchObject({ ok: true });
    console.info(
      `[robustness] flood of 200: ${accepted.length} accepted, ${limited.length} rate-limited in ${floodMs} ms`,
    );
  });
});

describe('size limits', () => {
  it('a message over 16 KB drops that socket only: no crash, nothing applied, others unaffected', async () => {
    const chair = room.seat('chair').client;
    const big = room.seat('resident', 0);
    const other = room.seat('resident', 1).client;
    await ok(big.client, { type: 'hand.raise' });
    await ok(chair, { type: 'floor.give' });
    const before = await sessionNow();
    const bigWelcomes = welcomeCount(big.client);
    const otherWelcomes = welcomeCount(other);

    const text = 'x'.repeat(20_000);
    await expect(
      big.client.emitRaw('command', { cid: 'too-big', command: { type: 'statement.post', text } }, 3000),
    ).rejects.toThrow();
    // The connection was closed under it; the client reconnects by itself, as after any drop.
    await big.client.waitFor(() => welcomeCount(big.client) > bigWelcomes && big.client.connected, 15_000);
    await expect(big.client.emitRaw('sync', { lastSeq: 0, pad: text }, 3000)).rejects.toThrow();
    await big.client.waitFor(
      () => welcomeCount(big.client) > bigWelcomes + 1 && big.client.connected,
      15_000,
    );

    expect(await health(server.url)).toBe(200);
    expect(other.connected).toBe(true);
    expect(welcomeCount(other)).toBe(otherWelcomes);
    expect(await other.send({ type: 'mood.show', mood: 'unsure' })).toMatchObject({ ok: true });
    const after = await sessionNow();
    expect(after?.record.statements).toEqual(before?.record.statements);
    expect(after?.state).toBe('meeting.running.floor.speaking');
    expect(JSON.stringify(after)).not.toContain('xxxxxxxxxx');
    expect(server.logs.join('')).not.toMatch(/uncaught|unhandled/i);
  });

  it('statement text: 2,000 characters are accepted, 2,001 are refused as invalid_message', async () => {
    const speaker = room.seat('resident', 0).client;
    const before = await sessionNow();
    const tooLong = await speaker.send({ type: 'statement.post', text: 'a'.repeat(2001) });
    expect(tooLong).toMatchObject({
      ok: false,
      error: {
        code: 'protocol/invalid_message',
        message: expect.any(String),
        details: [expect.objectContaining({ path: ['command', 'text'] })],
      },
    });
    expect((await sessionNow())?.seq).toBe(before?.seq);

    // The longest statements fit in a socket message, Chinese ones (about 6 KB in UTF-8) included.
    expect(await speaker.send({ type: 'statement.post', text: 'a'.repeat(2000) })).toMatchObject({
      ok: true,
    });
    expect(await speaker.send({ type: 'statement.post', text: '议'.repeat(2000) })).toMatchObject({
      ok: true,
    });
    const after = await sessionNow();
    expect(after?.record.statements.map((s) => s.text.length).slice(-2)).toEqual([2000, 2000]);
    await ok(speaker, { type: 'floor.yield' });
  });
});

describe('a database that refuses a write', () => {
  it('answers server/internal, keeps nothing of the command, and the session goes on working', async () => {
    const resident = room.seat('resident', 1);
    const other = room.seat('resident', 0);
    const before = await sessionNow();
    expect(before?.participants.find((p) => p.id === resident.id)?.mood).not.toBe('disagree');

    // Another connection holds SQLite's write lock longer than the server waits for it (5 s).
    const db = new Database(join(server.dataDir, 'civic-rehearsal.sqlite'));
    let ack: CommandAck;
    try {
      db.exec('BEGIN IMMEDIATE');
      ack = await resident.client.send({ type: 'mood.show', mood: 'disagree' }, 'while-locked', 20_000);
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    }
    expect(ack).toEqual({
      ok: false,
      error: { code: 'server/internal', message: expect.any(String) },
    });
    expect(JSON.stringify(ack)).not.toMatch(/SQLITE|busy|\.ts:\d+|\n\s+at /i);
    expect(await health(server.url)).toBe(200);
    expect(await sessionNow()).toEqual(before);

    // A retry with the same cid is applied, once; and the meeting goes on.
    const retried = await resident.client.send({ type: 'mood.show', mood: 'disagree' }, 'while-locked');
    expect(retried).toEqual({ ok: true, seq: (before?.seq ?? 0) + 1 });
    const after = await sessionNow();
    expect(after?.seq).toBe((before?.seq ?? 0) + 1);
    expect(after?.participants.find((p) => p.id === resident.id)?.mood).toBe('disagree');
    await ok(other.client, { type: 'hand.raise' });
    await ok(room.seat('chair').client, { type: 'floor.give' });
    const speaking = await sessionNow();
    expect(speaking?.state).toBe('meeting.running.floor.speaking');
    expect(speaking?.item?.floor?.speaker).toEqual({ kind: 'participant', id: other.id });
    expect(server.logs.join('')).toContain('append failed; reloading the session from storage');
  }, 30_000);
});
