// The studio's endpoints on a real server process: who may reach each one,
// saves on a stale version, the 1 MB limit, imports that change nothing,
// drafts kept off the public library, and sessions that keep the version
// they were created from — across a restart.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, newAccount, signInAdministrator } from '../../support/accounts.ts';
import { type ServerProcess, startServerProcess } from '../../support/server-process.ts';
import { AUTH_ENV, type CreatedSession, request } from '../../support/session-api.ts';
import { actAsInstructor, type SavedVersion, studio } from '../../support/studio-api.ts';

let server: ServerProcess;
let admin: Agent;
let expertAccount: Agent;
let scenariosDir: string;
const SHIPPED = 'elevator-coordination';
const shippedText = readFileSync(`scenarios/${SHIPPED}.yaml`, 'utf8');

const start = (dataDir?: string) =>
  startServerProcess({ scenariosDir, env: AUTH_ENV, ...(dataDir && { dataDir }) });

beforeAll(async () => {
  scenariosDir = mkdtempSync(join(tmpdir(), 'civic-studio-'));
  cpSync('scenarios', scenariosDir, { recursive: true });
  server = await start();
  admin = await signInAdministrator(server.url);
  actAsInstructor(await newAccount(admin, { login: 'li', name: '李老师', role: 'instructor' }));
  expertAccount = await newAccount(admin, { login: 'zhou', name: '周专家', role: 'expert' });
});
afterAll(() => server?.stop());

const duplicate = async (of = SHIPPED) => {
  const { status, body } = await studio<SavedVersion>(server.url, 'POST', '/api/studio/scenarios', {
    body: { duplicate: { id: of } },
  });
  expect(status).toBe(201);
  return body;
};

describe('who may reach each studio endpoint', () => {
  // Credentials: an instructor's sign-in; an expert account's sign-in; a guest expert by the observer
  // link of a session made from the studio scenario; a trainee's resume token; the projector's join
  // code; nothing at all.
  let id: string;
  let expertSession: CreatedSession;
  const credentials: Record<string, Agent | string | null | undefined> = {};

  beforeAll(async () => {
    id = (await duplicate()).id;
    const created = await request<CreatedSession>(server.url, 'POST', '/api/sessions', {
      body: { scenarioId: id, version: 1 },
    });
    expect(created.status).toBe(201);
    expertSession = created.body;
    const joined = await request<{ resumeToken: string }>(server.url, 'POST', '/api/join', {
      body: { code: expertSession.joinCode, name: '学员甲' },
      bearer: null,
    });
    credentials.instructor = undefined; // the default: the signed-in instructor
    credentials.expertAccount = expertAccount;
    credentials.expert = expertSession.observerToken;
    credentials.trainee = joined.body.resumeToken;
    credentials.projector = expertSession.joinCode;
    credentials.nobody = null;
  });

  // What each may do, by hand: only the instructor edits or lists; an expert account reads any
  // scenario's private side; a guest expert reads the version its session runs (version 1, still the
  // latest here); the others get nothing.
  const reads = {
    instructor: 200,
    expertAccount: 200,
    expert: 200,
    trainee: 403,
    projector: 401,
    nobody: 401,
  };
  const instructorOnly = (ok: number) => ({
    instructor: ok,
    expertAccount: 403,
    expert: 403,
    trainee: 403,
    projector: 401,
    nobody: 401,
  });
  const cases: {
    name: string;
    method: string;
    path: () => string;
    body?: () => unknown;
    expect: Record<string, number>;
  }[] = [
    { name: 'list', method: 'GET', path: () => '/api/studio/scenarios', expect: instructorOnly(200) },
    { name: 'read latest', method: 'GET', path: () => `/api/studio/scenarios/${id}`, expect: reads },
    {
      name: 'read version',
      method: 'GET',
      path: () => `/api/studio/scenarios/${id}/versions/1`,
      expect: reads,
    },
    {
      name: 'export',
      method: 'GET',
      path: () => `/api/studio/scenarios/${id}/export?version=1`,
      expect: reads,
    },
    {
      name: 'versions',
      method: 'GET',
      path: () => `/api/studio/scenarios/${id}/versions`,
      expect: instructorOnly(200),
    },
    {
      name: 'save',
      method: 'PUT',
      path: () => `/api/studio/scenarios/${id}`,
      // baseVersion 0 is stale for everyone who may save: 409 proves the instructor got past the rights.
      body: () => ({ source: shippedText, baseVersion: 0 }),
      expect: instructorOnly(409),
    },
    {
      name: 'create',
      method: 'POST',
      path: () => '/api/studio/scenarios',
      body: () => ({ template: 'no_such_kind' }),
      expect: instructorOnly(400),
    },
    {
      name: 'import',
      method: 'POST',
      path: () => '/api/studio/import',
      body: () => ({ files: [{ name: 'x.yaml', text: '- not a scenario' }] }),
      expect: instructorOnly(422),
    },
    {
      name: 'restore',
      method: 'POST',
      path: () => `/api/studio/scenarios/${id}/restore`,
      body: () => ({ version: 1, baseVersion: 0 }),
      expect: instructorOnly(409),
    },
    {
      name: 'publish',
      method: 'POST',
      path: () => `/api/studio/scenarios/${id}/publish`,
      body: () => ({ version: 99 }),
      expect: instructorOnly(404),
    },
    {
      name: 'archive',
      method: 'POST',
      path: () => `/api/studio/scenarios/${SHIPPED}/archive`,
      body: () => ({ archived: true }),
      expect: instructorOnly(409),
    },
    {
      name: 'delete',
      method: 'DELETE',
      path: () => `/api/studio/scenarios/${id}`,
      expect: instructorOnly(409),
    },
  ];

  for (const c of cases) {
    for (const viewer of [
      'instructor',
      'expertAccount',
      'expert',
      'trainee',
      'projector',
      'nobody',
    ] as const) {
      it(`${c.name} (${c.method}) as ${viewer}: ${c.expect[viewer]}`, async () => {
        const answer = await studio<{ error?: { code: string } }>(server.url, c.method, c.path(), {
          ...(viewer !== 'instructor' && { as: credentials[viewer] ?? null }),
          ...(c.body && { body: c.body() }),
        });
        expect(answer.status).toBe(c.expect[viewer]);
        if (answer.status === 401) expect(answer.body.error?.code).toBe('studio/unauthorized');
        if (answer.status === 403) expect(answer.body.error?.code).toBe('studio/forbidden');
      });
    }
  }

  it('an expert reads only the version its session runs, not a later one', async () => {
    const saved = await studio<SavedVersion>(server.url, 'PUT', `/api/studio/scenarios/${id}`, {
      body: { source: shippedText.replace(`id: ${SHIPPED}`, `id: ${id}`), baseVersion: 1 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    const asExpert = (path: string) => studio(server.url, 'GET', path, { as: credentials.expert ?? null });
    expect((await asExpert(`/api/studio/scenarios/${id}/versions/1`)).status).toBe(200);
    expect((await asExpert(`/api/studio/scenarios/${id}/versions/2`)).status).toBe(403);
    expect((await asExpert(`/api/studio/scenarios/${id}`)).status).toBe(403);
    // …and what it reads is the whole text, private briefs included.
    const v1 = await studio<SavedVersion>(server.url, 'GET', `/api/studio/scenarios/${id}/versions/1`, {
      as: credentials.expert ?? null,
    });
    expect(v1.body.source).toContain('brief:');
  });
});

describe('saving', () => {
  it('refuses a save based on a version that is no longer the latest, and keeps what was saved', async () => {
    const copy = await duplicate();
    const edit = (title: string) => copy.source.replace(/^title:\n {2}zh: .*$/m, `title:\n  zh: ${title}`);
    const first = await studio<SavedVersion>(server.url, 'PUT', `/api/studio/scenarios/${copy.id}`, {
      body: { source: edit('甲的标题'), baseVersion: 1 },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    // Each version names who saved it: the signed-in instructor's account.
    const versions = await studio<{ versions: { version: number; author: unknown }[] }>(
      server.url,
      'GET',
      `/api/studio/scenarios/${copy.id}/versions`,
    );
    expect(versions.body.versions.find((v) => v.version === 2)?.author).toMatchObject({
      kind: 'account',
      name: '李老师',
    });
    const second = await studio<{ error: { code: string; message: string; details: unknown } }>(
      server.url,
      'PUT',
      `/api/studio/scenarios/${copy.id}`,
      { body: { source: edit('乙的标题'), baseVersion: 1 } },
    );
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('studio/stale_version');
    expect(second.body.error.details).toEqual({ latestVersion: 2, baseVersion: 1 });
    expect(second.body.error.message).toMatch(/compare/);
    const latest = await studio<SavedVersion>(server.url, 'GET', `/api/studio/scenarios/${copy.id}`);
    expect(latest.body.version).toBe(2);
    expect(latest.body.source).toContain('甲的标题');
  });

  it('saves a text with errors as a draft, which cannot be used for a session', async () => {
    const copy = await duplicate();
    const broken = copy.source.replace('speakers: [', 'speakers: [nobody_here, ');
    const saved = await studio<SavedVersion>(server.url, 'PUT', `/api/studio/scenarios/${copy.id}`, {
      body: { source: broken, baseVersion: 1 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.issues.map((i) => i.code)).toContain('scenario/unknown_role');
    const session = await request<{ error: { code: string } }>(server.url, 'POST', '/api/sessions', {
      body: { scenarioId: copy.id },
    });
    expect(session.status).toBe(422);
    expect(session.body.error.code).toBe('studio/has_errors');
    // Version 1 has none: a session can still be made from it.
    const fromOld = await request(server.url, 'POST', '/api/sessions', {
      body: { scenarioId: copy.id, version: 1 },
    });
    expect(fromOld.status).toBe(201);
  });

  it('a shipped file is read-only', async () => {
    const answer = await studio<{ error: { code: string } }>(
      server.url,
      'PUT',
      `/api/studio/scenarios/${SHIPPED}`,
      {
        body: { source: shippedText, baseVersion: 0 },
      },
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('studio/read_only');
  });
});

describe('the body limit', () => {
  it('takes a scenario over the 64 KB JSON limit, and refuses one over 1 MB with its own code', async () => {
    const copy = await duplicate();
    // Comment lines make the text big without changing what it means.
    const padded = (bytes: number) =>
      `${copy.source}\n${`# ${'x'.repeat(98)}\n`.repeat(Math.ceil(bytes / 101))}`;
    const big = await studio<SavedVersion>(server.url, 'PUT', `/api/studio/scenarios/${copy.id}`, {
      body: { source: padded(200 * 1024), baseVersion: 1 },
    });
    expect(big.status).toBe(200);
    expect(big.body.issues).toEqual([]);
    const tooBig = await studio<{ error: { code: string; message: string } }>(
      server.url,
      'PUT',
      `/api/studio/scenarios/${copy.id}`,
      { body: { source: padded(1100 * 1024), baseVersion: 2 } },
    );
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('studio/too_large');
    expect(tooBig.body.error.message).toContain('1 MB');
    // The rest of the API keeps its 64 KB limit.
    const other = await request<{ error: { code: string } }>(server.url, 'POST', '/api/sessions', {
      body: { scenarioId: 'x'.repeat(100 * 1024) },
    });
    expect(other.status).toBe(413);
    expect(other.body.error.code).toBe('protocol/too_large');
  });
});

describe('importing', () => {
  const listIds = async () =>
    (await studio<{ scenarios: { id: string }[] }>(server.url, 'GET', '/api/studio/scenarios')).body.scenarios
      .map((s) => s.id)
      .sort();

  it('refuses what is not YAML, or not a scenario, and then imports nothing of the batch', async () => {
    const before = await listIds();
    const good = { name: 'fine.yaml', text: shippedText.replace(`id: ${SHIPPED}`, 'id: imported-fine') };
    for (const [bad, code] of [
      [{ name: 'broken.yaml', text: 'title: [unclosed\n' }, 'studio/not_yaml'],
      [{ name: 'list.yaml', text: '- a\n- b\n' }, 'studio/not_a_scenario'],
      [{ name: 'notes.yaml', text: 'shopping: [milk, eggs]\n' }, 'studio/not_a_scenario'],
      [{ name: 'again.yaml', text: shippedText }, 'studio/id_taken'],
    ] as const) {
      const answer = await studio<{ error: { code: string; message: string } }>(
        server.url,
        'POST',
        '/api/studio/import',
        {
          body: { files: [good, bad] },
        },
      );
      expect(answer.status, bad.name).toBeGreaterThanOrEqual(400);
      expect(answer.body.error.code).toBe(code);
      expect(answer.body.error.message).toContain(bad.name);
    }
    expect(await listIds()).toEqual(before);
  });

  it('imports several files at once, a scenario with errors as a draft', async () => {
    const files = [
      { name: 'one.yaml', text: shippedText.replace(`id: ${SHIPPED}`, 'id: imported-one') },
      {
        name: 'two.yaml',
        text: shippedText
          .replace(`id: ${SHIPPED}`, 'id: imported-two')
          .replace('meeting: coordination', 'meeting: party'),
      },
    ];
    const answer = await studio<{ scenarios: SavedVersion[] }>(server.url, 'POST', '/api/studio/import', {
      body: { files },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.scenarios.map((s) => [s.id, s.issues.length > 0])).toEqual([
      ['imported-one', false],
      ['imported-two', true],
    ]);
    const exported = await studio(server.url, 'GET', '/api/studio/scenarios/imported-one/export');
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="imported-one.yaml"');
    expect(exported.text).toBe(files[0]?.text);
  });
});

describe('the public library and sessions', () => {
  it('lists a studio scenario only once published, and then only its public side', async () => {
    const copy = await duplicate();
    const publicIds = async () =>
      (
        await request<{ scenarios: { id: string }[] }>(server.url, 'GET', '/api/scenarios', {
          bearer: null,
        })
      ).body.scenarios.map((s) => s.id);
    expect(await publicIds()).not.toContain(copy.id);
    expect((await request(server.url, 'GET', `/api/scenarios/${copy.id}`, { bearer: null })).status).toBe(
      404,
    );
    const published = await studio(server.url, 'POST', `/api/studio/scenarios/${copy.id}/publish`, {
      body: { version: 1 },
    });
    expect(published.status).toBe(200);
    expect(await publicIds()).toContain(copy.id);
    const one = await request<{ scenario: unknown }>(server.url, 'GET', `/api/scenarios/${copy.id}`, {
      bearer: null,
    });
    expect(one.status).toBe(200);
    const text = JSON.stringify(one.body);
    expect(text).not.toContain('"brief"');
    expect(text).not.toContain('"secrets"');
    // Archived: off the public library again.
    await studio(server.url, 'POST', `/api/studio/scenarios/${copy.id}/archive`, {
      body: { archived: true },
    });
    expect(await publicIds()).not.toContain(copy.id);
  });

  it('a session keeps the version it was created from when the scenario changes, across a restart', async () => {
    const copy = await duplicate();
    const created = await request<CreatedSession>(server.url, 'POST', '/api/sessions', {
      body: { scenarioId: copy.id },
    });
    expect(created.status).toBe(201);
    const retitled = copy.source.replace(/^title:\n {2}zh: .*$/m, 'title:\n  zh: 改过的标题');
    expect(retitled).not.toBe(copy.source);
    const saved = await studio<SavedVersion>(server.url, 'PUT', `/api/studio/scenarios/${copy.id}`, {
      body: { source: retitled, baseVersion: 1 },
    });
    expect(saved.body.version).toBe(2);
    const sessionOf = async () =>
      (
        await request<{
          sessions: { id: string; scenarioVersion: number | null; title: { zh: string }; health: string }[];
        }>(server.url, 'GET', '/api/sessions')
      ).body.sessions.find((s) => s.id === created.body.sessionId);
    const before = await sessionOf();
    expect(before?.scenarioVersion).toBe(1);
    expect(before?.title.zh).not.toBe('改过的标题');
    // In use: deleting is refused, archiving is the way.
    const del = await studio<{ error: { code: string } }>(
      server.url,
      'DELETE',
      `/api/studio/scenarios/${copy.id}`,
    );
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('studio/in_use');

    const dataDir = server.dataDir;
    await server.stop();
    server = await start(dataDir);
    const after = await sessionOf();
    expect(after).toMatchObject({ scenarioVersion: 1, health: 'live', title: before?.title });
    const versions = await studio<{ versions: { version: number; sessions: number }[] }>(
      server.url,
      'GET',
      `/api/studio/scenarios/${copy.id}/versions`,
    );
    expect(versions.body.versions.map((v) => [v.version, v.sessions])).toEqual([
      [2, 0],
      [1, 1],
    ]);
  });

  it('deletes a scenario no session uses', async () => {
    const copy = await duplicate();
    expect((await studio(server.url, 'DELETE', `/api/studio/scenarios/${copy.id}`)).status).toBe(204);
    expect((await studio(server.url, 'GET', `/api/studio/scenarios/${copy.id}`)).status).toBe(404);
  });
});
