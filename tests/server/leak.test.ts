// THE leak test. A real server process, real sockets, a real SQLite file, and
// a scenario whose every private field is a canary string
// (tests/fixtures/scenarios/leak/canary-hearing.yaml). Five trainees, three
// observers (two guests by the observer link, one expert signed in with an
// account), the facilitator and the projector hold a whole meeting, with
// coaching, injects of every addressing, a secret vote and an election; one
// trainee drops out and catches up. Nobody takes the tenant card: the
// facilitator hands it to the first observer, who speaks and votes for it.
// Then every frame each client received (welcome, views, acks, history, sync)
// is searched for what it must not see.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { DebriefView } from '../../shared/debrief/build.ts';
import type { AnyCommand, CommandAck, Welcome } from '../../shared/protocol/messages.ts';
import type { LiveView, TimelineEntry } from '../../shared/views/types.ts';
import { newAccount, signInAdministrator } from '../support/accounts.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  API_TOKEN,
  AUTH_ENV,
  type CreatedSession,
  connectFacilitator,
  connectObserver,
  createSession,
} from '../support/session-api.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/scenarios/leak/canary-hearing.yaml');
const THREE = resolve(import.meta.dirname, '../fixtures/scenarios/leak/secret-three.yaml');
const CANARY = /CANARY-[A-Za-z0-9_-]+/g;
const BROADCAST = 'Slow down and summarise before you answer.';
/** Two guest experts' names, then the expert account's. */
const OBSERVER_NAMES = ['CANARY-OBSERVER-NAME-1', 'CANARY-OBSERVER-NAME-2', 'CANARY-OBSERVER-NAME-3'];
/** The expert account's sign-in name: no trainee may learn it either. */
const EXPERT_LOGIN = 'canary-expert-login';

type Choice = 'yes' | 'no' | 'abstain';
interface Trainee {
  name: string;
  roleId: string;
  vote: Choice;
  client: HeadlessClient;
  id: string;
}
const CAST: { name: string; roleId: string; vote: Choice }[] = [
  { name: 'Trainee Chair', roleId: 'chair', vote: 'yes' },
  { name: 'Trainee A', roleId: 'owner_a', vote: 'no' },
  { name: 'Trainee B', roleId: 'owner_b', vote: 'abstain' },
  { name: 'Trainee R1', roleId: 'residents', vote: 'yes' },
  { name: 'Trainee R2', roleId: 'residents', vote: 'no' },
];

let server: ServerProcess;
let session: CreatedSession;
let facilitator: HeadlessClient;
let observers: HeadlessClient[] = [];
let projector: HeadlessClient;
const trainees: Trainee[] = [];
/** Every canary written in the scenario file. */
const scenarioCanaries = [...new Set(readFileSync(FIXTURE, 'utf8').match(CANARY) ?? [])];
/** Every canary the session put in play: the file's, the observers' names, tips, markers, backchannel. */
let allCanaries: string[] = [];
let observerIds: string[] = [];
/** The seat of the tenant card, played by the first observer. */
let standIn = '';
const STAND_IN_SAYS = 'Tenants cycle too; put the shed by gate 2.';
/** The expert account's id (its observer id is `a-` and this). */
let expertAccountId = '';
/** What the dropped-out trainee got on reconnecting. */
let catchUp: Welcome | undefined;
/** What the second residents' seat saw of its own owners while the vote of the electorate was open. */
let ownersOfR2: NonNullable<LiveView['me']>['owners'];
const refusals: Record<string, CommandAck> = {};
/** Each trainee's debrief, asked for before the instructor released any score. */
const unreleasedDebriefs = new Map<string, unknown>();

const tipText = (participantId: string) => `CANARY-TIP-for-${participantId}`;

async function ok(client: HeadlessClient, command: AnyCommand): Promise<number> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.seq;
}

const framesJson = (client: HeadlessClient) => JSON.stringify(client.frames.map((f) => f.payload));

/** Canaries a trainee is entitled to: their own card, their own tips, their card's private inject and handout. */
function entitled(t: Trainee): Set<string> {
  const own = ['BRIEF', 'GOAL', 'SECRET', 'REDLINE'].map((k) => `CANARY-${k}-${t.roleId}`);
  own.push(tipText(t.id));
  if (t.roleId === 'owner_a')
    own.push('CANARY-PRIVATE-TITLE-private_call', 'CANARY-PRIVATE-BODY-private_call');
  if (t.roleId === 'owner_b')
    own.push('CANARY-HANDOUT-TITLE-owner_b_letter', 'CANARY-HANDOUT-BODY-owner_b_letter');
  return new Set(own);
}

/** Every object (at any depth) in a frame. */
function* objects(value: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) yield* objects(v);
  else if (value && typeof value === 'object') {
    yield value as Record<string, unknown>;
    for (const v of Object.values(value)) yield* objects(v);
  }
}

/** Every timeline entry a client received: welcome.missed, sync's missed, history's entries. */
function timelineEntries(client: HeadlessClient): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const frame of client.frames) {
    const p = frame.payload as { missed?: TimelineEntry[]; entries?: TimelineEntry[] };
    if (Array.isArray(p?.missed)) out.push(...p.missed);
    if (Array.isArray(p?.entries)) out.push(...p.entries);
  }
  return out;
}

/** Checks every viewer outside the single-sided screen shares: trainees and the projector. */
function expectRoomClean(client: HeadlessClient, who: string) {
  const json = framesJson(client);
  for (const id of observerIds) expect(json, `${who} learns an observer id`).not.toContain(id);
  expect(json, `${who} learns the expert's account id`).not.toContain(expertAccountId);
  expect(json, `${who} learns the expert's sign-in name`).not.toContain(EXPERT_LOGIN);
  for (const name of OBSERVER_NAMES) expect(json, `${who} learns an observer's name`).not.toContain(name);
  for (const key of [
    '"observer"',
    '"guidance"',
    '"expect"',
    '"coaching"',
    '"markers"',
    '"backchannel"',
    '"observers"',
    '"observersMayFireInjects"',
    '"choice"',
    // A vote of the electorate: the experts' count and the written ballots stay on their side.
    '"standing"',
    '"writtenBallots"',
    '"tallies":[{',
  ]) {
    expect(json, `${who} receives ${key}`).not.toContain(key);
  }
  for (const obj of objects(client.frames.map((f) => f.payload))) {
    // Secret ballot: no "votes" map with anything in it, anywhere (the only vote is the secret one).
    if ('votes' in obj) expect(obj.votes, `${who} sees who voted what`).toEqual({});
    if (obj.kind === 'observer') throw new Error(`${who} sees an observer actor: ${JSON.stringify(obj)}`);
  }
  for (const entry of timelineEntries(client)) {
    expect(entry.by.kind, `${who}: ${entry.type} by ${JSON.stringify(entry.by)}`).not.toBe('observer');
    expect([
      'settings.update',
      'inject.respond',
      'observer.join',
      'tip.delivered',
      'marker.drop',
    ]).not.toContain(entry.type);
    expect(entry.type).not.toBe('backchannel.say');
    if (entry.type === 'vote.cast') expect(entry.data).toEqual({});
    // The console's paper ballots in a secret vote: which flat's ballot came in, never what it says.
    if (entry.type.startsWith('ballot.')) expect(Object.keys(entry.data)).toEqual(['flat']);
  }
}

beforeAll(async () => {
  const scenariosDir = mkdtempSync(join(tmpdir(), 'civic-leak-'));
  copyFileSync(FIXTURE, join(scenariosDir, 'canary-hearing.yaml'));
  copyFileSync(THREE, join(scenariosDir, 'secret-three.yaml'));
  server = await startServerProcess({ scenariosDir, env: AUTH_ENV });
  const { url } = server;
  session = await createSession(url, 'canary-hearing');

  facilitator = await HeadlessClient.connect(url, {
    role: 'facilitator',
    sessionId: session.sessionId,
    apiToken: API_TOKEN,
  });
  const guests = await Promise.all(
    OBSERVER_NAMES.slice(0, 2).map((name) => connectObserver(url, session, name)),
  );
  const admin = await signInAdministrator(url);
  const expert = await newAccount(admin, {
    login: EXPERT_LOGIN,
    name: OBSERVER_NAMES[2] as string,
    role: 'expert',
  });
  expertAccountId = expert.account?.id as string;
  observers = [...guests, await expert.observe(session.sessionId)];
  observerIds = observers.map((o) => o.id as string);
  projector = await HeadlessClient.connect(url, { role: 'projector', code: session.joinCode });

  for (const c of CAST) {
    const { client, seat } = await HeadlessClient.join(url, session.joinCode, c.name);
    trainees.push({ ...c, client, id: seat.participantId });
    await ok(client, { type: 'card.take', roleId: c.roleId });
  }
  const [chair, ownerA, ownerB, r1, r2] = trainees as [Trainee, Trainee, Trainee, Trainee, Trainee];
  const [o1, o2, o3] = observers as [HeadlessClient, HeadlessClient, HeadlessClient];
  // Nobody took the tenant card: the first observer plays it.
  await ok(facilitator, { type: 'card.assign_expert', roleId: 'tenant', observerId: o1.id as string });
  standIn =
    (await facilitator.until((l) => l.participants.some((p) => p.roleId === 'tenant'))).participants.find(
      (p) => p.roleId === 'tenant',
    )?.id ?? '';
  const asTenant = (command: Parameters<typeof ok>[1]) =>
    ({ type: 'card.play', participantId: standIn, command }) as AnyCommand;

  // Briefing, then the opening statements: the chair, then the official voiced by an observer.
  await ok(facilitator, { type: 'meeting.start' });
  await ok(chair.client, { type: 'meeting.begin' });
  await chair.client.until((l) => l.item?.id === 'opening');

  // One trainee drops out here and comes back before the vote.
  r2.client.disconnect();
  await facilitator.until((l) => l.participants.some((p) => p.id === r2.id && !p.online));

  await ok(chair.client, { type: 'floor.give' });
  await ok(chair.client, { type: 'statement.post', text: 'We open the hearing on the shed.' });
  await ok(chair.client, { type: 'floor.yield' });
  await ok(chair.client, { type: 'floor.give', to: { kind: 'npc', roleId: 'official' } });
  await ok(o1, { type: 'npc.say', roleId: 'official', text: 'The street office supports a shed.' });
  await ok(o1, { type: 'floor.yield' });

  // Coaching: a whisper to every trainee, a broadcast hint, markers, the backchannel.
  // The expert account whispers too (tip-2, to trainee B).
  for (const [i, t] of trainees.entries()) {
    await ok([o1, o2, o3][i % 3] as HeadlessClient, {
      type: 'tip.whisper',
      tipId: `tip-${i}`,
      to: t.id,
      text: tipText(t.id),
    });
  }
  await ok(o2, { type: 'tip.broadcast', tipId: 'hint-1', text: BROADCAST });
  await ok(o1, {
    type: 'marker.drop',
    markerId: 'marker-1',
    participantId: chair.id,
    competency: 'mass_work',
    kind: 'strength',
    note: 'CANARY-MARKER-NOTE-1',
  });
  await ok(o2, {
    type: 'marker.drop',
    markerId: 'marker-2',
    participantId: ownerA.id,
    competency: 'coordination',
    kind: 'needs_work',
    note: 'CANARY-MARKER-NOTE-2',
  });
  await ok(o1, { type: 'backchannel.say', messageId: 'bc-1', text: 'CANARY-BACKCHANNEL-1' });
  await ok(o2, { type: 'backchannel.say', messageId: 'bc-2', text: 'CANARY-BACKCHANNEL-2' });
  await ok(o3, {
    type: 'marker.drop',
    markerId: 'marker-3',
    participantId: ownerB.id,
    competency: 'mass_work',
    kind: 'strength',
    note: 'CANARY-MARKER-NOTE-3',
  });
  await ok(o3, { type: 'backchannel.say', messageId: 'bc-3', text: 'CANARY-BACKCHANNEL-3' });
  await ok(o3, {
    type: 'score.set',
    participantId: ownerB.id,
    competency: 'mass_work',
    score: 4,
    note: 'CANARY-SCORE-NOTE-3',
  });
  await ownerA.client.until((l) => (l.me?.tips.length ?? 0) === 2);
  await ok(ownerA.client, { type: 'tip.read', tipId: 'tip-1' });
  await ok(ownerA.client, { type: 'tip.ack', tipId: 'tip-1' });
  // Probing: another trainee's tip, a spare inject, a coaching command.
  refusals.otherTip = await ownerB.client.send({ type: 'tip.read', tipId: 'tip-1' });
  refusals.spare = await r1.client.send({ type: 'inject.fire', injectId: 'spare_fire' });
  refusals.whisper = await r1.client.send({ type: 'tip.whisper', tipId: 'x', to: ownerA.id, text: 'hi' });

  // The hearing: a trainee speaks; injects to all, to owner_a, to observers.
  await ok(chair.client, { type: 'item.next' });
  await ok(ownerB.client, { type: 'hand.raise' });
  await ok(chair.client, { type: 'floor.give' });
  await ok(ownerB.client, { type: 'statement.post', text: 'I cycle every day; a shed helps.' });
  await ok(ownerB.client, { type: 'floor.yield' });
  await ok(o1, asTenant({ type: 'hand.raise' }));
  await ok(chair.client, { type: 'floor.give' });
  await ok(o1, asTenant({ type: 'statement.post', text: STAND_IN_SAYS }));
  await ok(o1, asTenant({ type: 'floor.yield' }));
  refusals.otherExpert = await o2.send(asTenant({ type: 'hand.raise' }));
  await ok(facilitator, { type: 'inject.fire', injectId: 'town_news' });
  await ok(facilitator, { type: 'inject.fire', injectId: 'private_call' });
  await ok(facilitator, { type: 'settings.update', observersMayFireInjects: true });
  await ok(o2, { type: 'inject.fire', injectId: 'observer_note' });
  await ok(o1, { type: 'inject.respond', injectId: 'town_news' });

  // The dropped-out trainee returns and is caught up.
  r2.client.reconnect();
  await r2.client.waitFor(() => r2.client.frames.filter((f) => f.event === 'welcome').length === 2);
  catchUp = r2.client.frames.filter((f) => f.event === 'welcome')[1]?.payload as Welcome;

  // The secret vote: everyone votes.
  await ok(chair.client, { type: 'item.next' });
  await ok(chair.client, { type: 'vote.open' });
  for (const t of trainees) await ok(t.client, { type: 'vote.cast', choice: t.vote });
  await ok(o1, asTenant({ type: 'vote.cast', choice: 'no' }));
  await facilitator.until((l) => l.item?.ballot?.castCount === trainees.length + 1);
  await ok(chair.client, { type: 'vote.close' });

  // The election (open ballot): two nominees.
  await ok(chair.client, { type: 'item.next' });
  await ok(chair.client, { type: 'candidate.nominate', participantId: ownerA.id });
  await ok(facilitator, { type: 'candidate.nominate', participantId: ownerB.id });
  await ok(chair.client, { type: 'vote.open' });
  for (const t of trainees) {
    await ok(t.client, { type: 'election.cast', choices: [t === ownerA ? ownerB.id : ownerA.id] });
  }
  await ok(o1, asTenant({ type: 'election.cast', choices: [ownerB.id] }));
  await ok(chair.client, { type: 'vote.close' });

  // The secret vote of the electorate: the room, a written ballot (401), a paper ballot entered and corrected (402).
  await ok(chair.client, { type: 'item.next' });
  await ok(chair.client, { type: 'vote.open' });
  for (const t of trainees) await ok(t.client, { type: 'vote.cast', choice: t.vote });
  await ok(facilitator, { type: 'ballot.paper.enter', flat: '402', choice: 'no' });
  await ok(facilitator, { type: 'ballot.paper.correct', flat: '402', choice: 'yes' });
  // Every owner's ballot is in: 6 in the room, 401 written, 402 on paper.
  await Promise.all(
    [facilitator, projector, ...trainees.map((t) => t.client)].map((c) =>
      c.until((l) => l.item?.id === 'owners_vote' && l.item.ballot?.turnout?.participating.headcount === 8),
    ),
  );
  ownersOfR2 = r2.client.live?.me?.owners;
  await ok(chair.client, { type: 'vote.close' });

  await ok(facilitator, { type: 'meeting.end' });
  await ok(facilitator, { type: 'meeting.open_debrief' });

  const everyone = [facilitator, ...observers, projector, ...trainees.map((t) => t.client)];
  await Promise.all(everyone.map((c) => c.until((l) => l.phase === 'debrief')));
  for (const c of [...trainees.map((t) => t.client), projector, facilitator, ...observers]) {
    const history = await c.history(0);
    expect(history.ok).toBe(true);
    const sync = await c.sync();
    expect(sync.ok).toBe(true);
    // Older parts of the record, asked for as a screen scrolling back does: checked like every frame.
    for (const list of ['statements', 'turns'] as const) expect((await c.record(list, 1000)).ok).toBe(true);
    // The meeting at earlier moments (the debrief's "state at this moment"),
    // mid-ballot included: every frame is checked below. (The debrief itself,
    // which shares some markers by design, has its own test: debrief.test.ts.)
    if (!history.ok) continue;
    const seqs = history.entries.map((e) => e.seq);
    for (const seq of [
      seqs[Math.floor(seqs.length / 3)],
      seqs[Math.floor((2 * seqs.length) / 3)],
      seqs.at(-1),
    ])
      if (seq !== undefined) expect((await c.stateAt(seq)).ok).toBe(true);
  }
  // Staged release: nobody released the scores, so each trainee's own debrief holds none.
  // (Checked on their own below: the debrief shares some markers by design, and
  // its frame is taken out so the frame-wide checks stay about the live screens.)
  for (const t of trainees) {
    const ack = await t.client.emitRaw('debrief', {}, 10_000);
    unreleasedDebriefs.set(t.name, ack);
    const at = t.client.frames.findIndex((f) => f.payload === ack);
    if (at >= 0) t.client.frames.splice(at, 1);
  }
  allCanaries = [
    ...scenarioCanaries,
    ...OBSERVER_NAMES,
    ...trainees.map((t) => tipText(t.id)),
    'CANARY-MARKER-NOTE-1',
    'CANARY-MARKER-NOTE-2',
    'CANARY-MARKER-NOTE-3',
    'CANARY-BACKCHANNEL-1',
    'CANARY-BACKCHANNEL-2',
    'CANARY-BACKCHANNEL-3',
    'CANARY-SCORE-NOTE-3',
  ];
}, 90_000);

afterAll(async () => {
  for (const c of [facilitator, ...observers, projector, ...trainees.map((t) => t.client)]) c?.close();
  await server?.stop();
});

describe('the leak test: what trainees receive', () => {
  it('the scenario really carries canaries in every private field', () => {
    for (const role of ['chair', 'owner_a', 'owner_b', 'residents', 'tenant', 'official']) {
      for (const k of ['BRIEF', 'GOAL', 'SECRET', 'REDLINE'])
        expect(scenarioCanaries).toContain(`CANARY-${k}-${role}`);
    }
    for (const item of ['opening', 'hearing', 'secret_vote', 'elect', 'owners_vote'])
      expect(scenarioCanaries).toContain(`CANARY-GUIDE-${item}`);
    for (const inject of ['town_news', 'private_call', 'observer_note', 'spare_fire'])
      expect(scenarioCanaries).toContain(`CANARY-EXPECT-${inject}`);
    expect(scenarioCanaries).toEqual(
      expect.arrayContaining([
        'CANARY-SPARE-TITLE-spare_fire',
        'CANARY-SPARE-BODY-spare_fire',
        'CANARY-OBSERVERS-BODY-observer_note',
        'CANARY-PRIVATE-BODY-private_call',
        'CANARY-HANDOUT-BODY-owner_b_letter',
      ]),
    );
  });

  it('no trainee receives a canary it is not entitled to, in any frame', () => {
    for (const t of trainees) {
      const found = new Set(framesJson(t.client).match(CANARY) ?? []);
      const allowed = entitled(t);
      const leaked = [...found].filter((c) => !allowed.has(c));
      expect(leaked, `${t.name} (${t.roleId}) received`).toEqual([]);
    }
  });

  it('each trainee did receive what is theirs (the check above can see canaries)', () => {
    for (const t of trainees) {
      const json = framesJson(t.client);
      for (const canary of entitled(t)) expect(json, `${t.name} never got ${canary}`).toContain(canary);
      expect(json).toContain(BROADCAST);
      expect(t.client.live?.me?.card?.id).toBe(t.roleId);
    }
  });

  it('no trainee learns an observer, guidance, expected responses, coaching or a secret ballot', () => {
    for (const t of trainees) expectRoomClean(t.client, t.name);
  });

  it("no trainee can derive another trainee's secret ballot; their own shows only in me.ballot", () => {
    for (const t of trainees) {
      const json = framesJson(t.client);
      for (const other of [...trainees.filter((x) => x !== t).map((x) => x.id), standIn]) {
        for (const choice of ['yes', 'no', 'abstain']) expect(json).not.toContain(`"${other}":"${choice}"`);
      }
      const ownBallots = t.client.frames.flatMap((f) => {
        const live = f.live ?? (f.payload as { live?: LiveView })?.live;
        return live?.item?.id === 'secret_vote' && live.me?.ballot !== undefined ? [live.me.ballot] : [];
      });
      expect(ownBallots.length).toBeGreaterThan(0);
      expect(new Set(ownBallots)).toEqual(new Set([t.vote]));
      const counted = t.client.live?.record.ballots.find((b) => b.item === 'secret_vote');
      expect(counted).toMatchObject({ kind: 'vote', ballot: 'secret', votes: {} });
      // Every card's area differs: totals by choice would name who voted what. Until the debrief the
      // room gets the verdict only (chair and R1 yes; A, R2 and the tenant no; B abstains: 2 > 3 fails).
      if (counted?.kind !== 'vote') throw new Error('no counted secret vote');
      const { yes, no, abstain, cast } = counted.outcome;
      expect([yes, no, abstain, cast].map((m) => [m.headcount, m.area])).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ]);
      expect(counted.sealed).toBe(true);
      expect(counted.outcome.passed).toBe(false);
    }
  });

  it('a secret vote of the electorate: the room sees who took part and how, never what any ballot says', () => {
    // 8 owners of 490 m²: the room casts for 101, 102, 201, 202, 301, 302 (370 m²); 401 wrote
    // before the meeting (55 m²); 402's paper ballot was entered and corrected (65 m²).
    for (const c of [projector, ...trainees.map((t) => t.client)]) {
      const counted = c.live?.record.ballots.find((b) => b.item === 'owners_vote');
      if (counted?.kind !== 'vote') throw new Error('no counted vote of the electorate');
      expect(counted.votes).toEqual({});
      expect(counted.participation).toEqual({
        room: { headcount: 6, area: 370 },
        written: { headcount: 1, area: 55 },
        paper: { headcount: 1, area: 65 },
      });
      expect(counted.electorate?.tallies).toEqual([]);
      for (const ballot of Object.values(counted.electorate?.ballots ?? {})) {
        expect(Object.keys(ballot).sort()).toEqual(ballot.seat ? ['at', 'seat', 'source'] : ['at', 'source']);
      }
      for (const entry of counted.electorate?.paper ?? [])
        expect(Object.keys(entry).sort()).toEqual(['action', 'at', 'by', 'flat', 'owner']);
    }
    // Its own owners, with what it cast for them: residents' second seat sits for 301 and 302.
    expect(ownersOfR2?.map((o) => [o.id, o.source, o.mine])).toEqual([
      ['301', 'room', 'no'],
      ['302', 'room', 'no'],
    ]);
  });

  it('open ballots stay visible to the room (the election)', () => {
    const [, ownerA, ownerB] = trainees as [Trainee, Trainee, Trainee];
    for (const t of trainees) {
      const counted = t.client.live?.record.ballots.find((b) => b.item === 'elect');
      expect(counted?.kind).toBe('election');
      if (counted?.kind !== 'election') continue;
      expect(Object.keys(counted.choices)).toHaveLength(trainees.length + 1);
      expect(counted.choices[ownerA.id]).toEqual([ownerB.id]);
      expect(counted.choices[standIn]).toEqual([ownerB.id]);
    }
  });

  it('injects: to all for everyone, the private one for its card only, none for observers or spare', () => {
    for (const t of trainees) {
      const received = (t.client.live?.injects ?? []).map((i) => i.id).sort();
      expect(received).toEqual(t.roleId === 'owner_a' ? ['private_call', 'town_news'] : ['town_news']);
      const fired = timelineEntries(t.client)
        .filter((e) => e.type === 'inject.fire')
        .map((e) => e.data.injectId);
      expect(new Set(fired)).toEqual(
        new Set(t.roleId === 'owner_a' ? ['private_call', 'town_news'] : ['town_news']),
      );
      const handouts = t.client.live?.me?.handouts.map((h) => h.id) ?? [];
      expect(handouts).toEqual(t.roleId === 'owner_b' ? ['owner_b_letter'] : []);
    }
  });

  it('tips: each trainee sees only their own whisper and the broadcast, without a sender', () => {
    for (const t of trainees) {
      const tips = t.client.live?.me?.tips ?? [];
      expect(tips.map((tip) => tip.text).sort()).toEqual([tipText(t.id), BROADCAST].sort());
      for (const tip of tips) expect(Object.keys(tip)).not.toContain('from');
      const whispers = timelineEntries(t.client).filter((e) => e.type === 'tip.whisper');
      for (const w of whispers) expect(w.data.text).toBe(tipText(t.id));
    }
  });

  it('the timeline shows observers as the host, and the voiced NPC as itself', () => {
    for (const t of trainees) {
      const history = timelineEntries(t.client);
      const npc = history.find((e) => e.type === 'npc.say');
      expect(npc?.by).toEqual({ kind: 'npc', roleId: 'official' });
      const yielded = history.filter((e) => e.type === 'floor.yield').map((e) => e.by.kind);
      expect(yielded).toContain('host');
      expect(history.some((e) => e.type === 'settings.update')).toBe(false);
    }
  });

  it('unreleased scores reach no trainee: not in their debrief, not as a notice', () => {
    expect(unreleasedDebriefs.size).toBe(trainees.length);
    for (const [name, ack] of unreleasedDebriefs) {
      const debrief = (ack as { ok: boolean; debrief: DebriefView }).debrief;
      expect((ack as { ok: boolean }).ok, name).toBe(true);
      expect(
        debrief.attempts.flatMap((a) => a.scores),
        name,
      ).toEqual([]);
      expect(JSON.stringify(ack), name).not.toContain('CANARY-SCORE-NOTE-3');
    }
    for (const t of trainees)
      expect(
        t.client.notices.filter((n) => n.kind === 'debrief_changed'),
        t.name,
      ).toEqual([]);
  });

  it('the trainee who dropped out was caught up cleanly', () => {
    const r2 = trainees[4] as Trainee;
    expect(catchUp?.missed.length).toBeGreaterThan(0);
    const types = catchUp?.missed.map((e) => e.type) ?? [];
    expect(types).toContain('npc.say');
    expect(types).toContain('inject.fire');
    const injects = catchUp?.missed.filter((e) => e.type === 'inject.fire').map((e) => e.data.injectId);
    expect(injects).toEqual(['town_news']);
    const whispers = catchUp?.missed.filter((e) => e.type === 'tip.whisper') ?? [];
    expect(whispers.map((w) => w.data.text)).toEqual([tipText(r2.id)]);
    const leaked = (JSON.stringify(catchUp).match(CANARY) ?? []).filter((c) => !entitled(r2).has(c));
    expect(leaked).toEqual([]);
  });

  it("refused probes answer without telling anything (another's tip, a spare inject, a whisper)", () => {
    expect(refusals.otherTip).toMatchObject({ ok: false, error: { code: 'tip/unknown' } });
    expect(refusals.spare).toMatchObject({ ok: false, error: { code: 'auth/forbidden' } });
    expect(refusals.whisper).toMatchObject({ ok: false, error: { code: 'auth/forbidden' } });
    expect(refusals.otherExpert).toMatchObject({ ok: false, error: { code: 'seat/not_your_card' } });
  });

  it('the card an expert plays reaches the room as its character only', () => {
    for (const client of [...trainees.map((t) => t.client), projector]) {
      expect(client.live?.participants.find((p) => p.id === standIn)).toEqual({
        id: standIn,
        name: '',
        roleId: 'tenant',
        mood: null,
        online: true,
      });
      expect(client.live?.record.statements.find((x) => x.text === STAND_IN_SAYS)).toMatchObject({
        speaker: { kind: 'participant', id: standIn },
        roleId: 'tenant',
      });
      const json = framesJson(client);
      expect(json).not.toContain('playedBy');
      expect(json).not.toContain('observersOnline');
      const history = timelineEntries(client);
      expect(history.some((e) => e.type === 'card.assign_expert')).toBe(false);
      const byStandIn = new Set(
        history.filter((e) => e.by.kind === 'participant' && e.by.id === standIn).map((e) => e.type),
      );
      expect(byStandIn).toEqual(
        new Set(['hand.raise', 'statement.post', 'floor.yield', 'vote.cast', 'election.cast']),
      );
    }
  });
});

describe('the leak test: the projector', () => {
  it('sees no canary at all, no tips, nothing of the single-sided screen', () => {
    const json = framesJson(projector);
    expect(json.match(CANARY) ?? []).toEqual([]);
    expect(json).not.toContain(BROADCAST);
    expect(json).not.toContain('"tips"');
    expect(json).not.toContain('"me"');
    expectRoomClean(projector, 'the projector');
    expect(projector.static?.kind).toBe('public');
    expect((projector.live?.injects ?? []).map((i) => i.id)).toEqual(['town_news']);
    const history = timelineEntries(projector);
    expect(history.length).toBeGreaterThan(0);
    expect(history.some((e) => e.type.startsWith('tip.'))).toBe(false);
  });
});

describe('the leak test: the single-sided screen (sanity: the canaries were in play)', () => {
  it('every observer and the facilitator received every canary', () => {
    for (const [who, client] of [
      ['facilitator', facilitator],
      ['observer 1', observers[0]],
      ['observer 2', observers[1]],
      ['the expert account', observers[2]],
    ] as const) {
      const json = framesJson(client as HeadlessClient);
      const missing = allCanaries.filter((c) => !json.includes(c));
      expect(missing, `${who} never received`).toEqual([]);
    }
  });

  it('the expert account’s tips carry its name to the other experts (its id is the account’s)', () => {
    const accountObserver = `a-${expertAccountId}`;
    expect(observerIds[2]).toBe(accountObserver);
    for (const guest of observers.slice(0, 2) as HeadlessClient[]) {
      const coaching = guest.live?.coaching;
      expect(coaching?.observers?.[accountObserver]?.name).toBe(OBSERVER_NAMES[2]);
      const byExpert = (coaching?.tips ?? []).filter((t) => t.from === accountObserver).map((t) => t.id);
      expect(byExpert.sort()).toEqual(['tip-2']);
    }
  });

  it('the facilitator sees who voted what in the secret ballot', () => {
    const counted = facilitator.live?.record.ballots.find((b) => b.item === 'secret_vote');
    expect(counted?.kind).toBe('vote');
    if (counted?.kind !== 'vote') return;
    expect(counted.votes).toEqual({
      ...Object.fromEntries(trainees.map((t) => [t.id, t.vote])),
      [standIn]: 'no',
    });
    // Both secret votes: the plain one (the tenant's stand-in too) and the vote of the electorate.
    const casts = timelineEntries(facilitator).filter((e) => e.type === 'vote.cast');
    const everyVote = trainees.map((t) => t.vote);
    expect(casts.map((e) => e.data.choice).sort()).toEqual([...everyVote, 'no', ...everyVote].sort());
    const paper = timelineEntries(facilitator).filter((e) => e.type.startsWith('ballot.paper.'));
    expect(paper.map((e) => [e.type, e.data])).toEqual(
      expect.arrayContaining([
        ['ballot.paper.enter', { flat: '402', choice: 'no' }],
        ['ballot.paper.correct', { flat: '402', choice: 'yes' }],
      ]),
    );
  });

  it('the facilitator sees which expert plays the tenant card', () => {
    expect(facilitator.live?.participants.find((p) => p.id === standIn)).toMatchObject({
      roleId: 'tenant',
      name: OBSERVER_NAMES[0],
      playedBy: observerIds[0],
    });
  });
});

// A secret ballot in a room of three, whose cards' areas are public (52.3, 71.8
// and 89.6 m²) and all different: any total by choice names a voter. Until the
// debrief opens, the trainees and the projector get the verdict and whether
// each threshold was met, and nothing that depends on a choice — in views,
// patches, sync, history, the refusal of a second ballot, or a debrief asked
// for early.
describe('the leak test: a secret ballot in a room of three', () => {
  const VOTES: Choice[] = ['yes', 'no', 'abstain'];
  const room: HeadlessClient[] = [];
  let screen: HeadlessClient;
  let early: unknown[] = [];
  let second: CommandAck | undefined;

  beforeAll(async () => {
    const created = await createSession(server.url, 'secret-three');
    const host = await connectFacilitator(server.url, created);
    screen = await HeadlessClient.connect(server.url, { role: 'projector', code: created.joinCode });
    for (const [i, roleId] of ['chair', 'owner_b', 'owner_c'].entries()) {
      const { client } = await HeadlessClient.join(server.url, created.joinCode, `Three ${i + 1}`);
      await ok(client, { type: 'card.take', roleId });
      room.push(client);
    }
    const [chair] = room as [HeadlessClient];
    await ok(host, { type: 'meeting.start' });
    await ok(chair, { type: 'meeting.begin' });
    await ok(chair, { type: 'vote.open' });
    for (const [i, c] of room.entries()) await ok(c, { type: 'vote.cast', choice: VOTES[i] as Choice });
    second = await (room[1] as HeadlessClient).send({ type: 'vote.cast', choice: 'yes' });
    await host.until((l) => l.item?.ballot?.castCount === 3);
    await ok(chair, { type: 'vote.close' });
    await ok(host, { type: 'meeting.end' });
    for (const c of [...room, screen]) {
      await c.until((l) => l.phase === 'closed');
      expect((await c.sync()).ok).toBe(true);
      expect((await c.history(0)).ok).toBe(true);
    }
    // A debrief asked for before the debrief opens.
    early = await Promise.all(room.map((c) => c.emitRaw('debrief', {}, 10_000)));
    host.close();
  }, 60_000);

  afterAll(() => {
    for (const c of [...room, screen]) c?.close();
  });

  const received = (c: HeadlessClient) => [...c.frames.map((f) => f.payload)];

  it('counts the vote, and the room learns its verdict', () => {
    for (const c of [...room, screen]) {
      const counted = c.live?.record.ballots[0];
      expect(counted).toMatchObject({ ballot: 'secret', sealed: true, votes: {} });
      // 1 yes of 3 taking part: not more than half, by heads or by area.
      if (counted?.kind !== 'vote') throw new Error('no counted vote');
      expect(counted.outcome.passed).toBe(false);
    }
  });

  it('gives no total by choice, anywhere, to a trainee or the projector', () => {
    const zero = { headcount: 0, area: 0 };
    for (const [who, frames] of [
      ...room.map((c, i) => [`trainee ${i + 1}`, [...received(c), early[i]]] as const),
      ['projector', received(screen)] as const,
    ]) {
      let outcomes = 0;
      for (const obj of objects(frames)) {
        if ('votes' in obj) expect(obj.votes, `${who} sees who voted what`).toEqual({});
        if ('yes' in obj && 'no' in obj && 'abstain' in obj && typeof obj.yes === 'object') {
          outcomes += 1;
          expect([obj.yes, obj.no, obj.abstain, obj.cast], `${who} receives totals by choice`).toEqual([
            zero,
            zero,
            zero,
            zero,
          ]);
        }
        // A pass condition's part is the area or heads in favour; its verdict is all the room gets.
        // (Quorum parts are turnout, which the room sees anyway: who has cast is public.)
        if ('pass' in obj && Array.isArray(obj.pass))
          for (const c of obj.pass as { part: number; whole: number }[])
            expect([c.part, c.whole], `${who} receives the share in favour`).toEqual([0, 0]);
      }
      expect(outcomes, `${who} got the outcome at all`).toBeGreaterThan(0);
      // No minutes line with a count by choice.
      expect(JSON.stringify(frames)).not.toMatch(/同意 \d+ 人|反对 \d+ 人|弃权 \d+ 人/);
    }
  });

  it('refuses a second ballot without saying what the first one was', () => {
    expect(second?.ok).toBe(false);
    expect(JSON.stringify(second)).not.toMatch(/\bno\b|反对/);
  });
});
