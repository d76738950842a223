// Crash recovery on a real server: SIGKILL the process in the middle of a
// meeting (a speaker's clock running, a scheduled inject pending, more than a
// snapshot's worth of log), start a new process on the same SQLite file and
// port, and check that the clients come back by themselves to exactly the
// meeting they left — same state, seq, cards, deadlines — that the clocks
// then fire at their original times, and that no acknowledged command was
// lost or applied twice.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { AnyCommand, CommandAck } from '../../shared/protocol/messages.ts';
import type { InjectStatus, LiveView } from '../../shared/views/types.ts';
import {
  beginMeeting,
  DRILL_ID,
  drillScenariosDir,
  fullHistory,
  ok,
  openRoom,
  type Room,
  settled,
  sleep,
  startDrillServer,
} from '../support/drill-room.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { API_TOKEN, createSession } from '../support/session-api.ts';

const INJECT_AFTER_MS = 25_000;
const PER_SPEAKER_MS = 28_000;

let scenariosDir: string;
let server: ServerProcess;
const rooms: Room[] = [];
const extraClients: HeadlessClient[] = [];

beforeAll(async () => {
  scenariosDir = drillScenariosDir({
    perSpeaker: `${PER_SPEAKER_MS / 1000}s`,
    injectAfter: `${INJECT_AFTER_MS / 1000}s`,
  });
  server = await startDrillServer({ scenariosDir });
});

afterAll(async () => {
  for (const room of rooms) room.close();
  for (const client of extraClients) client.close();
  await server?.stop();
});

/** Kills the server outright, then starts a new process on the same database and port. */
async function crashAndRestart(): Promise<{ killedAt: number; upAt: number; restoreMs: number }> {
  const { dataDir, port } = server;
  const killedAt = Date.now();
  await server.stop('SIGKILL');
  expect(server.child.signalCode).toBe('SIGKILL');
  server = await startDrillServer({ scenariosDir, dataDir, port });
  const upAt = Date.now();
  const restored = /"sessions":(\d+),"ms":(\d+)[^\n]*sessions restored/.exec(server.logs.join(''));
  expect(restored, 'the new process logs the sessions it restored').not.toBeNull();
  expect(Number(restored?.[1])).toBeGreaterThanOrEqual(1);
  return { killedAt, upAt, restoreMs: Number(restored?.[2]) };
}

const welcomes = (client: HeadlessClient) => client.frames.filter((f) => f.event === 'welcome');

/** Waits until the client has been welcomed again by the new process; returns when. */
async function rewelcomed(client: HeadlessClient, count: number): Promise<number> {
  await client.waitFor(() => welcomes(client).length >= count && client.connected, 30_000);
  return welcomes(client)[count - 1]?.at ?? Number.NaN;
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

    await beginMeeting(room);
    // Enough log for a snapshot (every 100 entries), so the restore is snapshot + tail.
    const moods = ['agree', 'unsure', 'disagree'] as const;
    await Promise.all(
      room.seats.map(async (seat) => {
        for (let i = 0; i < 30; i++)
          await track(seat.client, { type: 'mood.show', mood: moods[i % moods.length] ?? null });
      }),
    );
    const raise = await speaker.client.send({ type: 'hand.raise' }, 'raise-before-kill');
    expect(raise.ok).toBe(true);
    if (raise.ok) acked.push({ seq: raise.seq, type: 'hand.raise' });
    await track(chair.client, { type: 'floor.give' });
    const lastSeq = await track(speaker.client, {
      type: 'statement.post',
      text: 'Shade first, then the play corner.',
    });
    expect(lastSeq).toBeGreaterThan(100);

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
    const floorDeadline = liveBefore.item?.floor?.deadline as number;
    const alarmDue = alarmOf(liveBefore)?.dueAt as number;
    expect(liveBefore.item?.floor?.speaker).toEqual({ kind: 'participant', id: speaker.id });
    expect(floorDeadline).toBe((liveBefore.item?.floor?.since as number) + PER_SPEAKER_MS);
    expect(alarmDue).toBe((liveBefore.item?.startedAt as number) + INJECT_AFTER_MS);
    expect(alarmOf(liveBefore)?.fired).toBe(false);
    const historyBefore = await fullHistory(facilitator);
    expect(historyBefore.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));

    const { killedAt, upAt, restoreMs } = await crashAndRestart();

    // The restored session was rebuilt from a snapshot plus the log after it.
    const db = new Database(join(server.dataDir, 'civic-rehearsal.sqlite'), { readonly: true });
    const snapshots = db
      .prepare<[string], { seq: number }>('SELECT seq FROM snapshots WHERE session_id = ? ORDER BY seq')
      .all(room.session.sessionId);
    db.close();
    expect(snapshots.length).toBeGreaterThanOrEqual(1);
    expect(snapshots.at(-1)?.seq).toBeLessThan(lastSeq);

    // Every client reconnects on its own, with its credentials and lastSeq, and misses nothing.
    const back = await Promise.all(room.clients().map((client) => rewelcomed(client, 2)));
    // This test runs on the real clock: the restart must come before the inject falls due
    // (INJECT_AFTER_MS after the item started), or there is nothing pending left to check.
    const restored = welcomes(facilitator)[1]?.payload as { live: LiveView } | undefined;
    expect(alarmOf(restored?.live)?.fired, 'the restart came before the inject fell due').toBe(false);
    for (const client of room.clients()) {
      expect(welcomes(client)[1]?.payload).toMatchObject({ missed: [] });
      await client.until((live) => live.seq === lastSeq && everyoneOnline(live), 10_000);
    }
    const reconnectedAt = Math.max(...back);
    // Compared while the clocks were still pending (the state says so, not the wall clock).
    expect(alarmOf(facilitator.live)?.fired, 'the inject is still pending after the restart').toBe(false);
    expect(facilitator.live?.item?.floor?.timeUpAt).toBeUndefined();
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

    // The clocks run on: the inject fires at its original due time, after the restart.
    await facilitator.until((live) => alarmOf(live)?.fired === true, alarmDue - Date.now() + 5000);
    const firedFrame = facilitator.frames.find((f) => f.event === 'patch' && alarmOf(f.live)?.fired);
    const alarm = alarmOf(facilitator.live);
    expect(alarm).toMatchObject({ fired: true, firedAt: alarmDue, firedBy: 'schedule' });
    // Never early (a late timer changes nothing: the tick applies it at its due time, above).
    expect(firedFrame?.at).toBeGreaterThanOrEqual(alarmDue - 50);
    const tick = (await fullHistory(facilitator))[lastSeq];
    expect(tick).toMatchObject({ type: 'clock.tick', by: { kind: 'system' } });
    expect(tick?.at).toBeGreaterThanOrEqual(alarmDue);
    for (const seat of room.seats) {
      await seat.client.until((live) => live.injects.some((i) => i.id === 'alarm'));
      expect(seat.client.live?.injects.find((i) => i.id === 'alarm')?.firedAt).toBe(alarmDue);
    }

    // And the speaker's time runs out at the deadline set before the crash.
    const timedOut = await facilitator.until(
      (live) => live.item?.floor?.timeUpAt !== undefined,
      floorDeadline - Date.now() + 5000,
    );
    expect(timedOut.item?.floor?.timeUpAt).toBe(floorDeadline);
    expect(timedOut.item?.floor?.speaker).toEqual({ kind: 'participant', id: speaker.id });
    expect(timedOut.state).toBe('meeting.running.floor.speaking');

    console.info(
      `[recovery] ${lastSeq} log entries; SIGKILL → listening ${upAt - killedAt} ms (restore ${restoreMs} ms); ` +
        `all ${back.length} clients back ${reconnectedAt - killedAt} ms after the kill; ` +
        `inject view ${(firedFrame?.at ?? 0) - alarmDue} ms after its due time`,
    );
  }, 60_000);

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
    // Staggered, so that the kill lands while commands are still arriving; none is sent after it.
    const sent = sockets.flatMap((socket, s) =>
      Array.from({ length: PER_SOCKET }, async (_, i) => {
        await sleep(i * 4);
        if (killing) return;
        const ack = await socket
          .emitRaw('command', { cid: cidOf(s, i), command: say(cidOf(s, i)) }, 15_000)
          .catch(() => undefined);
        if (ack === undefined || killing) return;
        firstAcks.set(cidOf(s, i), ack as CommandAck);
        if (firstAcks.size >= 20) killing = server.stop('SIGKILL');
      }),
    );
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

    server = await startDrillServer({ scenariosDir, dataDir, port });
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
  }, 60_000);
});
