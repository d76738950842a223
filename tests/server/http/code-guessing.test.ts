import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, newAccount, signInAdministrator } from '../../support/accounts.ts';
import { type RunningServer, startInProcess } from '../../support/in-process-server.ts';
import { type CreatedSession, request } from '../../support/session-api.ts';

const MINUTE = 60_000;
/** Past both the personal-code lock (15 minutes) and the address window (15 minutes). */
const PAST_EVERY_LOCK = 16 * MINUTE;

let clock = Date.UTC(2026, 2, 1, 9, 0, 0);
let running: RunningServer;
let url: string;
let dataDir: string;
let instructor: Agent;
let session: CreatedSession;
const people: Record<'wang' | 'li' | 'zhou', { id: string; code: string }> = {
  wang: { id: '', code: '' },
  li: { id: '', code: '' },
  zhou: { id: '', code: '' },
};

type ErrorAnswer = { error?: { code: string; message: string; details?: Record<string, unknown> } };
const post = (path: string, body: unknown) =>
  request<ErrorAnswer & Record<string, unknown>>(url, 'POST', path, { body, bearer: null });
/** What a person can tell from an answer: its status, code and details (the message is the same words). */
const seen = (answer: { status: number; body: ErrorAnswer }) => ({
  status: answer.status,
  code: answer.body.error?.code,
  details: answer.body.error?.details,
});
/** A wrong code for a person: any six digits but theirs. */
const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

beforeAll(async () => {
  ({ running, url, dataDir } = await startInProcess('civic-guessing', { now: () => clock }));
  const admin = await signInAdministrator(url);
  instructor = await newAccount(admin, { login: 'teacher', name: 'Teacher Zhou', role: 'instructor' });
  for (const [key, body] of [
    ['wang', { name: '王小华', community: '光明居民区' }],
    ['li', { name: '李明', community: '红旗村' }],
    ['zhou', { name: '周红', community: '新华村' }],
  ] as const) {
    const made = await instructor.request<{ person: { id: string } }>('POST', '/api/people', { body });
    people[key].id = made.body.person.id;
  }
  // The codes are printed on badges; the test reads them where the server keeps them.
  const db = new Database(join(dataDir, 'civic-rehearsal.sqlite'), { readonly: true });
  for (const key of ['wang', 'li', 'zhou'] as const)
    people[key].code = (
      db.prepare('SELECT personal_code AS code FROM people WHERE id = ?').get(people[key].id) as {
        code: string;
      }
    ).code;
  db.close();
  const cohort = await instructor.request<{ cohort: { id: string } }>('POST', '/api/cohorts', {
    body: { name: '猜码测试班' },
  });
  await instructor.request('PUT', `/api/cohorts/${cohort.body.cohort.id}/members`, {
    body: { personIds: [people.wang.id, people.li.id, people.zhou.id] },
  });
  session = (
    await instructor.request<CreatedSession>('POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing', cohortId: cohort.body.cohort.id },
    })
  ).body;
}, 60_000);

afterAll(async () => {
  await running?.close();
});

describe('opening a portfolio: a name not on the roster answers as a wrong code does', () => {
  it('by name: the same tries left, then the same lock', async () => {
    const real: ReturnType<typeof seen>[] = [];
    const absent: ReturnType<typeof seen>[] = [];
    for (let i = 0; i < 6; i++) {
      real.push(seen(await post('/api/portfolio', { name: '王小华', code: wrongFor(people.wang.code) })));
      absent.push(seen(await post('/api/portfolio', { name: '查无此人', code: '123456' })));
    }
    // Worked out: five tries, 4, 3, 2, 1 left, the fifth locks for 15 minutes, and so does the sixth
    // (the clock did not move): retryAfterMs 900,000 both times.
    const wrong = (triesLeft: number) => ({ status: 401, code: 'roster/wrong_code', details: { triesLeft } });
    const locked = { status: 429, code: 'roster/person_locked', details: { retryAfterMs: 15 * MINUTE } };
    const expected = [wrong(4), wrong(3), wrong(2), wrong(1), locked, locked];
    expect(real).toEqual(expected);
    expect(absent).toEqual(expected);
  });

  it('by id (a badge link): the same answers for an id that is no one', async () => {
    clock += PAST_EVERY_LOCK;
    const real = seen(
      await post('/api/portfolio', { personId: people.li.id, code: wrongFor(people.li.code) }),
    );
    const absent = seen(await post('/api/portfolio', { personId: 'no-such-person', code: '123456' }));
    expect(real).toEqual({ status: 401, code: 'roster/wrong_code', details: { triesLeft: 4 } });
    expect(absent).toEqual(real);
  });
});

describe('one address failing code checks over and over', () => {
  it('is refused before any code is compared, across names and join codes, until the window passes', async () => {
    clock += PAST_EVERY_LOCK;
    // 60 failures in all (the limit), each name tried 4 times so that no person is locked:
    // 12 names × 4 wrong portfolio codes = 48, plus 12 join codes that are no session's,
    // 6 asking for a cohort and 6 joining by name.
    for (let n = 0; n < 12; n++)
      for (let i = 0; i < 4; i++)
        expect((await post('/api/portfolio', { name: `路人${n}`, code: '123456' })).status).toBe(401);
    for (let n = 0; n < 6; n++) {
      expect((await post('/api/join/cohort', { code: `ZZZZ${'346979'[n]}A` })).status).toBe(404);
      expect((await post('/api/join', { code: `ZZZZ${'346979'[n]}C`, name: '路人' })).status).toBe(404);
    }
    // The right code of a real person is now refused too: it is not even compared.
    const refused = await post('/api/portfolio', { name: '王小华', code: people.wang.code });
    expect(seen(refused)).toEqual({
      status: 429,
      code: 'protocol/rate_limited',
      details: { retryAfterMs: 15 * MINUTE },
    });
    const joinRefused = await post('/api/join/person', {
      code: session.joinCode,
      personId: people.wang.id,
      personalCode: people.wang.code,
    });
    expect(joinRefused.status).toBe(429);
    const guestRefused = await post('/api/join', { code: session.joinCode, name: '路人' });
    expect(guestRefused.status).toBe(429);
    // Nothing was counted against Wang while refused: after the window his code opens at once.
    clock += 15 * MINUTE;
    const opened = await post('/api/portfolio', { name: '王小华', code: people.wang.code });
    expect(opened.status).toBe(200);
  });
});

describe('asking for a name two people share', () => {
  it('says so, but counts as a failed check: it cannot be asked over and over to learn the roster', async () => {
    clock += PAST_EVERY_LOCK;
    for (const community of ['东风村', '西林村'])
      await instructor.request('POST', '/api/people', { body: { name: '张伟', community } });
    for (let i = 0; i < 60; i++) {
      const answer = await post('/api/portfolio', { name: '张伟', code: '123456' });
      expect(seen(answer)).toEqual({ status: 409, code: 'roster/name_ambiguous', details: undefined });
    }
    const refused = await post('/api/portfolio', { name: '张伟', code: '123456' });
    expect([refused.status, refused.body.error?.code]).toEqual([429, 'protocol/rate_limited']);
  });
});

describe('routes that act for nobody, from a browser that is signed in', () => {
  it('are not refused for lacking a CSRF token (the join page sends none)', async () => {
    clock += PAST_EVERY_LOCK;
    const cohort = await instructor.request<{ people: unknown[] }>('POST', '/api/join/cohort', {
      body: { code: session.joinCode },
      csrf: false,
    });
    expect(cohort.status).toBe(200);
    expect(cohort.body.people).toHaveLength(3);
    const joined = await instructor.request('POST', '/api/join/person', {
      body: { code: session.joinCode, personId: people.li.id, personalCode: people.li.code },
      csrf: false,
    });
    expect(joined.status).toBe(201);
    const portfolio = await instructor.request('POST', '/api/portfolio', {
      body: { name: '李明', code: people.li.code },
      csrf: false,
    });
    expect(portfolio.status).toBe(200);
  });

  it('while a change made with the sign-in still needs its token', async () => {
    const refused = await instructor.request<ErrorAnswer>('POST', '/api/people', {
      body: { name: '无令牌' },
      csrf: false,
    });
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'auth/csrf']);
  });
});

describe('a body that is not JSON', () => {
  it('is answered with what is wrong, not quoted back', async () => {
    const res = await fetch(`${url}/api/portfolio`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"王小华","code":"987654"',
    });
    const body = (await res.json()) as ErrorAnswer;
    expect([res.status, body.error?.code]).toEqual([400, 'http/bad_request']);
    expect(body.error?.message).toBe('the request body is not valid JSON');
  });
});
