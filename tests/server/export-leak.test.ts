// The leak test for the debrief and its exports. A real server, real sockets,
// and the canary scenario of tests/server/leak.test.ts
// (tests/fixtures/scenarios/leak/canary-hearing.yaml, reveal_secrets: false),
// plus a copy of it that reveals the secrets (canary-hearing-reveal). In each,
// five trainees hold a meeting while two observers (canary names) whisper a
// canary tip to each trainee, drop shared and unshared markers about each
// trainee and about the room, score every trainee with canary notes, write a
// canary plan item for each, and talk on the backchannel; injects to all, to
// owner_a only and to the observers fire; there is a secret vote. The first
// observer plays the tenant card nobody took, speaks for it and leaves its
// ballot uncast. Then, while
// the meeting runs, once it is closed and in the debrief, every trainee's
// socket debrief, export.md in both languages and state_at views are searched
// for any canary that trainee is not entitled to.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { DebriefView } from '../../shared/debrief/build.ts';
import type { AnyCommand, DebriefAck, StateAtAck } from '../../shared/protocol/messages.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  API_TOKEN,
  AUTH_ENV,
  type CreatedSession,
  connectObserver,
  createSession,
} from '../support/session-api.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/scenarios/leak/canary-hearing.yaml');
const CANARY = /CANARY-[A-Za-z0-9_-]+/g;
const ROLES = ['chair', 'owner_a', 'owner_b', 'residents', 'tenant', 'official'];
const PRIVATE_FIELDS = ['BRIEF', 'GOAL', 'SECRET', 'REDLINE'];
const OBSERVER_NAMES = ['CANARY-OBSERVER-NAME-1', 'CANARY-OBSERVER-NAME-2'];
const CAST = [
  { name: 'Trainee Chair', roleId: 'chair', vote: 'yes' },
  { name: 'Trainee A', roleId: 'owner_a', vote: 'no' },
  { name: 'Trainee B', roleId: 'owner_b', vote: 'abstain' },
  { name: 'Trainee R1', roleId: 'residents', vote: 'yes' },
  { name: 'Trainee R2', roleId: 'residents', vote: 'no' },
] as const;

const tipText = (id: string) => `CANARY-TIP-for-${id}`;
const planText = (id: string) => `CANARY-PLAN-for-${id}`;
const scoreNote = (id: string, expert: number) => `CANARY-SCORE-NOTE-${id}-${expert}`;
const sharedMarker = (id: string) => `CANARY-MARKER-SHARED-${id}`;
const unsharedMarker = (id: string) => `CANARY-MARKER-UNSHARED-${id}`;
/** The unshared marker's id is a canary too: a score citing it must not name it to the trainee. */
const unsharedMarkerId = (id: string) => `CANARY-MID-UNSHARED-${id}`;
const ROOM_MARKER = 'CANARY-MARKER-ROOM';
const ROOM_MARKER_UNSHARED = 'CANARY-MARKER-ROOM-UNSHARED';
const BACKCHANNEL = 'CANARY-BACKCHANNEL-1';

/** The last phase is the debrief after the instructor released the scores; the others are before it. */
type Phase = 'running' | 'closed' | 'debrief' | 'released';
const PHASES: readonly Phase[] = ['running', 'closed', 'debrief', 'released'];
interface Trainee {
  name: string;
  roleId: string;
  vote: 'yes' | 'no' | 'abstain';
  id: string;
  token: string;
  client: HeadlessClient;
}
/** What one trainee got at one moment: the socket debrief, export.md in zh and en, state_at views. */
interface Capture {
  debrief: DebriefView;
  md: { zh: string; en: string };
  stateAt: StateAtAck[];
}
interface Run {
  scenarioId: string;
  reveal: boolean;
  session: CreatedSession;
  trainees: Trainee[];
  observerIds: string[];
  captures: Record<Phase, Map<Trainee, Capture>>;
  observerDebrief: DebriefView;
  observerMd: string;
  facilitatorMdFor: Map<Trainee, string>;
  projectorDebrief: DebriefAck;
}

let server: ServerProcess;
const runs: Run[] = [];
const clients: HeadlessClient[] = [];

async function ok(client: HeadlessClient, command: AnyCommand): Promise<number> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.seq;
}

async function exportMd(sessionId: string, token: string, lang: 'zh' | 'en', participant?: string) {
  const query = `lang=${lang}${participant ? `&participant=${participant}` : ''}`;
  const res = await fetch(`${server.url}/api/sessions/${sessionId}/export.md?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`export.md: ${res.status} ${await res.text()}`);
  return res.text();
}

async function debriefOf(client: HeadlessClient): Promise<DebriefView> {
  const ack = (await client.emitRaw('debrief', {}, 10_000)) as DebriefAck;
  if (!ack.ok) throw new Error(`debrief refused: ${ack.error.code}`);
  return ack.debrief;
}

async function capture(run: Pick<Run, 'session'>, t: Trainee, withStateAt: boolean): Promise<Capture> {
  const debrief = await debriefOf(t.client);
  // Ask for someone else's report too: a trainee always gets their own.
  const md = {
    zh: await exportMd(run.session.sessionId, t.token, 'zh'),
    en: await exportMd(run.session.sessionId, t.token, 'en', 'someone-else'),
  };
  const stateAt: StateAtAck[] = [];
  if (withStateAt) {
    // state_at takes numbers of the trainee's own timeline: its history's lastSeq is the last.
    const history = await t.client.history(0, 1);
    const last = history.ok ? history.lastSeq : 0;
    // About 15 moments, and the last: two captures ask (debrief, released), and the rate limit
    // allows 40 messages at once.
    const step = Math.max(1, Math.ceil(last / 15));
    for (let seq = 1; seq <= last; seq += step) {
      stateAt.push((await t.client.emitRaw('state_at', { seq }, 10_000)) as StateAtAck);
    }
    stateAt.push((await t.client.emitRaw('state_at', { seq: last }, 10_000)) as StateAtAck);
  }
  return { debrief, md, stateAt };
}

async function runSession(scenarioId: string, reveal: boolean): Promise<Run> {
  const { url } = server;
  const session = await createSession(url, scenarioId);
  const facilitator = await HeadlessClient.connect(url, {
    role: 'facilitator',
    sessionId: session.sessionId,
    apiToken: API_TOKEN,
  });
  const observers = await Promise.all(OBSERVER_NAMES.map((name) => connectObserver(url, session, name)));
  const projector = await HeadlessClient.connect(url, { role: 'projector', code: session.joinCode });
  clients.push(facilitator, ...observers, projector);
  const trainees: Trainee[] = [];
  for (const c of CAST) {
    const { client, seat } = await HeadlessClient.join(url, session.joinCode, c.name);
    clients.push(client);
    trainees.push({ ...c, id: seat.participantId, token: seat.resumeToken, client });
    await ok(client, { type: 'card.take', roleId: c.roleId });
  }
  const [chair, ownerA] = trainees as [Trainee, Trainee];
  const [o1, o2] = observers as [HeadlessClient, HeadlessClient];
  // The tenant card nobody took: the first observer plays it.
  await ok(facilitator, { type: 'card.assign_expert', roleId: 'tenant', observerId: o1.id as string });
  const tenant = (
    await facilitator.until((l) => l.participants.some((p) => p.roleId === 'tenant'))
  ).participants.find((p) => p.roleId === 'tenant')?.id as string;

  await ok(facilitator, { type: 'meeting.start' });
  await ok(chair.client, { type: 'meeting.begin' });
  await ok(chair.client, { type: 'floor.give' });
  await ok(chair.client, { type: 'statement.post', text: 'We open the hearing on the shed.' });
  await ok(chair.client, { type: 'floor.yield' });
  await ok(chair.client, { type: 'floor.give', to: { kind: 'npc', roleId: 'official' } });
  await ok(o1, { type: 'npc.say', roleId: 'official', text: 'The street office supports a shed.' });
  await ok(o1, { type: 'floor.yield' });

  // Coaching about every trainee, and about the room.
  await ok(o1, {
    type: 'marker.drop',
    markerId: 'mk-room',
    competency: 'coordination',
    kind: 'needs_work',
    note: ROOM_MARKER,
    shared: true,
  });
  await ok(o2, {
    type: 'marker.drop',
    markerId: 'mk-room-unshared',
    competency: 'coordination',
    kind: 'needs_work',
    note: ROOM_MARKER_UNSHARED,
  });
  for (const [i, t] of trainees.entries()) {
    const expert = i % 2 ? o2 : o1;
    await ok(expert, { type: 'tip.whisper', tipId: `tip-${i}`, to: t.id, text: tipText(t.id) });
    await ok(expert, {
      type: 'marker.drop',
      markerId: `mk-shared-${i}`,
      participantId: t.id,
      competency: 'mass_work',
      kind: 'strength',
      note: sharedMarker(t.id),
      shared: true,
    });
    await ok(expert, {
      type: 'marker.drop',
      markerId: unsharedMarkerId(t.id),
      participantId: t.id,
      competency: 'mass_work',
      kind: 'needs_work',
      note: unsharedMarker(t.id),
      shared: false,
    });
    for (const [n, o] of [o1, o2].entries()) {
      await ok(o, {
        type: 'score.set',
        participantId: t.id,
        competency: 'mass_work',
        score: 3 + n,
        note: scoreNote(t.id, n + 1),
        markerIds: [`mk-shared-${i}`, unsharedMarkerId(t.id)],
      });
    }
    await ok(o1, { type: 'plan.add', itemId: `plan-${i}`, participantId: t.id, text: planText(t.id) });
  }
  await ok(o2, { type: 'tip.broadcast', tipId: 'hint', text: 'Summarise before you answer.' });
  await ok(o1, { type: 'backchannel.say', messageId: 'bc-1', text: BACKCHANNEL });
  await ownerA.client.until((l) => (l.me?.tips.length ?? 0) === 2);
  await ok(ownerA.client, { type: 'tip.ack', tipId: 'tip-1' });

  // The hearing: injects to all, to owner_a, to the observers (fired by an observer).
  await ok(chair.client, { type: 'item.next' });
  await ok(facilitator, { type: 'inject.fire', injectId: 'town_news' });
  await ok(facilitator, { type: 'inject.fire', injectId: 'private_call' });
  await ok(facilitator, { type: 'settings.update', observersMayFireInjects: true });
  await ok(o2, { type: 'inject.fire', injectId: 'observer_note' });
  await ok(o1, { type: 'inject.respond', injectId: 'town_news' });
  await ok(o1, { type: 'card.play', participantId: tenant, command: { type: 'hand.raise' } });
  await ok(chair.client, { type: 'floor.give' });
  await ok(o1, { type: 'card.play', participantId: tenant, command: { type: 'floor.yield' } });

  // The secret vote.
  await ok(chair.client, { type: 'item.next' });
  await ok(chair.client, { type: 'vote.open' });
  for (const t of trainees) await ok(t.client, { type: 'vote.cast', choice: t.vote });
  await ok(chair.client, { type: 'vote.close' });

  const run: Run = {
    scenarioId,
    reveal,
    session,
    trainees,
    observerIds: observers.map((o) => o.id as string),
    captures: { running: new Map(), closed: new Map(), debrief: new Map(), released: new Map() },
    observerDebrief: undefined as never,
    observerMd: '',
    facilitatorMdFor: new Map(),
    projectorDebrief: undefined as never,
  };
  for (const t of trainees) run.captures.running.set(t, await capture(run, t, false));
  await ok(facilitator, { type: 'meeting.end' });
  for (const t of trainees) run.captures.closed.set(t, await capture(run, t, false));
  await ok(facilitator, { type: 'meeting.open_debrief' });
  await Promise.all(trainees.map((t) => t.client.until((l) => l.phase === 'debrief')));
  for (const t of trainees) run.captures.debrief.set(t, await capture(run, t, true));
  // Staged release: only now may the trainees see scores, their notes and plan items.
  const released = await fetch(`${url}/api/sessions/${session.sessionId}/release`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_TOKEN}` },
  });
  if (released.status !== 200) throw new Error(`release: ${released.status}`);
  for (const t of trainees) run.captures.released.set(t, await capture(run, t, true));

  run.observerDebrief = await debriefOf(o2);
  run.observerMd = await exportMd(session.sessionId, session.observerToken, 'en');
  for (const t of trainees) {
    run.facilitatorMdFor.set(t, await exportMd(session.sessionId, API_TOKEN, 'en', t.id));
  }
  run.projectorDebrief = (await projector.emitRaw('debrief', {}, 10_000)) as DebriefAck;
  return run;
}

beforeAll(async () => {
  const scenariosDir = mkdtempSync(join(tmpdir(), 'civic-export-leak-'));
  const text = readFileSync(FIXTURE, 'utf8');
  // The fixture must say explicitly that it keeps its secrets; the copy says it reveals them.
  expect(text).toMatch(/^\s*reveal_secrets: false\s*$/m);
  copyFileSync(FIXTURE, join(scenariosDir, 'canary-hearing.yaml'));
  writeFileSync(
    join(scenariosDir, 'canary-hearing-reveal.yaml'),
    text
      .replace(/^id: canary-hearing$/m, 'id: canary-hearing-reveal')
      .replace(/^(\s*)reveal_secrets: false\s*$/m, '$1reveal_secrets: true'),
  );
  server = await startServerProcess({ scenariosDir, env: AUTH_ENV });
  runs.push(await runSession('canary-hearing', false));
  runs.push(await runSession('canary-hearing-reveal', true));
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
});

/** Every card's private fields: allowed once a revealing scenario's meeting is over. */
const cardCanaries = (roleId: string) => PRIVATE_FIELDS.map((k) => `CANARY-${k}-${roleId}`);

/** The experts' scoring of a trainee: held back until the instructor releases it. */
const scoring = (t: Trainee) => [planText(t.id), scoreNote(t.id, 1), scoreNote(t.id, 2)];

/**
 * What a trainee may see: their own coaching (scores, notes and plan items
 * only once released), the room's shared marker, their card's private inject and handout.
 */
function entitled(t: Trainee, revealed: boolean, released: boolean): Set<string> {
  const own = [...cardCanaries(t.roleId), tipText(t.id), sharedMarker(t.id), ROOM_MARKER];
  if (released) own.push(...scoring(t));
  if (t.roleId === 'owner_a')
    own.push('CANARY-PRIVATE-TITLE-private_call', 'CANARY-PRIVATE-BODY-private_call');
  if (t.roleId === 'owner_b')
    own.push('CANARY-HANDOUT-TITLE-owner_b_letter', 'CANARY-HANDOUT-BODY-owner_b_letter');
  if (revealed) own.push(...ROLES.flatMap(cardCanaries));
  return new Set(own);
}

const revealedAt = (run: Run, phase: Phase) => run.reveal && phase !== 'running';
const releasedAt = (phase: Phase) => phase === 'released';
const texts = (c: Capture): [string, string][] => [
  ['socket debrief', JSON.stringify(c.debrief)],
  ['export.md (zh)', c.md.zh],
  ['export.md (en)', c.md.en],
  ...c.stateAt.map((s, i): [string, string] => [`state_at #${i}`, JSON.stringify(s)]),
];

function* everyCapture(): Generator<[Run, Phase, Trainee, Capture]> {
  for (const run of runs)
    for (const phase of PHASES) for (const [t, c] of run.captures[phase]) yield [run, phase, t, c];
}

describe('the debrief exports leak nothing to trainees', () => {
  it('ran both scenarios to the debrief, with state_at views', () => {
    expect(runs.map((r) => [r.scenarioId, r.reveal])).toEqual([
      ['canary-hearing', false],
      ['canary-hearing-reveal', true],
    ]);
    for (const run of runs) {
      for (const c of [...run.captures.debrief.values(), ...run.captures.released.values()]) {
        expect(c.stateAt.length).toBeGreaterThan(10);
        for (const s of c.stateAt) expect(s.ok).toBe(true);
      }
    }
  });

  it('no canary a trainee is not entitled to, in any export, before or after the meeting closes', () => {
    for (const [run, phase, t, c] of everyCapture()) {
      const allowed = entitled(t, revealedAt(run, phase), releasedAt(phase));
      for (const [what, text] of texts(c)) {
        const leaked = [...new Set(text.match(CANARY) ?? [])].filter((x) => !allowed.has(x));
        expect(leaked, `${run.scenarioId} ${phase}: ${t.name} (${t.roleId}) ${what}`).toEqual([]);
      }
    }
  });

  it('no observer id or name, backchannel, guidance or expected response', () => {
    for (const [run, phase, t, c] of everyCapture()) {
      for (const [what, text] of texts(c)) {
        const where = `${run.scenarioId} ${phase}: ${t.name} ${what}`;
        for (const id of run.observerIds) expect(text, where).not.toContain(id);
        for (const name of OBSERVER_NAMES) expect(text, where).not.toContain(name);
        for (const key of ['"observerId"', '"backchannel"', '"guidance"', '"expect"', '"observers"']) {
          expect(text, where).not.toContain(key);
        }
        expect(text, where).not.toContain('"kind":"observer"');
        expect(text, where).not.toContain(BACKCHANNEL);
      }
    }
  });

  it('the minutes say an expert played the tenant card, and not which', () => {
    for (const [run, phase, t, c] of everyCapture()) {
      const where = `${run.scenarioId} ${phase}: ${t.name}`;
      expect(c.debrief.attempts[0]?.minutes.en, where).toContain('an expert (as Tenant of flat 3)');
      expect(c.md.zh, where).toContain('专家（饰 Tenant of flat 3）');
    }
    for (const run of runs)
      expect(run.observerDebrief.attempts[0]?.minutes.en).toContain(
        `expert ${OBSERVER_NAMES[0]} (as Tenant of flat 3)`,
      );
  });

  it('unreleased scores reach no trainee: no score, note or plan item before the release, in any phase', () => {
    for (const [run, phase, t, c] of everyCapture()) {
      if (releasedAt(phase)) continue;
      const where = `${run.scenarioId} ${phase}: ${t.name}`;
      expect(c.debrief.release, where).toEqual({ throughAttempt: 0 });
      expect(c.debrief.attempts[0]?.scores, where).toEqual([]);
      expect(c.debrief.attempts[0]?.plan, where).toEqual([]);
      for (const row of c.debrief.comparison) expect(row.competencies, where).toEqual({});
      for (const [what, text] of texts(c))
        for (const held of run.trainees.flatMap(scoring))
          expect(text, `${where} ${what}`).not.toContain(held);
    }
  });

  it('each trainee does get their own coaching (the search can see canaries)', () => {
    for (const [run, phase, t, c] of everyCapture()) {
      const where = `${run.scenarioId} ${phase}: ${t.name}`;
      const json = JSON.stringify(c.debrief);
      for (const own of [tipText(t.id), sharedMarker(t.id), ROOM_MARKER]) expect(json, where).toContain(own);
      // Score notes are not in the report; the rest is.
      for (const md of [c.md.zh, c.md.en]) {
        for (const own of [tipText(t.id), sharedMarker(t.id), ROOM_MARKER]) expect(md, where).toContain(own);
      }
      if (!releasedAt(phase)) continue;
      for (const own of scoring(t)) expect(json, where).toContain(own);
      for (const md of [c.md.zh, c.md.en]) expect(md, where).toContain(planText(t.id));
      const score = c.debrief.attempts[0]?.scores[0];
      expect(score?.scores.map((s) => s.markerIds)).toEqual([
        [`mk-shared-${run.trainees.indexOf(t)}`],
        [`mk-shared-${run.trainees.indexOf(t)}`],
      ]);
      if (t.roleId === 'owner_a') {
        expect(json, where).toContain('CANARY-PRIVATE-TITLE-private_call');
        expect(c.md.en, where).toContain('CANARY-PRIVATE-TITLE-private_call');
      }
    }
  });

  it('cards’ private fields: only after the meeting closes, and only when the scenario reveals them', () => {
    for (const [run, phase, t, c] of everyCapture()) {
      const where = `${run.scenarioId} ${phase}: ${t.name}`;
      const others = ROLES.filter((r) => r !== t.roleId).flatMap(cardCanaries);
      const revealed = revealedAt(run, phase);
      expect(c.debrief.secrets === null, where).toBe(!revealed);
      for (const [what, text] of texts(c).slice(0, 3)) {
        for (const canary of others) {
          if (revealed) expect(text, `${where} ${what}`).toContain(canary);
          else expect(text, `${where} ${what}`).not.toContain(canary);
        }
      }
    }
  });

  it('the secret ballot: no choices, no area totals that would name a voter', () => {
    for (const [run, phase, t, c] of everyCapture()) {
      const where = `${run.scenarioId} ${phase}: ${t.name}`;
      const ballot = c.debrief.attempts[0]?.record.ballots.find((b) => b.item === 'secret_vote');
      if (ballot?.kind !== 'vote') throw new Error(`${where}: no counted secret vote`);
      expect(ballot.votes, where).toEqual({});
      const { yes, no, abstain, cast } = ballot.outcome;
      // The totals (by heads: the rule counts no area) come with the debrief; before it, the verdict only.
      expect([yes.headcount, no.headcount, abstain.headcount], where).toEqual(
        phase === 'debrief' || phase === 'released' ? [2, 2, 1] : [0, 0, 0],
      );
      expect([yes.area, no.area, abstain.area, cast.area], where).toEqual([0, 0, 0, 0]);
      const json = JSON.stringify(c.debrief);
      for (const other of run.trainees) {
        for (const choice of ['yes', 'no', 'abstain'])
          expect(json, where).not.toContain(`"${other.id}":"${choice}"`);
      }
      for (const entry of c.debrief.attempts[0]?.timeline ?? []) {
        if (entry.type === 'vote.cast') expect(entry.data, where).toEqual({});
      }
    }
  });

  it('injects: the private one only for its card, never the observers’ or a spare', () => {
    for (const [run, phase, t, c] of everyCapture()) {
      const where = `${run.scenarioId} ${phase}: ${t.name}`;
      const expected = t.roleId === 'owner_a' ? ['town_news', 'private_call'] : ['town_news'];
      expect(
        c.debrief.attempts[0]?.injects.map((i) => i.inject),
        where,
      ).toEqual(expected);
      expect(
        c.debrief.attempts[0]?.record.injects.map((i) => i.inject),
        where,
      ).toEqual(expected);
    }
  });
});

describe('the other viewers', () => {
  it('observers see everything, whatever the scenario says about secrets', () => {
    for (const run of runs) {
      const json = JSON.stringify(run.observerDebrief);
      expect(run.observerDebrief.secrets).toHaveLength(ROLES.length);
      for (const t of run.trainees) {
        for (const canary of [
          tipText(t.id),
          planText(t.id),
          scoreNote(t.id, 1),
          scoreNote(t.id, 2),
          sharedMarker(t.id),
          unsharedMarker(t.id),
          unsharedMarkerId(t.id),
        ]) {
          expect(json).toContain(canary);
        }
        for (const canary of [tipText(t.id), planText(t.id), sharedMarker(t.id), unsharedMarker(t.id)]) {
          expect(run.observerMd).toContain(canary);
        }
      }
      for (const canary of [
        ...ROLES.flatMap(cardCanaries),
        ROOM_MARKER_UNSHARED,
        'CANARY-OBSERVERS-TITLE-observer_note',
      ]) {
        expect(json).toContain(canary);
        expect(run.observerMd).toContain(canary);
      }
      for (const id of run.observerIds) expect(json).toContain(id);
    }
  });

  it('the facilitator’s report on one trainee has none of the other trainees’ coaching', () => {
    for (const run of runs) {
      for (const [t, md] of run.facilitatorMdFor) {
        expect(md).toContain(tipText(t.id));
        expect(md).toContain(planText(t.id));
        for (const other of run.trainees.filter((x) => x !== t)) {
          for (const canary of [
            tipText(other.id),
            planText(other.id),
            sharedMarker(other.id),
            unsharedMarker(other.id),
          ]) {
            expect(md, `${run.scenarioId}: report on ${t.name}`).not.toContain(canary);
          }
        }
      }
    }
  });

  it('the projector has no debrief', () => {
    for (const run of runs) {
      expect(run.projectorDebrief).toMatchObject({ ok: false, error: { code: 'auth/forbidden' } });
    }
  });

  it('the join addresses the projector and console ask for carry nothing of any session', async () => {
    const res = await fetch(`${server.url}/api/join-addresses`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.match(CANARY) ?? []).toEqual([]);
    for (const run of runs) {
      expect(text).not.toContain(run.session.sessionId);
      expect(text).not.toContain(run.session.joinCode);
    }
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['addresses', 'publicUrl']);
  });
});
