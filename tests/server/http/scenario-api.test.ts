import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../support/server-process.ts';

// A library with every shipped scenario plus one broken file, served by a real server process.
let server: ServerProcess;
let scenariosDir: string;

beforeAll(async () => {
  scenariosDir = mkdtempSync(join(tmpdir(), 'civic-scenarios-'));
  cpSync('scenarios', scenariosDir, { recursive: true });
  writeFileSync(join(scenariosDir, 'broken-one.yaml'), 'schema: 1\nid: broken-one\ntitle: [unclosed\n');
  server = await startServerProcess({ scenariosDir });
});
afterAll(() => server?.stop());

const get = async (path: string) => {
  const res = await fetch(server.url + path);
  return { status: res.status, headers: res.headers, body: await res.json() };
};

describe('HTTP API', () => {
  it('GET /healthz answers with the version and uptime', async () => {
    const { status, body } = await get('/healthz');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('GET /api/scenarios lists the library, with the broken file as invalid and the rest valid', async () => {
    const { status, body } = await get('/api/scenarios');
    expect(status).toBe(200);
    const byId = new Map<string, { issues: { line: number }[] }>(
      body.scenarios.map((s: { id: string }) => [s.id, s]),
    );
    expect(byId.get('broken-one')).toMatchObject({
      status: 'invalid',
      issues: [expect.objectContaining({ code: 'scenario/yaml_syntax' })],
    });
    expect(byId.get('broken-one')?.issues[0]?.line).toBeGreaterThanOrEqual(3);
    const valid = body.scenarios.filter((s: { status: string }) => s.status === 'valid');
    expect(valid.length).toBeGreaterThanOrEqual(5);
    for (const s of valid) {
      expect(s.title.zh).toBeTruthy();
      expect(s.title.en).toBeTruthy();
      expect(s.roleCount).toBeGreaterThanOrEqual(2);
      expect(s.itemCount).toBeGreaterThanOrEqual(1);
      expect(s.duration).toBeGreaterThan(0);
    }
    // How many trainees (tests/shared/meeting/stand-ins.test.ts works each one out by hand).
    expect(valid.find((s: { id: string }) => s.id === 'elevator-coordination')?.trainees).toEqual({
      min: 6,
      ideal: 7,
      max: 11,
    });
    expect(server.logs.join('')).toContain('scenario failed to load');
  });

  it('GET /api/scenarios/:id gives the public parts only', async () => {
    const { body: list } = await get('/api/scenarios');
    for (const { id, status } of list.scenarios) {
      if (status !== 'valid') continue;
      const { status: code, body } = await get(`/api/scenarios/${id}`);
      expect(code).toBe(200);
      const json = JSON.stringify(body);
      for (const privateKey of [
        '"brief"',
        '"goals"',
        '"secrets"',
        '"red_lines"',
        '"guidance"',
        '"expect"',
        '"injects"',
      ]) {
        expect(json, `${id} leaks ${privateKey}`).not.toContain(privateKey);
      }
      for (const role of body.scenario.roles) expect(role.public.zh).toBeTruthy();
      for (const h of body.scenario.handouts) expect(h.to).toBe('all');
    }
  });

  it('answers unknown and invalid scenarios with typed errors', async () => {
    expect(await get('/api/scenarios/nope')).toMatchObject({
      status: 404,
      body: { error: { code: 'scenario/not_found' } },
    });
    expect(await get('/api/scenarios/broken-one')).toMatchObject({
      status: 422,
      body: { error: { code: 'scenario/invalid' } },
    });
    expect(await get('/api/nothing-here')).toMatchObject({
      status: 404,
      body: { error: { code: 'http/not_found' } },
    });
  });

  it('sends a strict Content-Security-Policy', async () => {
    const { headers } = await get('/healthz');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
