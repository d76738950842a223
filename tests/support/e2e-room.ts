// What the end-to-end files that run a whole meeting set up alike: one server
// process (with accounts), one Chromium, the screens opened in it and the
// headless clients connected to it, all closed after the file; and the steps
// every such meeting starts with: the facilitator signing in at the desk, an
// expert entering the observer room, a headless command that must be accepted.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { HeadlessClient } from '../../client/headless/client.ts';
import type { AnyCommand } from '../../shared/protocol/messages.ts';
import { launchBrowser } from './browser.ts';
import { Screens, WAIT } from './e2e.ts';
import { type ServerOptions, type ServerProcess, startServerProcess } from './server-process.ts';
import { ADMIN_PASSWORD, AUTH_ENV } from './session-api.ts';

export interface E2eRoom {
  server: ServerProcess;
  browser: Browser;
  screens: Screens;
  /** Headless clients the test connects: closed after the file. */
  headless: HeadlessClient[];
}

/** Starts the server and the browser before the file's tests, and closes everything after them. */
export function e2eRoom(options: ServerOptions = { env: AUTH_ENV }): E2eRoom {
  // Filled in by beforeAll: the tests read it only once it has run.
  const room = { headless: [] } as unknown as E2eRoom;
  beforeAll(async () => {
    [room.server, room.browser] = await Promise.all([startServerProcess(options), launchBrowser()]);
    room.screens = new Screens(room.browser);
  });
  afterAll(async () => {
    for (const client of room.headless) client.close();
    await room.browser?.close();
    await room.server?.stop();
  });
  return room;
}

/** Sends a command that must be accepted: a refusal fails the test with its code and message. */
export async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type}: ${ack.error.code} ${ack.error.message}`);
}

/** The facilitator signs in as the administrator on the desk's sign-in form (already open). */
export async function signInAsAdministrator(page: Page): Promise<void> {
  await page.getByTestId('signin-login').fill('admin');
  await page.getByTestId('signin-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('signin-submit').click();
}

/** An expert gives their name at the observer room's door and waits until the room is open to them. */
export async function enterObserverRoom(page: Page, name: string): Promise<void> {
  await page.getByTestId('observer-name-input').fill(name);
  await page.getByTestId('observer-name-submit').click();
  await page.getByTestId('composer-text').waitFor({ timeout: WAIT });
}
