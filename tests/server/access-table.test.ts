// The table-driven access test: every role — the administrator, the
// instructor who made the session, another instructor, an expert with an
// account, a guest expert with the observer link, a trainee, nobody, and a
// script's API token — against every HTTP endpoint and every socket
// command, each getting exactly its rights. Who may do what is written out
// by hand below, and checked against shared/access/rights.ts too, so the
// server, the table and this file agree. A real server, real sockets.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, HeadlessClient } from '../../client/headless/client.ts';
import { type Action, may, type Principal, type SessionAccess } from '../../shared/access/rights.ts';
import type { AnyCommand } from '../../shared/protocol/messages.ts';
import { Agent, newAccount, signInAdministrator } from '../support/accounts.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  API_TOKEN,
  AUTH_ENV,
  type CreatedSession,
  type HttpAnswer,
  request,
} from '../support/session-api.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/scenarios/leak/canary-hearing.yaml');

const ROLES = [
  'administrator',
  'instructor',
  'another instructor',
  'expert',
  'guest expert',
  'trainee',
  'nobody',
  'API token',
] as const;
type Role = (typeof ROLES)[number];
type AccountRole = 'administrator' | 'instructor' | 'another instructor' | 'expert';
const ACCOUNT_ROLES: AccountRole[] = ['administrator', 'instructor', 'another instructor', 'expert'];

let server: ServerProcess;
const agents = {} as Record<AccountRole, Agent>;
/** A browser where nobody has signed in: it fetches a CSRF token as the web client does. */
let nobody: Agent;
let session: CreatedSession;
let trainee: { participantId: string; resumeToken: string };
const open: HeadlessClient[] = [];

beforeAll(async () => {
  const scenariosDir = mkdtempSync(join(tmpdir(), 'civic-access-table-'));
  copyFileSync(FIXTURE, join(scenariosDir, 'canary-hearing.yaml'));
  server = await startServerProcess({ scenariosDir, env: AUTH_ENV });
  const admin = await signInAdministrator(server.url);
  agents.administrator = admin;
  agents.instructor = await newAccount(admin, { login: 'owner', name: 'Owner Teacher', role: 'instructor' });
  agents['another instructor'] = await newAccount(admin, {
    login: 'other',
    name: 'Other Teacher',
    role: 'instructor',
  });
  agents.expert = await newAccount(admin, { login: 'expert', name: 'Expert Account', role: 'expert' });
  nobody = new Agent(server.url);
  await nobody.session();
  session = await createAs('instructor');
  const joined = await request<{ participantId: string; resumeToken: string }>(
    server.url,
    'POST',
    '/api/join',
    {
      body: { code: session.joinCode, name: 'Trainee One' },
      bearer: null,
    },
  );
  trainee = joined.body;
}, 60_000);

afterAll(async () => {
  for (const client of open) client.close();
  await server?.stop();
});

const isAccount = (role: Role): role is AccountRole => (ACCOUNT_ROLES as Role[]).includes(role);

/** An HTTP request with the role's own credentials: its sign-in, its link token, its resume token, the API token, none. */
function as<T = unknown>(role: Role, method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> {
  if (isAccount(role) || role === 'nobody')
    return (isAccount(role) ? agents[role] : nobody).request<T>(
      method,
      path,
      body === undefined ? {} : { body },
    );
  const bearer =
    role === 'guest expert'
      ? session.observerToken
      : role === 'trainee'
        ? trainee.resumeToken
        : role === 'API token'
          ? API_TOKEN
          : null;
  return request<T>(server.url, method, path, { ...(body !== undefined && { body }), bearer });
}

async function createAs(role: Role): Promise<CreatedSession> {
  const answer = await as<CreatedSession>(role, 'POST', '/api/sessions', { scenarioId: 'canary-hearing' });
  if (answer.status !== 201)
    throw new Error(`create as ${role}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The table's refusals: 401 for nobody, 403 auth/forbidden for someone without the right. */
function refusal(answer: HttpAnswer): 'unauthorized' | 'forbidden' | null {
  const code = (answer.body as { error?: { code?: string } } | undefined)?.error?.code;
  if (answer.status === 401 && code === 'auth/unauthorized') return 'unauthorized';
  if (answer.status === 403 && code === 'auth/forbidden') return 'forbidden';
  return null;
}

/** What each role is, as the server sees it, for cross-checking the hand-written rows against the table. */
function principalOf(role: Role): Principal {
  switch (role) {
    case 'administrator':
    case 'instructor':
    case 'another instructor':
    case 'expert': {
      const account = agents[role].account;
      if (!account) throw new Error(`${role} is not signed in`);
      return { kind: 'account', accountId: account.id, role: account.role };
    }
    case 'guest expert':
      return { kind: 'guest_expert', sessionId: session.sessionId };
    case 'trainee':
      return { kind: 'trainee', sessionId: session.sessionId, participantId: trainee.participantId };
    case 'API token':
      return { kind: 'api_token', tokenId: 'the test servers’ API_TOKEN' };
    case 'nobody':
      return { kind: 'nobody' };
  }
}

const access = (s: CreatedSession): SessionAccess => s.access;

interface Endpoint {
  name: string;
  /** The right the table gives it (null: open to everyone, rights aside). */
  right: Action | null;
  /** Who gets through, written out by hand. */
  allowed: readonly Role[];
  /** The answer when allowed. */
  status: number;
  /** The request, made once per role (fresh targets where the call consumes one). */
  call: (role: Role) => Promise<HttpAnswer>;
  /** The session whose rights apply, when it is a session's endpoint. */
  on?: () => SessionAccess;
  /** Extra checks on an allowed answer. */
  check?: (role: Role, answer: HttpAnswer) => void;
  /** The export routes read a guest's link token and a trainee's resume token: they know who asks. */
  readsSessionTokens?: true;
}

const EVERYONE = ROLES;
const RUNNERS: Role[] = ['administrator', 'instructor', 'API token'];
const LISTERS: Role[] = ['administrator', 'instructor', 'another instructor', 'expert', 'API token'];
const CREATORS: Role[] = ['administrator', 'instructor', 'another instructor', 'API token'];
/** The roster is every instructor's and administrator's, no session's. */
const ROSTER_KEEPERS: Role[] = ['administrator', 'instructor', 'another instructor'];

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

/** A person on the roster, for the portfolio's and personal data's endpoints to act on. */
async function rosterPerson(): Promise<string> {
  const answer = await agents.administrator.request<{ person: { id: string } }>('POST', '/api/people', {
    body: { name: unique('档案'), community: '幸福村' },
  });
  return answer.body.person.id;
}

/** A spare account for the administrator's actions to act on. */
async function spareAccount(): Promise<string> {
  const answer = await agents.administrator.request<{ account: { id: string } }>('POST', '/api/accounts', {
    body: { login: unique('spare'), name: 'Spare', role: 'expert' },
  });
  return answer.body.account.id;
}

/** A course and a cohort for the roster keepers' actions to act on. */
async function spareCourse(): Promise<string> {
  const answer = await agents.administrator.request<{ course: { id: string } }>('POST', '/api/courses', {
    body: { name: unique('备用课程') },
  });
  return answer.body.course.id;
}
async function spareCohort(): Promise<string> {
  const answer = await agents.administrator.request<{ cohort: { id: string } }>('POST', '/api/cohorts', {
    body: { name: unique('备用班') },
  });
  return answer.body.cohort.id;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /api/scenarios',
    right: 'scenarios.browse',
    allowed: EVERYONE,
    status: 200,
    call: (r) => as(r, 'GET', '/api/scenarios'),
  },
  {
    name: 'GET /api/scenarios/:id',
    right: 'scenarios.browse',
    allowed: EVERYONE,
    status: 200,
    call: (r) => as(r, 'GET', '/api/scenarios/canary-hearing'),
    // The library's public side only, for everyone alike.
    check: (_r, answer) =>
      expect(JSON.stringify(answer.body)).not.toMatch(/CANARY-(BRIEF|SECRET|GOAL|REDLINE)/),
  },
  {
    name: 'GET /api/auth/session',
    right: null,
    allowed: EVERYONE,
    status: 200,
    call: (r) => as(r, 'GET', '/api/auth/session'),
    check: (role, answer) => {
      const body = answer.body as { account: { login: string } | null };
      expect(body.account?.login ?? null).toBe(isAccount(role) ? agents[role].account?.login : null);
    },
  },
  {
    name: 'POST /api/auth/sign-in (a wrong password)',
    right: null,
    allowed: [],
    status: 401,
    call: (r) =>
      as(r, 'POST', '/api/auth/sign-in', { login: 'no-such-person', password: 'not-the-password' }),
  },
  {
    name: 'POST /api/auth/password',
    right: 'account.own',
    allowed: ACCOUNT_ROLES,
    // Through the gate: then the current password is checked (and is wrong here).
    status: 403,
    call: (r) =>
      as(r, 'POST', '/api/auth/password', { current: 'not-my-password', next: 'a-new-password-123' }),
    check: (_r, answer) =>
      expect((answer.body as { error: { code: string } }).error.code).toBe('account/wrong_password'),
  },
  {
    name: 'POST /api/links/lookup',
    right: null,
    allowed: EVERYONE,
    status: 404,
    call: (r) => as(r, 'POST', '/api/links/lookup', { token: 'an-unknown-link-token-0000' }),
  },
  {
    name: 'POST /api/links/accept',
    right: null,
    allowed: EVERYONE,
    status: 404,
    call: (r) =>
      as(r, 'POST', '/api/links/accept', {
        token: 'an-unknown-link-token-0000',
        password: 'whatever-password',
      }),
  },
  {
    name: 'GET /api/accounts',
    right: 'accounts.manage',
    allowed: ['administrator'],
    status: 200,
    call: (r) => as(r, 'GET', '/api/accounts'),
  },
  {
    name: 'POST /api/accounts (invite)',
    right: 'accounts.manage',
    allowed: ['administrator'],
    status: 201,
    call: (r) =>
      as(r, 'POST', '/api/accounts', { login: unique('invitee'), name: 'Invitee', role: 'expert' }),
  },
  {
    name: 'POST /api/accounts/:id/reset',
    right: 'accounts.manage',
    allowed: ['administrator'],
    status: 200,
    call: async (r) => as(r, 'POST', `/api/accounts/${await spareAccount()}/reset`),
  },
  {
    name: 'POST /api/accounts/:id/disable',
    right: 'accounts.manage',
    allowed: ['administrator'],
    status: 200,
    call: async (r) => as(r, 'POST', `/api/accounts/${await spareAccount()}/disable`),
  },
  {
    name: 'POST /api/accounts/:id/enable',
    right: 'accounts.manage',
    allowed: ['administrator'],
    status: 200,
    call: async (r) => as(r, 'POST', `/api/accounts/${await spareAccount()}/enable`),
  },
  {
    name: 'GET /api/instructors',
    right: 'instructors.list',
    allowed: ['administrator', 'instructor', 'another instructor'],
    status: 200,
    call: (r) => as(r, 'GET', '/api/instructors'),
  },
  {
    name: 'GET /api/api-tokens',
    right: 'api_tokens.manage',
    allowed: ['administrator'],
    status: 200,
    call: (r) => as(r, 'GET', '/api/api-tokens'),
  },
  {
    name: 'POST /api/api-tokens',
    right: 'api_tokens.manage',
    allowed: ['administrator'],
    status: 201,
    call: (r) => as(r, 'POST', '/api/api-tokens', { label: unique('script') }),
  },
  {
    name: 'DELETE /api/api-tokens/:id',
    right: 'api_tokens.manage',
    allowed: ['administrator'],
    status: 204,
    call: async (r) => {
      const made = await agents.administrator.request<{ apiToken: { id: string } }>(
        'POST',
        '/api/api-tokens',
        {
          body: { label: unique('doomed') },
        },
      );
      return as(r, 'DELETE', `/api/api-tokens/${made.body.apiToken.id}`);
    },
  },
  {
    name: 'POST /api/sessions',
    right: 'sessions.create',
    allowed: CREATORS,
    status: 201,
    call: (r) => as(r, 'POST', '/api/sessions', { scenarioId: 'canary-hearing' }),
  },
  {
    name: 'GET /api/sessions',
    right: 'sessions.list',
    allowed: LISTERS,
    status: 200,
    call: (r) => as(r, 'GET', '/api/sessions'),
  },
  {
    name: 'DELETE /api/sessions/:id',
    right: 'session.delete',
    allowed: RUNNERS,
    status: 204,
    on: () => access(session),
    call: async (r) => as(r, 'DELETE', `/api/sessions/${(await createAs('instructor')).sessionId}`),
  },
  {
    name: 'POST /api/sessions/:id/shares',
    right: 'session.share',
    allowed: ['administrator', 'instructor'],
    status: 200,
    on: () => access(session),
    call: async (r) => {
      const fresh = await createAs('instructor');
      return as(r, 'POST', `/api/sessions/${fresh.sessionId}/shares`, {
        accountId: agents['another instructor'].account?.id,
      });
    },
  },
  {
    name: 'DELETE /api/sessions/:id/shares/:accountId',
    right: 'session.share',
    allowed: ['administrator', 'instructor'],
    status: 200,
    on: () => access(session),
    call: async (r) => {
      const fresh = await createAs('instructor');
      const other = agents['another instructor'].account?.id as string;
      await agents.instructor.request('POST', `/api/sessions/${fresh.sessionId}/shares`, {
        body: { accountId: other },
      });
      return as(r, 'DELETE', `/api/sessions/${fresh.sessionId}/shares/${other}`);
    },
  },
  {
    name: 'GET /api/sessions/:id/export.md',
    right: 'session.debrief',
    // The trainee gets a report too, their own (checked below).
    allowed: [...LISTERS, 'guest expert', 'trainee'],
    status: 200,
    on: () => access(session),
    readsSessionTokens: true,
    call: (r) => as(r, 'GET', `/api/sessions/${session.sessionId}/export.md?lang=en`),
    check: (role, answer) => {
      const own = (answer.body as string).includes('Trainee: Trainee One');
      expect(own, `${role}: the trainee's own report`).toBe(role === 'trainee');
    },
  },
  {
    name: 'GET /api/sessions/:id/export.json',
    right: 'session.export',
    allowed: RUNNERS,
    status: 200,
    on: () => access(session),
    readsSessionTokens: true,
    call: (r) => as(r, 'GET', `/api/sessions/${session.sessionId}/export.json`),
  },
  {
    name: 'POST /api/sessions/:id/reload',
    right: 'session.run',
    // The owner, an administrator, a script; a shared instructor too (the table's rows check that).
    allowed: RUNNERS,
    status: 200,
    on: () => access(session),
    // A live session reloads as it is: rebuilt from storage, still live.
    call: async (r) => as(r, 'POST', `/api/sessions/${(await createAs('instructor')).sessionId}/reload`),
    check: (_r, answer) => expect(answer.body).toEqual({ ok: true, health: 'live' }),
  },
  {
    name: 'POST /api/sessions/:id/release',
    right: 'session.release',
    // Staged release is the instructor's who runs the session (and an administrator's, a script's).
    allowed: RUNNERS,
    status: 200,
    on: () => access(session),
    call: (r) => as(r, 'POST', `/api/sessions/${session.sessionId}/release`),
    check: (_r, answer) => expect(answer.body).toEqual({ release: { throughAttempt: 1 } }),
  },
  {
    name: 'GET /api/people',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: (r) => as(r, 'GET', '/api/people?q=wxh'),
  },
  {
    name: 'POST /api/people',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 201,
    call: (r) => as(r, 'POST', '/api/people', { name: unique('学员'), community: '光明居民区' }),
  },
  {
    name: 'PATCH /api/people/:id',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: async (r) => {
      const made = await agents.administrator.request<{ person: { id: string } }>('POST', '/api/people', {
        body: { name: unique('学员'), community: '红旗村' },
      });
      return as(r, 'PATCH', `/api/people/${made.body.person.id}`, { position: '楼组长' });
    },
  },
  {
    name: 'POST /api/people/import',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    // A JSON body is no sheet: those who may import are told the file has no header row.
    status: 422,
    call: (r) => as(r, 'POST', '/api/people/import', { not: 'a sheet' }),
  },
  {
    name: 'GET /api/people/export.xlsx',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: (r) => as(r, 'GET', '/api/people/export.xlsx'),
  },
  {
    name: 'GET /api/courses',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: (r) => as(r, 'GET', '/api/courses'),
  },
  {
    name: 'POST /api/courses',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 201,
    call: (r) => as(r, 'POST', '/api/courses', { name: unique('课程') }),
  },
  {
    name: 'PATCH /api/courses/:id',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: async (r) => as(r, 'PATCH', `/api/courses/${await spareCourse()}`, { name: unique('课程') }),
  },
  {
    name: 'DELETE /api/courses/:id',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 204,
    call: async (r) => as(r, 'DELETE', `/api/courses/${await spareCourse()}`),
  },
  {
    name: 'GET /api/cohorts',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: (r) => as(r, 'GET', '/api/cohorts'),
  },
  {
    name: 'POST /api/cohorts',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 201,
    call: (r) => as(r, 'POST', '/api/cohorts', { name: unique('班') }),
  },
  {
    name: 'PATCH /api/cohorts/:id',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: async (r) => as(r, 'PATCH', `/api/cohorts/${await spareCohort()}`, { name: unique('班') }),
  },
  {
    name: 'PUT /api/cohorts/:id/members',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: async (r) => as(r, 'PUT', `/api/cohorts/${await spareCohort()}/members`, { personIds: [] }),
  },
  {
    name: 'DELETE /api/cohorts/:id',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 204,
    call: async (r) => as(r, 'DELETE', `/api/cohorts/${await spareCohort()}`),
  },
  {
    name: 'GET /api/cohorts/:id/badges',
    right: 'roster.manage',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: async (r) => as(r, 'GET', `/api/cohorts/${await spareCohort()}/badges`),
  },
  {
    name: 'POST /api/join/cohort',
    right: null,
    // Anyone with the join code: this session has no cohort, so no names at all.
    allowed: EVERYONE,
    status: 200,
    call: (r) => as(r, 'POST', '/api/join/cohort', { code: session.joinCode }),
    check: (_r, answer) => expect(answer.body).toEqual({ people: [] }),
  },
  {
    name: 'POST /api/join/person',
    right: null,
    // Anyone with the join code and a personal code; this session has no cohort to join as.
    allowed: EVERYONE,
    status: 404,
    call: (r) =>
      as(r, 'POST', '/api/join/person', {
        code: session.joinCode,
        personId: 'someone',
        personalCode: '123456',
      }),
    check: (_r, answer) =>
      expect((answer.body as { error: { code: string } }).error.code).toBe('roster/not_in_cohort'),
  },
  {
    name: 'POST /api/portfolio (a wrong personal code)',
    // No right to hold beforehand: the personal code itself makes one the person (portfolio.own).
    right: null,
    allowed: EVERYONE,
    status: 401,
    call: async (r) => {
      // A fresh person each time: the wrong tries would lock one person otherwise.
      const id = await rosterPerson();
      return as(r, 'POST', '/api/portfolio', { personId: id, code: 'not-it' });
    },
    check: (_r, answer) =>
      expect((answer.body as { error: { code: string } }).error.code).toBe('roster/wrong_code'),
  },
  {
    name: 'GET /api/people/:id/portfolio',
    right: 'records.view',
    allowed: ROSTER_KEEPERS,
    status: 200,
    call: async (r) => as(r, 'GET', `/api/people/${await rosterPerson()}/portfolio`),
  },
  {
    name: 'GET /api/people/:id/data.json',
    right: 'personal_data.export',
    allowed: ['administrator'],
    status: 200,
    call: async (r) => as(r, 'GET', `/api/people/${await rosterPerson()}/data.json`),
  },
  {
    name: 'DELETE /api/people/:id',
    right: 'personal_data.delete',
    allowed: ['administrator'],
    status: 200,
    call: async (r) => as(r, 'DELETE', `/api/people/${await rosterPerson()}`),
    check: (_r, answer) => expect(answer.body).toEqual({ deleted: { sessions: 0 } }),
  },
  {
    name: 'GET /api/sessions/:id/next-time',
    right: 'session.debrief',
    // The trainee gets their own seat's (none here: a guest), the others every seat's.
    allowed: [...LISTERS, 'guest expert', 'trainee'],
    status: 200,
    on: () => access(session),
    readsSessionTokens: true,
    call: (r) => as(r, 'GET', `/api/sessions/${session.sessionId}/next-time`),
    check: (_r, answer) => expect(answer.body).toEqual({ carried: [] }),
  },
  {
    name: 'GET /api/join-addresses',
    right: 'join.addresses',
    // The projector has no account and shows the join QR code too.
    allowed: EVERYONE,
    status: 200,
    call: (r) => as(r, 'GET', '/api/join-addresses'),
    check: (_r, answer) => expect(answer.body).toEqual({ publicUrl: null, addresses: [] }),
  },
  {
    name: 'POST /api/join',
    right: null,
    allowed: EVERYONE,
    status: 201,
    call: (r) => as(r, 'POST', '/api/join', { code: session.joinCode, name: `Joiner ${unique('')}` }),
  },
  {
    name: 'POST /api/auth/sign-out (another sign-in of the same person)',
    right: null,
    allowed: EVERYONE,
    status: 200,
    call: async (r) => {
      if (!isAccount(r)) return as(r, 'POST', '/api/auth/sign-out');
      // A second device: signing it out leaves the role's own sign-in alone (checked after the table).
      const second = new (agents[r].constructor as new (url: string) => Agent)(server.url);
      const password =
        r === 'administrator' ? AUTH_ENV.ADMIN_PASSWORD : `${agents[r].account?.login}-password-1`;
      expect((await second.signIn(agents[r].account?.login as string, password)).status).toBe(200);
      return second.request('POST', '/api/auth/sign-out');
    },
  },
];

describe('every HTTP endpoint, every role', () => {
  it('the hand-written rows agree with shared/access/rights.ts', () => {
    for (const endpoint of ENDPOINTS) {
      if (!endpoint.right) continue;
      for (const role of ROLES) {
        // A trainee's own report is the seat's right, not the room's debrief.
        if (
          (endpoint.name.endsWith('export.md') || endpoint.name.endsWith('next-time')) &&
          role === 'trainee'
        )
          continue;
        const byTable = may(principalOf(role), endpoint.right, endpoint.on?.());
        expect(byTable, `${endpoint.name} as ${role}`).toBe(endpoint.allowed.includes(role));
      }
    }
  });

  for (const endpoint of ENDPOINTS) {
    it(endpoint.name, async () => {
      for (const role of ROLES) {
        const answer = await endpoint.call(role);
        const label = `${endpoint.name} as ${role}: ${answer.status} ${JSON.stringify(answer.body ?? null).slice(0, 160)}`;
        if (endpoint.allowed.includes(role) || !endpoint.right) {
          expect(refusal(answer), label).toBeNull();
          expect(answer.status, label).toBe(endpoint.status);
          endpoint.check?.(role, answer);
        } else {
          // Those with no sign-in (or a link or seat token, which are no account) are told to sign in,
          // except where the route knows them by that token.
          const known =
            isAccount(role) ||
            role === 'API token' ||
            (endpoint.readsSessionTokens && (role === 'guest expert' || role === 'trainee'));
          expect(refusal(answer), label).toBe(known ? 'forbidden' : 'unauthorized');
        }
      }
    });
  }

  it('each person is still signed in after a second device signed out', async () => {
    for (const role of ACCOUNT_ROLES) {
      const { body } = await agents[role].session();
      expect(body.account?.login, role).toBe(agents[role].account?.login);
    }
  });
});

// ── Sockets ──────────────────────────────────────────────────────────────

const CONNECTIONS = ['console', 'expert screen', 'observer link', 'seat'] as const;
type ConnectionName = (typeof CONNECTIONS)[number];

/** How a role tries to open a screen: with its sign-in cookie, or the tokens it holds. */
function credentialsFor(role: Role, screen: ConnectionName): { credentials: Credentials; cookie?: string } {
  const cookie = isAccount(role) ? agents[role].cookie : undefined;
  const withCookie = (credentials: Credentials) => ({ credentials, ...(cookie && { cookie }) });
  switch (screen) {
    case 'console':
      return withCookie({
        role: 'facilitator',
        sessionId: session.sessionId,
        ...(role === 'API token' && { apiToken: API_TOKEN }),
      });
    case 'expert screen':
      return withCookie({ role: 'expert', sessionId: session.sessionId });
    case 'observer link':
      return withCookie({
        role: 'observer',
        sessionId: session.sessionId,
        token: role === 'guest expert' ? session.observerToken : 'a-guessed-observer-token-000',
        name: `Observer ${role}`,
      });
    case 'seat':
      return withCookie({
        role: 'trainee',
        resumeToken: role === 'trainee' ? trainee.resumeToken : 'a-guessed-resume-token-00000',
      });
  }
}

/** Who opens which screen (the rest are refused with the code given), by hand. */
const SCREENS: Record<ConnectionName, { opens: Role[]; refusedWith: (role: Role) => string }> = {
  console: {
    opens: ['administrator', 'instructor', 'another instructor', 'API token'],
    refusedWith: (role) => (role === 'expert' ? 'auth/forbidden' : 'auth/unauthorized'),
  },
  'expert screen': {
    opens: ['expert'],
    refusedWith: (role) =>
      ['administrator', 'instructor', 'another instructor'].includes(role)
        ? 'auth/forbidden'
        : 'auth/unauthorized',
  },
  'observer link': { opens: ['guest expert'], refusedWith: () => 'auth/bad_credentials' },
  seat: { opens: ['trainee'], refusedWith: () => 'auth/bad_credentials' },
};

async function tryOpen(role: Role, screen: ConnectionName): Promise<HeadlessClient | string> {
  const { credentials, cookie } = credentialsFor(role, screen);
  try {
    const client = await HeadlessClient.connect(server.url, credentials, {
      reconnection: false,
      ...(cookie && { cookie }),
    });
    open.push(client);
    return client;
  } catch (error) {
    return (error as { data?: { code: string } }).data?.code ?? String(error);
  }
}

/** One well-formed sample of every command the protocol has (the Record makes leaving one out a type error). */
function samples(tag: string, participantId: string): Record<AnyCommand['type'], AnyCommand> {
  return {
    'participant.join': { type: 'participant.join', participantId: `p-${tag}`, name: 'Ghost' },
    'card.take': { type: 'card.take', roleId: 'owner_b' },
    'card.release': { type: 'card.release' },
    'card.assign': { type: 'card.assign', participantId, roleId: null },
    'card.assign_expert': { type: 'card.assign_expert', roleId: 'tenant', observerId: `o-${tag}` },
    'card.release_expert': { type: 'card.release_expert', participantId },
    'card.play': { type: 'card.play', participantId, command: { type: 'hand.raise' } },
    'meeting.start': { type: 'meeting.start' },
    'meeting.begin': { type: 'meeting.begin' },
    'meeting.pause': { type: 'meeting.pause' },
    'meeting.resume': { type: 'meeting.resume' },
    'meeting.end': { type: 'meeting.end' },
    'meeting.open_debrief': { type: 'meeting.open_debrief' },
    'meeting.retake': { type: 'meeting.retake', cards: 'keep' },
    'item.next': { type: 'item.next' },
    'item.goto': { type: 'item.goto', itemId: 'secret_vote' },
    'item.extend': { type: 'item.extend', seconds: 60 },
    'hand.raise': { type: 'hand.raise' },
    'hand.lower': { type: 'hand.lower' },
    point_of_order: { type: 'point_of_order' },
    'floor.give': { type: 'floor.give' },
    'floor.yield': { type: 'floor.yield' },
    'floor.cut': { type: 'floor.cut' },
    'floor.extend': { type: 'floor.extend', seconds: 30 },
    'statement.post': { type: 'statement.post', text: 'A statement' },
    'npc.say': { type: 'npc.say', roleId: 'official', text: 'The office speaks' },
    'mood.show': { type: 'mood.show', mood: 'agree' },
    'candidate.nominate': { type: 'candidate.nominate', participantId },
    'vote.open': { type: 'vote.open' },
    'vote.cast': { type: 'vote.cast', choice: 'yes' },
    'election.cast': { type: 'election.cast', choices: [participantId] },
    'vote.close': { type: 'vote.close' },
    'ballot.paper.enter': { type: 'ballot.paper.enter', flat: '101', choice: 'yes' },
    'ballot.paper.correct': { type: 'ballot.paper.correct', flat: '101', choice: 'no' },
    'ballot.tally.enter': { type: 'ballot.tally.enter', choice: 'yes', owners: 3, area_m2: 240 },
    'ballot.tally.correct': { type: 'ballot.tally.correct', entry: 0, owners: 2, area_m2: 160 },
    'minutes.details': { type: 'minutes.details', venue: '社区活动室', recorder: '书记员' },
    'signup.commit': { type: 'signup.commit', ask: 0 },
    'signup.withdraw': { type: 'signup.withdraw', ask: 0 },
    'action.record': { type: 'action.record', kind: 'decision', what: 'Build the shed' },
    'inject.fire': { type: 'inject.fire', injectId: 'town_news' },
    'inject.respond': { type: 'inject.respond', injectId: 'town_news' },
    'settings.update': { type: 'settings.update', observersMayFireInjects: false },
    'observer.join': { type: 'observer.join', observerId: `o-${tag}`, name: 'Impostor' },
    'tip.whisper': { type: 'tip.whisper', tipId: `tw-${tag}`, to: participantId, text: 'Breathe' },
    'tip.broadcast': { type: 'tip.broadcast', tipId: `tb-${tag}`, text: 'Everyone breathe' },
    'tip.delivered': { type: 'tip.delivered', tipId: `tw-${tag}`, participantId },
    'tip.read': { type: 'tip.read', tipId: `tw-${tag}` },
    'tip.ack': { type: 'tip.ack', tipId: `tw-${tag}` },
    'marker.drop': { type: 'marker.drop', markerId: `m-${tag}`, competency: 'mass_work', kind: 'strength' },
    'backchannel.say': { type: 'backchannel.say', messageId: `b-${tag}`, text: 'Note to experts' },
    'score.set': { type: 'score.set', participantId, competency: 'mass_work', score: 3 },
    'plan.add': { type: 'plan.add', itemId: `pl-${tag}`, participantId, text: 'Next time: listen' },
    'cards.balance': { type: 'cards.balance' },
  };
}

async function answerCode(client: HeadlessClient, command: AnyCommand): Promise<string> {
  const ack = await client.send(command);
  return ack.ok ? 'ok' : ack.error.code;
}

/** A socket allows bursts of 40 messages: a fresh socket of the same person for each 30. */
async function answersOf(
  openOne: () => Promise<HeadlessClient>,
  commands: AnyCommand[],
): Promise<{ type: AnyCommand['type']; code: string }[]> {
  const answers: { type: AnyCommand['type']; code: string }[] = [];
  for (let i = 0; i < commands.length; i += 30) {
    const client = await openOne();
    for (const command of commands.slice(i, i + 30))
      answers.push({ type: command.type, code: await answerCode(client, command) });
    client.close();
  }
  return answers;
}

const opener = (role: Role, screen: ConnectionName) => async () => {
  const opened = await tryOpen(role, screen);
  if (typeof opened === 'string') throw new Error(`${role} could not open the ${screen}: ${opened}`);
  return opened;
};

describe('every socket screen, every role', () => {
  for (const screen of CONNECTIONS) {
    it(`who opens the ${screen}`, async () => {
      for (const role of ROLES) {
        const opened = await tryOpen(role, screen);
        if (SCREENS[screen].opens.includes(role)) {
          expect(opened, `${screen} as ${role}`).toBeInstanceOf(HeadlessClient);
          const client = opened as HeadlessClient;
          // Console and expert screens read every card; a seat reads the public side only.
          expect(client.static?.kind, `${screen} as ${role}`).toBe(screen === 'seat' ? 'public' : 'full');
          client.close();
        } else {
          expect(opened, `${screen} as ${role}`).toBe(SCREENS[screen].refusedWith(role));
        }
      }
    });
  }

  it('every screen that opens answers its reads (sync, history, state_at, record, debrief); the projector has no debrief', async () => {
    const reads = async (client: HeadlessClient) => {
      const answers = [
        await client.sync(),
        await client.history(0, 1),
        await client.stateAt(0),
        await client.record('statements', 0),
        await client.debrief(),
      ];
      client.close();
      return answers.map((a) => (a.ok ? 'ok' : a.error.code));
    };
    for (const screen of CONNECTIONS)
      for (const role of SCREENS[screen].opens)
        expect(await reads(await opener(role, screen)()), `${screen} as ${role}`).toEqual([
          'ok',
          'ok',
          'ok',
          'ok',
          'ok',
        ]);
    const projector = await HeadlessClient.connect(server.url, { role: 'projector', code: session.joinCode });
    open.push(projector);
    expect(await reads(projector)).toEqual(['ok', 'ok', 'ok', 'ok', 'auth/forbidden']);
  });

  it('an expert’s account is one observer with the account’s name, whatever device it connects from', async () => {
    const first = (await tryOpen('expert', 'expert screen')) as HeadlessClient;
    const second = (await tryOpen('expert', 'expert screen')) as HeadlessClient;
    const id = first.welcome?.viewer.kind === 'observer' ? first.welcome.viewer.observerId : '';
    expect(id).toBe(`a-${agents.expert.account?.id}`);
    expect(second.welcome?.viewer).toEqual(first.welcome?.viewer);
    expect(first.welcome?.name).toBe('Expert Account');
    expect(first.live?.coaching?.observers?.[id]?.name).toBe('Expert Account');
    // A guest with the link cannot come back as the account's observer.
    const guest = await HeadlessClient.connect(server.url, {
      role: 'observer',
      sessionId: session.sessionId,
      token: session.observerToken,
      name: 'Pretender',
      observerId: id,
    });
    open.push(guest);
    expect(guest.welcome?.viewer).not.toEqual(first.welcome?.viewer);
    await guest.waitFor(() => guest.live?.coaching?.observers?.[id]?.name === 'Expert Account');
  });
});

describe('every socket command, every role', () => {
  it('a console of another instructor’s session is read-only: every command refused, nothing logged', async () => {
    const viewer = (await tryOpen('another instructor', 'console')) as HeadlessClient;
    expect(viewer.welcome?.access?.principal).toMatchObject({ kind: 'account', role: 'instructor' });
    expect(
      may(viewer.welcome?.access?.principal as Principal, 'session.run', viewer.welcome?.access?.session),
    ).toBe(false);
    const before = await viewer.history(0, 1);
    const answers = await answersOf(
      opener('another instructor', 'console'),
      Object.values(samples('ro', trainee.participantId)),
    );
    expect(answers.filter((a) => a.code !== 'auth/read_only')).toEqual([]);
    expect(answers).toHaveLength(Object.keys(samples('', '')).length);
    const after = await viewer.history(0, 1);
    expect(after.ok && after.lastSeq).toBe(before.ok && before.lastSeq);
  });

  it('the consoles that may run it — administrator, owner, API token — are never read-only', async () => {
    for (const role of RUNNERS) {
      // meeting.start and meeting.end left out: the other tests want the lobby.
      const commands = Object.values(samples(`run-${role}`, trainee.participantId)).filter(
        (c) => c.type !== 'meeting.end' && c.type !== 'meeting.start',
      );
      const answers = await answersOf(opener(role, 'console'), commands);
      expect(
        answers.filter((a) => a.code === 'auth/read_only'),
        role,
      ).toEqual([]);
      expect(answers).toHaveLength(commands.length);
    }
  });

  it('an expert with an account has exactly a guest expert’s rights, command by command', async () => {
    // The guest's answers, then the expert's for the same commands (own ids), in the same lobby.
    const byGuest = await answersOf(
      opener('guest expert', 'observer link'),
      Object.values(samples('guest', trainee.participantId)),
    );
    const byExpert = await answersOf(
      opener('expert', 'expert screen'),
      Object.values(samples('expert', trainee.participantId)),
    );
    expect(byExpert).toEqual(byGuest);
    // What an observer may do in the lobby got through for both: the coaching commands (an NPC speaks
    // only once the meeting runs).
    expect(
      byExpert
        .filter((a) => a.code === 'ok')
        .map((a) => a.type)
        .sort(),
    ).toEqual(['backchannel.say', 'marker.drop', 'plan.add', 'score.set', 'tip.broadcast', 'tip.whisper']);
  });

  it('sharing gives another instructor the run of the session at once, and unsharing takes it back', async () => {
    const viewer = (await tryOpen('another instructor', 'console')) as HeadlessClient;
    const settings: AnyCommand = { type: 'settings.update', observersMayFireInjects: false };
    expect(await answerCode(viewer, settings)).toBe('auth/read_only');
    const otherId = agents['another instructor'].account?.id as string;
    const shared = await agents.instructor.request<{ sharedWith: { name: string }[] }>(
      'POST',
      `/api/sessions/${session.sessionId}/shares`,
      { body: { accountId: otherId } },
    );
    expect(shared.body.sharedWith).toEqual([{ id: otherId, name: 'Other Teacher' }]);
    expect(await answerCode(viewer, settings)).toBe('ok');
    // A share is not ownership: still no share or delete right.
    const reshare = await agents['another instructor'].request(
      'POST',
      `/api/sessions/${session.sessionId}/shares`,
      {
        body: { accountId: otherId },
      },
    );
    expect(refusal(reshare)).toBe('forbidden');
    await agents.instructor.request('DELETE', `/api/sessions/${session.sessionId}/shares/${otherId}`);
    expect(await answerCode(viewer, settings)).toBe('auth/read_only');
  });

  it('handing cards to experts, entering paper ballots and the minutes’ venue and recorder are the console’s: no seat or expert may', async () => {
    const consoleOnly: AnyCommand['type'][] = [
      'card.assign_expert',
      'card.release_expert',
      'ballot.paper.enter',
      'ballot.paper.correct',
      'ballot.tally.enter',
      'ballot.tally.correct',
      'minutes.details',
    ];
    const all = samples('console-only', trainee.participantId);
    const commands = consoleOnly.map((type) => all[type]);
    for (const [role, screen] of [
      ['trainee', 'seat'],
      ['guest expert', 'observer link'],
      ['expert', 'expert screen'],
    ] as const) {
      const answers = await answersOf(opener(role, screen), commands);
      expect(answers, role).toEqual(consoleOnly.map((type) => ({ type, code: 'auth/forbidden' })));
    }
    // card.play passes the table for a seat (take_part) and the meeting refuses it: a seat plays
    // only its own card, and this one is the trainee's own seat, not a card handed to an expert.
    const played = await answersOf(opener('trainee', 'seat'), [all['card.play']]);
    expect(played).toEqual([{ type: 'card.play', code: 'seat/not_your_card' }]);
  });

  it('the projector sends nothing, the trainee only what a seat may', async () => {
    const projector = async () => {
      const client = await HeadlessClient.connect(server.url, { role: 'projector', code: session.joinCode });
      open.push(client);
      return client;
    };
    const watched = await answersOf(projector, Object.values(samples('pj', trainee.participantId)));
    expect(watched.filter((a) => a.code !== 'auth/forbidden')).toEqual([]);
    // A seat is never told it lacks an account's right: the meeting decides.
    const seated = await answersOf(
      opener('trainee', 'seat'),
      Object.values(samples('seat', trainee.participantId)),
    );
    expect(seated.filter((a) => a.code === 'auth/read_only')).toEqual([]);
  });
});
