// Issue 19's journey end to end, in real Chromium on one real server: the
// instructor imports a roster from an .xlsx file (a title row, two bad rows
// told by their row numbers), makes a cohort of three and runs two sessions
// of two scenarios for it. In each, the three trainees join on phones by
// picking their masked names and typing the personal codes printed on their
// badges. A guest expert scores them on the observer screen and writes
// "next time" items on the debrief; the trainee's debrief shows no score
// until the instructor releases them from the console, then it does. At the
// start of the second session (one trainee joining by the QR code on the
// badge sheet printed for it) the first one's items are on the trainee's
// phone and on the observer screen. Last, the trainee opens their portfolio
// with their code (a wrong one is refused in words) and finds both sessions.
//
// Done in the browser: everything a person does above. Over a socket, where
// other tests cover the screens (meeting.test.ts, debrief.test.ts): the
// meeting's procedure (start, begin, end), run by a script's API token.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeadlessClient } from '../../client/headless/client.ts';
import type { AnyCommand } from '../../shared/protocol/messages.ts';
import { launchBrowser } from '../support/browser.ts';
import { LAPTOP, PHONE, phaseIs, Screens, seatOf, stepper, WAIT } from '../support/e2e.ts';
import { signInAt } from '../support/e2e-accounts.ts';
import { readQr } from '../support/qr.ts';
import { rosterXlsx } from '../support/roster-sheet.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, AUTH_ENV, connectFacilitator } from '../support/session-api.ts';

/** Two short scenarios of the same shape: a chair opens, the residents speak. */
const scenario = (id: string, title: string, background: string) => `schema: 1
id: ${id}
title: { zh: ${title}, en: ${id} }
summary: 门户测试用的短会。
meeting: hearing
duration: 20m
background: ${background}
roles:
  - id: chair
    name: { zh: 主持人, en: Chair }
    chair: true
    public: 主持会议。
    brief: 维持秩序，请每位居民发言。
  - id: resident
    name: { zh: 居民代表, en: Resident }
    seats: { min: 1, max: 3 }
    public: 住在这里。
    brief: 说出你的诉求。
agenda:
  - { id: opening, title: 开场, kind: statement, speakers: [chair], per_speaker: 2m }
  - { id: talk, title: 自由发言, kind: open_floor, per_speaker: 90s, duration: 10m }
rubric: { scale: [1, 5] }
`;
const SHED = { id: 'shed-hearing', title: '光明居民区车棚议事会' };
const SORTING = { id: 'sorting-hearing', title: '红旗村垃圾分类动员会' };

const COHORT = '江川路街道2026春季班';
const EXPERT = '李老师';
/** The three trainees: as the roster lists them, and as the join page masks them. */
const WANG = { name: '王小华', masked: '王*华 · 光明居民区', card: 'chair' };
const LI = { name: '李明', masked: '李* · 光明居民区', card: 'resident' };
const OUYANG = { name: '欧阳文清', masked: '欧**清 · 红旗村', card: 'resident' };

const NOTE_WANG = '开场交代了议程，但没有请楼组长先说。';
const PLAN_WANG = '下次开场先请楼组长介绍情况，再讲方案。';
const PLAN_LI = '发言前先说清楚自己住在几号楼。';

let scenariosDir: string;
let server: ServerProcess;
let browser: Browser;
let screens: Screens;
const headless: HeadlessClient[] = [];

beforeAll(async () => {
  scenariosDir = mkdtempSync(join(tmpdir(), 'civic-portfolio-journey-'));
  writeFileSync(
    join(scenariosDir, `${SHED.id}.yaml`),
    scenario(SHED.id, SHED.title, '居民对新车棚的位置意见不一。'),
  );
  writeFileSync(
    join(scenariosDir, `${SORTING.id}.yaml`),
    scenario(SORTING.id, SORTING.title, '村里要撤桶并点，村民担心倒垃圾更远。'),
  );
  [server, browser] = await Promise.all([
    startServerProcess({ scenariosDir, env: AUTH_ENV }),
    launchBrowser(),
  ]);
  screens = new Screens(browser);
}, 60_000);
afterAll(async () => {
  for (const client of headless) client.close();
  await browser?.close();
  await server?.stop();
  if (scenariosDir) rmSync(scenariosDir, { recursive: true, force: true });
});

async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
}

interface Trainee {
  name: string;
  masked: string;
  card: string;
  code: string;
  phone: Page;
  /** This session's seat (a selector on the observer screen, never asserted). */
  seat: string;
}

const text = async (page: Page) => (await page.locator('body').textContent()) ?? '';

describe('a trainee’s journey across two sessions, into their portfolio', () => {
  it('roster, cohort, two sessions joined by name and code, staged release, next time, portfolio', {
    timeout: 420_000,
  }, async () => {
    const step = stepper();

    // ── The instructor imports the roster: a title row, and two bad rows told by number ──
    const desk = await screens.open(LAPTOP, 'instructor');
    await signInAt(desk, server.url, 'admin', ADMIN_PASSWORD, '/roster');
    await desk.getByTestId('roster-filter').waitFor({ timeout: WAIT });
    const sheet = await rosterXlsx('2026年提升社区带头人组织动员能力培训班', [
      [WANG.name, '光明居民区', '江川路街道', '书记', '', ''], // row 4
      [LI.name, '光明居民区', '江川路街道', '楼组长', '', ''], // row 5
      ['', '幸福村', '马桥镇', '志愿者', '', '名字待补'], // row 6: no name
      [OUYANG.name, '红旗村', '马桥镇', '两委委员', '', ''], // row 7
      [WANG.name, '光明居民区', '江川路街道', '书记', '', '重复登记'], // row 8: row 4 again
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
    expect(await desk.getByTestId('roster-import-problems').locator('li').allTextContents()).toEqual([
      '第 6 行：没有填写姓名',
      '第 8 行：王小华 与第 4 行是同一人（同名且同居民区）',
    ]);
    // The filter matches the initials of a name's pinyin.
    await desk.getByTestId('roster-filter').fill('oywq');
    await expect
      .poll(() => desk.getByTestId('roster-table').locator('tbody tr').count(), { timeout: WAIT })
      .toBe(1);
    expect(await desk.getByTestId('roster-table').locator('tbody').textContent()).toContain(OUYANG.name);
    await desk.getByTestId('roster-filter').fill('');
    step('roster imported: 3 people, rows 6 and 8 reported; the pinyin-initials filter');

    // ── A cohort of the three, and its badge sheet with their personal codes ──
    await desk.getByTestId('cohort-name').fill(COHORT);
    await desk.getByTestId('cohort-add').click();
    await desk.getByTestId(`cohort-members-${COHORT}`).click();
    for (const p of [WANG, LI, OUYANG])
      await desk.locator('.roster-members label', { hasText: p.name }).locator('input').check();
    await desk.getByTestId('cohort-members-save').click();
    const cohortCard = desk.getByTestId(`cohort-${COHORT}`);
    await expect.poll(() => cohortCard.textContent(), { timeout: WAIT }).toContain('学员（3 人）');
    await cohortCard.getByRole('link', { name: '打印胸卡' }).click();
    await desk.getByTestId('badge').first().waitFor({ timeout: WAIT });
    const cohortId = new URL(desk.url()).pathname.split('/').pop() as string;
    expect(await desk.getByTestId('badge').count()).toBe(3);
    const codeOn = async (name: string) =>
      /([0-9]{6})/.exec((await desk.getByTestId('badge').filter({ hasText: name }).textContent()) ?? '')?.[1];
    const codes = new Map<string, string>();
    for (const p of [WANG, LI, OUYANG]) codes.set(p.name, (await codeOn(p.name)) as string);
    expect([...codes.values()].every((c) => /^[0-9]{6}$/.test(c))).toBe(true);
    step('cohort of three; personal codes read off the badge sheet');

    // ── The expert's laptop, and the three phones ──
    const observer = await screens.open(LAPTOP, 'observer');
    const phones = await Promise.all([WANG, LI, OUYANG].map((p) => screens.open(PHONE, p.name)));

    /** The instructor creates a session of `scenarioId` for the cohort on the desk: its code and the guest expert's link. */
    const createSession = async (scenarioId: string) => {
      await desk.goto(`${server.url}/facilitator`);
      await desk.getByTestId('new-session-cohort').selectOption({ label: COHORT });
      await desk.getByTestId(`create-session-${scenarioId}`).click();
      await desk.waitForURL(/\/facilitate\//, { timeout: WAIT });
      await desk.getByTestId('join-code').waitFor({ timeout: WAIT });
      const sessionId = new URL(desk.url()).pathname.split('/').pop() as string;
      const joinCode = ((await desk.getByTestId('join-code').textContent()) ?? '').trim();
      const observerLink = (await desk.getByTestId('observer-link').getAttribute('href')) as string;
      return { sessionId, joinCode, observerLink };
    };

    /** The guest expert opens the session's observer screen before anyone has joined. */
    const openObserver = async (link: string) => {
      await observer.goto(link);
      await observer.getByTestId('observer-name-input').fill(EXPERT);
      await observer.getByTestId('observer-name-submit').click();
      await observer.getByTestId('composer-text').waitFor({ timeout: WAIT });
    };

    /** Each trainee, on their phone, all at once: the join link, their masked name, their code; then their card. */
    const joinAll = (joinCode: string, badgeLinks = new Map<string, string>()): Promise<Trainee[]> =>
      Promise.all(
        [WANG, LI, OUYANG].map(async (p, i) => {
          const phone = phones[i] as Page;
          const code = codes.get(p.name) as string;
          const badge = badgeLinks.get(p.name);
          await phone.goto(badge ?? `${server.url}/join?code=${joinCode}`);
          const list = phone.getByTestId('join-people');
          await list.waitFor({ timeout: WAIT });
          const listed = (await list.textContent()) ?? '';
          for (const q of [WANG, LI, OUYANG]) {
            expect(listed).toContain(q.masked);
            expect(listed).not.toContain(q.name);
          }
          if (badge) {
            // The badge's link chose the person and filled the code: one tap.
            expect(await phone.getByLabel(p.masked).isChecked()).toBe(true);
            expect(await phone.getByTestId('join-personal-code').inputValue()).toBe(code);
          } else {
            await phone.getByLabel(p.masked).check();
            await phone.getByTestId('join-personal-code').fill(code);
          }
          await phone.getByTestId('join-submit').click();
          await phone.waitForURL(/\/session$/, { timeout: WAIT });
          const option = phone.getByTestId(`card-option-${p.card}`);
          await option.getByTestId('take-card').click();
          await phone.locator(`[data-testid="card-option-${p.card}"].mine`).waitFor({ timeout: WAIT });
          // The room knows them by their roster name.
          await option.getByText(p.name).waitFor({ timeout: WAIT });
          const seat = await seatOf(phone);
          return { ...p, code, phone, seat: seat?.participantId as string };
        }),
      );

    /** The procedure, over the socket: start, begin, end. */
    const runMeeting = async (sessionId: string, trainees: Trainee[]) => {
      const host = await connectFacilitator(server.url, { sessionId });
      headless.push(host);
      await ok(host, { type: 'meeting.start' });
      await ok(host, { type: 'meeting.begin' });
      await Promise.all(trainees.map((t) => phaseIs(t.phone, 'running')));
      await ok(host, { type: 'meeting.end' });
      await Promise.all(trainees.map((t) => phaseIs(t.phone, 'closed')));
      return host;
    };

    /** A score picked on the observer screen's rubric, with a note when given. */
    const score = async (t: Trainee, competency: string, value: string, note?: string) => {
      const select = observer.getByTestId(`score-${t.seat}-${competency}`);
      await select.selectOption(value);
      await expect.poll(() => select.inputValue(), { timeout: WAIT }).toBe(value);
      if (note) {
        const input = observer.getByTestId(`score-note-${t.seat}-${competency}`);
        await input.fill(note);
        await input.press('Enter');
      }
    };

    // ══ Session 1: the bicycle shed ══
    const s1 = await createSession(SHED.id);
    // The desk's session list says which class it is for.
    await desk.goto(`${server.url}/facilitator`);
    await expect
      .poll(() => desk.getByTestId(`session-group-${s1.sessionId}`).textContent(), { timeout: WAIT })
      .toBe(`班级：${COHORT}`);
    await desk.goto(`${server.url}/facilitate/${s1.sessionId}`);
    await openObserver(s1.observerLink);
    const [wang1, li1, ouyang1] = (await joinAll(s1.joinCode)) as [Trainee, Trainee, Trainee];
    // Nothing carried into a first session: nobody's phone has "next time" yet.
    expect(await wang1.phone.getByTestId('carried-next-time').count()).toBe(0);
    step(`session 1 (${SHED.title}): the three joined by masked name and personal code`);

    const host1 = await runMeeting(s1.sessionId, [wang1, li1, ouyang1]);
    await score(wang1, 'mass_work', '4', NOTE_WANG);
    await score(wang1, 'coordination', '3');
    await score(li1, 'mass_work', '3');
    await score(ouyang1, 'mass_work', '5');
    await host1.until(
      (live) =>
        (live.coaching?.scores ?? []).length === 4 &&
        (live.coaching?.scores ?? []).some((s) => s.note === NOTE_WANG),
      WAIT,
    );
    // The instructor opens the debrief from the console; the expert writes "next time" there.
    await desk.getByTestId('open-debrief').click();
    await phaseIs(desk, 'debrief');
    await observer.getByTestId('observer-debrief-link').click();
    await observer.getByTestId('debrief-app').waitFor({ timeout: WAIT });
    for (const [t, plan] of [
      [wang1, PLAN_WANG],
      [li1, PLAN_LI],
    ] as const) {
      await observer.getByTestId(`plan-input-${t.seat}`).fill(plan);
      await observer.getByTestId(`plan-add-${t.seat}`).click();
      await observer.getByTestId('plan-list').getByText(plan).waitFor({ timeout: WAIT });
    }
    // The expert's debrief says the trainees do not see it yet.
    expect(await text(observer)).toContain('学员暂时看不到这次演练的评分和建议，培训师公布后才能看到。');
    step('session 1 run over the socket, scored on the observer screen, next time written on the debrief');

    // ── Before the release: Wang's debrief shows nothing of the scoring ──
    await phaseIs(wang1.phone, 'debrief');
    await wang1.phone.getByTestId('trainee-debrief-link').click();
    await wang1.phone.getByTestId('scores-table').waitFor({ timeout: WAIT });
    await wang1.phone.getByText('培训师公布后，你会在这里看到专家的评分和建议。').waitFor({ timeout: WAIT });
    // No competency scored, no note, no plan item (the page's filters still name the competencies).
    const held = (await wang1.phone.getByTestId('scores-table').textContent()) ?? '';
    for (const hidden of ['群众工作能力', '组织协调能力']) expect(held).not.toContain(hidden);
    const heldPage = await text(wang1.phone);
    for (const hidden of [NOTE_WANG, PLAN_WANG]) expect(heldPage).not.toContain(hidden);
    expect(await wang1.phone.getByTestId('plan-list').textContent()).toBe('还没有建议。');

    // ── The instructor releases from the console; the open debrief shows them ──
    await desk.getByTestId('release-scores').click();
    await desk.getByText('已向学员公布第 1 至第 1 次演练的评分和改进建议。').waitFor({ timeout: WAIT });
    const scoresTable = wang1.phone.getByTestId('scores-table');
    await scoresTable.getByText(NOTE_WANG).waitFor({ timeout: WAIT });
    await wang1.phone.getByTestId('plan-list').getByText(PLAN_WANG).waitFor({ timeout: WAIT });
    const released = (await scoresTable.textContent()) ?? '';
    expect(released).toContain('群众工作能力');
    expect(released).toContain('组织协调能力');
    const shown = await text(wang1.phone);
    expect(shown).not.toContain('培训师公布后，你会在这里看到专家的评分和建议。');
    // Only Wang's own (the room's names are in the minutes, as everyone saw them): not Li's plan, not the expert's name.
    for (const other of [PLAN_LI, EXPERT]) expect(shown).not.toContain(other);
    step(
      'before the release no score on the trainee’s debrief; after the console’s release, scores and plan',
    );

    // ══ Session 2: another scenario, for the same cohort ══
    const s2 = await createSession(SORTING.id);
    await openObserver(s2.observerLink);
    // The badge sheet printed for this session: Ouyang's phone reads the QR code off it.
    await desk.goto(`${server.url}/roster/badges/${cohortId}?session=${s2.sessionId}`);
    const ouyangQr = await readQr(desk.getByTestId('badge').filter({ hasText: OUYANG.name }).locator('img'));
    expect(ouyangQr).toMatch(new RegExp(`^${server.url}/join\\?code=${s2.joinCode}#person=.+&pc=[0-9]{6}$`));
    const console2 = `${server.url}/facilitate/${s2.sessionId}`;
    await desk.goto(console2);
    const [wang2, li2, ouyang2] = (await joinAll(
      s2.joinCode,
      new Map([[OUYANG.name, ouyangQr as string]]),
    )) as [Trainee, Trainee, Trainee];
    // At the start, on each phone's lobby: what the experts asked of them last time, their own only.
    const carriedOn = (t: Trainee) => t.phone.getByTestId('carried-next-time');
    await carriedOn(wang2).getByText(PLAN_WANG).waitFor({ timeout: WAIT });
    const wangCarried = (await carriedOn(wang2).textContent()) ?? '';
    expect(wangCarried).toContain('上一场演练后，专家建议你这次……');
    expect(wangCarried).toContain(`来自《${SHED.title}》`);
    expect(wangCarried).not.toContain(PLAN_LI);
    expect(wangCarried).not.toContain(EXPERT);
    await carriedOn(li2).getByText(PLAN_LI).waitFor({ timeout: WAIT });
    expect(await carriedOn(li2).textContent()).not.toContain(PLAN_WANG);
    expect(await text(ouyang2.phone)).not.toContain(PLAN_WANG);
    expect(await carriedOn(ouyang2).count()).toBe(0);
    // And on the observer screen, opened before anyone joined: each trainee's, named. This guest
    // expert's link opens this session only, so who wrote them in the last one is not said.
    const roomCarried = observer.getByTestId('carried-next-time');
    await roomCarried.getByText(PLAN_WANG, { exact: true }).waitFor({ timeout: WAIT });
    await roomCarried.getByText(PLAN_LI, { exact: true }).waitFor({ timeout: WAIT });
    const roomText = (await roomCarried.textContent()) ?? '';
    expect(roomText).not.toContain(EXPERT);
    expect(roomText).toContain('学员带来的“下次改进”（上一场演练专家的建议）');
    expect(roomText).toContain(`${WANG.name}：来自《${SHED.title}》`);
    expect(roomText).toContain(`${LI.name}：来自《${SHED.title}》`);
    step(
      `session 2 (${SORTING.title}): one joined by the badge's QR; last session's next time on the phones and the observer screen`,
    );

    // Session 2 runs; Wang scores higher; the instructor releases it too.
    const host2 = await runMeeting(s2.sessionId, [wang2, li2, ouyang2]);
    await score(wang2, 'mass_work', '5');
    await host2.until((live) => (live.coaching?.scores ?? []).length === 1, WAIT);
    await desk.getByTestId('release-scores').click();
    await desk.getByText('已向学员公布第 1 至第 1 次演练的评分和改进建议。').waitFor({ timeout: WAIT });
    step('session 2 run, scored and released');

    // ── Wang's portfolio, with his personal code; a wrong code is refused in words ──
    const phone = wang2.phone;
    await phone.goto(`${server.url}/portfolio`);
    await phone.getByLabel('姓名', { exact: true }).fill(WANG.name);
    const wrong = wang2.code === '000000' ? '000001' : '000000';
    await phone.getByLabel('个人码', { exact: true }).fill(wrong);
    await phone.getByRole('button', { name: '查看档案' }).click();
    await phone
      .getByRole('alert')
      .getByText('姓名和个人码对不上，请核对胸卡上的个人码')
      .waitFor({ timeout: WAIT });
    expect(await text(phone)).not.toContain(SHED.title);
    await phone.getByLabel('个人码', { exact: true }).fill(wang2.code);
    await phone.getByRole('button', { name: '查看档案' }).click();
    await phone.getByRole('heading', { name: `${WANG.name}的成长档案` }).waitFor({ timeout: WAIT });
    const attempts = phone.locator('.portfolio-attempts > li');
    expect(await attempts.count()).toBe(2);
    const [first, second] = [attempts.nth(0), attempts.nth(1)];
    // Oldest first: the shed as the chair, then the sorting meeting.
    expect(await first.getByRole('heading').first().textContent()).toMatch(
      new RegExp(`^${SHED.title} · 第 1 次 · `),
    );
    expect(await second.getByRole('heading').first().textContent()).toMatch(
      new RegExp(`^${SORTING.title} · 第 1 次 · `),
    );
    const firstText = (await first.textContent()) ?? '';
    expect(firstText).toContain('扮演角色：主持人');
    // 4 on 1–5: (4 − 1) / 4 = 75 %; coordination 3: 50 %. The expert is unnamed.
    expect(firstText).toContain('4 (75%)');
    expect(firstText).toContain('3 (50%)');
    expect(firstText).toContain(`专家 1: 4 — ${NOTE_WANG}`);
    // Session 2 scored mass_work higher (5 > 4) and no other competency lower: the item was met.
    expect(firstText).toContain(`${PLAN_WANG} — 下一次已做到`);
    expect((await second.textContent()) ?? '').toContain('5 (100%)');
    // Proficiency, λ = 1/2: mass_work (½·0.75 + 1·1.0) / 1.5 = 1.375 / 1.5 = 91.7 %; coordination 50 %.
    const trends = (await phone.locator('.portfolio-trends').textContent()) ?? '';
    expect(trends).toContain('群众工作能力熟练度 91.7%（2 次评分）');
    expect(trends).toContain('组织协调能力熟练度 50%（1 次评分）');
    expect(await phone.getByRole('img', { name: /^群众工作能力：75%, 100%/ }).count()).toBe(1);
    const own = await text(phone);
    for (const other of [EXPERT, PLAN_LI, LI.name, OUYANG.name]) expect(own).not.toContain(other);
    step('the portfolio: a wrong code refused; both sessions, scores, the plan met, the proficiency');

    expect(screens.pageErrors).toEqual([]);
  });
});
