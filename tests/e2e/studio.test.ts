// The authoring studio in a real browser, end to end: an instructor
// duplicates a shipped scenario, points a speaker at a role that does not
// exist and sees the error at its line in Chinese, fixes it, saves, starts a
// session from that version, edits the scenario again; the running session
// keeps its version, and a trainee who joins sees the card as it was saved.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { LAPTOP, PHONE, Screens, stepper, WAIT } from '../support/e2e.ts';
import { signInAt } from '../support/e2e-accounts.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, AUTH_ENV, request } from '../support/session-api.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess({ env: AUTH_ENV }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const SHIPPED = 'elevator-coordination';
const source = readFileSync(`scenarios/${SHIPPED}.yaml`, 'utf8');
const lines = source.split('\n');
// The first statement's speaker: "    speakers: [secretary]" on line 432 of the shipped file (after venue and recorder) (a
// duplicate changes only the id line, so the line stays); "secretary" starts at column 16
// (4 spaces + "speakers: [" is 15 characters).
const SPEAKER_LINE = lines.indexOf('    speakers: [secretary]') + 1;
const CARD_TEXT = '兰溪苑居委会书记，召集并主持本次协调会。在兰溪苑工作9年，去年协调过7号楼加装电梯。';

/** CodeMirror's own search and replace, as an instructor would use it. */
async function replaceAll(page: Page, find: string, replacement: string) {
  await page.locator('.cm-content').first().click();
  await page.keyboard.press('Control+f');
  await page.locator('.cm-search input[name="search"]').fill(find);
  await page.locator('.cm-search input[name="replace"]').fill(replacement);
  await page.locator('.cm-search button[name="replaceAll"]').click();
  await page.keyboard.press('Escape');
}

describe('the authoring studio', () => {
  it('edits a copy, shows the error in Chinese at its line, saves versions, and a session keeps its own', async () => {
    expect(SPEAKER_LINE).toBe(432);
    const step = stepper();
    const screens = new Screens(browser);
    const laptop = await screens.open(LAPTOP, 'instructor');

    // Sign in on the instructor desk, then open the studio from it.
    await signInAt(laptop, server.url, 'admin', ADMIN_PASSWORD, '/facilitator');
    await laptop.getByRole('link', { name: '编写情景' }).click();

    step('signed in');
    // Duplicate the shipped scenario: a new id, the same text.
    const row = laptop.locator('.studio-rows li', { hasText: '兰溪苑12号楼' }).first();
    await row.getByRole('button', { name: '复制为新情景' }).click();
    await laptop.waitForURL(/\/studio\/elevator-coordination-copy$/, { timeout: WAIT });
    await laptop.locator('.cm-content').first().waitFor({ timeout: WAIT });
    await expect
      .poll(() => laptop.getByRole('status').first().textContent(), { timeout: WAIT })
      .toContain('没有错误');

    // CodeMirror's own layout styles applied under the page's strict policy (a <style> element with
    // the page's nonce): gutters beside the text, not above it.
    expect(
      await laptop
        .locator('.cm-scroller')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('flex');
    step('duplicated');
    // A speaker who is no role, and a new public text on the chair's card.
    await replaceAll(laptop, 'speakers: [secretary]', 'speakers: [secretry]');
    await replaceAll(laptop, CARD_TEXT, '卡片文字·第二版。');
    const issue = laptop.locator('.studio-issues li[data-code="scenario/unknown_role"]');
    await issue.waitFor({ timeout: WAIT });
    expect(await laptop.locator('.studio-issues li').count()).toBe(1);
    const shown = (await issue.textContent()) ?? '';
    expect(shown).toContain(`第 ${SPEAKER_LINE} 行第 16 列`);
    expect(shown).toContain('发言人：应为一个角色 id');
    expect(shown).toContain('实为 “secretry”');
    // The list jumps to it.
    await issue.getByRole('button').click();
    await expect.poll(() => laptop.locator('.cm-activeLine').first().textContent()).toContain('secretry');
    // A scenario with errors can be kept, not run.
    expect(await laptop.getByRole('button', { name: '用这一版开设演练' }).isDisabled()).toBe(true);

    step('error shown');
    // Fix it and save: version 2.
    await replaceAll(laptop, 'speakers: [secretry]', 'speakers: [secretary]');
    await laptop.locator('.studio-issues li').first().waitFor({ state: 'detached', timeout: WAIT });
    await laptop.getByRole('button', { name: '保存为新版本' }).click();
    await laptop.getByText('已保存为第 2 版。').waitFor({ timeout: WAIT });

    step('saved v2');
    // A session from version 2.
    await laptop.getByRole('button', { name: '用这一版开设演练' }).click();
    const started = laptop.getByText(/已开设演练，加入码/);
    await started.waitFor({ timeout: WAIT });
    const code = /加入码\s*([A-Z0-9-]+)/.exec((await started.textContent()) ?? '')?.[1];
    expect(code).toBeTruthy();

    step('session started');
    // Edit again: version 3, while the session runs.
    await replaceAll(laptop, '卡片文字·第二版。', '卡片文字·第三版。');
    await laptop.getByRole('button', { name: '保存为新版本' }).click();
    await laptop.getByText('已保存为第 3 版。').waitFor({ timeout: WAIT });
    const versions = laptop.locator('.studio-versions li');
    await expect.poll(() => versions.count(), { timeout: WAIT }).toBe(3);
    expect(await versions.nth(1).textContent()).toContain('1 场演练');

    step('saved v3');
    // The session still runs version 2.
    const { body } = await request<{ sessions: { joinCode: string; scenarioVersion: number | null }[] }>(
      server.url,
      'GET',
      '/api/sessions',
    );
    expect(body.sessions.find((s) => s.joinCode === code)?.scenarioVersion).toBe(2);

    step('checked the session');
    // Published, version 3 reaches the public library — its public side only.
    const publicIds = async () =>
      (
        await request<{ scenarios: { id: string }[] }>(server.url, 'GET', '/api/scenarios', { bearer: null })
      ).body.scenarios.map((s) => s.id);
    expect(await publicIds()).not.toContain('elevator-coordination-copy');
    await laptop.getByRole('button', { name: '在情景库中公布这一版' }).click();
    await laptop.getByText(/已公布第 3 版/).waitFor({ timeout: WAIT });
    expect(await publicIds()).toContain('elevator-coordination-copy');
    const listed = await request(server.url, 'GET', '/api/scenarios/elevator-coordination-copy', {
      bearer: null,
    });
    expect(JSON.stringify(listed.body)).toContain('卡片文字·第三版。');
    expect(JSON.stringify(listed.body)).not.toContain('"brief"');

    // A trainee joins it and sees the chair's card as saved in version 2.
    const phone = await screens.open(PHONE, 'trainee');
    await phone.goto(`${server.url}/join?code=${code}`);
    await phone.getByTestId('join-name-input').fill('李明');
    await phone.getByTestId('join-submit').click();
    const card = phone.getByTestId('card-option-secretary');
    await card.waitFor({ timeout: WAIT });
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('卡片文字·第二版。');
    expect(cardText).not.toContain('第三版');
    expect(screens.pageErrors).toEqual([]);
  }, 180_000);
});
