// The studio's form, previews and "try it" in a real browser: an instructor
// makes a hearing from the template using only the form, in Chinese and
// English; previews a role card; tries it, sees the minutes and one finding,
// fixes it from the finding's link; saves; starts a session; a trainee on a
// phone-sized page sees the card as the preview showed it.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { LAPTOP, PHONE, Screens, stepper, WAIT } from '../support/e2e.ts';
import { signInAt } from '../support/e2e-accounts.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, AUTH_ENV } from '../support/session-api.ts';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess({ env: AUTH_ENV }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A Text field of the form: its Chinese and English inputs, found by the field's path. */
async function fillText(page: Page, path: string, zh: string, en: string) {
  const inputs = page.locator(`[data-field="${path}"] .text-pair`).first().locator('input, textarea');
  await inputs.nth(0).fill(zh);
  await inputs.nth(1).fill(en);
}

const field = (page: Page, path: string): Locator => page.locator(`[data-field="${path}"]`).first();

describe('the studio form', () => {
  it('writes a hearing without YAML, previews a card, tries it, fixes a finding, and a trainee sees the card', async () => {
    const step = stepper();
    const screens = new Screens(browser);
    const laptop = await screens.open(LAPTOP, 'instructor');
    await signInAt(laptop, server.url, 'admin', ADMIN_PASSWORD, '/facilitator');
    await laptop.getByRole('link', { name: '编写情景' }).click();

    // A new hearing from its template.
    await laptop.getByRole('combobox').first().selectOption('hearing');
    await laptop.getByRole('button', { name: '新建', exact: true }).click();
    await laptop.waitForURL(/\/studio\/new-hearing/, { timeout: WAIT });
    await laptop.getByRole('tab', { name: '表单' }).click();
    await field(laptop, 'title').waitFor({ timeout: WAIT });

    step('opened the form');
    await fillText(laptop, 'title', '充电桩听证会（练习）', 'Charging piles hearing (practice)');
    // The applicant's card, both sides, in both languages.
    await fillText(laptop, 'roles[1].name', '物业公司', 'Property company');
    await fillText(laptop, 'roles[1].public', '申请在车库装充电桩。', 'Applies to install charging piles.');
    await fillText(laptop, 'roles[1].brief', '你担心消防责任。', 'You fear the fire liability.');
    await field(laptop, 'roles[1].goals').getByRole('button', { name: '添加' }).click();
    await fillText(laptop, 'roles[1].goals[0]', '拿到书面意见', 'Get a written opinion');
    // A fourth role, added in the form.
    await laptop.getByRole('button', { name: '添加角色' }).click();
    await fillText(laptop, 'roles[3].name', '消防员', 'Fire inspector');
    // One more statement on the agenda; the vote by two thirds, said in words.
    await laptop
      .getByRole('group', { name: '添加议程：' })
      .getByRole('button', { name: '发言', exact: true })
      .click();
    await fillText(laptop, 'agenda[6].title', '消防意见', 'Fire advice');
    await field(laptop, 'agenda[4].rule').locator('select').selectOption('two_thirds');
    await expect
      .poll(() => laptop.getByTestId('rule-words').first().textContent(), { timeout: WAIT })
      .toContain('三分之二');
    // One inject.
    await laptop.getByRole('button', { name: '添加突发事件' }).click();
    await fillText(laptop, 'injects[0].title', '车库冒烟', 'Smoke in the garage');
    // Still valid: the form wrote what the schema takes.
    await expect
      .poll(() => laptop.locator('#studio-issues + p').textContent(), { timeout: WAIT })
      .toContain('没有错误');

    step('filled the form');
    // The source editor shows the edits (it draws only the lines in view: the top of the file).
    await laptop.getByRole('tab', { name: 'YAML 源文件' }).click();
    await expect
      .poll(() => laptop.locator('.cm-content').first().textContent(), { timeout: WAIT })
      .toContain('title: { zh: 充电桩听证会（练习）, en: Charging piles hearing (practice) }');

    // The applicant's card as the phone will show it.
    await laptop.getByRole('tab', { name: '预览' }).click();
    await laptop.locator('.studio-preview select').first().selectOption('applicant');
    const preview = laptop.getByTestId('card-preview-applicant').getByTestId('my-card');
    await preview.waitFor({ timeout: WAIT });
    const previewed = (await preview.textContent()) ?? '';
    expect(previewed).toContain('申请在车库装充电桩。');
    expect(previewed).toContain('你担心消防责任。');
    expect(previewed).toContain('拿到书面意见');

    step('previewed');
    // Try it: minutes, and one finding — the proposal's only speaker may be left unheld.
    await laptop.getByRole('tab', { name: '试运行' }).click();
    await laptop.getByRole('button', { name: '试运行', exact: true }).last().click();
    await expect
      .poll(() => laptop.getByTestId('try-minutes').textContent(), { timeout: WAIT })
      .toContain('方案介绍');
    const findings = laptop.locator('.try-findings li');
    expect(await findings.count()).toBe(1);
    expect(await findings.first().getAttribute('data-kind')).toBe('nobody_may_speak');
    // Its link opens the proposal's speakers in the form: the chair speaks too.
    await findings.first().getByRole('button', { name: '去修改' }).click();
    const speakers = field(laptop, 'agenda[1].speakers');
    await speakers.waitFor({ timeout: WAIT });
    await speakers.getByLabel('听证主持人').check();
    await laptop.getByRole('tab', { name: '试运行' }).click();
    await laptop.getByRole('button', { name: '试运行', exact: true }).last().click();
    await expect
      .poll(() => laptop.locator('#try-findings + p').textContent(), { timeout: WAIT })
      .toContain('没有发现问题');

    step('tried it');
    await laptop.getByRole('button', { name: '保存为新版本' }).click();
    await laptop.getByText(/已保存为第 \d+ 版。/).waitFor({ timeout: WAIT });
    // What was saved: every edit, and the template's comments kept.
    const saved = await laptop.evaluate(() =>
      fetch('/api/studio/scenarios/new-hearing').then((r) => r.json() as Promise<{ source: string }>),
    );
    expect(saved.source).toContain('# yaml-language-server: $schema=./scenario.schema.json\n# A new hearing');
    expect(saved.source).toContain('rule: two_thirds');
    expect(saved.source).toContain('speakers: [applicant, chair]');
    expect(saved.source).toContain('Smoke in the garage');
    await laptop.getByRole('button', { name: '用这一版开设演练' }).click();
    const started = laptop.getByText(/已开设演练，加入码/);
    await started.waitFor({ timeout: WAIT });
    const code = /加入码\s*([A-Z0-9-]+)/.exec((await started.textContent()) ?? '')?.[1];
    expect(code).toBeTruthy();

    step('saved and started');
    const phone = await screens.open(PHONE, 'trainee');
    await phone.goto(`${server.url}/join?code=${code}`);
    await phone.getByTestId('join-name-input').fill('李明');
    await phone.getByTestId('join-submit').click();
    const option = phone.getByTestId('card-option-applicant');
    await option.waitFor({ timeout: WAIT });
    await option.getByTestId('take-card').click();
    await phone.getByTestId('my-card-tab').click();
    const card = phone.getByTestId('my-card');
    await card.waitFor({ timeout: WAIT });
    expect(await card.textContent()).toBe(previewed);
    expect(screens.pageErrors).toEqual([]);
  }, 240_000);
});
