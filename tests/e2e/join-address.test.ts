// The instructor opens the console at loopback, as the README says; the QR
// code must send phones to an address they can reach. Read off the screen
// with a QR decoder. The machine's LAN addresses are given to the server as
// JOIN_HOSTS (names Chromium maps to 127.0.0.1), so the test does not depend
// on this machine's network; PUBLIC_URL and "no LAN address" each have a run.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_SCREEN, LAPTOP, PHONE, WAIT } from '../support/e2e.ts';
import {
  LAN_HOST,
  lanUrl,
  launchLanBrowser,
  NetworkWatch,
  OTHER_LAN_HOST,
  pageState,
} from '../support/lan.ts';
import { readQr } from '../support/qr.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, AUTH_ENV } from '../support/session-api.ts';

let browser: Browser;
const servers: ServerProcess[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchLanBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.stop()));
});

async function serve(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({ env: { ...AUTH_ENV, ...env } });
  servers.push(server);
  return server;
}

async function newContext(options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context;
}

/** Signs in at `origin`, opens an elevator-coordination session and waits for its QR code. */
async function openConsole(page: Page, origin: string): Promise<string> {
  await page.goto(`${origin}/facilitator`);
  await page.getByTestId('signin-login').fill('admin');
  await page.getByTestId('signin-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('create-session-elevator-coordination').click();
  await page.getByTestId('join-qr').waitFor({ timeout: WAIT });
  return ((await page.getByTestId('join-code').textContent()) ?? '').trim();
}

describe('the join address, opened at loopback', () => {
  it('encodes the machine’s LAN address, lets the instructor pick another, and the projector follows', {
    timeout: 120_000,
  }, async () => {
    const joinHosts = `${LAN_HOST},${OTHER_LAN_HOST}`;
    const server = await serve({ JOIN_HOSTS: joinHosts });
    const first = lanUrl(server.port, LAN_HOST);
    const second = lanUrl(server.port, OTHER_LAN_HOST);
    expect(server.logs.join('')).toContain(`phones on this network open ${first} or ${second}`);

    const network = new NetworkWatch();
    const desk = await newContext(LAPTOP);
    const fac = await desk.newPage();
    network.watch(fac, 'console');
    const code = await openConsole(fac, server.url);
    expect(new URL(fac.url()).hostname).toBe('127.0.0.1');

    const qr = await readQr(fac.getByTestId('join-qr'));
    expect(qr).toBe(`${first}/join?code=${code}`);
    expect(qr).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/);
    expect(await fac.getByTestId('join-address').textContent()).toBe(`${LAN_HOST}:${server.port}`);
    expect(await fac.locator('.fac-join-url a').textContent()).toBe(qr);
    expect(await fac.getByTestId('projector-link').getAttribute('href')).toBe(
      `${first}/projector?code=${code}`,
    );

    // The big screen opened by hand at loopback in the same browser, before the pick.
    const projector = await desk.newPage();
    network.watch(projector, 'projector at loopback');
    await projector.setViewportSize(BIG_SCREEN.viewport);
    await projector.goto(`${server.url}/projector?code=${code}`);
    expect(await readQr(projector.getByTestId('projector-qr'))).toBe(`${first}/join?code=${code}`);

    // The instructor picks the other address: the QR code, the links and the projector change.
    await fac.getByTestId('join-address-pick').selectOption(second);
    await expect
      .poll(() => readQr(fac.getByTestId('join-qr')), { timeout: WAIT })
      .toBe(`${second}/join?code=${code}`);
    expect(await fac.getByTestId('projector-link').getAttribute('href')).toBe(
      `${second}/projector?code=${code}`,
    );
    await expect
      .poll(() => readQr(projector.getByTestId('projector-qr')), { timeout: WAIT })
      .toBe(`${second}/join?code=${code}`);
    expect(await projector.locator('.pj-code-label').textContent()).toContain(
      `${OTHER_LAN_HOST}:${server.port}`,
    );

    // The pick is kept in this browser.
    await fac.reload();
    await fac.getByTestId('join-qr').waitFor({ timeout: WAIT });
    expect(await readQr(fac.getByTestId('join-qr'))).toBe(`${second}/join?code=${code}`);

    // The projector link opened on another device: that page is at the LAN address and keeps it.
    const room = await (await newContext(BIG_SCREEN)).newPage();
    network.watch(room, 'projector from the link');
    await room.goto((await fac.getByTestId('projector-link').getAttribute('href')) as string);
    expect(await readQr(room.getByTestId('projector-qr'))).toBe(`${second}/join?code=${code}`);

    // A phone opens what it scanned: the join page, code filled in, over plain http.
    const phone = await (await newContext(PHONE)).newPage();
    network.watch(phone, 'phone');
    await phone.goto(`${second}/join?code=${code}`);
    await phone.getByTestId('join-name-input').fill('陈同学');
    expect(await phone.getByTestId('join-code-input').inputValue()).toBe(code);
    expect(await pageState(phone)).toMatchObject({ secure: false, origin: second });
    await phone.getByTestId('join-submit').click();
    await phone.getByTestId('card-option-owner_101').waitFor({ timeout: WAIT });

    expect(network.failures).toEqual([]);
  });

  it('uses PUBLIC_URL when it is set, with nothing to pick', { timeout: 60_000 }, async () => {
    const publicUrl = 'http://classroom.test:8080';
    const server = await serve({ PUBLIC_URL: `${publicUrl}/`, JOIN_HOSTS: `${LAN_HOST},${OTHER_LAN_HOST}` });
    expect(server.logs.join('')).toContain(`phones open ${publicUrl} (PUBLIC_URL)`);
    const fac = await (await newContext(LAPTOP)).newPage();
    const code = await openConsole(fac, `http://localhost:${server.port}`);
    expect(await readQr(fac.getByTestId('join-qr'))).toBe(`${publicUrl}/join?code=${code}`);
    expect(await fac.getByTestId('join-address').textContent()).toBe('classroom.test:8080');
    expect(await fac.getByTestId('join-address-pick').count()).toBe(0);
  });

  it('says so, and how to set PUBLIC_URL, when the machine has no LAN address', {
    timeout: 60_000,
  }, async () => {
    // Listening on 127.0.0.1 only: no phone can reach it, whatever the machine's interfaces.
    const server = await serve({});
    expect(server.logs.join('')).toContain('no LAN address');
    const fac = await (await newContext({ ...LAPTOP, locale: 'en-GB' })).newPage();
    const code = await openConsole(fac, server.url);
    const notice = fac.getByTestId('join-address-missing');
    expect(await notice.textContent()).toContain(`127.0.0.1:${server.port}`);
    expect(await notice.textContent()).toContain('PUBLIC_URL=http://');
    expect(await notice.textContent()).toContain('not on a local network');
    // The link still works on this machine.
    expect(await readQr(fac.getByTestId('join-qr'))).toBe(`${server.url}/join?code=${code}`);
  });
});
