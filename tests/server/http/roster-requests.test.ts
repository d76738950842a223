import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../../client/headless/client.ts';
import type { AnyCommand } from '../../../shared/protocol/messages.ts';
import { type Agent, newAccount, signInAdministrator } from '../../support/accounts.ts';
import { type RunningServer, startInProcess } from '../../support/in-process-server.ts';
import { type CreatedSession, connectObserver, request } from '../../support/session-api.ts';

const PLAN_TEXT = 'PLAN-CARRIED 先复述居民的问题再回答';

let clock = Date.UTC(2026, 3, 1, 9, 0, 0);
let running: RunningServer;
let url: string;
let dataDir: string;
let instructor: Agent;
let cohortId: string;
let otherCohortId: string;
const wang = { id: '', code: '' };
const open: HeadlessClient[] = [];

type ErrorAnswer = { error?: { code: string; message: string } };
const errorOf = (answer: { status: number; body: unknown }) => [
  answer.status,
  (answer.body as ErrorAnswer).error?.code,
];

async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
}

async function cohortSession(cohort: string): Promise<CreatedSession> {
  clock += 60_000;
  const made = await instructor.request<CreatedSession>('POST', '/api/sessions', {
    body: { scenarioId: 'canary-hearing', cohortId: cohort },
  });
  if (made.status !== 201) throw new Error(`POST /api/sessions: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body;
}

/** Wang joins as himself; his seat's socket. */
async function seatWang(session: CreatedSession): Promise<HeadlessClient> {
  const joined = await request<{ resumeToken: string }>(url, 'POST', '/api/join/person', {
    body: { code: session.joinCode, personId: wang.id, personalCode: wang.code },
    bearer: null,
  });
  if (joined.status !== 201) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  const client = await HeadlessClient.connect(url, { role: 'trainee', resumeToken: joined.body.resumeToken });
  open.push(client);
  return client;
}

beforeAll(async () => {
  ({ running, url, dataDir } = await startInProcess('civic-roster-requests', { now: () => clock }));
  const admin = await signInAdministrator(url);
  instructor = await newAccount(admin, { login: 'teacher', name: 'Teacher Zhou', role: 'instructor' });
  const made = await instructor.request<{ person: { id: string } }>('POST', '/api/people', {
    body: { name: '王小华', community: '光明居民区' },
  });
  wang.id = made.body.person.id;
  const db = new Database(join(dataDir, 'civic-rehearsal.sqlite'), { readonly: true });
  wang.code = (
    db.prepare('SELECT personal_code AS code FROM people WHERE id = ?').get(wang.id) as { code: string }
  ).code;
  db.close();
  for (const [name, set] of [
    ['一班', (id: string) => (cohortId = id)],
    ['二班', (id: string) => (otherCohortId = id)],
  ] as const) {
    const cohort = await instructor.request<{ cohort: { id: string } }>('POST', '/api/cohorts', {
      body: { name },
    });
    set(cohort.body.cohort.id);
  }
  await instructor.request('PUT', `/api/cohorts/${cohortId}/members`, { body: { personIds: [wang.id] } });
}, 60_000);

afterAll(async () => {
  for (const client of open) client.close();
  await running?.close();
});

describe('the importer', () => {
  it('refuses an upload from nobody before reading it: 401, not "too large"', async () => {
    const res = await fetch(`${url}/api/people/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(3 * 1024 * 1024, 0x41),
    });
    const body = (await res.json()) as ErrorAnswer;
    expect([res.status, body.error?.code]).toEqual([401, 'auth/unauthorized']);
  });

  it('still takes a file from an instructor', async () => {
    const res = await fetch(`${url}/api/people/import`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        cookie: instructor.cookie,
        'x-csrf-token': instructor.csrfToken,
      },
      body: '姓名,居民区\n李明,红旗村\n',
    });
    const body = (await res.json()) as { imported: { row: number }[] };
    expect([res.status, body.imported.map((i) => i.row)]).toEqual([200, [2]]);
  });
});

describe('editing a person', () => {
  it('refuses a body that is not an object, and changes nothing', async () => {
    for (const body of [['name', '改名'], '改名', 5]) {
      const answer = await instructor.request('PATCH', `/api/people/${wang.id}`, { body });
      expect(errorOf(answer)).toEqual([400, 'http/bad_request']);
    }
    const list = await instructor.request<{ people: { id: string; name: string }[] }>('GET', '/api/people');
    expect(list.body.people.find((p) => p.id === wang.id)?.name).toBe('王小华');
  });
});

describe('badges printed for a session', () => {
  it("print with the session's join code for one of the cohort's sessions", async () => {
    const session = await cohortSession(cohortId);
    const sheet = await instructor.request<{ joinCode: string | null }>(
      'GET',
      `/api/cohorts/${cohortId}/badges?sessionId=${session.sessionId}`,
    );
    expect([sheet.status, sheet.body.joinCode]).toEqual([200, session.joinCode]);
  });

  it('are refused for a session that is not there, or is another cohort’s', async () => {
    const other = await cohortSession(otherCohortId);
    for (const sessionId of ['no-such-session', other.sessionId]) {
      const sheet = await instructor.request('GET', `/api/cohorts/${cohortId}/badges?sessionId=${sessionId}`);
      expect(errorOf(sheet)).toEqual([404, 'roster/session_not_of_cohort']);
    }
    const malformed = await instructor.request(
      'GET',
      `/api/cohorts/${cohortId}/badges?sessionId=a&sessionId=b`,
    );
    expect(errorOf(malformed)).toEqual([400, 'http/bad_request']);
  });
});

describe('"next time" items read with a guest expert’s link', () => {
  let second: CreatedSession;

  beforeAll(async () => {
    const first = await cohortSession(cohortId);
    const wangFirst = await seatWang(first);
    // Plan items are about a card's part: Wang holds one.
    await ok(wangFirst, { type: 'card.take', roleId: 'owner_a' });
    const expert = await connectObserver(url, first, 'Expert Qian');
    open.push(expert);
    await ok(expert, {
      type: 'plan.add',
      itemId: 'carried-1',
      participantId: wangFirst.id ?? '',
      text: PLAN_TEXT,
    });
    second = await cohortSession(cohortId);
    await seatWang(second);
  });

  type Carried = { carried: { items: { text: string; expert?: string }[] }[] };

  it('carry the items, without the name of the expert of the session they come from', async () => {
    const guest = await request<Carried>(url, 'GET', `/api/sessions/${second.sessionId}/next-time`, {
      bearer: second.observerToken,
    });
    expect(guest.status).toBe(200);
    expect(guest.body.carried.flatMap((c) => c.items)).toEqual([{ id: 'carried-1', text: PLAN_TEXT }]);
    expect(JSON.stringify(guest.body)).not.toContain('Expert Qian');
  });

  it('while the instructor’s account reads the expert’s name', async () => {
    const own = await instructor.request<Carried>('GET', `/api/sessions/${second.sessionId}/next-time`);
    expect(own.body.carried.flatMap((c) => c.items)).toEqual([
      { id: 'carried-1', text: PLAN_TEXT, expert: 'Expert Qian' },
    ]);
  });
});
