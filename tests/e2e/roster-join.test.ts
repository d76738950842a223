// The roster end to end, in real Chromium on a real server: the instructor
// imports a small roster from an .xlsx file (its bad row reported by number),
// makes a cohort of three, creates a session for it; on phone-size pages one
// trainee joins by picking their masked name and entering their personal
// code, another by opening the QR code read off their printed badge.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { LAPTOP, PHONE, Screens, WAIT } from '../support/e2e.ts';
import { signInAt } from '../support/e2e-accounts.ts';
import { readQr } from '../support/qr.ts';
import { rosterXlsx } from '../support/roster-sheet.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, API_TOKEN, AUTH_ENV, request } from '../support/session-api.ts';

const SCENARIO = 'elevator-coordination';
const COHORT = '江川路街道2026春季班';

let server: ServerProcess;
let browser: Browser;
let screens: Screens;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess({ env: AUTH_ENV }), launchBrowser()]);
  screens = new Screens(browser);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface SessionListed {
  id: string;
  joinCode: string;
  participants: string[];
  cohort: { id: string; name: string } | null;
}
const sessions = async () =>
  (await request<{ sessions: SessionListed[] }>(server.url, 'GET', '/api/sessions', { bearer: API_TOKEN }))
    .body.sessions;

describe('a roster, a cohort and trainees joining as themselves', () => {
  it('import, cohort, session; one joins by masked name and code, one by badge QR', async () => {
    // ── The instructor's roster screen: import a sheet with a title row and a bad row ──
    const desk = await screens.open(LAPTOP, 'instructor');
    await signInAt(desk, server.url, 'admin', ADMIN_PASSWORD, '/roster');
    await desk.getByTestId('roster-filter').waitFor({ timeout: WAIT });
    const sheet = await rosterXlsx('2026年提升社区带头人组织动员能力培训班', [
      ['王小华', '光明居民区', '江川路街道', '书记', '', ''], // row 4
      ['李明', '光明居民区', '江川路街道', '楼组长', '', ''], // row 5
      ['', '幸福村', '马桥镇', '志愿者', '', '名字待补'], // row 6: no name
      ['欧阳文清', '红旗村', '马桥镇', '两委委员', '', ''], // row 7
    ]);
    await desk.locator('summary', { hasText: /导入/ }).click();
    await desk.getByTestId('roster-import-file').setInputFiles({
      name: '学员名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: sheet,
    });
    const result = desk.getByTestId('roster-import-result');
    await result.waitFor({ timeout: WAIT });
    expect(await result.textContent()).toContain('已导入 3 人');
    expect(await desk.getByTestId('roster-import-problems').textContent()).toBe('第 6 行：没有填写姓名');
    // The filter by pinyin initials.
    await desk.getByTestId('roster-filter').fill('oywq');
    await expect
      .poll(() => desk.getByTestId('roster-table').locator('tbody tr').count(), { timeout: WAIT })
      .toBe(1);
    expect(await desk.getByTestId('roster-table').locator('tbody').textContent()).toContain('欧阳文清');

    // ── A cohort of the three ──
    await desk.getByTestId('cohort-name').fill(COHORT);
    await desk.getByTestId('cohort-add').click();
    await desk.getByTestId(`cohort-members-${COHORT}`).click();
    for (const name of ['王小华', '李明', '欧阳文清'])
      await desk.locator('.roster-members label', { hasText: name }).locator('input').check();
    await desk.getByTestId('cohort-members-save').click();
    await expect
      .poll(() => desk.getByTestId(`cohort-${COHORT}`).textContent(), { timeout: WAIT })
      .toContain('学员（3 人）');

    // ── A session for the cohort, from the instructor desk ──
    await desk.goto(`${server.url}/facilitator`);
    await desk.getByTestId('new-session-cohort').selectOption({ label: COHORT });
    await desk.getByTestId(`create-session-${SCENARIO}`).click();
    await desk.waitForURL(/\/facilitate\//, { timeout: WAIT });
    const session = (await sessions()).find((s) => s.cohort?.name === COHORT) as SessionListed;
    expect(session).toBeDefined();
    await desk.goto(`${server.url}/facilitator`);
    await expect
      .poll(() => desk.getByTestId(`session-group-${session.id}`).textContent(), { timeout: WAIT })
      .toBe(`班级：${COHORT}`);

    // ── The badge sheet, printed for this session ──
    const cohortId = session.cohort?.id as string;
    await desk.goto(`${server.url}/roster/badges/${cohortId}?session=${session.id}`);
    await desk.getByTestId('badge').first().waitFor({ timeout: WAIT });
    expect(await desk.getByTestId('badge').count()).toBe(3);
    const wangBadge = desk.getByTestId('badge').filter({ hasText: '王小华' });
    const wangCode = /([0-9]{6})/.exec((await wangBadge.textContent()) ?? '')?.[1] as string;
    const ouyangQr = await readQr(desk.getByTestId('badge').filter({ hasText: '欧阳文清' }).locator('img'));
    expect(ouyangQr).toMatch(
      new RegExp(`^${server.url}/join\\?code=${session.joinCode}#person=.+&pc=[0-9]{6}$`),
    );

    // ── A trainee's phone: the masked list, then the personal code ──
    const phone = await screens.open(PHONE, 'trainee by name');
    await phone.goto(`${server.url}/join?code=${session.joinCode}`);
    const list = phone.getByTestId('join-people');
    await list.waitFor({ timeout: WAIT });
    const listed = (await list.textContent()) ?? '';
    expect(listed).toContain('王*华 · 光明居民区');
    expect(listed).toContain('欧**清 · 红旗村');
    expect(listed).not.toContain('王小华');
    await phone.getByLabel('王*华 · 光明居民区').check();
    await phone.getByTestId('join-personal-code').fill(wangCode);
    await phone.getByTestId('join-submit').click();
    await phone.waitForURL(/\/session$/, { timeout: WAIT });

    // ── Another phone opens the badge's QR link: chosen and filled, one tap ──
    const badgePhone = await screens.open(PHONE, 'trainee by badge');
    await badgePhone.goto(ouyangQr as string);
    await badgePhone.getByTestId('join-people').waitFor({ timeout: WAIT });
    expect(await badgePhone.getByLabel('欧**清 · 红旗村').isChecked()).toBe(true);
    expect(await badgePhone.getByTestId('join-personal-code').inputValue()).toMatch(/^[0-9]{6}$/);
    await badgePhone.getByTestId('join-submit').click();
    await badgePhone.waitForURL(/\/session$/, { timeout: WAIT });

    // The room knows them by their roster names.
    await expect
      .poll(async () => (await sessions()).find((s) => s.id === session.id)?.participants.sort(), {
        timeout: WAIT,
      })
      .toEqual(['欧阳文清', '王小华'].sort());
    expect(screens.pageErrors).toEqual([]);
  }, 120_000);
});
