// npx tsx scripts/fixture-data-dir.ts <out-dir>
// Writes a data directory the way the server of this checkout writes one: a
// real server process, real sockets, a few short scripted sessions, then a
// clean shutdown. Its SQLite file is committed as a fixture
// (tests/fixtures/data-v<N>/) so that a later build proves it still starts
// on data written by this one. Run it BEFORE changing storage or rules, on
// the old code: the point is the old code's output.
//
// The sessions use the frozen scenario copies in <out-dir>/scenarios/ (made
// here the first time), not the shipped library, which later work changes.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HeadlessClient } from '../client/headless/client.ts';
import type { AnyCommand } from '../shared/protocol/messages.ts';
import type { LiveView } from '../shared/views/types.ts';
import { DRILL_ID, drillScenario } from '../tests/support/drill-room.ts';
import { startServerProcess } from '../tests/support/server-process.ts';
import {
  ADMIN_PASSWORD,
  AUTH_ENV,
  connectFacilitator,
  connectObserver,
  createSession,
  deleteSession,
} from '../tests/support/session-api.ts';

const out = resolve(process.argv[2] ?? '');
if (!process.argv[2]) {
  console.error('usage: npx tsx scripts/fixture-data-dir.ts <out-dir>');
  process.exit(2);
}
const scenariosDir = join(out, 'scenarios');
if (!existsSync(scenariosDir)) {
  mkdirSync(scenariosDir, { recursive: true });
  writeFileSync(join(scenariosDir, `${DRILL_ID}.yaml`), drillScenario());
  copyFileSync('scenarios/elevator-coordination.yaml', join(scenariosDir, 'elevator-coordination.yaml'));
}

async function ok(client: HeadlessClient, command: AnyCommand): Promise<number> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.seq;
}

interface TraineeSeat {
  name: string;
  roleId: string;
  participantId: string;
  resumeToken: string;
  client: HeadlessClient;
}

const dataDir = mkdtempSync(join(tmpdir(), 'civic-fixture-'));
const server = await startServerProcess({
  scenariosDir,
  dataDir,
  env: { ...AUTH_ENV, STATS_INTERVAL_MS: '0' },
});
const clients: HeadlessClient[] = [];

async function openSession(scenarioId: string, cards: [name: string, roleId: string][]) {
  const session = await createSession(server.url, scenarioId);
  const facilitator = await connectFacilitator(server.url, session);
  clients.push(facilitator);
  const seats: TraineeSeat[] = [];
  for (const [name, roleId] of cards) {
    const { client, seat } = await HeadlessClient.join(server.url, session.joinCode, name);
    clients.push(client);
    await ok(client, { type: 'card.take', roleId });
    seats.push({ name, roleId, participantId: seat.participantId, resumeToken: seat.resumeToken, client });
  }
  const seat = (roleId: string, index = 0) => {
    const found = seats.filter((s) => s.roleId === roleId)[index];
    if (!found) throw new Error(`no ${roleId}[${index}]`);
    return found;
  };
  return { session, facilitator, seats, seat };
}

/** What a restored session must still show, from the facilitator's view at the end. */
function summary(live: LiveView) {
  return {
    seq: live.seq,
    state: live.state,
    attempt: live.attempt,
    item: live.item?.id ?? null,
    participants: live.participants.map((p) => ({ id: p.id, name: p.name, roleId: p.roleId })),
    statements: live.record.statements.map((s) => s.text),
    turns: live.record.turnCount,
    ballots: live.record.ballots.map((b) => ({
      item: b.item,
      passed: 'passed' in b.outcome && b.outcome.passed,
    })),
    attemptsBefore: live.attemptsBefore,
  };
}

const sessions: Record<string, unknown>[] = [];
async function record(
  label: string,
  opened: Awaited<ReturnType<typeof openSession>>,
  lastSeq: number,
  observerIds: string[] = [],
) {
  const live = await opened.facilitator.until((l) => l.seq === lastSeq);
  sessions.push({
    label,
    sessionId: opened.session.sessionId,
    joinCode: opened.session.joinCode,
    observerToken: opened.session.observerToken,
    observerIds,
    trainees: opened.seats.map((s) => ({
      name: s.name,
      roleId: s.roleId,
      participantId: s.participantId,
      resumeToken: s.resumeToken,
    })),
    expected: summary(live),
  });
}

// 1. A drill room paused mid-meeting, with more than a snapshot's worth of
//    log (snapshots every 32 entries), a tip, a marker and a statement.
{
  const room = await openSession(DRILL_ID, [
    ['Chair Lin', 'chair'],
    ['Planner Wu', 'planner'],
    ['Resident Ma', 'resident'],
    ['Resident Zhou', 'resident'],
  ]);
  const observer = await connectObserver(server.url, room.session, 'Expert Zhao');
  clients.push(observer);
  const chair = room.seat('chair').client;
  await ok(room.facilitator, { type: 'meeting.start' });
  await ok(chair, { type: 'meeting.begin' });
  const moods = ['agree', 'unsure', 'disagree'] as const;
  for (let i = 0; i < 12; i++)
    for (const s of room.seats) await ok(s.client, { type: 'mood.show', mood: moods[i % 3] ?? null });
  const ma = room.seat('resident');
  await ok(ma.client, { type: 'hand.raise' });
  await ok(chair, { type: 'floor.give' });
  await ok(ma.client, { type: 'statement.post', text: 'Shade first, then the play corner.' });
  await ok(ma.client, { type: 'floor.yield' });
  await ok(observer, {
    type: 'tip.whisper',
    tipId: 'tip-lin',
    to: room.seat('chair').participantId,
    text: 'Ask the planner next.',
  });
  await ok(observer, {
    type: 'marker.drop',
    markerId: 'm-1',
    participantId: room.seat('chair').participantId,
    competency: 'mass_work',
    kind: 'strength',
    note: 'Clear call to order.',
  });
  await ok(room.facilitator, { type: 'inject.fire', injectId: 'planner-call' });
  const last = await ok(room.facilitator, { type: 'meeting.pause' });
  await record('drill paused mid-meeting', room, last, [observer.id as string]);
}

// 2. A drill room run to its debrief: statements, an open and a secret
//    vote, action items, scores; nothing left on a clock.
{
  const room = await openSession(DRILL_ID, [
    ['Chair Qian', 'chair'],
    ['Planner Sun', 'planner'],
    ['Resident He', 'resident'],
    ['Resident Lü', 'resident'],
  ]);
  const observer = await connectObserver(server.url, room.session, 'Expert Qian');
  clients.push(observer);
  const chair = room.seat('chair').client;
  const planner = room.seat('planner');
  await ok(room.facilitator, { type: 'meeting.start' });
  await ok(chair, { type: 'meeting.begin' });
  for (const s of room.seats.slice(2)) {
    await ok(s.client, { type: 'hand.raise' });
    await ok(chair, { type: 'floor.give' });
    await ok(s.client, { type: 'statement.post', text: `${s.name}: more benches, please.` });
    await ok(s.client, { type: 'floor.yield' });
  }
  await ok(chair, { type: 'item.next' });
  await ok(chair, { type: 'floor.give' });
  await ok(planner.client, {
    type: 'statement.post',
    text: 'Option A costs less; option C keeps the trees.',
  });
  await ok(planner.client, { type: 'floor.yield' });
  await ok(chair, { type: 'floor.give' });
  await ok(chair, { type: 'statement.post', text: 'Thank you. We vote next.' });
  await ok(chair, { type: 'floor.yield' });
  await ok(chair, { type: 'item.next' });
  await ok(chair, { type: 'vote.open' });
  for (const [i, s] of room.seats.entries())
    await ok(s.client, { type: 'vote.cast', choice: i === 3 ? 'no' : 'yes' });
  await ok(chair, { type: 'vote.close' });
  await ok(chair, { type: 'item.next' });
  await ok(chair, { type: 'vote.open' });
  for (const [i, s] of room.seats.entries())
    await ok(s.client, { type: 'vote.cast', choice: i === 0 ? 'abstain' : 'no' });
  await ok(chair, { type: 'vote.close' });
  await ok(chair, { type: 'item.next' });
  await ok(chair, { type: 'action.record', kind: 'decision', what: 'Build the garden with option A.' });
  await ok(chair, {
    type: 'action.record',
    kind: 'action',
    what: 'Order the benches.',
    who: 'planner',
    due: '2026-06-01',
  });
  await ok(chair, { type: 'item.next' });
  await ok(room.facilitator, { type: 'meeting.open_debrief' });
  await ok(observer, {
    type: 'score.set',
    participantId: room.seat('chair').participantId,
    competency: 'coordination',
    score: 4,
  });
  const last = await ok(observer, {
    type: 'plan.add',
    itemId: 'plan-1',
    participantId: room.seat('chair').participantId,
    text: 'Summarise before the vote.',
  });
  await record('drill in its debrief', room, last, [observer.id as string]);
}

// 3. The elevator coordination paused in its second item, an NPC voiced by an expert.
{
  const room = await openSession('elevator-coordination', [
    ['Secretary Gu', 'secretary'],
    ['Owner 101', 'owner_101'],
    ['Owner 202', 'owner_202'],
    ['Building lead', 'building_lead'],
    ['Owner 602', 'owner_602'],
    ['Owner 3F', 'owners_3_5'],
  ]);
  const observer = await connectObserver(server.url, room.session, 'Expert Zheng');
  clients.push(observer);
  const chair = room.seat('secretary').client;
  await ok(room.facilitator, { type: 'meeting.start' });
  await ok(chair, { type: 'meeting.begin' });
  await ok(chair, { type: 'floor.give' });
  await ok(chair, { type: 'statement.post', text: '今天议两件事：加装电梯的申请表决和井道位置的试投。' });
  await ok(chair, { type: 'floor.yield' });
  await ok(chair, { type: 'item.next' });
  await ok(chair, { type: 'floor.give', to: { kind: 'npc', roleId: 'contractor' } });
  await ok(observer, { type: 'npc.say', roleId: 'contractor', text: '方案A报价不含燃气管线改造。' });
  const last = await ok(room.facilitator, { type: 'meeting.pause' });
  await record('elevator paused in its second item', room, last, [observer.id as string]);
}

// 4. A lobby with two seated trainees.
{
  const room = await openSession(DRILL_ID, [
    ['Early Chair', 'chair'],
    ['Early Planner', 'planner'],
  ]);
  await record('drill in its lobby', room, room.seats.length * 2);
}

// 5. A deleted session: it must stay deleted.
{
  const room = await openSession(DRILL_ID, [['Gone Soon', 'resident']]);
  for (const c of [room.facilitator, ...room.seats.map((s) => s.client)]) c.close();
  const status = await deleteSession(server.url, room.session.sessionId);
  if (status !== 204 && status !== 200) throw new Error(`DELETE: ${status}`);
  sessions.push({ label: 'deleted', sessionId: room.session.sessionId, deleted: true });
}

for (const c of clients) c.close();
await server.stop('SIGTERM');
mkdirSync(out, { recursive: true });
copyFileSync(join(dataDir, 'civic-rehearsal.sqlite'), join(out, 'civic-rehearsal.sqlite'));
writeFileSync(
  join(out, 'sessions.json'),
  `${JSON.stringify({ adminPassword: ADMIN_PASSWORD, sessions }, null, 2)}\n`,
);
console.log(`wrote ${out}: ${sessions.length} sessions`);
