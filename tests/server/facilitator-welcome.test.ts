// The facilitator's console shows the join code and its QR code, so the
// facilitator's welcome carries it; no other viewer gets anything new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { API_TOKEN, AUTH_ENV, connectObserver, createSession } from '../support/session-api.ts';

let server: ServerProcess;
const open: HeadlessClient[] = [];

beforeAll(async () => {
  server = await startServerProcess({ env: AUTH_ENV });
});
afterAll(async () => {
  for (const c of open) c.close();
  await server?.stop();
});

describe('the join code in the welcome', () => {
  it('reaches the facilitator, and not trainees, observers or the projector', async () => {
    const created = await createSession(server.url, 'elevator-coordination');
    const facilitator = await HeadlessClient.connect(server.url, {
      role: 'facilitator',
      sessionId: created.sessionId,
      apiToken: API_TOKEN,
    });
    open.push(facilitator);
    expect(facilitator.welcome?.joinCode).toBe(created.joinCode);

    const { client: trainee } = await HeadlessClient.join(server.url, created.joinCode, '王敏');
    const observer = await connectObserver(server.url, created, '专家');
    const projector = await HeadlessClient.connect(server.url, { role: 'projector', code: created.joinCode });
    open.push(trainee, observer, projector);
    for (const client of [trainee, observer, projector]) expect(client.welcome?.joinCode).toBeUndefined();
  });
});
