// One rehearsal end to end in real headless Chromium, every screen in its own
// browser context: the facilitator creates an elevator-coordination session
// from the library, an expert watches from the observer screen (switched to
// English), four trainees on phones (zh-CN) join with the code and take cards,
// two headless trainees are seated by auto-balance so every required card is
// held, and the projector shows the room's big screen. The meeting runs through
// the speakers item (hands, floor, a statement, a private tip, a manual
// inject), a trainee's page is closed and reopened, the owners_special vote is
// opened, cast, counted and shown, and the facilitator ends the meeting.
// axe-core runs on every screen: no serious or critical violation.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import {
  Axe,
  BIG_SCREEN,
  castOnScreen,
  LAPTOP,
  PHONE,
  phaseIs,
  seatOf,
  stepper,
  WAIT,
} from '../support/e2e.ts';
import { e2eRoom, enterObserverRoom, signInAsAdministrator } from '../support/e2e-room.ts';

const SCENARIO = 'elevator-coordination';

const room = e2eRoom();
const axeChecker = new Axe();

const open = (options: Parameters<Browser['newContext']>[0], label: string) =>
  room.screens.open(options, label);
const watch = (page: Page, label: string) => room.screens.watch(page, label);
const axe = (page: Page, screen: string) => axeChecker.check(page, screen);

interface Trainee {
  page: Page;
  name: string;
  card: string;
  cardName: string;
  id: string;
}

describe('a rehearsal in real browsers', () => {
  it('runs the elevator coordination meeting across every screen', { timeout: 360_000 }, async () => {
    const step = stepper();

    // ── Facilitator: sign in, the desk, create a session from the library ──
    const fac = await open(LAPTOP, 'facilitator');
    await fac.goto(`${room.server.url}/facilitator`);
    await fac.getByTestId('signin-login').waitFor({ timeout: WAIT });
    expect(await fac.locator('h1').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await axe(fac, 'facilitator sign-in');
    await signInAsAdministrator(fac);
    const create = fac.getByTestId(`create-session-${SCENARIO}`);
    await create.waitFor({ timeout: WAIT });
    await axe(fac, 'facilitator desk');
    await create.click();
    await fac.getByTestId('join-code').waitFor({ timeout: WAIT });
    const code = ((await fac.getByTestId('join-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{6}$/);
    const observerLink = await fac.getByTestId('observer-link').getAttribute('href');
    expect(observerLink).toMatch(/\/observe\/[\w-]+#[\w-]{20,}/);
    step(`session created, code ${code}`);

    // ── Projector, home page, observer (switched to English) ──
    const projector = await open(BIG_SCREEN, 'projector');
    const observer = await open(LAPTOP, 'observer');
    await Promise.all([
      (async () => {
        await projector.goto(`${room.server.url}/projector?code=${code}`);
        await projector.getByTestId('projector-code').waitFor({ timeout: WAIT });
        expect(await projector.getByTestId('projector-phase').textContent()).toBe('候场');
        await axe(projector, 'projector (lobby)');
      })(),
      (async () => {
        await observer.goto(observerLink as string);
        await observer.getByTestId('observer-name-input').waitFor({ timeout: WAIT });
        expect(await observer.locator('h1').textContent()).toBe('专家观察席');
        await observer.getByRole('button', { name: 'English' }).click();
        await expect.poll(() => observer.locator('h1').textContent()).toBe("Experts' observation room");
        expect(await observer.locator('#obs-gate-title').textContent()).toBe("Enter the experts' room");
        expect(await observer.evaluate(() => document.documentElement.lang)).toBe('en');
        await enterObserverRoom(observer, 'Expert Li');
        expect(await observer.locator('h1').textContent()).toContain('Lanxi Garden building 12');
      })(),
    ]);
    step('projector and observer connected');

    // ── Four trainees on phones join with the code and take cards ──
    const plan = [
      { name: '王老师', card: 'secretary', cardName: '王敏' },
      { name: '陈同学', card: 'owner_101', cardName: '陈国华' },
      { name: '刘同学', card: 'owner_202', cardName: '刘德明' },
      { name: '周同学', card: 'owner_602', cardName: '周建平' },
    ];
    const trainees: Trainee[] = await Promise.all(
      plan.map(async (p, i) => {
        const page = await open(PHONE, `trainee ${p.name}`);
        if (i === 0) {
          await page.goto(room.server.url);
          await page.locator('.scenario-card h3').first().waitFor({ timeout: WAIT });
          await axe(page, 'home');
        }
        await page.goto(`${room.server.url}/join`);
        await page.getByTestId('join-code-input').waitFor({ timeout: WAIT });
        expect(await page.locator('h1').textContent()).toBe('加入演练');
        await page.getByTestId('join-code-input').fill(code.toLowerCase());
        await page.getByTestId('join-name-input').fill(p.name);
        if (i === 0) await axe(page, 'trainee join');
        await page.getByTestId('join-submit').click();
        await page.getByTestId(`card-option-${p.card}`).waitFor({ timeout: WAIT });
        const seat = await seatOf(page);
        expect(seat?.participantId).toBeTruthy();
        return { ...p, page, id: seat?.participantId as string };
      }),
    );
    // Cards one at a time: each card taken adds a "held by" line that moves the buttons below it.
    for (const [i, t] of trainees.entries()) {
      for (const before of trainees.slice(0, i)) {
        await t.page
          .getByTestId(`card-option-${before.card}`)
          .getByText(before.name)
          .waitFor({ timeout: WAIT });
      }
      await t.page.getByTestId(`card-option-${t.card}`).getByTestId('take-card').click();
      await t.page.locator(`[data-testid="card-option-${t.card}"].mine`).waitFor({ timeout: WAIT });
    }
    const [chair, t101, t202, t602] = trainees as [Trainee, Trainee, Trainee, Trainee];
    expect(await chair.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await axe(chair.page, 'trainee lobby');
    step('four trainees hold secretary, owner_101, owner_202, owner_602');

    // ── Two headless trainees; auto-balance seats them on the remaining required cards ──
    for (const name of ['黄同学', '孙同学'])
      room.headless.push((await HeadlessClient.join(room.server.url, code, name)).client);
    await axe(fac, 'facilitator console (lobby)');
    await fac.getByTestId('auto-balance').click();
    await Promise.all(room.headless.map((c) => c.until((live) => live.me?.card != null, WAIT)));
    expect(room.headless.map((c) => c.live?.me?.card?.id).sort()).toEqual(['building_lead', 'owners_3_5']);
    await expect.poll(() => fac.getByTestId('start-meeting').isEnabled(), { timeout: WAIT }).toBe(true);

    // ── Start (facilitator), begin (the chair trainee) ──
    await fac.getByTestId('start-meeting').click();
    await phaseIs(fac, 'briefing');
    await chair.page.getByTestId('begin-meeting').click();
    await Promise.all([fac, ...trainees.map((t) => t.page)].map((p) => phaseIs(p, 'running')));
    step('meeting running');

    // ── The speakers item: hands, the floor, a statement ──
    await fac.getByTestId('goto-item').selectOption('objections');
    await fac.getByTestId('goto-item-go').click();
    await fac.locator('[data-testid="current-item"][data-item="objections"]').waitFor({ timeout: WAIT });
    for (const t of trainees) {
      await t.page.getByTestId('current-item').getByText('底层业主意见与其他异议').waitFor({ timeout: WAIT });
    }
    // One after another: each new hand grows the queue above the others' buttons.
    for (const [i, t] of [t101, t202, t602].entries()) {
      await t.page.getByTestId('raise-hand').click();
      await t.page.getByTestId('my-queue-position').waitFor({ timeout: WAIT });
      await expect
        .poll(() => chair.page.getByTestId('queue').locator('li').count(), { timeout: WAIT })
        .toBe(i + 1);
    }
    expect(await t101.page.getByTestId('my-queue-position').textContent()).toContain('1');
    expect(await t602.page.getByTestId('my-queue-position').textContent()).toContain('3');
    await axe(chair.page, 'trainee meeting (chair)');
    await chair.page.getByTestId('chair-give-floor').click();
    await t101.page.locator('[data-testid="floor-holder"].mine').waitFor({ timeout: WAIT });
    await projector.getByTestId('projector-floor').getByText(t101.name).waitFor({ timeout: WAIT });
    const statement = '井道离我家厨房窗只有0.8米，我要的是书面的采光和噪声评估。';
    await t101.page.getByTestId('statement-input').fill(statement);
    await axe(t101.page, 'trainee meeting (holding the floor)');
    await t101.page.getByTestId('statement-submit').click();
    await t202.page.getByText(statement).waitFor({ timeout: WAIT });
    await observer.getByText(statement).first().waitFor({ timeout: WAIT });
    step('floor given, statement posted');

    // ── A private tip to one trainee only ──
    const tip = 'Ask the chair to put the 7号楼 precedent on the record — 请先复述101的诉求。';
    await observer.getByTestId('composer-mode-whisper').click();
    await observer.getByTestId('composer-target').selectOption(t202.id);
    await observer.getByTestId('composer-text').fill(tip);
    await axe(observer, 'observer console');
    await observer.getByTestId('composer-send').click();
    const tipCard = t202.page
      .locator('[data-testid^="tip-"]:not([data-testid^="tip-ack-"])')
      .filter({ hasText: tip });
    await tipCard.first().waitFor({ timeout: WAIT });
    const tipId = ((await tipCard.first().getAttribute('data-testid')) ?? '').slice('tip-'.length);
    expect(tipId).not.toBe('');
    await observer
      .getByTestId('sent-tips')
      .getByText(/^(Delivered|Read)$/)
      .waitFor({ timeout: WAIT });
    for (const other of [chair, t101, t602]) {
      expect(await other.page.locator('[data-testid^="tip-"]').count(), `no tip card for ${other.name}`).toBe(
        0,
      );
      expect(await other.page.locator('body').textContent()).not.toContain(tip);
      expect(await other.page.content()).not.toContain('Ask the chair to put');
    }
    expect(room.headless.every((c) => (c.live?.me?.tips ?? []).length === 0)).toBe(true);
    await axe(t202.page, 'trainee meeting (tip docked)');
    await t202.page.getByTestId(`tip-ack-${tipId}`).click();
    await observer.getByTestId('sent-tips').getByText('Acknowledged').waitFor({ timeout: WAIT });
    await t202.page.getByTestId('tips-tab').click();
    await t202.page.getByTestId(`tip-${tipId}`).getByText('已确认收到').waitFor({ timeout: WAIT });
    await axe(t202.page, 'trainee tips');
    await t202.page.getByTestId('meeting-tab').click();
    step('tip whispered to one trainee, seen only there, acknowledged');

    // ── A manual inject from the facilitator ──
    await fac.getByTestId('inject-fire-stair_collapse').click();
    for (const t of trainees) {
      await t.page
        .getByTestId('inject-stair_collapse')
        .getByText('602周阿婆在楼梯上昏倒')
        .waitFor({ timeout: WAIT });
    }
    await projector
      .getByTestId('projector-inject')
      .getByText('602周阿婆在楼梯上昏倒')
      .waitFor({ timeout: WAIT });
    await observer.getByTestId('inject-respond-stair_collapse').waitFor({ timeout: WAIT });
    await Promise.all(
      room.headless.map((c) => c.until((live) => live.injects.some((i) => i.id === 'stair_collapse'))),
    );
    await axe(projector, 'projector (meeting, inject)');
    await axe(fac, 'facilitator console (running)');
    step('manual inject fired and received');

    // ── Close one trainee's page and open it again: same seat, same card ──
    const context602 = t602.page.context();
    await t602.page.close();
    await fac.locator(`[data-testid="participant-${t602.id}"] .fac-dot:not(.on)`).waitFor({ timeout: WAIT });
    t602.page = await context602.newPage();
    watch(t602.page, `trainee ${t602.name} (reopened)`);
    await t602.page.goto(`${room.server.url}/session`);
    await phaseIs(t602.page, 'running');
    expect((await seatOf(t602.page))?.participantId).toBe(t602.id);
    await t602.page.getByTestId('my-card-tab').click();
    await t602.page
      .getByTestId('my-card')
      .locator('#my-card-name')
      .getByText(t602.cardName)
      .waitFor({ timeout: WAIT });
    await axe(t602.page, 'trainee my card');
    await t602.page.getByTestId('meeting-tab').click();
    await fac.locator(`[data-testid="participant-${t602.id}"] .fac-dot.on`).waitFor({ timeout: WAIT });
    step('page reopened: same seat and card');

    // ── The owners_special vote ──
    await fac.getByTestId('goto-item').selectOption('vote_apply');
    await fac.getByTestId('goto-item-go').click();
    await fac.locator('[data-testid="current-item"][data-item="vote_apply"]').waitFor({ timeout: WAIT });
    await chair.page.getByTestId('chair-open-vote').click();
    for (const t of trainees) {
      const rule = t.page.getByTestId('ballot-rule');
      await rule.waitFor({ timeout: WAIT });
      expect(await rule.textContent()).toContain('四分之三');
      expect(await rule.textContent()).toContain('三分之二');
    }
    await t101.page.getByTestId('ballot-option-yes').waitFor({ timeout: WAIT });
    expect(await chair.page.getByTestId('ballot-option-yes').count()).toBe(0); // the secretary is not an owner
    await axe(t101.page, 'trainee ballot');
    for (const [t, choice] of [
      [t101, 'no'],
      [t202, 'yes'],
      [t602, 'yes'],
    ] as const) {
      await castOnScreen(t.page, choice);
    }
    for (const client of room.headless) {
      expect(await client.send({ type: 'vote.cast', choice: 'yes' })).toMatchObject({ ok: true });
    }
    const arithmetic = observer.getByTestId('vote-arithmetic');
    await arithmetic.getByText('5/5 voted').waitFor({ timeout: WAIT });
    // Against the whole building (12 owners, 744.6 m²): the five seats cast for 101, 202, 602,
    // 501 and the crowd card's five owners (301, 302, 401, 402, 502: 300.5 m²) = 9 owners,
    // 548.7 m²; 601's written form (yes, 71.8 m²) makes 10 owners, 620.5 m² taking part:
    // 10/12 = 83.3% and 620.5/744.6 = 83.3%. Yes: all but 101 = 9 owners, 548.7 m²:
    // 9/10 = 90% and 548.7/620.5 = 88.4%.
    await expect.poll(() => arithmetic.textContent(), { timeout: WAIT }).toContain('88.4%');
    const text = (await arithmetic.textContent()) ?? '';
    expect(text).toContain('90%');
    expect(text).toContain('83.3%');
    expect(text).toMatch(/area/);
    expect(text).toMatch(/headcount/);
    await axe(observer, 'observer console (vote open)');
    await axe(projector, 'projector (vote open)');
    await chair.page.getByTestId('chair-close-vote').click();
    const result = projector.getByTestId('projector-result');
    await result.getByText('表决通过').waitFor({ timeout: WAIT });
    expect(await result.textContent()).toContain('88.4%');
    await axe(projector, 'projector (result)');
    await axe(t202.page, 'trainee ballot (result)');
    step('vote opened, cast, counted and shown');

    // ── The facilitator ends the meeting ──
    await fac.getByTestId('end-meeting').click();
    await fac.getByTestId('confirm-end').click();
    await Promise.all([fac, ...trainees.map((t) => t.page)].map((p) => phaseIs(p, 'closed')));
    await projector.getByTestId('projector-result').getByText('表决通过').waitFor({ timeout: WAIT });
    expect(await projector.getByTestId('projector-phase').textContent()).toBe('会议结束');
    await axe(chair.page, 'trainee (meeting ended)');
    await axe(fac, 'facilitator console (closed)');
    await fac.goto(`${room.server.url}/facilitator`);
    await fac.getByTestId('session-list').getByText(code).waitFor({ timeout: WAIT });
    await axe(fac, 'facilitator desk (with the session)');
    step('meeting ended');

    axeChecker.report();
    expect(room.screens.pageErrors).toEqual([]);
  });
});
