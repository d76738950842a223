// Retried commands on a real server: a command sent again with the same
// client id (cid) gets the first answer word for word and is applied once —
// sent twice in a row, again while the first copy waits for its commit (the
// window held open by a test hook), or after a dropped link. (Across a
// server crash: tests/server/recovery.test.ts.)
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../shared/views/types.ts';
import {
  beginMeeting,
  drillScenariosDir,
  fullHistory,
  ok,
  openRoom,
  type Room,
  roundTrip,
} from '../support/drill-room.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { AUTH_ENV } from '../support/session-api.ts';

let server: ServerProcess;
let room: Room;

/** The server with a hook that holds its transactions (tests/support/held-commit-server.ts). */
const ENTRY = resolve(import.meta.dirname, '../support/held-commit-server.ts');

beforeAll(async () => {
  server = await startServerProcess({
    entry: ENTRY,
    scenariosDir: drillScenariosDir(),
    env: AUTH_ENV,
  });
  room = await openRoom(server.url, ['chair', 'planner', 'resident', 'resident']);
  await beginMeeting(room);
});

/** Waits for the hook's answer on stdout (JSON lines). */
const logged = (match: (line: Record<string, unknown>) => boolean) => server.logged(match, 'the hook');

afterAll(async () => {
  room?.close();
  await server?.stop();
});

const entriesOf = async (type: string, by?: string): Promise<TimelineEntry[]> =>
  (await fullHistory(room.facilitator)).filter(
    (e) => e.type === type && (by === undefined || (e.by.kind === 'participant' && e.by.id === by)),
  );

describe('a command retried with the same cid', () => {
  it('hand.raise sent twice gets the same ack, and the hand is raised once', async () => {
    const resident = room.seat('resident', 0);
    const first = await resident.client.send({ type: 'hand.raise' }, 'raise-once');
    expect(first).toMatchObject({ ok: true, seq: expect.any(Number) });
    const second = await resident.client.send({ type: 'hand.raise' }, 'raise-once');
    expect(second).toEqual(first);
    // Not a coincidence: a new cid is checked afresh, and refused (already on the list).
    expect(await resident.client.send({ type: 'hand.raise' }, 'raise-again')).toMatchObject({
      ok: false,
      error: { code: expect.any(String) },
    });
    expect(await entriesOf('hand.raise', resident.id)).toHaveLength(1);
    expect(room.facilitator.live?.item?.queue.filter((q) => q.speaker.kind === 'participant')).toHaveLength(
      1,
    );
  });

  it('statement.post sent twice is posted once, at the seq of the first ack', async () => {
    const chair = room.seat('chair');
    const resident = room.seat('resident', 0);
    await ok(chair.client, { type: 'floor.give' });
    const text = 'Keep the benches on the quiet side.';
    const first = await resident.client.send({ type: 'statement.post', text }, 'post-once');
    const second = await resident.client.send({ type: 'statement.post', text }, 'post-once');
    expect(second).toEqual(first);
    const posted = await entriesOf('statement.post', resident.id);
    expect(posted).toHaveLength(1);
    expect(first.ok && posted[0]?.seq).toBe(first.ok && first.seq);
    await room.facilitator.until((live) => live.seq >= (first.ok ? first.seq : 0));
    expect(room.facilitator.live?.record.statements.filter((s) => s.text === text)).toHaveLength(1);
    await ok(resident.client, { type: 'floor.yield' });
  });

  it('copies that arrive while the first waits for its commit wait too: one answer, one entry', async () => {
    const resident = room.seat('resident', 1);
    const before = (await entriesOf('mood.show', resident.id)).length;
    const mood = { type: 'mood.show', mood: 'unsure' } as const;
    // Hold the transactions: the first copy is applied in memory and waits for its commit.
    server.tell('hold');
    await logged((l) => l.hook === 'hold');
    const first = resident.client.send(mood, 'mood-at-once');
    await logged((l) => l.hook === 'held');
    const copies = [resident.client.send(mood, 'mood-at-once'), resident.client.send(mood, 'mood-at-once')];
    // A round trip on the same socket: both copies have reached the server (and are waiting) by then.
    await roundTrip(resident.client);
    server.tell('release');
    const answers = await Promise.all([first, ...copies]);
    expect(answers[0]).toMatchObject({ ok: true });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await entriesOf('mood.show', resident.id)).toHaveLength(before + 1);
    // And after the commit, a copy gets the stored answer.
    expect(await resident.client.send(mood, 'mood-at-once')).toEqual(answers[0]);
  });

  it('a different command under an old cid gets the old answer and does nothing', async () => {
    const resident = room.seat('resident', 1);
    const first = await resident.client.send({ type: 'mood.show', mood: 'agree' }, 'mood-reused');
    expect(first).toMatchObject({ ok: true });
    const reused = await resident.client.send({ type: 'mood.show', mood: 'disagree' }, 'mood-reused');
    expect(reused).toEqual(first);
    const now = await room.facilitator.sync();
    expect(now.ok && now.live.seq).toBe(first.ok && first.seq);
    expect(now.ok && now.live.participants.find((p) => p.id === resident.id)?.mood).toBe('agree');
  });

  it('a refused command is not remembered: the same cid is checked again later', async () => {
    const chair = room.seat('chair');
    const resident = room.seat('resident', 1);
    const early = await resident.client.send({ type: 'vote.cast', choice: 'yes' }, 'cast-when-open');
    expect(early).toMatchObject({ ok: false, error: { code: 'command/wrong_state' } });
    await ok(chair.client, { type: 'item.next' });
    await ok(chair.client, { type: 'item.next' });
    await ok(chair.client, { type: 'vote.open' });
    const later = await resident.client.send({ type: 'vote.cast', choice: 'yes' }, 'cast-when-open');
    expect(later).toMatchObject({ ok: true });
    expect(await resident.client.send({ type: 'vote.cast', choice: 'no' }, 'cast-when-open')).toEqual(later);
    expect(await entriesOf('vote.cast', resident.id)).toHaveLength(1);
  });

  it('cids are per sender: the same cid from two senders is two commands', async () => {
    const a = room.seat('resident', 0);
    const b = room.seat('planner');
    const fromA = await a.client.send({ type: 'vote.cast', choice: 'no' }, 'shared-cid');
    const fromB = await b.client.send({ type: 'vote.cast', choice: 'yes' }, 'shared-cid');
    expect(fromA).toMatchObject({ ok: true });
    expect(fromB).toMatchObject({ ok: true });
    expect(fromB).not.toEqual(fromA);
    await room.facilitator.until((live) => live.item?.ballot?.castCount === 3);
    expect(room.facilitator.live?.item?.ballot?.votes).toMatchObject({ [a.id]: 'no', [b.id]: 'yes' });
  });

  it('a retry after a dropped link gets the first answer', async () => {
    const chair = room.seat('chair');
    const first = await chair.client.send({ type: 'vote.cast', choice: 'abstain' }, 'cast-then-drop');
    expect(first).toMatchObject({ ok: true });
    chair.client.disconnect();
    chair.client.reconnect();
    await chair.client.waitFor(() => chair.client.frames.filter((f) => f.event === 'welcome').length === 2);
    expect(await chair.client.send({ type: 'vote.cast', choice: 'abstain' }, 'cast-then-drop')).toEqual(
      first,
    );
    expect(await entriesOf('vote.cast', chair.id)).toHaveLength(1);
  });
});
