// A short-handed class on a real server (child process, SQLite file, real
// sockets): four trainees take the drill room's chair and resident cards, the
// required planner card is left; the facilitator hands it to an expert (an
// observer), who raises its hand, speaks and casts its vote from the observer
// side. The trainees and the projector see the character only, never the
// expert; the facilitator sees which expert plays it and whether they are
// connected; the debrief says who played the card. The server restarts in the
// middle, so the stand-in is rebuilt from the log like everything else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { CommandAck } from '../../shared/protocol/messages.ts';
import type { LiveView } from '../../shared/views/types.ts';
import { drillScenariosDir, ok, openRoom, type Room, startDrillServer } from '../support/drill-room.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { connectObserver, request } from '../support/session-api.ts';

const EXPERT_NAME = 'Expert-Li-7c1e';
const OTHER_NAME = 'Expert-Zhou-93ab';

let server: ServerProcess;
let room: Room;
let expert: HeadlessClient;
let other: HeadlessClient;
let projector: HeadlessClient;
let expertId = '';
let standIn = '';
const refusals: Record<string, CommandAck> = {};
/** How many frames each resident had before the second expert came and went. */
const framesBeforeOther = new Map<HeadlessClient, number>();

const played = (participantId: string, command: Parameters<typeof ok>[1]) =>
  ({ type: 'card.play', participantId, command }) as Parameters<typeof ok>[1];
const framesJson = (client: HeadlessClient) => JSON.stringify(client.frames.map((f) => f.payload));
const standInOf = (live: LiveView | undefined) => live?.participants.find((p) => p.roleId === 'planner');

beforeAll(async () => {
  const scenariosDir = drillScenariosDir();
  server = await startDrillServer({ scenariosDir });
  room = await openRoom(server.url, ['chair', 'resident', 'resident', 'resident']);
  expect(room.session.sessionId).toBeTruthy();
  expert = await connectObserver(server.url, room.session, EXPERT_NAME);
  expertId = expert.id as string;
  projector = await HeadlessClient.connect(server.url, { role: 'projector', code: room.session.joinCode });
  const { facilitator } = room;
  const chair = room.seat('chair').client;
  const resident = room.seat('resident').client;
  refusals.start = await facilitator.send({ type: 'meeting.start' });
  refusals.byTrainee = await resident.send({
    type: 'card.assign_expert',
    roleId: 'planner',
    observerId: expertId,
  });
  refusals.unknownExpert = await facilitator.send({
    type: 'card.assign_expert',
    roleId: 'planner',
    observerId: 'o-nobody',
  });
  await facilitator.until((l) => l.observersOnline?.includes(expertId) === true);
  await ok(facilitator, { type: 'card.assign_expert', roleId: 'planner', observerId: expertId });
  const live = await facilitator.until((l) => standInOf(l) !== undefined);
  standIn = standInOf(live)?.id as string;
  await ok(facilitator, { type: 'meeting.start' });
  await ok(chair, { type: 'meeting.begin' });

  // A restart: the stand-in comes back from the log; every client reconnects by itself.
  const { dataDir, port } = server;
  await server.stop();
  server = await startDrillServer({ scenariosDir, dataDir, port });
  for (const c of [...room.clients(), expert, projector])
    await c.waitFor(() => c.frames.filter((f) => f.event === 'welcome').length >= 2 && c.connected, 30_000);

  // The open floor: the expert raises the card's hand, is given the floor, speaks, yields.
  await ok(expert, played(standIn, { type: 'hand.raise' }));
  await chair.until(
    (l) => l.item?.queue.some((e) => e.speaker.kind === 'participant' && e.speaker.id === standIn) === true,
  );
  await ok(chair, { type: 'floor.give' });
  await ok(expert, played(standIn, { type: 'statement.post', text: 'The plan keeps the old trees.' }));
  await ok(expert, played(standIn, { type: 'floor.yield' }));

  // A second expert comes and goes: the room must not notice.
  for (const s of room.seats.filter((x) => x.roleId === 'resident')) {
    await s.client.until((l) => l.record.turns.length === 1);
    framesBeforeOther.set(s.client, s.client.frames.length);
  }
  other = await connectObserver(server.url, room.session, OTHER_NAME);
  refusals.otherPlays = await other.send(played(standIn, { type: 'hand.raise' }));
  await facilitator.until((l) => l.observersOnline?.includes(other.id as string) === true);
  other.close();
  await facilitator.until((l) => l.observersOnline?.includes(other.id as string) === false);

  // The vote: the expert casts the planner's ballot.
  await ok(chair, { type: 'item.goto', itemId: 'decide' });
  await ok(chair, { type: 'vote.open' });
  await ok(expert, played(standIn, { type: 'vote.cast', choice: 'yes' }));
  await ok(chair, { type: 'vote.cast', choice: 'yes' });
  for (const [i, s] of room.seats.filter((x) => x.roleId === 'resident').entries())
    await ok(s.client, { type: 'vote.cast', choice: i === 0 ? 'no' : 'abstain' });
  await ok(chair, { type: 'vote.close' });
  await ok(facilitator, { type: 'meeting.end' });
  await ok(facilitator, { type: 'meeting.open_debrief' });
  await Promise.all([...room.clients(), projector, expert].map((c) => c.until((l) => l.phase === 'debrief')));
}, 90_000);

afterAll(async () => {
  for (const c of [...(room?.clients() ?? []), expert, other, projector]) c?.close();
  await server?.stop();
});

describe('handing a card to an expert', () => {
  it('the start waits for the missing card; only the facilitator hands it, and only to an expert who joined', () => {
    expect(refusals.start).toMatchObject({ ok: false, error: { code: 'meeting/required_cards' } });
    expect(refusals.byTrainee).toMatchObject({ ok: false, error: { code: 'auth/forbidden' } });
    expect(refusals.unknownExpert).toMatchObject({ ok: false, error: { code: 'seat/unknown_observer' } });
    expect(refusals.otherPlays).toMatchObject({ ok: false, error: { code: 'seat/not_your_card' } });
  });

  it('the desk lists the four trainees who joined, not the card the expert plays', async () => {
    const { body } = await request<{ sessions: { id: string; participants: string[] }[] }>(
      server.url,
      'GET',
      '/api/sessions',
    );
    const ours = body.sessions.find((x) => x.id === room.session.sessionId);
    expect(ours?.participants).toEqual(room.seats.map((x) => x.name));
  });

  it('the facilitator sees which expert plays the card, and when they are connected', () => {
    const seat = room.facilitator.live?.participants.find((p) => p.id === standIn);
    expect(seat).toMatchObject({ roleId: 'planner', name: EXPERT_NAME, playedBy: expertId, online: true });
    expect(room.facilitator.live?.observersOnline).toEqual([expertId]);
  });
});

describe('what the room sees', () => {
  it('a trainee sees the card as its character: its statement, its vote, no expert', () => {
    for (const s of room.seats) {
      const live = s.client.live;
      expect(standInOf(live)).toEqual({ id: standIn, name: '', roleId: 'planner', mood: null, online: true });
      expect(live?.record.statements).toEqual([
        expect.objectContaining({ speaker: { kind: 'participant', id: standIn }, roleId: 'planner' }),
      ]);
      const counted = live?.record.ballots.find((b) => b.item === 'decide');
      if (counted?.kind !== 'vote') throw new Error('no counted vote');
      // Open ballot: the room sees the planner's yes like anyone's. yes 2 (planner, chair), no 1, abstain 2.
      expect(counted.votes[standIn]).toBe('yes');
      expect(counted.outcome.yes.headcount).toBe(2);
      expect(counted.outcome.participating.headcount).toBe(5);
    }
  });

  it('no frame a trainee or the projector received names the expert or says a card is played', () => {
    for (const [who, client] of [
      ...room.seats.map((s) => [s.name, s.client] as const),
      ['the projector', projector] as const,
    ]) {
      const json = framesJson(client);
      expect(json, who).not.toContain(expertId);
      expect(json, who).not.toContain(other.id as string);
      expect(json, who).not.toContain(EXPERT_NAME);
      expect(json, who).not.toContain(OTHER_NAME);
      expect(json, who).not.toContain('playedBy');
      expect(json, who).not.toContain('observersOnline');
      // (One resident's own refused attempt at card.assign_expert is answered by name in its ack.)
      const received = JSON.stringify(client.frames.filter((f) => f.event !== 'ack').map((f) => f.payload));
      expect(received, who).not.toContain('card.assign_expert');
      expect(received, who).not.toContain('card.play');
    }
  });

  it('an expert coming and going sends the room nothing', () => {
    // From the second expert's arrival to the chair's next move (the jump to the vote),
    // the resident received not one frame: the first one after is that move.
    for (const s of room.seats.filter((x) => x.roleId === 'resident')) {
      const after = s.client.frames.slice(framesBeforeOther.get(s.client) ?? 0);
      expect(after.length).toBeGreaterThan(0);
      expect(after[0]?.live?.item?.id, JSON.stringify(after[0]?.payload)).toBe('decide');
    }
  });
});

describe('the debrief says who played the card', () => {
  it('to the facilitator, by name; to a trainee, as an expert', async () => {
    const forFacilitator = await room.facilitator.debrief();
    const forTrainee = await room.seat('resident').client.debrief();
    if (!forFacilitator.ok || !forTrainee.ok) throw new Error('debrief refused');
    expect(forFacilitator.debrief.attempts[0]?.minutes.zh).toContain(`专家${EXPERT_NAME}（饰 规划师）`);
    expect(forFacilitator.debrief.attempts[0]?.minutes.en).toContain(`expert ${EXPERT_NAME} (as Planner)`);
    expect(forTrainee.debrief.attempts[0]?.minutes.zh).toContain('专家（饰 规划师）');
    expect(forTrainee.debrief.attempts[0]?.minutes.en).toContain('an expert (as Planner)');
    const json = JSON.stringify(forTrainee);
    expect(json).not.toContain(EXPERT_NAME);
    expect(json).not.toContain(expertId);
  });
});
