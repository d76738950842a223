// The first real class, for every shipped scenario: four trainees on
// phone-sized pages reach the server by a name that is not loopback
// (classroom.test, mapped to 127.0.0.1 by Chromium, so the pages are not a
// secure context, as on a real phone on the classroom's Wi-Fi). The
// instructor opens the console at loopback, as the README says; the test reads
// the QR code off the console's screen and checks it does not send phones to
// localhost; the trainees open the decoded address and take cards on their
// phones; the console's start blocker hands every required card nobody holds
// to the expert on the observer screen; the meeting starts, begins and runs to
// its first vote (opened, and its ballot on a phone) or, with no vote, to its
// end. No request fails on any page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBallotItem } from '../../shared/meeting/ballots.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import { LAPTOP, PHONE, WAIT } from '../support/e2e.ts';
import { LAN_HOST, lanUrl, launchLanBrowser, NetworkWatch, pageState } from '../support/lan.ts';
import { loadShippedScenarios } from '../support/meeting.ts';
import { readQr } from '../support/qr.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, AUTH_ENV } from '../support/session-api.ts';

const TRAINEES = ['王同学', '陈同学', '刘同学', '周同学'];
const EXPERT = '李老师';

let server: ServerProcess;
let browser: Browser;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServerProcess({ env: { ...AUTH_ENV, JOIN_HOSTS: LAN_HOST } }),
    launchLanBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(options: Parameters<Browser['newContext']>[0], label: string, network: NetworkWatch) {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  network.watch(page, label);
  return page;
}

/**
 * Which card each of the four trainees takes: the chair first (someone must
 * run the meeting), then required cards, then any other trainee card — the
 * order a trainer would hand them out in.
 */
function cardsForFour(scenario: Scenario): string[] {
  const cards = scenario.roles.filter((r) => !r.npc);
  const ranked = [
    ...cards.filter((r) => r.chair),
    ...cards.filter((r) => !r.chair && r.required),
    ...cards.filter((r) => !r.chair && !r.required),
  ];
  return ranked.slice(0, TRAINEES.length).map((r) => r.id);
}

async function takeCard(page: Page, roleId: string): Promise<void> {
  await page.getByTestId(`card-option-${roleId}`).getByTestId('take-card').click();
  await page.locator(`[data-testid="card-option-${roleId}"].mine`).waitFor({ timeout: WAIT });
}

const scenarios = loadShippedScenarios();

describe('a class of four on phones over the LAN, every shipped scenario', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))(
    '%s starts with four trainees and an expert and reaches its first vote or its end',
    {
      timeout: 180_000,
    },
    async (id, scenario) => {
      contexts = [];
      const network = new NetworkWatch();
      try {
        // ── The console at loopback; the QR read off the screen ──
        const fac = await open(LAPTOP, 'console', network);
        await fac.goto(`${server.url}/facilitator`);
        await fac.getByTestId('signin-login').fill('admin');
        await fac.getByTestId('signin-password').fill(ADMIN_PASSWORD);
        await fac.getByTestId('signin-submit').click();
        await fac.getByTestId(`create-session-${id}`).click();
        await fac.getByTestId('join-qr').waitFor({ timeout: WAIT });
        const code = ((await fac.getByTestId('join-code').textContent()) ?? '').trim();
        const joinUrl = await readQr(fac.getByTestId('join-qr'));
        expect(joinUrl).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/);
        expect(joinUrl).toBe(`${lanUrl(server.port)}/join?code=${code}`);

        // ── The expert on the observer screen ──
        const observerLink = (await fac.getByTestId('observer-link').getAttribute('href')) as string;
        expect(new URL(observerLink).hostname).toBe(LAN_HOST);
        const observer = await open(LAPTOP, 'observer', network);
        await observer.goto(observerLink);
        await observer.getByTestId('observer-name-input').fill(EXPERT);
        await observer.getByTestId('observer-name-submit').click();
        await observer.getByTestId('composer-text').waitFor({ timeout: WAIT });

        // ── Four phones open the decoded address and take cards ──
        const cards = cardsForFour(scenario);
        const phones = await Promise.all(
          TRAINEES.map(async (name, i) => {
            const phone = await open(PHONE, `phone ${name}`, network);
            await phone.goto(joinUrl as string);
            await phone.getByTestId('join-name-input').fill(name);
            expect((await pageState(phone)).secure).toBe(false);
            await phone.getByTestId('join-submit').click();
            await takeCard(phone, cards[i] as string);
            return phone;
          }),
        );

        // ── The start blocker hands every missing required card to the expert ──
        const start = fac.getByTestId('start-meeting');
        const reason = fac.locator('#start-reason');
        // The console has heard of every card taken once no blocker names one of them.
        const blockersNow = () =>
          reason
            .locator('[data-testid^="blocker-"]')
            .evaluateAll((els) =>
              els.map((el) => (el.getAttribute('data-testid') ?? '').slice('blocker-'.length)),
            );
        await expect
          .poll(async () => (await blockersNow()).filter((r) => cards.includes(r)), { timeout: WAIT })
          .toEqual([]);
        const handedOver: string[] = [];
        // A card short of a minimum of two stays on the blocker until both seats are played.
        for (let next = (await blockersNow())[0]; next !== undefined; next = (await blockersNow())[0]) {
          expect(handedOver.length).toBeLessThan(scenario.roles.length * 2);
          const played = fac.getByTestId(`stand-in-${next}`);
          const before = await played.count();
          await reason.getByTestId(`expert-give-${next}`).click();
          await expect.poll(() => played.count(), { timeout: WAIT }).toBe(before + 1);
          handedOver.push(next);
        }
        await expect.poll(() => start.isDisabled(), { timeout: WAIT }).toBe(false);
        // Every required card nobody took went to the expert, and no other.
        const required = scenario.roles.filter((r) => !r.npc && r.seats.min > 0).map((r) => r.id);
        expect(new Set(handedOver)).toEqual(new Set(required.filter((r) => !cards.includes(r))));
        await start.click();
        await fac.getByTestId('begin-meeting').click();

        // ── On to the first vote, or through the agenda to the end ──
        const firstVote = scenario.agenda.findIndex((item) => isBallotItem(item));
        const steps = firstVote === -1 ? scenario.agenda.length : firstVote;
        const chairPhone = phones[0] as Page;
        for (let i = 0; i < steps; i++) {
          const title = scenario.agenda[i + 1]?.title.zh;
          await fac.getByTestId('next-item').click();
          if (title) await chairPhone.locator('#item-title', { hasText: title }).waitFor({ timeout: WAIT });
        }
        if (firstVote === -1) {
          await fac.getByTestId('open-debrief').waitFor({ timeout: WAIT });
        } else {
          await fac.getByTestId('open-vote').click();
          // The ballot reaches the phones of the trainees who may vote on it.
          await Promise.race(phones.map((p) => p.getByTestId('ballot').waitFor({ timeout: WAIT })));
        }
        expect(network.failures).toEqual([]);
      } finally {
        await Promise.all(contexts.map((c) => c.close()));
      }
    },
  );
});
