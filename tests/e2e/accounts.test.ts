// Accounts in real browsers (Debian's Chromium), each person in their own
// browser context: the administrator invites an instructor and an expert on
// the accounts screen; each accepts their one-time link, chooses a password
// and later signs in with it; the instructor creates a session; the expert
// opens its observer screen from the expert desk and whispers a tip to a
// trainee. The other expert (a guest with the observer link) sees the tip
// under the expert's name; the trainee sees the tip and not the name.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { Axe, LAPTOP, PHONE, Screens, seatOf, stepper, WAIT } from '../support/e2e.ts';
import { signInAt } from '../support/e2e-accounts.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, AUTH_ENV } from '../support/session-api.ts';

const SCENARIO = 'elevator-coordination';
const INSTRUCTOR = { name: '王老师', login: 'wang.li', password: 'wang-chooses-this-1' };
const EXPERT = { name: '李教授（同济大学）', login: 'prof.li', password: 'li-chooses-this-22' };
const TIP = '先复述对方的诉求，再回应——请把采光评估写进纪要。';
/** Role and status ids of accounts: never on a screen (the screens say them in words). */
const INTERNAL_NAMES = /\b(administrator|instructor|expert|invited|active|disabled|api_token|API_TOKEN)\b/;

let server: ServerProcess;
let browser: Browser;
let screens: Screens;
const axe = new Axe();

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess({ env: AUTH_ENV }), launchBrowser()]);
  screens = new Screens(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The administrator fills the invitation form and reads the one-time link it shows. */
async function invite(admin: Page, person: { name: string; login: string }, role: string): Promise<string> {
  await admin.getByTestId('new-account-name').fill(person.name);
  await admin.getByTestId('new-account-login').fill(person.login);
  await admin.getByTestId('new-account-role').selectOption(role);
  await admin.getByTestId('new-account-submit').click();
  const link = admin.getByTestId('new-account-link');
  await link.getByText(`/invite#`, { exact: false }).waitFor({ timeout: WAIT });
  await admin.getByTestId(`account-${person.login}`).waitFor({ timeout: WAIT });
  return ((await link.textContent()) ?? '').trim();
}

/** Someone opens their link, chooses a password and lands, signed in, on their start page. */
async function acceptInvitation(page: Page, link: string, login: string, password: string, home: string) {
  await page.goto(link);
  await page.getByTestId('invite-login').getByText(login).waitFor({ timeout: WAIT });
  await axe.check(page, `invitation (${login})`);
  await page.getByTestId('invite-password').fill(password);
  await page.getByTestId('invite-confirm').fill(password);
  await page.getByTestId('invite-submit').click();
  await page.waitForURL((u) => u.pathname === home, { timeout: WAIT });
  await page.getByTestId('account-bar').waitFor({ timeout: WAIT });
}

/** Signs out from the bar at the top of the page, then in again on the sign-in page. */
async function signOutAndIn(page: Page, login: string, password: string, home: string) {
  await page.getByTestId('sign-out').click();
  await page.waitForURL((u) => u.pathname === '/sign-in', { timeout: WAIT });
  await signInAt(page, server.url, login, password);
  expect(new URL(page.url()).pathname).toBe(home);
}

const text = async (page: Page) => (await page.locator('body').textContent()) ?? '';

describe('accounts in real browsers', () => {
  it('the administrator invites; the instructor runs a session; the expert coaches under their name', {
    timeout: 180_000,
  }, async () => {
    const step = stepper();

    // ── The administrator signs in and invites an instructor and an expert ──
    const admin = await screens.open(LAPTOP, 'administrator');
    await admin.goto(`${server.url}/sign-in`);
    await admin.getByTestId('signin-login').waitFor({ timeout: WAIT });
    await axe.check(admin, 'sign-in');
    await signInAt(admin, server.url, 'admin', ADMIN_PASSWORD);
    expect(new URL(admin.url()).pathname).toBe('/facilitator');
    await admin.getByRole('link', { name: '账号管理' }).click();
    await admin.getByTestId('new-account-name').waitFor({ timeout: WAIT });
    const instructorLink = await invite(admin, INSTRUCTOR, 'instructor');
    const expertLink = await invite(admin, EXPERT, 'expert');
    expect(instructorLink).toMatch(new RegExp(`^${server.url}/invite#[\\w-]{40,}$`));
    const instructorRow = admin.getByTestId(`account-${INSTRUCTOR.login}`);
    expect(await instructorRow.textContent()).toContain('培训师');
    expect(await instructorRow.textContent()).toContain('已邀请，尚未设置密码');
    expect(await admin.getByTestId(`account-${EXPERT.login}`).textContent()).toContain('专家');
    expect(await text(admin)).not.toMatch(INTERNAL_NAMES);
    await axe.check(admin, 'accounts (administrator)');
    step('instructor and expert invited');

    // ── The instructor accepts, signs in again later, and creates a session ──
    const instructor = await screens.open(LAPTOP, 'instructor');
    await acceptInvitation(instructor, instructorLink, INSTRUCTOR.login, INSTRUCTOR.password, '/facilitator');
    await signOutAndIn(instructor, INSTRUCTOR.login, INSTRUCTOR.password, '/facilitator');
    expect(await instructor.getByTestId('account-bar').textContent()).toContain(
      `${INSTRUCTOR.name}（培训师）`,
    );
    await instructor.getByTestId(`create-session-${SCENARIO}`).click();
    await instructor.getByTestId('join-code').waitFor({ timeout: WAIT });
    const sessionId = new URL(instructor.url()).pathname.split('/').pop() as string;
    const code = ((await instructor.getByTestId('join-code').textContent()) ?? '').trim();
    expect(await instructor.getByTestId('console-read-only').count()).toBe(0);
    const guestLink = (await instructor.getByTestId('observer-link').getAttribute('href')) as string;
    expect(guestLink).toMatch(new RegExp(`^${server.url}/observe/[\\w-]+#[\\w-]{20,}$`));
    // The administrator's list now shows the instructor as active.
    await admin.reload();
    await instructorRow.getByText('正常').waitFor({ timeout: WAIT });
    step(`session ${code} created by the instructor`);

    // ── A trainee joins on a phone; a guest expert opens the observer link ──
    const trainee = await screens.open(PHONE, 'trainee');
    await trainee.goto(`${server.url}/join?code=${code}`);
    await trainee.getByTestId('join-name-input').fill('赵同学');
    await trainee.getByTestId('join-submit').click();
    await trainee.getByTestId('card-option-secretary').waitFor({ timeout: WAIT });
    const seat = await seatOf(trainee);
    expect(seat?.participantId).toBeTruthy();
    const guest = await screens.open(LAPTOP, 'guest expert');
    await guest.goto(guestLink);
    await guest.getByTestId('observer-name-input').fill('钱老师');
    await guest.getByTestId('observer-name-submit').click();
    await guest.getByTestId('composer-text').waitFor({ timeout: WAIT });
    step('trainee joined, guest expert in');

    // ── The expert accepts, signs in again, and opens the observer screen from the expert desk ──
    const expert = await screens.open(LAPTOP, 'expert');
    await acceptInvitation(expert, expertLink, EXPERT.login, EXPERT.password, '/expert');
    await signOutAndIn(expert, EXPERT.login, EXPERT.password, '/expert');
    await expert.getByTestId(`observe-${sessionId}`).waitFor({ timeout: WAIT });
    expect(await text(expert)).toContain(INSTRUCTOR.name);
    await axe.check(expert, 'expert desk');
    await expert.getByTestId(`observe-${sessionId}`).click();
    await expert.getByTestId('composer-text').waitFor({ timeout: WAIT });
    // No name to type: the account names the expert.
    expect(await expert.getByTestId('observer-name-input').count()).toBe(0);
    expect(await text(expert)).toContain(EXPERT.name);
    step('expert on the observer screen by account');

    // ── The expert whispers a tip to the trainee ──
    await expert.getByTestId('composer-mode-whisper').click();
    await expert.getByTestId('composer-target').selectOption(seat?.participantId as string);
    await expert.getByTestId('composer-text').fill(TIP);
    await axe.check(expert, 'observer console (expert account)');
    await expert.getByTestId('composer-send').click();

    // The other expert sees it, under the expert's name.
    const seenByGuest = guest.getByTestId('sent-tips').locator('li').filter({ hasText: TIP });
    await seenByGuest.waitFor({ timeout: WAIT });
    expect(await seenByGuest.textContent()).toContain(EXPERT.name);
    // The trainee gets the tip, and nothing of who sent it.
    const tipCard = trainee
      .locator('[data-testid^="tip-"]:not([data-testid^="tip-ack-"])')
      .filter({ hasText: TIP });
    await tipCard.first().waitFor({ timeout: WAIT });
    expect(await trainee.content()).not.toContain(EXPERT.name);
    expect(await trainee.content()).not.toContain('李教授');
    expect(await trainee.content()).not.toContain(EXPERT.login);
    expect(await trainee.content()).not.toContain('钱老师');
    step('tip: named for the other expert, anonymous for the trainee');

    // ── Every account screen in English says roles in words too ──
    await admin.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => admin.locator('h1').textContent()).toBe('Accounts');
    const rows = (await admin.locator('.account-table tbody').first().textContent()) ?? '';
    expect(rows).toContain('Instructor');
    expect(rows).toContain('Expert');
    expect(rows).not.toMatch(INTERNAL_NAMES);

    axe.report();
    expect(screens.pageErrors).toEqual([]);
  });
});
