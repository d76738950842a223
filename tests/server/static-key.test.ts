import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { Welcome } from '../../shared/protocol/messages.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { AUTH_ENV, createSession } from '../support/session-api.ts';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess({ env: AUTH_ENV });
});
afterAll(() => server?.stop());

function welcomeWith(auth: Record<string, unknown>): Promise<Welcome> {
  return new Promise((resolve, reject) => {
    const socket = io(server.url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
    socket.once('welcome', (welcome: Welcome) => {
      socket.close();
      resolve(welcome);
    });
    socket.once('connect_error', reject);
  });
}

describe('the static view on reconnect', () => {
  it('is left out of the welcome when the client already holds it, and sent when its key differs', async () => {
    const session = await createSession(server.url, 'parking-mobilization');
    const { seat, client } = await HeadlessClient.join(server.url, session.joinCode, 'Lin');
    client.close();
    const first = await welcomeWith({ role: 'trainee', resumeToken: seat.resumeToken });
    expect(first.static?.kind).toBe('public');
    expect(first.staticKey).toMatch(/^parking-mobilization:public:/);
    const again = await welcomeWith({
      role: 'trainee',
      resumeToken: seat.resumeToken,
      staticKey: first.staticKey,
    });
    expect(again.static).toBeUndefined();
    expect(again.staticKey).toBe(first.staticKey);
    const stale = await welcomeWith({
      role: 'trainee',
      resumeToken: seat.resumeToken,
      staticKey: 'parking-mobilization:public:old',
    });
    expect(stale.static?.kind).toBe('public');
    // Observers hold a different (full) view under a different key: a trainee's key never unlocks it.
    const observer = await welcomeWith({
      role: 'observer',
      sessionId: session.sessionId,
      token: session.observerToken,
      name: 'E',
      staticKey: first.staticKey,
    });
    expect(observer.static?.kind).toBe('full');
    expect(observer.staticKey).not.toBe(first.staticKey);
  });

  it('keeps the headless client’s static view across a reconnect', async () => {
    const session = await createSession(server.url, 'parking-mobilization');
    const { client } = await HeadlessClient.join(server.url, session.joinCode, 'Wu');
    const before = client.static;
    const welcomes = () => client.frames.filter((f) => f.event === 'welcome').length;
    client.disconnect();
    client.reconnect();
    await client.waitFor(() => welcomes() === 2);
    const second = client.frames.filter((f) => f.event === 'welcome')[1]?.payload as Welcome;
    expect(second.static).toBeUndefined();
    expect(client.static).toBe(before);
    client.close();
  });
});
