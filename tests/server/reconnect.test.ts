// Catching up after being offline, on a real server: a trainee drops out,
// the meeting moves on without them (turns, a whispered and a broadcast tip,
// a private inject, an open and a secret vote, a decision), and when the
// trainee reconnects with its lastSeq the welcome brings exactly the entries
// it missed that it may see, projected for it, and a live view of now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { Welcome } from '../../shared/protocol/messages.ts';
import type { LiveView, TimelineEntry } from '../../shared/views/types.ts';
import { beginMeeting, fullHistory, ok, type Room, startDrillRoom } from '../support/drill-room.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { connectObserver } from '../support/session-api.ts';

const WHISPER = 'WHISPER-FOR-THE-OTHER-RESIDENT-ONLY';
const BACKCHANNEL = 'BACKCHANNEL-BETWEEN-EXPERTS';
const OBSERVER_NAME = 'OBSERVER-NAME-NOT-FOR-TRAINEES';
const BROADCAST = 'Summarise the last speaker before you answer.';

let server: ServerProcess;
let room: Room;
let observer: HeadlessClient;

beforeAll(async () => {
  ({ server, room, observer } = await startDrillRoom(OBSERVER_NAME));
});

afterAll(async () => {
  room?.close();
  observer?.close();
  await server?.stop();
});

/** The part of a live view every trainee shares (not `me`, not the clock). */
const common = (live: LiveView | undefined) =>
  live && {
    state: live.state,
    phase: live.phase,
    attempt: live.attempt,
    participants: live.participants,
    item: live.item,
    record: live.record,
    injects: live.injects,
  };

describe('reconnecting after being offline', () => {
  it('brings the entries missed (only those a trainee may see) and a current view', async () => {
    const { facilitator } = room;
    const chair = room.seat('chair');
    const planner = room.seat('planner');
    const stayed = room.seat('resident', 0);
    const away = room.seat('resident', 1);
    await beginMeeting(room);
    const moodSeq = await ok(away.client, { type: 'mood.show', mood: 'agree' });
    await away.client.until((live) => live.seq >= moodSeq);
    const lastSeq = away.client.live?.seq as number;
    // How long its own timeline was when it left: what it missed is numbered on from there.
    const seenBefore = (await fullHistory(away.client)).length;

    away.client.disconnect();
    await facilitator.until((live) => live.participants.find((p) => p.id === away.id)?.online === false);

    // The meeting moves on without them.
    await ok(stayed.client, { type: 'hand.raise' });
    await ok(chair.client, { type: 'floor.give' });
    await ok(stayed.client, { type: 'statement.post', text: 'We need shade more than anything.' });
    await ok(stayed.client, { type: 'floor.yield' });
    await ok(observer, { type: 'tip.whisper', tipId: 'tip-other', to: stayed.id, text: WHISPER });
    await ok(observer, { type: 'tip.broadcast', tipId: 'tip-all', text: BROADCAST });
    await ok(observer, { type: 'backchannel.say', messageId: 'bc-1', text: BACKCHANNEL });
    await ok(facilitator, { type: 'inject.fire', injectId: 'planner-call' });
    await ok(chair.client, { type: 'item.next' });
    await ok(chair.client, { type: 'floor.give', to: { kind: 'participant', id: planner.id } });
    await ok(planner.client, {
      type: 'statement.post',
      text: 'Option C fits the budget if we trim the pergola.',
    });
    await ok(planner.client, { type: 'floor.yield' });
    await ok(chair.client, { type: 'item.next' });
    await ok(chair.client, { type: 'vote.open' });
    const openCasts = [
      await ok(chair.client, { type: 'vote.cast', choice: 'yes' }),
      await ok(planner.client, { type: 'vote.cast', choice: 'yes' }),
      await ok(stayed.client, { type: 'vote.cast', choice: 'no' }),
    ];
    await ok(chair.client, { type: 'vote.close' });
    await ok(chair.client, { type: 'item.next' });
    await ok(chair.client, { type: 'vote.open' });
    const secretCasts = [
      await ok(chair.client, { type: 'vote.cast', choice: 'no' }),
      await ok(planner.client, { type: 'vote.cast', choice: 'yes' }),
      await ok(stayed.client, { type: 'vote.cast', choice: 'abstain' }),
    ];
    await ok(chair.client, { type: 'vote.close' });
    await ok(chair.client, { type: 'item.next' });
    const what = 'Build option C with a fenced toddler corner';
    const lastAck = await ok(chair.client, { type: 'action.record', kind: 'decision', what });
    // The fan-out logs a tip.delivered for each tip that reached a screen: wait for those four
    // (the whisper to the resident who stayed, the broadcast to the three online), then take the log.
    const delivered = (live: LiveView, tipId: string, to: string) =>
      live.coaching?.tips.find((t) => t.id === tipId)?.receipts[to]?.deliveredAt !== undefined;
    await facilitator.until(
      (live) =>
        live.seq >= lastAck &&
        delivered(live, 'tip-other', stayed.id) &&
        [chair, planner, stayed].every((seat) => delivered(live, 'tip-all', seat.id)),
    );
    const log = await fullHistory(facilitator);
    const bound = log.at(-1)?.seq as number;

    // Back online: the handshake carries lastSeq.
    const reconnecting = Date.now();
    away.client.reconnect();
    await away.client.waitFor(() => away.client.frames.filter((f) => f.event === 'welcome').length === 2);
    const welcome = away.client.frames.filter((f) => f.event === 'welcome')[1]?.payload as Welcome;
    const reconnectMs = Date.now() - reconnecting;

    // Exactly the entries after lastSeq that a trainee holding this card may see…
    const hidden = (e: TimelineEntry) =>
      [
        'observer.join',
        'tip.delivered',
        'backchannel.say',
        'marker.drop',
        'inject.respond',
        'settings.update',
      ].includes(e.type) ||
      (e.type === 'tip.whisper' && e.data.to !== away.id) ||
      ((e.type === 'tip.read' || e.type === 'tip.ack') &&
        !(e.by.kind === 'participant' && e.by.id === away.id)) ||
      (e.type === 'inject.fire' && e.data.injectId === 'planner-call');
    // lastSeq is the room's number; in the log (session seqs) it left after its mood.show.
    const left = log.findLast(
      (e) => e.type === 'mood.show' && e.by.kind === 'participant' && e.by.id === away.id,
    );
    const meant = log.filter((e) => e.seq > (left?.seq ?? Infinity) && e.seq <= bound);
    expect(meant.filter(hidden).map((e) => e.type)).toEqual(
      expect.arrayContaining(['tip.whisper', 'backchannel.say', 'inject.fire']),
    );
    const missed = welcome.missed;
    const expected = meant.filter((e) => !hidden(e));
    expect(missed.map((e) => [e.type, e.at])).toEqual(expected.map((e) => [e.type, e.at]));
    expect(missed.length).toBeGreaterThanOrEqual(20);
    // Numbered in its own timeline, on from where it left, with no gap where hidden entries were.
    expect(missed.map((e) => e.seq)).toEqual(missed.map((_, i) => seenBefore + 1 + i));

    // …each projected for a trainee: the host instead of the observer, no choices from the secret ballot.
    for (const entry of missed) expect(entry.by.kind).not.toBe('observer');
    const casts = missed.filter((e) => e.type === 'vote.cast');
    const castsInLog = expected.filter((e) => e.type === 'vote.cast');
    expect(casts).toHaveLength(openCasts.length + secretCasts.length);
    expect(casts.slice(0, openCasts.length).map((e) => e.data)).toEqual(
      castsInLog.slice(0, openCasts.length).map((e) => ({ choice: e.data.choice })),
    );
    for (const entry of casts.slice(openCasts.length)) expect(entry.data).toEqual({});
    expect(missed.find((e) => e.type === 'tip.broadcast')).toMatchObject({
      by: { kind: 'host' },
      data: { tipId: 'tip-all', text: BROADCAST },
    });
    expect(missed.filter((e) => e.type === 'statement.post').map((e) => e.data.text)).toHaveLength(2);
    expect(missed.at(-1)).toMatchObject({ type: 'action.record', data: { what } });

    // The live view is the meeting now, not a blank one.
    expect(welcome.live.phase).toBe('running');
    expect(welcome.live.item?.id).toBe('wrap');
    expect(welcome.live.record.items.map((i) => i.item)).toEqual(['talk', 'options', 'decide', 'secret']);
    expect(welcome.live.record.statements).toHaveLength(2);
    expect(welcome.live.record.ballots).toHaveLength(2);
    expect(welcome.live.record.ballots[1]).toMatchObject({ ballot: 'secret', votes: {} });
    expect(welcome.live.record.actions).toEqual([expect.objectContaining({ what })]);
    expect(welcome.live.me?.tips.map((t) => t.id)).toEqual(['tip-all']);
    expect(welcome.live.injects).toEqual([]);
    await away.client.until((live) => live.participants.every((p) => p.online));
    await stayed.client.until((live) => live.participants.every((p) => p.online));
    expect(common(away.client.live)).toEqual(common(stayed.client.live));

    // What it was never meant to see is in none of the frames it received.
    const received = JSON.stringify(away.client.frames);
    for (const secret of [
      WHISPER,
      BACKCHANNEL,
      OBSERVER_NAME,
      'PRIVATE-CALL-TITLE',
      'PRIVATE-CALL-BODY',
      'tip-other',
    ])
      expect(received, secret).not.toContain(secret);

    // sync from the same lastSeq answers the same entries; from now, none.
    const synced = (await away.client.emitRaw('sync', { lastSeq })) as { ok: true; missed: TimelineEntry[] };
    expect(synced.missed).toEqual(missed);
    const current = await away.client.sync();
    expect(current).toMatchObject({ ok: true, missed: [] });

    // The broadcast tip reached their screen once they were back.
    await facilitator.until(
      (live) =>
        live.coaching?.tips.find((t) => t.id === 'tip-all')?.receipts[away.id]?.deliveredAt !== undefined,
    );
    console.info(
      `[reconnect] offline for ${meant.length} log entries; welcome.missed ${missed.length} entries, ` +
        `${meant.length - missed.length} hidden; reconnect → welcome ${reconnectMs} ms`,
    );
  });

  it('a trainee that reconnects without lastSeq gets the current view and no catch-up', async () => {
    const seat = room.seat('resident', 1);
    const fresh = await HeadlessClient.connect(server.url, {
      role: 'trainee',
      resumeToken: seat.resumeToken,
    });
    try {
      expect(fresh.welcome?.missed).toEqual([]);
      expect(fresh.welcome?.viewer).toEqual({ kind: 'trainee', participantId: seat.id });
      expect(fresh.live?.item?.id).toBe('wrap');
      expect(fresh.live?.seq).toBe(seat.client.live?.seq);
    } finally {
      fresh.close();
    }
  });
});

describe('an observer reconnecting', () => {
  it('comes back as the same observer: same id, no second observer.join', async () => {
    const expert = await connectObserver(server.url, room.session, 'Expert who drops out');
    try {
      const first = expert.welcome?.viewer;
      expect(first?.kind).toBe('observer');
      const joinsBefore = (await fullHistory(room.facilitator)).filter((e) => e.type === 'observer.join');
      const id = first?.kind === 'observer' ? first.observerId : '';
      expert.disconnect();
      await room.facilitator.until((live) => !live.observersOnline?.includes(id));
      expert.reconnect();
      await expert.waitFor(() => expert.frames.filter((f) => f.event === 'welcome').length === 2);
      const again = expert.frames.filter((f) => f.event === 'welcome')[1]?.payload as Welcome;
      expect(again.viewer).toEqual(first);
      // An observer.join is logged during the handshake, before the welcome is sent: a history
      // asked for after the welcome arrived would hold it.
      const joinsAfter = (await fullHistory(room.facilitator)).filter((e) => e.type === 'observer.join');
      expect(joinsAfter).toHaveLength(joinsBefore.length);
    } finally {
      expert.close();
    }
  });
});
