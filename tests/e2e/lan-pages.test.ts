// Every screen loaded the way a phone on the classroom's Wi-Fi loads it:
// plain http at a host that is not loopback (Chromium maps classroom.test to
// 127.0.0.1), so the page is not a secure context. Each screen must render,
// with its scripts and styles, and no request may fail: a policy that sends
// the page's assets to https, or a header Chromium refuses on plain http,
// shows up here as a blank page, a failed request or a console error.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { AnyCommand } from '../../shared/protocol/messages.ts';
import { BIG_SCREEN, LAPTOP, PHONE, phaseIs, WAIT } from '../support/e2e.ts';
import { LAN_HOST, lanUrl, launchLanBrowser, NetworkWatch, pageState } from '../support/lan.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, AUTH_ENV, connectFacilitator } from '../support/session-api.ts';

let server: ServerProcess;
let browser: Browser;
const headless: HeadlessClient[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess({ env: AUTH_ENV }), launchLanBrowser()]);
});
afterAll(async () => {
  for (const client of headless) client.close();
  await browser?.close();
  await server?.stop();
});

async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type}: ${ack.error.code} ${ack.error.message}`);
}

describe('every screen over plain http at a LAN address', () => {
  it('renders home, join, facilitator, projector, observer, trainee and debrief with no failed request', {
    timeout: 120_000,
  }, async () => {
    const base = lanUrl(server.port);
    const network = new NetworkWatch();
    const open = async (options: Parameters<Browser['newContext']>[0], label: string): Promise<Page> => {
      const page = await (await browser.newContext(options)).newPage();
      network.watch(page, label);
      return page;
    };
    /** The screen is up, at the LAN origin, not a secure context, scripts run and styles applied. */
    const expectUp = async (page: Page, screen: string) => {
      const state = await pageState(page);
      expect(state, screen).toMatchObject({ secure: false, origin: base });
      expect(state.text, `${screen} shows text`).toBeGreaterThan(0);
      expect(state.cssRules, `${screen} has its stylesheet`).toBeGreaterThan(0);
    };

    const home = await open(PHONE, 'home');
    await home.goto(base);
    await home.locator('.scenario-card h3').first().waitFor({ timeout: WAIT });
    await expectUp(home, 'home');

    const fac = await open(LAPTOP, 'facilitator');
    await fac.goto(`${base}/facilitator`);
    await fac.getByTestId('signin-login').fill('admin');
    await fac.getByTestId('signin-password').fill(ADMIN_PASSWORD);
    await fac.getByTestId('signin-submit').click();
    await fac.getByTestId('create-session-elevator-coordination').click();
    await fac.getByTestId('join-code').waitFor({ timeout: WAIT });
    await fac.getByTestId('join-qr').waitFor({ timeout: WAIT });
    await expectUp(fac, 'facilitator console');
    const code = ((await fac.getByTestId('join-code').textContent()) ?? '').trim();
    const sessionId = new URL(fac.url()).pathname.split('/').pop() as string;
    const created = (await fac.evaluate(
      (id) => JSON.parse(localStorage.getItem(`civic-rehearsal.created.${id}`) ?? 'null'),
      sessionId,
    )) as { links: { observer: string } };
    // A page opened at a LAN address keeps it: the links it hands out are at the same host.
    expect(await fac.getByTestId('observer-link').getAttribute('href')).toBe(base + created.links.observer);

    const projector = await open(BIG_SCREEN, 'projector');
    await projector.goto(`${base}/projector?code=${code}`);
    await projector.getByTestId('projector-qr').waitFor({ timeout: WAIT });
    await expectUp(projector, 'projector');
    expect(await projector.locator('.pj-code-label').textContent()).toContain(`${LAN_HOST}:${server.port}`);

    const observer = await open(LAPTOP, 'observer');
    await observer.goto(base + created.links.observer);
    await observer.getByTestId('observer-name-input').fill('李老师');
    await observer.getByTestId('observer-name-submit').click();
    await observer.getByTestId('composer-text').waitFor({ timeout: WAIT });
    await expectUp(observer, 'observer');

    const phone = await open(PHONE, 'trainee');
    await phone.goto(`${base}/join?code=${code}`);
    await phone.getByTestId('join-name-input').fill('陈同学');
    await expectUp(phone, 'join');
    await phone.getByTestId('join-submit').click();
    await phone.getByTestId('card-option-owner_101').getByTestId('take-card').click();
    await phone.locator('[data-testid="card-option-owner_101"].mine').waitFor({ timeout: WAIT });
    await expectUp(phone, 'trainee lobby');

    // The rest of the class, headless, seated by auto-balance; the meeting runs and ends.
    const host = await connectFacilitator(server.url, { sessionId });
    headless.push(host);
    for (const name of ['张丽', '刘建国', '黄伟', '周敏', '吴芳', '徐静'])
      headless.push((await HeadlessClient.join(server.url, code, name)).client);
    await ok(host, { type: 'cards.balance' });
    await ok(host, { type: 'meeting.start' });
    const roles = host.static?.kind === 'full' ? host.static.scenario.roles : [];
    const chair = headless.find((c) => roles.find((r) => r.id === c.live?.me?.card?.id)?.chair);
    await ok(chair as HeadlessClient, { type: 'meeting.begin' });
    await phaseIs(phone, 'running');
    await expectUp(phone, 'trainee meeting');
    await ok(host, { type: 'meeting.end' });
    await phaseIs(phone, 'closed');

    // The instructor's debrief, in the browser that signed in (its cookie is the credential).
    const debrief = await fac.context().newPage();
    network.watch(debrief, 'debrief');
    await debrief.goto(`${base}/debrief/${sessionId}#instructor`);
    await debrief.getByTestId('debrief-app').waitFor({ timeout: WAIT });
    await expectUp(debrief, 'debrief');

    // On the instructor's own machine (loopback, a secure context) the stricter headers raise nothing either.
    const local = await open(LAPTOP, 'home at loopback');
    await local.goto(server.url);
    await local.locator('.scenario-card h3').first().waitFor({ timeout: WAIT });
    expect(await local.evaluate(() => window.isSecureContext)).toBe(true);

    expect(network.failures).toEqual([]);
  });
});
