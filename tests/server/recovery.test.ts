// Crash recovery on a real server: SIGKILL the process in the middle of a
// meeting (a speaker's clock running, a scheduled inject pending, more than a
// snapshot's worth of log), start a new process on the same SQLite file and
// port, and check that the clients come back by themselves to exactly the
// meeting they left — same state, seq, cards, deadlines — that the clocks
// then fire at their original times, and that no acknowledged command was
// lost or applied twice.
//
// The server runs on a clock the test moves (tests/support/clock-server.ts):
// the outage lasts exactly as long as the test says, so "the restart came
// before the inject fell due" is a fact of the test, not a race with the
// machine's speed.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { AnyCommand, CommandAck } from '../../shared/protocol/messages.ts';
import type { InjectStatus, LiveView } from '../../shared/views/types.ts';
import {
  advanceClock,
  beginMeeting,
  DRILL_ID,
  drillScenariosDir,
  fullHistory,
  ok,
  openRoom,
  type Room,
  settled,
  startDrillServer,
} from '../support/drill-room.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { API_TOKEN, createSession } from '../support/session-api.ts';

const INJECT_AFTER_MS = 25_000;
const PER_SPEAKER_MS = 28_000;
// Each test restarts the server, and has 180 s for it: nothing here depends
// on how long that takes (the clock only moves when told), but a start costs
// ~6 s of CPU, measured at 40-123 s of wall time with the two cores shared
// (load 40-60).
/** The first process's clock starts here (any fixed time would do). */
const T0 = Date.UTC(2026, 11, 2, 1, 0, 0);

let scenariosDir: string;
let server: ServerProcess;
/** The server's clock as the test last set it. */
let clock = T0;
const rooms: Room[] = [];
const extraClients: HeadlessClient[] = [];

beforeAll(async () => {
  scenariosDir = drillScenariosDir({
    perSpeaker: `${PER_SPEAKER_MS / 1000}s`,
    injectAfter: `${INJECT_AFTER_MS / 1000}s`,
  });
  server = await startDrillServer({ scenariosDir, clockAt: T0 });
});

afterAll(async () => {
  for (const room of rooms) room.close();
  for (const client of extraClients) client.close();
  await server?.stop();
});

/** Moves the server's clock to `to`: how many wake-ups ran on the way, and the next one armed. */
async function moveClock(to: number) {
  const moved = await advanceClock(server, to);
  clock = to;
  return moved;
}

/** Kills the server outright, then starts a new process on the same database and port, its clock at `upAt`. */
async function crashAndRestart(upAt: number): Promise<void> {
  const { dataDir, port } = server;
  await server.stop('SIGKILL');
  expect(server.child.signalCode).toBe('SIGKILL');
  server = await startDrillServer({ scenariosDir, dataDir, port, clockAt: upAt });
  clock = upAt;
  const restored = server.lines().find((l) => l.msg === 'sessions restored');
  expect(restored, 'the new process logs the sessions it restored').toBeDefined();
  expect(restored?.sessions as number).toBeGreaterThanOrEqual(1);
}

const welcomes = (client: HeadlessClient) => client.frames.filter((f) => f.event === 'welcome');

/** Waits until the client has been welcomed again by the new process. */
async function rewelcomed(client: HeadlessClient, count: number): Promise<void> {
  await client.waitFor(() => welcomes(client).length >= count && client.connected, 30_000);
}

const alarmOf = (live: LiveView | undefined) =>
  (live?.injects as InjectStatus[] | undefined)?.find((i) => i.id === 'alarm');

describe('SIGKILL and restart', () => {
  it('brings the meeting back exactly, clocks included, and loses no acknowledged command', async () => {
    const room = await openRoom(server.url, ['chair', 'planner', 'resident', 'resident']);
    rooms.push(room);
    const { facilitator } = room;
    const chair = room.seat('chair');
    const speaker = room.seat('resident', 0);
    const acked: { seq: number; type: string }[] = [];
    const track = async (client: HeadlessClient, command: AnyCommand, cid?: string) => {
      const seq = await ok(client, command, cid);
      acked.push({ seq, type: command.type });
      return seq;
    };

    // The times, worked out by hand: the item starts at BEGUN, the floor is given at GIVEN.
    const BEGUN = T0 + 1_000;
    const GIVEN = T0 + 3_000;
    const alarmDue = BEGUN + INJECT_AFTER_MS; // T0 + 26 s
    const floorDeadline = GIVEN + PER_SPEAKER_MS; // T0 + 31 s
    const KILLED = T0 + 10_000;
    const RESTARTED = T0 + 14_000; // a 4 s outage, well before the inject falls due

    await moveClock(BEGUN);
    await beginMeeting(room);
    // Enough log for a snapshot (every 100 entries), so the restore is snapshot + tail.
    const moods = ['agree', 'unsure', 'disagree'] as const;
    await Promise.all(
      room.seats.map(async (seat) => {
        for (let i = 0; i < 30; i++)
          await track(seat.client, { type: 'mood.show', mood: moods[i % moods.length] ?? null });
      }),
    );
    await moveClock(GIVEN);
    const raise = await speaker.client.send({ type: 'hand.raise' }, 'raise-before-kill');
    expect(raise.ok).toBe(true);
    if (raise.ok) acked.push({ seq: raise.seq, type: 'hand.raise' });
    await track(chair.client, { type: 'floor.give' });
    const lastSeq = await track(speaker.client, {
      type: 'statement.post',
      text: 'Shade first, then the play corner.',
    });
    expect(lastSeq).toBeGreaterThan(100);
    // Seven seconds into the speaker's time: nothing is due yet, the inject is next.
    expect(await moveClock(KILLED)).toEqual({ woke: 0, next: alarmDue });

    // Everyone has seen everything: the views to compare after the restart.
    const everyoneOnline = (live: LiveView) => live.participants.every((p) => p.online);
    for (const client of room.clients())
      await client.until((live) => live.seq === lastSeq && everyoneOnline(live));
    const before = {
      facilitator: settled(facilitator.live),
      trainees: room.seats.map((s) => settled(s.client.live)),
    };
    const liveBefore = facilitator.live as LiveView;
    expect(liveBefore.state).toBe('meeting.running.floor.speaking');
    expect(liveBefore.item?.startedAt).toBe(BEGUN);
    expect(liveBefore.item?.floor?.speaker).toEqual({ kind: 'participant', id: speaker.id });
    expect(liveBefore.item?.floor?.since).toBe(GIVEN);
    expect(liveBefore.item?.floor?.deadline).toBe(floorDeadline);
    expect(alarmOf(liveBefore)).toMatchObject({ dueAt: alarmDue, fired: false });
    const historyBefore = await fullHistory(facilitator);
    expect(historyBefore.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));

    await crashAndRestart(RESTARTED);

    // The restored session was rebuilt from a snapshot plus the log after it.
    const db = new Database(join(server.dataDir, 'civic-rehearsal.sqlite'), { readonly: true });
    const snapshots = db
      .prepare<[string], { seq: number }>('SELECT seq FROM snapshots WHERE session_id = ? ORDER BY seq')
      .all(room.session.sessionId);
    db.close();
    expect(snapshots.length).toBeGreaterThanOrEqual(1);
    expect(snapshots.at(-1)?.seq).toBeLessThan(lastSeq);

    // Every client reconnects on its own, with its credentials and lastSeq, and misses nothing.
    await Promise.all(room.clients().map((client) => rewelcomed(client, 2)));
    for (const client of room.clients()) {
      expect(welcomes(client)[1]?.payload).toMatchObject({ missed: [] });
      await client.until((live) => live.seq === lastSeq && everyoneOnline(live), 10_000);
    }
    // The clocks are still pending four seconds after the kill, and the view is what it was.
    expect(alarmOf(facilitator.live)?.fired).toBe(false);
    expect(facilitator.live?.item?.floor?.timeUpAt).toBeUndefined();
    expect(facilitator.live?.serverNow).toBe(RESTARTED);
    expect(settled(facilitator.live)).toEqual(before.facilitator);
    room.seats.forEach((seat, i) => {
      expect(settled(seat.client.live), `${seat.name}'s view`).toEqual(before.trainees[i]);
    });

    // Every acknowledged command is in the restored log, and the log is what it was.
    const historyAfter = await fullHistory(facilitator);
    expect(historyAfter).toEqual(historyBefore);
    for (const { seq, type } of acked) expect(historyAfter[seq - 1]?.type, `seq ${seq}`).toBe(type);

    // A retry of a command acknowledged before the crash gets the same answer and is not applied again.
    expect(await speaker.client.send({ type: 'hand.raise' }, 'raise-before-kill')).toEqual(raise);
    expect((await fullHistory(facilitator)).filter((e) => e.type === 'hand.raise')).toHaveLength(1);
    expect(facilitator.live?.seq).toBe(lastSeq);

    // The new process armed its wake-up for the inject's original time: not a millisecond early…
    expect(await moveClock(alarmDue - 1)).toEqual({ woke: 0, next: alarmDue });
    expect((await facilitator.sync()).ok && alarmOf(facilitator.live)?.fired).toBe(false);
    // …and at it, the inject fires, stamped with its due time.
    expect(await moveClock(alarmDue)).toEqual({ woke: 1, next: floorDeadline });
    await facilitator.until((live) => alarmOf(live)?.fired === true);
    expect(alarmOf(facilitator.live)).toMatchObject({ fired: true, firedAt: alarmDue, firedBy: 'schedule' });
    const tick = (await fullHistory(facilitator))[lastSeq];
    expect(tick).toMatchObject({
      seq: lastSeq + 1,
      type: 'clock.tick',
      by: { kind: 'system' },
      at: alarmDue,
    });
    for (const seat of room.seats) {
      await seat.client.until((live) => live.injects.some((i) => i.id === 'alarm'));
      expect(seat.client.live?.injects.find((i) => i.id === 'alarm')?.firedAt).toBe(alarmDue);
    }

    // And the speaker's time runs out at the deadline set before the crash.
    expect(await moveClock(floorDeadline - 1)).toEqual({ woke: 0, next: floorDeadline });
    expect(facilitator.live?.item?.floor?.timeUpAt).toBeUndefined();
    expect((await moveClock(floorDeadline)).woke).toBe(1);
    const timedOut = await facilitator.until((live) => live.item?.floor?.timeUpAt !== undefined);
    expect(timedOut.item?.floor?.timeUpAt).toBe(floorDeadline);
    expect(timedOut.item?.floor?.speaker).toEqual({ kind: 'participant', id: speaker.id });
    expect(timedOut.state).toBe('meeting.running.floor.speaking');
  }, 180_000);

  it('deadlines that fell due while the server was down are applied on restart, at their own times', async () => {
    const room = await openRoom(server.url, ['chair', 'planner', 'resident']);
    rooms.push(room);
    const { facilitator } = room;
    const speaker = room.seat('resident');
    const BEGUN = clock + 1_000;
    const alarmDue = BEGUN + INJECT_AFTER_MS;
    const floorDeadline = BEGUN + PER_SPEAKER_MS; // the floor is given as the item starts
    await moveClock(BEGUN);
    await beginMeeting(room);
    await ok(speaker.client, { type: 'hand.raise' });
    await ok(room.seat('chair').client, { type: 'floor.give' });
    const lastSeq = await ok(speaker.client, { type: 'statement.post', text: 'Before the outage.' });
    await facilitator.until((live) => live.seq === lastSeq);
    expect(facilitator.live?.item?.floor?.deadline).toBe(floorDeadline);
    expect(alarmOf(facilitator.live)).toMatchObject({ dueAt: alarmDue, fired: false });

    // Down for a minute: both the inject and the speaker's time fall due during the outage.
    const RESTARTED = BEGUN + 60_000;
    await moveClock(BEGUN + 5_000);
    await crashAndRestart(RESTARTED);
    await Promise.all(room.clients().map((client) => rewelcomed(client, 2)));

    const caughtUp = await facilitator.until(
      (live) => alarmOf(live)?.fired === true && live.item?.floor?.timeUpAt !== undefined,
    );
    expect(alarmOf(caughtUp)).toMatchObject({ fired: true, firedAt: alarmDue, firedBy: 'schedule' });
    expect(caughtUp.item?.floor?.timeUpAt).toBe(floorDeadline);
    // Logged by the clock when the new process applied it, after everything acknowledged before the crash
    // (what it changed is stamped with the due times, above).
    const after = (await fullHistory(facilitator)).slice(lastSeq);
    expect(after.length).toBeGreaterThanOrEqual(1);
    for (const entry of after)
      expect(entry).toMatchObject({ type: 'clock.tick', by: { kind: 'system' }, at: RESTARTED });
    await speaker.client.until((live) =>
      live.injects.some((i) => i.id === 'alarm' && i.firedAt === alarmDue),
    );
  }, 180_000);

  it('a SIGKILL in the middle of a burst loses no acknowledged command, and retries apply each one once', async () => {
    const session = await createSession(server.url, DRILL_ID);
    const credentials = {
      role: 'facilitator' as const,
      sessionId: session.sessionId,
      apiToken: API_TOKEN,
    };
    // Five facilitator sockets: one sender ("facilitator", one cid space), five rate-limit buckets.
    const sockets = await Promise.all(
      Array.from({ length: 5 }, () => HeadlessClient.connect(server.url, credentials)),
    );
    extraClients.push(...sockets);
    const PER_SOCKET = 40;
    const cidOf = (s: number, i: number) => `burst-${s}-${i}`;
    const say = (cid: string): AnyCommand => ({
      type: 'backchannel.say',
      messageId: cid,
      text: `note ${cid}`,
    });
    const firstAcks = new Map<string, CommandAck>();
    let killing: Promise<unknown> | undefined;
    const { dataDir, port } = server;
    // Each socket keeps IN_FLIGHT commands outstanding, in cid order, a new one as each is answered:
    // the kill (after the 20th answer) lands while commands are still arriving; none is sent after it.
    const IN_FLIGHT = 4;
    const sent = sockets.flatMap((socket, s) => {
      let next = 0;
      return Array.from({ length: IN_FLIGHT }, async () => {
        for (let i = next++; i < PER_SOCKET && !killing; i = next++) {
          const ack = await socket
            .emitRaw('command', { cid: cidOf(s, i), command: say(cidOf(s, i)) }, 15_000)
            .catch(() => undefined);
          if (ack === undefined || killing) return;
          firstAcks.set(cidOf(s, i), ack as CommandAck);
          if (firstAcks.size >= 20) killing = server.stop('SIGKILL');
        }
      });
    });
    await Promise.all(sent);
    await killing;
    expect(firstAcks.size).toBeGreaterThanOrEqual(20);
    for (const ack of firstAcks.values()) expect(ack).toMatchObject({ ok: true });

    // What the dead process left on disk: every acknowledged command, with its receipt.
    const db = new Database(join(dataDir, 'civic-rehearsal.sqlite'), { readonly: true });
    const rows = db
      .prepare<[string], { seq: number; payload: string }>(
        'SELECT seq, payload FROM log WHERE session_id = ?',
      )
      .all(session.sessionId);
    const receipts = new Map(
      db
        .prepare<[string], { command_id: string; result: string }>(
          'SELECT command_id, result FROM receipts WHERE session_id = ?',
        )
        .all(session.sessionId)
        .map((r) => [r.command_id, JSON.parse(r.result) as CommandAck]),
    );
    db.close();
    const onDisk = new Map(
      rows.map((r) => [
        r.seq,
        (JSON.parse(r.payload) as { command: { messageId?: string } }).command.messageId,
      ]),
    );
    for (const [cid, ack] of firstAcks) {
      expect(ack.ok && onDisk.get(ack.seq), cid).toBe(cid);
      expect(receipts.get(cid), cid).toEqual(ack);
    }
    const storedAtKill = [...onDisk.values()].filter((id) => id?.startsWith('burst-')).length;
    expect(storedAtKill).toBeGreaterThanOrEqual(firstAcks.size);

    server = await startDrillServer({ scenariosDir, dataDir, port, clockAt: clock + 1_000 });
    clock += 1_000;
    await Promise.all(sockets.map((socket) => rewelcomed(socket, 2)));
    // A sixth socket reads the log, so the five keep a full bucket for their retries.
    const reader = await HeadlessClient.connect(server.url, credentials);
    extraClients.push(reader);

    // The restored log is gap-free, and has everything acknowledged at the seq its ack named.
    const log = await fullHistory(reader);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    for (const [cid, ack] of firstAcks) {
      const entry = ack.ok ? log[ack.seq - 1] : undefined;
      expect(entry, cid).toMatchObject({ type: 'backchannel.say', data: { messageId: cid } });
    }

    // Every command is sent again with its cid: the acknowledged ones get their first answer back word for word.
    const retried = await Promise.all(
      sockets.flatMap((socket, s) =>
        Array.from({ length: PER_SOCKET }, (_, i) => socket.send(say(cidOf(s, i)), cidOf(s, i))),
      ),
    );
    for (const ack of retried) expect(ack).toMatchObject({ ok: true });
    sockets.forEach((_, s) => {
      for (let i = 0; i < PER_SOCKET; i++) {
        const first = firstAcks.get(cidOf(s, i));
        if (first) expect(retried[s * PER_SOCKET + i], cidOf(s, i)).toEqual(first);
      }
    });
    const final = await fullHistory(reader);
    const said = final.filter((e) => e.type === 'backchannel.say').map((e) => e.data.messageId);
    expect(said).toHaveLength(5 * PER_SOCKET);
    expect(new Set(said).size).toBe(5 * PER_SOCKET);
    console.info(
      `[recovery] burst of ${5 * PER_SOCKET}: ${firstAcks.size} acknowledged before the kill, ` +
        `${storedAtKill} on disk; after retries each applied exactly once`,
    );
  }, 180_000);
});
