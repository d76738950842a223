// The fan-out in two streams (server/sockets/streams.ts), on a real server:
// a change the room sees reaches every trainee as the same shared patch; a
// change to one trainee's own part reaches that trainee alone; presence
// changes go out without a new seq (their window: presence-window.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessClient } from '../../../client/headless/client.ts';
import type { ViewPatchMessage } from '../../../shared/protocol/messages.ts';
import { beginMeeting, ok, type Room, roundTrip, startDrillRoom } from '../../support/drill-room.ts';
import type { ServerProcess } from '../../support/server-process.ts';

let server: ServerProcess;
let room: Room;
let observer: HeadlessClient;

beforeAll(async () => {
  ({ server, room, observer } = await startDrillRoom('Expert'));
  await beginMeeting(room);
  // Everyone sees the meeting running with everyone online: the presence updates are behind us.
  await Promise.all(
    room
      .clients()
      .map((c) => c.until((live) => live.phase === 'running' && live.participants.every((p) => p.online))),
  );
  for (const c of room.clients()) await roundTrip(c);
});

afterAll(async () => {
  room?.close();
  observer?.close();
  await server?.stop();
});

/** The patch frames a client received from frame index `from` on. */
const patchesSince = (client: HeadlessClient, from: number) =>
  client.frames
    .slice(from)
    .filter((f) => f.event === 'patch')
    .map((f) => f.payload as ViewPatchMessage);

const trainees = () => room.seats.map((s) => s.client);
const marks = () => new Map(room.clients().map((c) => [c, c.frames.length]));

describe('the shared stream', () => {
  it("brings every trainee the same patch, numbered in the room's sequence, and leaves own parts alone", async () => {
    const before = marks();
    const seq = await ok(room.seat('resident').client, { type: 'hand.raise' });
    await Promise.all(trainees().map((c) => c.until((live) => live.seq >= seq)));
    const shared = trainees().map((c) =>
      patchesSince(c, before.get(c) ?? 0).filter((p) => p.part === 'shared'),
    );
    for (const patches of shared) expect(patches.at(-1)?.seq).toBe(seq);
    // Byte for byte the same message for each of them: one broadcast.
    const first = JSON.stringify(shared[0]);
    for (const patches of shared) expect(JSON.stringify(patches)).toBe(first);
    for (const patches of shared) for (const p of patches) expect(Object.keys(p.patch)).not.toContain('me');
    // Nothing in anyone's own part changed: no own patch.
    for (const c of trainees())
      expect(patchesSince(c, before.get(c) ?? 0).filter((p) => p.part === 'own')).toEqual([]);
    const lowered = await ok(room.seat('resident').client, { type: 'hand.lower' });
    await Promise.all(trainees().map((c) => c.until((live) => live.seq >= lowered)));
  });
});

describe('the own stream', () => {
  it('carries a whisper to its trainee alone, and the others get nothing', async () => {
    const target = room.seat('planner');
    const before = marks();
    await ok(observer, { type: 'tip.whisper', tipId: 'fan-out-tip', to: target.id, text: 'Slow down.' });
    await target.client.until((live) => live.me?.tips.some((t) => t.id === 'fan-out-tip') ?? false);
    const own = patchesSince(target.client, before.get(target.client) ?? 0).filter((p) => p.part === 'own');
    expect(own).toHaveLength(1);
    expect(own[0]?.seq).toBe((own[0]?.base ?? -1) + 1);
    expect(JSON.stringify(own[0]?.patch)).toContain('Slow down.');
    // The fan-out that sent it (and the one after its tip.delivered) ran before the facilitator
    // saw the receipt; one round trip on each other socket, and whatever they sent has arrived.
    await room.facilitator.until(
      (live) =>
        live.coaching?.tips.find((t) => t.id === 'fan-out-tip')?.receipts[target.id]?.deliveredAt !==
        undefined,
    );
    for (const other of room.seats.filter((s) => s !== target)) await roundTrip(other.client);
    for (const other of room.seats.filter((s) => s !== target)) {
      const received = patchesSince(other.client, before.get(other.client) ?? 0);
      expect(JSON.stringify(received)).not.toContain('Slow down.');
      // A tip is hidden from the room: the trainees' shared stream does not move either.
      expect(received.filter((p) => p.part === 'shared' && p.seq !== p.base)).toEqual([]);
    }
  });
});

describe('presence', () => {
  it('a class reconnecting sends the room presence patches at the same seq, never more than one per trainee', async () => {
    const watcher = room.seat('chair').client;
    const away = room.seats.filter((s) => s.roleId !== 'chair');
    for (const s of away) s.client.disconnect();
    await watcher.until((live) => live.participants.filter((p) => p.online).length === 1);
    const from = watcher.frames.length;
    for (const s of away) s.client.reconnect();
    await watcher.until((live) => live.participants.filter((p) => p.online).length === 4);
    await roundTrip(watcher);
    const presence = patchesSince(watcher, from).filter(
      (p) => p.part === 'shared' && 'participants' in p.patch,
    );
    // Presence patches keep the seq (nothing was logged), and each brings the whole list. How
    // many there are depends on when the reconnections land: that changes within one window
    // make one patch is tested on a controlled clock (presence-window.test.ts).
    expect(presence.length).toBeGreaterThanOrEqual(1);
    expect(presence.length).toBeLessThanOrEqual(away.length);
    for (const p of presence) expect(p.seq).toBe(p.base);
  });
});
