// A trainee's open debrief hears of the experts' work at once, without its
// content: the server sends that trainee, and only that trainee, a bare
// "debrief_changed" notice when a plan item, a score or a shared marker
// about them (or a shared marker about the whole room) is recorded. Real
// server, real sockets. And every viewer's welcome names the server's zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessClient } from '../../client/headless/client.ts';
import { configFromEnv } from '../../server/config.ts';
import type { Notice } from '../../shared/protocol/messages.ts';
import { beginMeeting, ok, type Room, startDrillRoom } from '../support/drill-room.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { request } from '../support/session-api.ts';

let server: ServerProcess;
let room: Room;
let expert: HeadlessClient;

beforeAll(async () => {
  ({ server, room, observer: expert } = await startDrillRoom('Expert Ma'));
  await beginMeeting(room);
  await ok(room.facilitator, { type: 'meeting.end' });
  await ok(room.facilitator, { type: 'meeting.open_debrief' });
});
afterAll(async () => {
  room?.close();
  expert?.close();
  await server?.stop();
});

const changes = (client: HeadlessClient) =>
  client.notices.filter((n: Notice) => n.kind === 'debrief_changed');

let moods = 0;
/**
 * A change every trainee's view carries (the chair shows a mood): once a
 * trainee holds it, any notice the fan-out before it sent has arrived too.
 */
async function settle(): Promise<void> {
  const mood = (['agree', 'unsure', 'disagree'] as const)[moods++ % 3] ?? 'agree';
  const chair = room.seat('chair');
  await ok(chair.client, { type: 'mood.show', mood });
  await Promise.all(
    room.seats.map((s) =>
      s.client.until((live) => live.participants.some((p) => p.id === chair.id && p.mood === mood)),
    ),
  );
}

/** How many notices each trainee has had, by card. */
const counts = () =>
  Object.fromEntries(room.seats.map((s, i) => [`${s.roleId}${i}`, changes(s.client).length]));

describe('the experts’ work reaches a trainee’s debrief as a bare notice', () => {
  it('scores and plan items: no notice before the instructor releases them, not even that they exist', async () => {
    await settle();
    expect(counts()).toEqual({ chair0: 0, planner1: 0, resident2: 0, resident3: 0 });
    const resident = room.seat('resident', 0);
    const planner = room.seat('planner');
    await ok(expert, { type: 'plan.add', itemId: 'plan-1', participantId: resident.id, text: 'PLAN-CANARY' });
    await ok(expert, { type: 'score.set', participantId: planner.id, competency: 'mass_work', score: 3 });
    await settle();
    expect(counts()).toEqual({ chair0: 0, planner1: 0, resident2: 0, resident3: 0 });
  });

  it('the release tells exactly the trainees it shows something new: the one with a plan item, the one scored', async () => {
    const released = await request<{ release: { throughAttempt: number } }>(
      server.url,
      'POST',
      `/api/sessions/${room.session.sessionId}/release`,
    );
    expect(released).toEqual({ status: 200, body: { release: { throughAttempt: 1 } } });
    await settle();
    expect(counts()).toEqual({ chair0: 0, planner1: 1, resident2: 1, resident3: 0 });
    // The notice says nothing but that: no text, no ids.
    expect(changes(room.seat('resident', 0).client)).toEqual([{ kind: 'debrief_changed' }]);
    for (const s of room.seats) expect(JSON.stringify(s.client.notices)).not.toContain('PLAN-CANARY');
  });

  it('once released, goes to the trainee scored again when the score changes', async () => {
    const planner = room.seat('planner');
    await ok(expert, { type: 'score.set', participantId: planner.id, competency: 'mass_work', score: 4 });
    await settle();
    expect(counts()).toEqual({ chair0: 0, planner1: 2, resident2: 1, resident3: 0 });
  });

  it('not for what the trainee’s debrief does not show: an unshared marker, the experts’ backchannel', async () => {
    const other = room.seat('resident', 1);
    await ok(expert, {
      type: 'marker.drop',
      markerId: 'm-private',
      participantId: other.id,
      competency: 'mass_work',
      kind: 'needs_work',
      note: 'between experts',
    });
    await ok(expert, { type: 'backchannel.say', messageId: 'b1', text: 'Watch the residents.' });
    await settle();
    expect(counts()).toEqual({ chair0: 0, planner1: 2, resident2: 1, resident3: 0 });
  });

  it('to every trainee for a shared marker about the whole room (markers are not held back)', async () => {
    await ok(expert, {
      type: 'marker.drop',
      markerId: 'm-room',
      competency: 'mass_work',
      kind: 'strength',
      shared: true,
    });
    await settle();
    expect(counts()).toEqual({ chair0: 1, planner1: 3, resident2: 2, resident3: 1 });
  });
});

describe('the server’s time zone', () => {
  it('is in every welcome and in the session list: Asia/Shanghai unless TIME_ZONE says otherwise', async () => {
    for (const client of [room.facilitator, expert, ...room.seats.map((s) => s.client)]) {
      expect(client.welcome?.timeZone).toBe('Asia/Shanghai');
    }
    const list = await request<{ timeZone: string }>(server.url, 'GET', '/api/sessions');
    expect(list.body.timeZone).toBe('Asia/Shanghai');
  });

  it('is read from TIME_ZONE, and a zone that does not exist stops the start with a clear message', () => {
    expect(configFromEnv({}).timeZone).toBe('Asia/Shanghai');
    expect(configFromEnv({ TIME_ZONE: 'America/New_York' }).timeZone).toBe('America/New_York');
    expect(() => configFromEnv({ TIME_ZONE: 'Moon/Tranquility' })).toThrow(
      'TIME_ZONE must be an IANA time zone such as Asia/Shanghai, found "Moon/Tranquility"',
    );
  });
});
