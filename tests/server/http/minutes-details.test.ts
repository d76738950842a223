// The minutes' 地点 and 记录人 set when the session is created: validated
// (trimmed, 1–80 and 1–40 characters), refused whole when bad, and written in
// the minutes instead of the scenario's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../support/server-process.ts';
import { AUTH_ENV, type CreatedSession, request } from '../../support/session-api.ts';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess({ env: AUTH_ENV });
});
afterAll(() => server?.stop());

const SCENARIO = 'elevator-coordination';
const create = (body: Record<string, unknown>) =>
  request<CreatedSession & { error?: { code: string; message: string } }>(
    server.url,
    'POST',
    '/api/sessions',
    {
      body: { scenarioId: SCENARIO, ...body },
    },
  );
const minutesOf = async (sessionId: string) =>
  (await request<string>(server.url, 'GET', `/api/sessions/${sessionId}/export.md?lang=zh`)).body;

describe('venue and recorder at session creation', () => {
  it('are written in the minutes in place of the scenario’s', async () => {
    const created = await create({ venue: '  三楼党群服务站  ', recorder: '李记录' });
    expect(created.status).toBe(201);
    const md = await minutesOf(created.body.sessionId);
    expect(md).toContain('三楼党群服务站');
    expect(md).not.toContain('  三楼党群服务站');
    expect(md).toContain('李记录');
  });

  it('absent, the scenario’s own venue and recorder are used', async () => {
    const created = await create({});
    expect(created.status).toBe(201);
    const md = await minutesOf(created.body.sessionId);
    // scenarios/elevator-coordination.yaml: venue 兰溪苑居委会会议室, recorder 居委会干事.
    expect(md).toContain('兰溪苑居委会会议室');
    expect(md).toContain('居委会干事');
  });

  it('refuses a blank or too long one with a plain error, and makes no session', async () => {
    const before = (await request<{ sessions: unknown[] }>(server.url, 'GET', '/api/sessions')).body.sessions
      .length;
    for (const body of [
      { venue: '   ' },
      { venue: '室'.repeat(81) },
      { recorder: '记'.repeat(41) },
      { venue: 3 },
    ]) {
      const answer = await create(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error?.code).toBe('http/bad_request');
    }
    const after = (await request<{ sessions: unknown[] }>(server.url, 'GET', '/api/sessions')).body.sessions
      .length;
    expect(after).toBe(before);
  });
});
