// Per-viewer numbering (protocol 2), on a real server: entries hidden from a
// trainee — an observer joining, the backchannel, tips to someone else, their
// deliveries, another card's inject — are interleaved with the room's and
// with each trainee's own, and every number a trainee or the projector gets
// (live.seq, acks, history and its lastSeq, missed entries, state_at, the
// debrief's timeline) is worked out here by hand and asserted exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../../client/headless/client.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { fullHistory, ok, type Room, startDrillRoom } from '../../support/drill-room.ts';
import type { ServerProcess } from '../../support/server-process.ts';

let server: ServerProcess;
let room: Room;
let observer: HeadlessClient;
let projector: HeadlessClient;
const acks = { tipAck: 0, begin: 0, mood: 0 };

/** The room's opening: four joins, each followed by its card.take (tests/support/drill-room.ts). */
const OPENING = [
  'participant.join',
  'card.take',
  'participant.join',
  'card.take',
  'participant.join',
  'card.take',
  'participant.join',
  'card.take',
];
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

beforeAll(async () => {
  // chair, planner, resident, resident; then the observer connects (observer.join: hidden).
  ({ server, room, observer } = await startDrillRoom('Expert'));
  projector = await HeadlessClient.connect(server.url, { role: 'projector', code: room.session.joinCode });
  const chair = room.seat('chair');
  const planner = room.seat('planner');
  await ok(observer, { type: 'tip.whisper', tipId: 'to-planner', to: planner.id, text: 'Breathe.' });
  await ok(room.facilitator, { type: 'meeting.start' });
  await ok(observer, { type: 'backchannel.say', messageId: 'bc', text: 'Between experts.' });
  await ok(observer, { type: 'tip.whisper', tipId: 'to-chair', to: chair.id, text: 'Open with the rules.' });
  await chair.client.until((live) => live.me?.tips.some((t) => t.id === 'to-chair') ?? false);
  acks.tipAck = await ok(chair.client, { type: 'tip.ack', tipId: 'to-chair' });
  acks.begin = await ok(chair.client, { type: 'meeting.begin' });
  await ok(room.facilitator, { type: 'inject.fire', injectId: 'planner-call' });
  acks.mood = await ok(chair.client, { type: 'mood.show', mood: 'agree' });
  // Both tips reached their screens: two tip.delivered, logged by the fan-out.
  const delivered = (live: LiveView, tipId: string, to: string) =>
    live.coaching?.tips.find((t) => t.id === tipId)?.receipts[to]?.deliveredAt !== undefined;
  await room.facilitator.until(
    (live) => delivered(live, 'to-planner', planner.id) && delivered(live, 'to-chair', chair.id),
  );
  for (const client of [...room.seats.map((s) => s.client), projector])
    await client.until((live) => live.seq >= acks.mood);
});

afterAll(async () => {
  projector?.close();
  observer?.close();
  room?.close();
  await server?.stop();
});

describe('numbers a trainee or the projector receives count only what it sees', () => {
  it('the session logged 19 entries; the room sees 11 of them, and every live view and ack counts those', async () => {
    // 8 opening + observer.join + 8 commands + 2 tip.delivered.
    expect(room.facilitator.live?.seq).toBe(19);
    // The room: the opening, meeting.start, meeting.begin, mood.show.
    for (const client of [...room.seats.map((s) => s.client), projector]) expect(client.live?.seq).toBe(11);
    // The chair's acks: its tip.ack changes only its own part (the room was at 9, after meeting.start),
    // then meeting.begin is the room's 10th entry and mood.show its 11th.
    expect(acks).toEqual({ tipAck: 9, begin: 10, mood: 11 });
  });

  it("each trainee's timeline is numbered 1, 2, 3… with no gap, its own entries included", async () => {
    const chair = await fullHistory(room.seat('chair').client);
    expect(chair.map((e) => e.type)).toEqual([
      ...OPENING,
      'meeting.start',
      'tip.whisper',
      'tip.ack',
      'meeting.begin',
      'mood.show',
    ]);
    expect(chair.map((e) => e.seq)).toEqual(upTo(13));
    const planner = await fullHistory(room.seat('planner').client);
    expect(planner.map((e) => e.type)).toEqual([
      ...OPENING,
      'tip.whisper',
      'meeting.start',
      'meeting.begin',
      'inject.fire',
      'mood.show',
    ]);
    expect(planner.map((e) => e.seq)).toEqual(upTo(13));
    const resident = await fullHistory(room.seat('resident').client);
    expect(resident.map((e) => e.type)).toEqual([...OPENING, 'meeting.start', 'meeting.begin', 'mood.show']);
    expect(resident.map((e) => e.seq)).toEqual(upTo(11));
    const screen = await fullHistory(projector);
    expect(screen.map((e) => e.seq)).toEqual(upTo(11));
    // Observers keep the session's numbers: 19 entries, 1 to 19.
    expect((await fullHistory(observer)).map((e) => e.seq)).toEqual(upTo(19));
  });

  it('history pages and its lastSeq are in the same numbers', async () => {
    const page = await room.seat('chair').client.history(10, 2);
    expect(page).toMatchObject({ ok: true, lastSeq: 13 });
    if (!page.ok) throw new Error(page.error.code);
    expect(page.entries.map((e) => [e.seq, e.type])).toEqual([
      [11, 'tip.ack'],
      [12, 'meeting.begin'],
    ]);
    expect(await projector.history(0, 1)).toMatchObject({ ok: true, lastSeq: 11 });
  });

  it('sync from a live view number brings the entries after it, in the trainee’s own numbers', async () => {
    // lastSeq 9 is the room after meeting.start; the chair has seen 9 entries of its own by then.
    const answer = (await room.seat('chair').client.emitRaw('sync', { lastSeq: 9 })) as {
      ok: true;
      live: LiveView;
      missed: { seq: number; type: string }[];
    };
    expect(answer.live.seq).toBe(11);
    expect(answer.missed.map((e) => [e.seq, e.type])).toEqual([
      [10, 'tip.whisper'],
      [11, 'tip.ack'],
      [12, 'meeting.begin'],
      [13, 'mood.show'],
    ]);
  });

  it('state_at takes a number of the asker’s own timeline, and answers with the room’s number of that moment', async () => {
    const chair = room.seat('chair').client;
    const afterWhisper = await chair.stateAt(10);
    if (!afterWhisper.ok) throw new Error(afterWhisper.error.code);
    expect(afterWhisper.live.seq).toBe(9);
    expect(afterWhisper.live.phase).toBe('briefing');
    expect(afterWhisper.live.me?.tips.map((t) => t.id)).toEqual(['to-chair']);
    const afterBegin = await chair.stateAt(12);
    if (!afterBegin.ok) throw new Error(afterBegin.error.code);
    expect([afterBegin.live.seq, afterBegin.live.phase]).toEqual([10, 'running']);
    // Past the end: the last entry it sees.
    const past = await projector.stateAt(1000);
    expect(past.ok && past.live.seq).toBe(11);
  });

  it("a trainee's debrief timeline is numbered as its history is", async () => {
    const debrief = await room.seat('planner').client.debrief();
    if (!debrief.ok) throw new Error(debrief.error.code);
    const history = await fullHistory(room.seat('planner').client);
    expect(debrief.debrief.attempts[0]?.timeline.map((e) => [e.seq, e.type])).toEqual(
      history.map((e) => [e.seq, e.type]),
    );
  });
});
