// The portfolio end to end, on a real server process and SQLite file, with
// headless clients: two roster trainees (and a guest) rehearse two sessions
// of two scenarios with different scales, two experts score them; the
// portfolio's figures and the recency-weighted proficiency are checked
// against answers worked out by hand below, for the trainee (released scores
// only, experts unnamed) and for the instructor. Then "next time" following
// the person into their next session, the personal code (only its own
// portfolio; wrong codes lock), and a deletion: the trainee's name and words
// are gone from the database's bytes, the sessions still replay (a restart
// restores them) and the other trainee's records are unchanged.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { DebriefView } from '../../shared/debrief/build.ts';
import type { Portfolio } from '../../shared/portfolio/portfolio.ts';
import type { AnyCommand, DebriefAck } from '../../shared/protocol/messages.ts';
import { DELETED_TEXT } from '../../shared/roster/deleted.ts';
import { type Agent, signInAdministrator } from '../support/accounts.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  AUTH_ENV,
  type CreatedSession,
  connectFacilitator,
  connectObserver,
  request,
} from '../support/session-api.ts';

const scenario = (id: string, title: string, scale: string) => `schema: 1
id: ${id}
title: { zh: ${title}, en: ${title} }
summary: A short hearing for the portfolio tests.
meeting: hearing
duration: 30m
background: The estate discusses a bicycle shed.
roles:
  - id: chair
    name: { zh: 主持人, en: Chair }
    chair: true
    public: Chairs the meeting.
    brief: Keep order.
  - id: resident
    name: { zh: 居民, en: Resident }
    seats: { min: 1, max: 3 }
    public: Lives here.
    brief: Speak up.
agenda:
  - { id: opening, title: Opening, kind: statement, speakers: [chair], per_speaker: 2m }
  - { id: talk, title: Discussion, kind: open_floor, per_speaker: 90s, duration: 10m }
rubric: { scale: ${scale} }
`;

const WANG = { name: '王小华', community: '光明居民区' };
const LI = { name: '李明', community: '红旗村' };
const LOCKED = { name: '张锁', community: '幸福村' };
const WANG_WORDS = 'WANG-TYPED 我们先听听一楼住户的意见';
const LI_WORDS = 'LI-TYPED 车棚放在二号门可以吗';
const GUEST_WORDS = 'GUEST-TYPED 我是来旁听的';
const PLAN_WANG_1 = 'PLAN-WANG-1 先复述再回答';
const PLAN_WANG_2 = 'PLAN-WANG-2 请叫出居民的名字';
const PLAN_LI_1 = 'PLAN-LI-1 发言前先举手';
const NOTE_ZHAO = 'NOTE-ZHAO 没有打断居民';

let server: ServerProcess;
let admin: Agent;
let dbFile: string;
let scenariosDir: string;
const ids = { wang: '', li: '', locked: '' };
const codes = { wang: '', li: '', locked: '' };
let cohortId: string;
let s1: CreatedSession;
let s2: CreatedSession;
const seats: Record<string, { client: HeadlessClient; id: string; token: string }> = {};
let wangBefore: Portfolio;
let wangInstructor: Portfolio;
let wangAfterRelease: Portfolio;
let liOwn: Portfolio;
let liInstructorBefore: Portfolio;
let nextTimeWang: { status: number; body: { carried: unknown[] } };
let nextTimeRoom: { status: number; body: { carried: unknown[] } };
const open: HeadlessClient[] = [];

async function ok(client: HeadlessClient, command: AnyCommand): Promise<number> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.seq;
}

async function release(session: CreatedSession): Promise<void> {
  const answer = await request(server.url, 'POST', `/api/sessions/${session.sessionId}/release`);
  if (answer.status !== 200) throw new Error(`release: ${answer.status}`);
}

const openPortfolio = (body: unknown) =>
  request<{ person: { id: string }; portfolio: Portfolio; error?: { code: string } }>(
    server.url,
    'POST',
    '/api/portfolio',
    { body, bearer: null },
  );

async function instructorPortfolio(personId: string): Promise<Portfolio> {
  const answer = await admin.request<{ portfolio: Portfolio }>('GET', `/api/people/${personId}/portfolio`);
  if (answer.status !== 200) throw new Error(`portfolio: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.portfolio;
}

/** A guest's seat, joined by the name typed; or a roster person's, joined as themselves with their personal code. */
async function seat(session: CreatedSession, key: string, typed: string, person?: keyof typeof ids) {
  let resumeToken: string;
  if (person) {
    const joined = await request<{ participantId: string; resumeToken: string }>(
      server.url,
      'POST',
      '/api/join/person',
      { body: { code: session.joinCode, personId: ids[person], personalCode: codes[person] }, bearer: null },
    );
    if (joined.status !== 201)
      throw new Error(`join as ${person}: ${joined.status} ${JSON.stringify(joined.body)}`);
    resumeToken = joined.body.resumeToken;
  } else {
    resumeToken = (await HeadlessClient.requestSeat(server.url, session.joinCode, typed)).resumeToken;
  }
  const client = await HeadlessClient.connect(server.url, { role: 'trainee', resumeToken });
  open.push(client);
  seats[key] = { client, id: client.id ?? '', token: resumeToken };
  return seats[key];
}

/** A session of the cohort, so its trainees can join as themselves. */
async function cohortSession(scenarioId: string): Promise<CreatedSession> {
  const made = await admin.request<CreatedSession>('POST', '/api/sessions', {
    body: { scenarioId, cohortId },
  });
  if (made.status !== 201) throw new Error(`POST /api/sessions: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body;
}

const score = (
  client: HeadlessClient,
  participantId: string,
  competency: string,
  value: number,
  note?: string,
) => ok(client, { type: 'score.set', participantId, competency, score: value, ...(note && { note }) });

const fileBytes = () =>
  Buffer.concat([dbFile, `${dbFile}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
const inFile = (text: string) => fileBytes().includes(Buffer.from(text, 'utf8'));

beforeAll(async () => {
  scenariosDir = mkdtempSync(join(tmpdir(), 'civic-portfolio-'));
  writeFileSync(join(scenariosDir, 'shed-a.yaml'), scenario('shed-a', 'ShedA', '[1, 5]'));
  writeFileSync(join(scenariosDir, 'shed-b.yaml'), scenario('shed-b', 'ShedB', '[0, 10]'));
  server = await startServerProcess({ scenariosDir, env: AUTH_ENV });
  dbFile = join(server.dataDir, 'civic-rehearsal.sqlite');
  admin = await signInAdministrator(server.url);
  for (const [key, person] of [
    ['wang', WANG],
    ['li', LI],
    ['locked', LOCKED],
  ] as const) {
    const made = await admin.request<{ person: { id: string } }>('POST', '/api/people', { body: person });
    ids[key] = made.body.person.id;
  }
  // The codes are printed on badges; the test reads them where the server keeps them.
  const db = new Database(dbFile, { readonly: true });
  for (const key of ['wang', 'li', 'locked'] as const)
    codes[key] = (
      db.prepare('SELECT personal_code AS code FROM people WHERE id = ?').get(ids[key]) as { code: string }
    ).code;
  db.close();
  const cohort = await admin.request<{ cohort: { id: string } }>('POST', '/api/cohorts', {
    body: { name: '2026春季班' },
  });
  cohortId = cohort.body.cohort.id;
  await admin.request('PUT', `/api/cohorts/${cohortId}/members`, { body: { personIds: [ids.wang, ids.li] } });

  // Session 1 (scale 1–5): Wang chairs, Li and a guest are residents.
  s1 = await cohortSession('shed-a');
  const f1 = await connectFacilitator(server.url, s1);
  const zhao = await connectObserver(server.url, s1, 'Expert Zhao');
  const qian = await connectObserver(server.url, s1, 'Expert Qian');
  open.push(f1, zhao, qian);
  const wang = await seat(s1, 'wang1', '', 'wang');
  const li = await seat(s1, 'li1', '', 'li');
  const guest = await seat(s1, 'guest1', 'Guest Zhang');
  await ok(wang.client, { type: 'card.take', roleId: 'chair' });
  await ok(li.client, { type: 'card.take', roleId: 'resident' });
  await ok(guest.client, { type: 'card.take', roleId: 'resident' });
  // Attempt 1.
  await ok(f1, { type: 'meeting.start' });
  await ok(wang.client, { type: 'meeting.begin' });
  await ok(wang.client, { type: 'floor.give' });
  await ok(wang.client, { type: 'statement.post', text: WANG_WORDS });
  await ok(wang.client, { type: 'floor.yield' });
  await ok(wang.client, { type: 'item.next' });
  await ok(li.client, { type: 'hand.raise' });
  await ok(wang.client, { type: 'floor.give' });
  await ok(li.client, { type: 'statement.post', text: LI_WORDS });
  await ok(li.client, { type: 'floor.yield' });
  await ok(guest.client, { type: 'hand.raise' });
  await ok(wang.client, { type: 'floor.give' });
  await ok(guest.client, { type: 'statement.post', text: GUEST_WORDS });
  await ok(guest.client, { type: 'floor.yield' });
  await ok(f1, { type: 'meeting.end' });
  await ok(f1, { type: 'meeting.open_debrief' });
  await score(zhao, wang.id, 'mass_work', 3, NOTE_ZHAO);
  await score(qian, wang.id, 'mass_work', 4);
  await score(zhao, wang.id, 'coordination', 2);
  await score(zhao, li.id, 'mass_work', 5);
  await ok(zhao, { type: 'plan.add', itemId: 'plan-wang-1', participantId: wang.id, text: PLAN_WANG_1 });
  await ok(qian, { type: 'plan.add', itemId: 'plan-li-1', participantId: li.id, text: PLAN_LI_1 });
  await ok(zhao, {
    type: 'marker.drop',
    markerId: 'marker-wang',
    participantId: wang.id,
    competency: 'mass_work',
    kind: 'needs_work',
    note: 'cut the resident short',
    shared: true,
  });
  // A marker the expert kept to the observers: in the instructor's portfolio only.
  await ok(qian, {
    type: 'marker.drop',
    markerId: 'marker-wang-private',
    participantId: wang.id,
    competency: 'coordination',
    kind: 'strength',
    note: 'MARKER-PRIVATE',
  });
  // Attempt 2: a short retake, scored again.
  await ok(f1, { type: 'meeting.retake', cards: 'keep' });
  await ok(f1, { type: 'meeting.start' });
  await ok(wang.client, { type: 'meeting.begin' });
  await ok(f1, { type: 'meeting.end' });
  await score(zhao, wang.id, 'mass_work', 4);
  await score(zhao, wang.id, 'coordination', 2);
  await ok(zhao, { type: 'plan.add', itemId: 'plan-wang-2', participantId: wang.id, text: PLAN_WANG_2 });
  await release(s1);

  // Session 2 (scale 0–10), another scenario: Li chairs, Wang is a resident.
  s2 = await cohortSession('shed-b');
  const f2 = await connectFacilitator(server.url, s2);
  const zhao2 = await connectObserver(server.url, s2, 'Expert Zhao');
  open.push(f2, zhao2);
  const wang2 = await seat(s2, 'wang2', '', 'wang');
  const li2 = await seat(s2, 'li2', '', 'li');
  // At the start, before anything happened in it: what each brings from their last session.
  nextTimeWang = (await request(server.url, 'GET', `/api/sessions/${s2.sessionId}/next-time`, {
    bearer: wang2.token,
  })) as typeof nextTimeWang;
  nextTimeRoom = (await request(server.url, 'GET', `/api/sessions/${s2.sessionId}/next-time`, {
    bearer: s2.observerToken,
  })) as typeof nextTimeRoom;
  await ok(li2.client, { type: 'card.take', roleId: 'chair' });
  await ok(wang2.client, { type: 'card.take', roleId: 'resident' });
  await ok(f2, { type: 'meeting.start' });
  await ok(li2.client, { type: 'meeting.begin' });
  await ok(f2, { type: 'meeting.end' });
  await score(zhao2, wang2.id, 'mass_work', 9);

  wangBefore = (await openPortfolio({ name: WANG.name, code: codes.wang })).body.portfolio;
  wangInstructor = await instructorPortfolio(ids.wang);
  liOwn = (await openPortfolio({ personId: ids.li, code: codes.li })).body.portfolio;
  liInstructorBefore = await instructorPortfolio(ids.li);
  await release(s2);
  wangAfterRelease = (await openPortfolio({ personId: ids.wang, code: codes.wang })).body.portfolio;
}, 120_000);

afterAll(async () => {
  for (const client of open) client.close();
  await server?.stop();
});

const compact = (p: Portfolio) =>
  p.attempts.map((a) => ({
    scenario: a.scenarioId,
    attempt: a.attempt,
    role: a.role?.id ?? null,
    competencies: Object.fromEntries(a.competencies.map((c) => [c.id, c.percent])),
    plan: a.plan.map((x) => [x.text, x.status]),
  }));
const proficiency = (p: Portfolio) => Object.fromEntries(p.competencies.map((c) => [c.id, c.proficiency]));

describe('the portfolio, worked out by hand', () => {
  it('the trainee sees every attempt, with released scores only', () => {
    // Session 1 attempt 1, scale 1–5: mass_work (3 + 4) / 2 = 3.5 → (3.5 − 1) / 4 = 62.5 %;
    // coordination 2 → 25 %. Attempt 2: mass_work 4 → 75 %, coordination 2 → 25 %.
    // Session 2's score is not released yet: its attempt shows, without scores.
    // PLAN-WANG-1 is met: attempt 2 is no lower anywhere (25 = 25) and higher on mass_work.
    // PLAN-WANG-2 is open: no later attempt the trainee may see was scored.
    expect(compact(wangBefore)).toEqual([
      {
        scenario: 'shed-a',
        attempt: 1,
        role: 'chair',
        competencies: { mass_work: 62.5, coordination: 25 },
        plan: [[PLAN_WANG_1, 'met']],
      },
      {
        scenario: 'shed-a',
        attempt: 2,
        role: 'chair',
        competencies: { mass_work: 75, coordination: 25 },
        plan: [[PLAN_WANG_2, 'open']],
      },
      { scenario: 'shed-b', attempt: 1, role: 'resident', competencies: {}, plan: [] },
    ]);
    // λ = 1/2 over the scored attempts, oldest first:
    // mass_work (½·0.625 + 1·0.75) / (½ + 1) = 1.0625 / 1.5 = 0.7083 → 70.8 %; coordination 25 %.
    expect(proficiency(wangBefore)).toEqual({ mass_work: 70.8, coordination: 25 });
    expect(wangBefore.competencies.find((c) => c.id === 'mass_work')?.points.map((p) => p.percent)).toEqual([
      62.5, 75,
    ]);
  });

  it('the trainee’s copy names no expert and holds the notes, markers and speaking figures', () => {
    const first = wangBefore.attempts[0];
    // Zhao joined first (expert 1), Qian second (2): numbered the same in every row.
    expect(first?.competencies[0]?.scores).toEqual([
      { expertNumber: 1, score: 3, note: NOTE_ZHAO },
      { expertNumber: 2, score: 4 },
    ]);
    expect(first?.competencies[1]?.scores).toEqual([{ expertNumber: 1, score: 2 }]);
    expect(first?.markers).toMatchObject([{ competency: 'mass_work', kind: 'needs_work' }]);
    // The chair had the floor once in the opening (and gave it twice in the discussion).
    expect(first?.speaking.turns).toBe(1);
    const text = JSON.stringify(wangBefore);
    expect(text).not.toContain('Expert Zhao');
    expect(text).not.toContain('Expert Qian');
    expect(text).not.toMatch(/observerId/);
    expect(text).not.toContain('MARKER-PRIVATE');
    expect(wangInstructor.attempts[0]?.markers.map((m) => m.note)).toEqual([
      'cut the resident short',
      'MARKER-PRIVATE',
    ]);
  });

  it('the instructor sees the unreleased score too, with the experts named', () => {
    // Session 2: 9 on 0–10 → 90 %. mass_work (¼·0.625 + ½·0.75 + 1·0.9) / (¼ + ½ + 1)
    // = (0.15625 + 0.375 + 0.9) / 1.75 = 1.43125 / 1.75 = 0.8179 → 81.8 %.
    // PLAN-WANG-2 is met by session 2 (90 ≥ 75; coordination was not scored there).
    expect(proficiency(wangInstructor)).toEqual({ mass_work: 81.8, coordination: 25 });
    expect(compact(wangInstructor)[1]?.plan).toEqual([[PLAN_WANG_2, 'met']]);
    expect(compact(wangInstructor)[2]?.competencies).toEqual({ mass_work: 90 });
    expect(wangInstructor.attempts[0]?.competencies[0]?.scores).toEqual([
      { expert: 'Expert Zhao', score: 3, note: NOTE_ZHAO },
      { expert: 'Expert Qian', score: 4 },
    ]);
  });

  it('after the release the trainee’s figures are the instructor’s', () => {
    expect(proficiency(wangAfterRelease)).toEqual({ mass_work: 81.8, coordination: 25 });
    expect(compact(wangAfterRelease)).toEqual(compact(wangInstructor));
  });

  it('nothing about one trainee reaches another', () => {
    // Li: resident in session 1 (5 → 100 %), chair in session 2 (unscored).
    expect(compact(liOwn)).toEqual([
      {
        scenario: 'shed-a',
        attempt: 1,
        role: 'resident',
        competencies: { mass_work: 100 },
        plan: [[PLAN_LI_1, 'open']],
      },
      { scenario: 'shed-a', attempt: 2, role: 'resident', competencies: {}, plan: [] },
      { scenario: 'shed-b', attempt: 1, role: 'chair', competencies: {}, plan: [] },
    ]);
    const text = JSON.stringify(liOwn);
    for (const other of [PLAN_WANG_1, PLAN_WANG_2, NOTE_ZHAO, WANG.name, 'cut the resident short'])
      expect(text).not.toContain(other);
    for (const other of [PLAN_LI_1, LI.name]) expect(JSON.stringify(wangAfterRelease)).not.toContain(other);
  });
});

describe('next time follows the person', () => {
  it('the trainee’s phone gets the items of their last session at the start of the next, unnamed', () => {
    expect(nextTimeWang.status).toBe(200);
    expect(nextTimeWang.body.carried).toEqual([
      {
        participantId: seats.wang2?.id,
        from: expect.objectContaining({ sessionId: s1.sessionId, attempt: 2 }),
        items: [{ id: 'plan-wang-2', text: PLAN_WANG_2 }],
      },
    ]);
  });

  it('a guest expert’s link gets every seat’s, without the names of the other sessions’ experts', () => {
    // The link opens this session only; accounts see the names (tests/server/http/roster-requests.test.ts).
    expect(nextTimeRoom.status).toBe(200);
    const byText = nextTimeRoom.body.carried.map(
      (c) => (c as { items: { text: string; expert?: string }[] }).items,
    );
    expect(byText).toEqual([
      [{ id: 'plan-wang-2', text: PLAN_WANG_2 }],
      [{ id: 'plan-li-1', text: PLAN_LI_1 }],
    ]);
  });
});

describe('the personal code', () => {
  it('opens only its own portfolio', async () => {
    expect((await openPortfolio({ name: WANG.name, code: codes.wang })).body.person.id).toBe(ids.wang);
    expect((await openPortfolio({ personId: ids.li, code: codes.li })).body.person.id).toBe(ids.li);
    // Wang's name with Li's code, and Li's id with Wang's: neither opens anything.
    for (const body of [
      { name: WANG.name, code: codes.li },
      { personId: ids.li, code: codes.wang },
    ]) {
      const answer = await openPortfolio(body);
      expect([answer.status, answer.body.error?.code]).toEqual([401, 'roster/wrong_code']);
      expect(answer.body.portfolio).toBeUndefined();
    }
    // Someone not on the roster is told the same as a wrong code.
    const stranger = await openPortfolio({ name: '查无此人', code: '123456' });
    expect([stranger.status, stranger.body.error?.code]).toEqual([401, 'roster/wrong_code']);
  });

  it('wrong codes lock the person, and then even the right code waits', async () => {
    const wrong = codes.locked === '000000' ? '000001' : '000000';
    const answers: number[] = [];
    for (let i = 0; i < 5; i++)
      answers.push((await openPortfolio({ personId: ids.locked, code: wrong })).status);
    expect(answers).toEqual([401, 401, 401, 401, 429]);
    const right = await openPortfolio({ personId: ids.locked, code: codes.locked });
    expect([right.status, right.body.error?.code]).toEqual([429, 'roster/person_locked']);
  });
});

describe('a person’s data, exported on their request', () => {
  const exported = (lang?: string) =>
    fetch(`${server.url}/api/people/${ids.wang}/data.json${lang ? `?lang=${lang}` : ''}`, {
      headers: { cookie: admin.cookie },
    });
  const fileName = (res: Response) =>
    decodeURIComponent(
      /filename\*=UTF-8''(.+)$/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '',
    );

  it('holds their roster entry, what they typed and their portfolio, and names no expert', async () => {
    const res = await exported();
    expect(res.status).toBe(200);
    const text = await res.text();
    const data = JSON.parse(text) as {
      person: Record<string, unknown>;
      seats: { statements: { text: string }[] }[];
    };
    expect(data.person).toMatchObject(WANG);
    // The personal code is a credential, not information about them.
    expect(Object.values(data.person)).not.toContain(codes.wang);
    expect(data.seats).toHaveLength(2);
    expect(data.seats.flatMap((seat) => seat.statements.map((said) => said.text))).toContain(WANG_WORDS);
    expect(text).toContain(PLAN_WANG_1);
    for (const other of [LI_WORDS, GUEST_WORDS, PLAN_LI_1, 'Expert Zhao', 'Expert Qian'])
      expect(text, other).not.toContain(other);
  });

  it('is a file named in words in the language asked (Chinese unless English); no id in its name', async () => {
    const zh = await exported();
    expect(fileName(zh)).toMatch(/^王小华 - 个人数据 - \d{4}-\d{2}-\d{2}\.json$/);
    expect(zh.headers.get('content-disposition')).not.toContain(ids.wang);
    expect(fileName(await exported('en'))).toMatch(/^王小华 - Personal data - \d{4}-\d{2}-\d{2}\.json$/);
    const refused = await exported('fr');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: { code: 'http/bad_request', message: 'lang must be zh or en' },
    });
  });
});

describe('deleting a trainee', () => {
  let roomAfter: DebriefView;

  beforeAll(async () => {
    // The grep finds what is there: the name on the roster, and a guest's words in the log.
    expect(inFile(WANG.name)).toBe(true);
    expect(inFile(GUEST_WORDS)).toBe(true);
    const deleted = await admin.request<{ deleted: { sessions: number } }>(
      'DELETE',
      `/api/people/${ids.wang}`,
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted: { sessions: 2 } });
    const viewer = await connectFacilitator(server.url, s1);
    open.push(viewer);
    const ack = (await viewer.emitRaw('debrief', {}, 10_000)) as DebriefAck;
    if (!ack.ok) throw new Error(ack.error.code);
    roomAfter = ack.debrief;
  }, 60_000);

  it('leaves neither their name nor what they typed nor what was written about them in the file', () => {
    for (const text of [WANG.name, WANG_WORDS, PLAN_WANG_1, PLAN_WANG_2, NOTE_ZHAO])
      expect(inFile(text), text).toBe(false);
  });

  it('the room’s debrief still holds their seat and scores, anonymised', () => {
    // Joining as oneself linked the seat before the join was logged, so even its pseudonym was sealed.
    const seat = roomAfter.participants.find((p) => p.id === seats.wang1?.id);
    expect(seat?.name).toBe(DELETED_TEXT);
    const statements = roomAfter.attempts[0]?.record.statements.map((s) => s.text);
    expect(statements).toEqual([DELETED_TEXT, LI_WORDS, GUEST_WORDS]);
    const wangScores = roomAfter.attempts[0]?.scores.filter((s) => s.participantId === seats.wang1?.id);
    expect(wangScores?.map((s) => [s.competency, s.mean])).toEqual([
      ['mass_work', 3.5],
      ['coordination', 2],
    ]);
  });

  it('their portfolio is gone; the other trainee’s records are as they were, after a restart too', async () => {
    expect((await admin.request('GET', `/api/people/${ids.wang}/portfolio`)).status).toBe(404);
    expect(await instructorPortfolio(ids.li)).toEqual(liInstructorBefore);
    for (const client of open) client.close();
    open.length = 0;
    await server.stop();
    // Every session replays from its log at start, under the deleted person's unreadable words.
    server = await startServerProcess({ dataDir: server.dataDir, scenariosDir, env: AUTH_ENV });
    admin = await signInAdministrator(server.url);
    const sessions = await request<{ sessions: { id: string; health: string }[] }>(
      server.url,
      'GET',
      '/api/sessions',
    );
    expect(sessions.body.sessions.map((s) => [s.id, s.health]).sort()).toEqual(
      [
        [s1.sessionId, 'live'],
        [s2.sessionId, 'live'],
      ].sort(),
    );
    expect(await instructorPortfolio(ids.li)).toEqual(liInstructorBefore);
    expect(inFile(WANG_WORDS)).toBe(false);
  }, 60_000);
});
