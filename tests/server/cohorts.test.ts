import { join } from 'node:path';
import Database from 'better-sqlite3';
import jsQR from 'jsqr';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import { parseBadgeFragment } from '../../shared/roster/badge-link.ts';
import { type Agent, newAccount, signInAdministrator } from '../support/accounts.ts';
import { type RunningServer, startInProcess } from '../support/in-process-server.ts';
import { type CreatedSession, request } from '../support/session-api.ts';

const MINUTE = 60_000;

let clock = Date.UTC(2026, 2, 1, 9, 0, 0);
let running: RunningServer;
let url: string;
let dataDir: string;
let instructor: Agent;
const open: HeadlessClient[] = [];

interface Badge {
  personId: string;
  name: string;
  community: string;
  personalCode: string;
  path: string;
}
interface Group {
  id: string;
  name: string;
  sessions: number;
  personIds?: string[];
}

beforeAll(async () => {
  ({ running, url, dataDir } = await startInProcess('civic-cohorts', { now: () => clock }));
  const admin = await signInAdministrator(url);
  instructor = await newAccount(admin, { login: 'teacher', name: 'Teacher Zhou', role: 'instructor' });
}, 60_000);

afterAll(async () => {
  for (const client of open) client.close();
  await running?.close();
});

const join_ = (body: unknown) =>
  request<Record<string, unknown>>(url, 'POST', '/api/join/person', { body, bearer: null });
const errorOf = (body: unknown) =>
  (body as { error: { code: string; details?: Record<string, unknown> } }).error;

async function person(name: string, community: string): Promise<string> {
  const made = await instructor.request<{ person: { id: string } }>('POST', '/api/people', {
    body: { name, community },
  });
  expect(made.status).toBe(201);
  return made.body.person.id;
}

describe('courses, cohorts and the sessions that belong to them', () => {
  let course: Group;
  let cohort: Group;
  let session: CreatedSession & { course: Group | null; cohort: Group | null };
  let wang: string;

  beforeAll(async () => {
    wang = await person('王小华', '光明居民区');
    course = (
      await instructor.request<{ course: Group }>('POST', '/api/courses', { body: { name: '组织动员' } })
    ).body.course;
    const renamed = await instructor.request<{ course: Group }>('PATCH', `/api/courses/${course.id}`, {
      body: { name: '提升社区带头人组织动员能力' },
    });
    expect(renamed.body.course.name).toBe('提升社区带头人组织动员能力');
    cohort = (
      await instructor.request<{ cohort: Group }>('POST', '/api/cohorts', {
        body: { name: '2026春季一班', courseId: course.id },
      })
    ).body.cohort;
    const members = await instructor.request<{ cohort: Group }>('PUT', `/api/cohorts/${cohort.id}/members`, {
      body: { personIds: [wang] },
    });
    expect(members.body.cohort.personIds).toEqual([wang]);
    // Only the cohort named: the session takes the cohort's course.
    const created = await instructor.request<typeof session>('POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing', cohortId: cohort.id },
    });
    expect(created.status).toBe(201);
    session = created.body;
  });

  it('a session names its course and cohort, in the answer and the list', async () => {
    expect(session.course).toEqual({ id: course.id, name: '提升社区带头人组织动员能力' });
    expect(session.cohort).toEqual({ id: cohort.id, name: '2026春季一班' });
    const list = await instructor.request<{ sessions: { id: string; course: unknown; cohort: unknown }[] }>(
      'GET',
      '/api/sessions',
    );
    const row = list.body.sessions.find((s) => s.id === session.sessionId);
    expect(row).toMatchObject({
      course: { name: '提升社区带头人组织动员能力' },
      cohort: { name: '2026春季一班' },
    });
  });

  it('an unknown course or cohort is refused with its own code, and no session is made', async () => {
    const before = (await instructor.request<{ sessions: unknown[] }>('GET', '/api/sessions')).body.sessions
      .length;
    const course_ = await instructor.request('POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing', courseId: 'no-such-course' },
    });
    expect([course_.status, errorOf(course_.body).code]).toEqual([404, 'roster/course_not_found']);
    const cohort_ = await instructor.request('POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing', cohortId: 'no-such-cohort' },
    });
    expect([cohort_.status, errorOf(cohort_.body).code]).toEqual([404, 'roster/cohort_not_found']);
    expect(
      (await instructor.request<{ sessions: unknown[] }>('GET', '/api/sessions')).body.sessions,
    ).toHaveLength(before);
  });

  it('deleting the cohort or the course while the session uses them is refused with the reason', async () => {
    const cohortRefused = await instructor.request('DELETE', `/api/cohorts/${cohort.id}`);
    expect(cohortRefused.status).toBe(409);
    expect(errorOf(cohortRefused.body)).toMatchObject({
      code: 'roster/cohort_in_use',
      details: { sessions: 1 },
    });
    const courseRefused = await instructor.request('DELETE', `/api/courses/${course.id}`);
    expect(courseRefused.status).toBe(409);
    expect(errorOf(courseRefused.body)).toMatchObject({
      code: 'roster/course_in_use',
      details: { sessions: 1, cohorts: 1 },
    });
    // Both are still there.
    expect(
      (await instructor.request<{ cohorts: Group[] }>('GET', '/api/cohorts')).body.cohorts.map((c) => c.id),
    ).toContain(cohort.id);
  });

  it('once the session is deleted, the cohort and then the course can go', async () => {
    expect((await instructor.request('DELETE', `/api/sessions/${session.sessionId}`)).status).toBe(204);
    expect((await instructor.request('DELETE', `/api/cohorts/${cohort.id}`)).status).toBe(204);
    expect((await instructor.request('DELETE', `/api/courses/${course.id}`)).status).toBe(204);
    const courses = await instructor.request<{ courses: Group[] }>('GET', '/api/courses');
    expect(courses.body.courses.map((c) => c.id)).not.toContain(course.id);
  });

  it('two courses cannot share a name', async () => {
    await instructor.request('POST', '/api/courses', { body: { name: '议事规则' } });
    const again = await instructor.request('POST', '/api/courses', { body: { name: '议事规则' } });
    expect([again.status, errorOf(again.body).code]).toEqual([409, 'roster/name_taken']);
  });
});

describe('joining as oneself', () => {
  let session: CreatedSession;
  let cohortId: string;
  let badges: Badge[];
  const badgeOf = (name: string, community: string) =>
    badges.find((b) => b.name === name && b.community === community) as Badge;

  beforeAll(async () => {
    const ids = [
      await person('陈建国', '幸福村'),
      await person('陈建国', '红旗村'), // the same name, another community
      await person('欧阳文清', '幸福村'),
    ];
    await person('赵不在班', '幸福村'); // on the roster, not in this cohort
    cohortId = (
      await instructor.request<{ cohort: Group }>('POST', '/api/cohorts', { body: { name: '马桥镇班' } })
    ).body.cohort.id;
    await instructor.request('PUT', `/api/cohorts/${cohortId}/members`, { body: { personIds: ids } });
    session = (
      await instructor.request<CreatedSession>('POST', '/api/sessions', {
        body: { scenarioId: 'canary-hearing', cohortId },
      })
    ).body;
    const sheet = await instructor.request<{ badges: Badge[]; joinCode: string }>(
      'GET',
      `/api/cohorts/${cohortId}/badges?sessionId=${session.sessionId}`,
    );
    expect(sheet.body.joinCode).toBe(session.joinCode);
    badges = sheet.body.badges;
    expect(badges).toHaveLength(3);
  });

  it('the join page is shown the cohort masked, told apart by community, and nothing else', async () => {
    const answer = await request<{ people: { personId: string; masked: string; community: string }[] }>(
      url,
      'POST',
      '/api/join/cohort',
      { body: { code: session.joinCode }, bearer: null },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.people.map((p) => [p.masked, p.community]).sort()).toEqual(
      [
        ['欧**清', '幸福村'],
        ['陈*国', '幸福村'],
        ['陈*国', '红旗村'],
      ].sort(),
    );
    const text = JSON.stringify(answer.body);
    for (const badge of badges) {
      expect(text).not.toContain(badge.name);
      expect(text).not.toContain(badge.personalCode);
    }
    expect(text).not.toContain('赵');
  });

  it('the right code seats the person; others see the roster name; the log holds no name, only the sealed pseudonym', async () => {
    const chen = badgeOf('陈建国', '幸福村');
    const seat = await join_({
      code: session.joinCode,
      personId: chen.personId,
      personalCode: chen.personalCode,
    });
    expect(seat.status).toBe(201);
    expect(seat.body.name).toBe('陈建国');
    const trainee = await HeadlessClient.connect(url, {
      role: 'trainee',
      resumeToken: String(seat.body.resumeToken),
    });
    open.push(trainee);
    const live = await trainee.until((l) => l.participants.some((p) => p.id === seat.body.participantId));
    expect(live.participants.find((p) => p.id === seat.body.participantId)?.name).toBe('陈建国');
    const list = await instructor.request<{ sessions: { id: string; participants: string[] }[] }>(
      'GET',
      '/api/sessions',
    );
    expect(list.body.sessions.find((s) => s.id === session.sessionId)?.participants).toEqual(['陈建国']);

    const db = new Database(join(dataDir, 'civic-rehearsal.sqlite'), { readonly: true });
    try {
      const log = db
        .prepare<[string], { payload: string }>('SELECT payload FROM log WHERE session_id = ?')
        .all(session.sessionId)
        .map((r) => r.payload);
      const joins = log.filter((p) => p.includes('participant.join'));
      expect(joins).toHaveLength(1);
      // The seat was linked before the join was logged: even the pseudonym is sealed with the person's key.
      expect(joins[0]).toContain('"sealed":{"person":"');
      expect(joins[0]).not.toContain('"name"');
      expect(log.join('\n')).not.toContain('陈建国');
      const seatNames = db
        .prepare<[string], { name: string }>('SELECT name FROM seats WHERE session_id = ?')
        .all(session.sessionId);
      expect(seatNames).toEqual([{ name: '学员1' }]);
    } finally {
      db.close();
    }
  });

  it('joining again (another phone) takes up the same seat, and the old resume token stops working', async () => {
    const chen = badgeOf('陈建国', '幸福村');
    const body = { code: session.joinCode, personId: chen.personId, personalCode: chen.personalCode };
    const first = await join_(body);
    const second = await join_(body);
    expect(second.body.participantId).toBe(first.body.participantId);
    const stale = await request(url, 'GET', `/api/sessions/${session.sessionId}/export.md`, {
      bearer: String(first.body.resumeToken),
    });
    expect(stale.status).toBe(401);
  });

  it('someone not in the cohort is told to join by name', async () => {
    const other = (
      await instructor.request<{ people: { id: string; name: string }[] }>('GET', '/api/people?q=赵不在班')
    ).body.people[0];
    const answer = await join_({ code: session.joinCode, personId: other?.id, personalCode: '123456' });
    expect([answer.status, errorOf(answer.body).code]).toEqual([404, 'roster/not_in_cohort']);
  });

  it('five wrong codes lock that person for 15 minutes by the server clock, then the right code works', async () => {
    const ouyang = badgeOf('欧阳文清', '幸福村');
    const wrong = String((Number(ouyang.personalCode) + 1) % 1_000_000).padStart(6, '0');
    const attempt = (personalCode: string) =>
      join_({ code: session.joinCode, personId: ouyang.personId, personalCode });
    for (const triesLeft of [4, 3, 2, 1]) {
      const answer = await attempt(wrong);
      expect([answer.status, errorOf(answer.body).code, errorOf(answer.body).details]).toEqual([
        401,
        'roster/wrong_code',
        { triesLeft },
      ]);
    }
    const fifth = await attempt(wrong);
    expect([fifth.status, errorOf(fifth.body).code]).toEqual([429, 'roster/person_locked']);
    expect(errorOf(fifth.body).details).toEqual({ retryAfterMs: 15 * MINUTE });
    // Locked: even the right code is not looked at.
    clock += 15 * MINUTE - 1;
    const stillLocked = await attempt(ouyang.personalCode);
    expect([stillLocked.status, errorOf(stillLocked.body).details]).toEqual([429, { retryAfterMs: 1 }]);
    // The lock is this person's only: the other 陈建国 still joins.
    const other = badgeOf('陈建国', '红旗村');
    expect(
      (await join_({ code: session.joinCode, personId: other.personId, personalCode: other.personalCode }))
        .status,
    ).toBe(201);
    clock += 1;
    const after = await attempt(ouyang.personalCode);
    expect(after.status).toBe(201);
    expect(after.body.name).toBe('欧阳文清');
  });

  it("a badge's QR code, read as a phone would, opens the join page for that person with the code filled", async () => {
    const badge = badgeOf('陈建国', '红旗村');
    const target = `http://classroom.example${badge.path}`;
    const text = decodeQr(target);
    expect(text).toBe(target);
    const link = new URL(text as string);
    expect(link.pathname).toBe('/join');
    expect(link.searchParams.get('code')).toBe(session.joinCode);
    const fromBadge = parseBadgeFragment(link.hash);
    expect(fromBadge).toEqual({ personId: badge.personId, personalCode: badge.personalCode });
    const seat = await join_({ code: link.searchParams.get('code'), ...fromBadge });
    expect([seat.status, seat.body.name]).toEqual([201, '陈建国']);
  });

  it("nothing of one trainee's roster entry reaches another: no code, community or town, only the name the room sees", async () => {
    const chen = badgeOf('陈建国', '红旗村');
    const seat = await join_({
      code: session.joinCode,
      personId: chen.personId,
      personalCode: chen.personalCode,
    });
    const trainee = await HeadlessClient.connect(url, {
      role: 'trainee',
      resumeToken: String(seat.body.resumeToken),
    });
    open.push(trainee);
    await trainee.until((l) => l.participants.length >= 3);
    const debrief = await trainee.debrief();
    const seen = JSON.stringify([trainee.frames, trainee.live, debrief, seat.body]);
    // As a number of its own (timestamps are longer runs of digits that may hold any six).
    for (const badge of badges)
      expect(seen).not.toMatch(new RegExp(`(?<![0-9])${badge.personalCode}(?![0-9])`));
    for (const place of ['幸福村', '红旗村']) expect(seen).not.toContain(place);
    // The room sees the names people joined under, as it always did.
    expect(seen).toContain('欧阳文清');
  });

  it('guests without a roster entry still join by name', async () => {
    const guest = await request<{ participantId: string }>(url, 'POST', '/api/join', {
      body: { code: session.joinCode, name: '来宾张' },
      bearer: null,
    });
    expect(guest.status).toBe(201);
  });
});

/** A QR code drawn as the badge sheet draws it (uqr), as pixels, read back by jsQR. */
function decodeQr(text: string): string | null {
  const { data: modules, size } = encode(text, { border: 2, ecc: 'M' });
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4);
  for (let y = 0; y < width; y++)
    for (let x = 0; x < width; x++) {
      const dark = modules[Math.floor(y / scale)]?.[Math.floor(x / scale)];
      pixels.fill(dark ? 0 : 255, (y * width + x) * 4, (y * width + x) * 4 + 3);
      pixels[(y * width + x) * 4 + 3] = 255;
    }
  return jsQR(pixels, width, width)?.data ?? null;
}
