// The walkthrough's findings, each checked on the screen where it was found,
// in one short session of a small scenario (written here) in real Chromium.
// The trainees' phones, the console and the observer screen run in New York
// time while the server keeps Shanghai's: every time shown must be Shanghai's.
//   - the chair is offered only the speakers the item allows;
//   - the chair's phone shows the moods the mood buttons promise it sees;
//   - a refusal's toast sits off the chair's main button and times out;
//   - the projector asks for hands only where hands are taken, shows an
//     inject in full and only during its item, names candidates as characters;
//   - a long name stays inside the observer's speaking-time row; the seat
//     menus show each card's name whole;
//   - after the end the observer strip no longer says "not started";
//   - the experts' debrief link reads in one language.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { AnyCommand } from '../../shared/protocol/messages.ts';
import { launchBrowser } from '../support/browser.ts';
import { BIG_SCREEN, LAPTOP, PHONE, phaseIs, Screens, seatOf, stepper, WAIT } from '../support/e2e.ts';
import { signInAt } from '../support/e2e-accounts.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  ADMIN_PASSWORD,
  AUTH_ENV,
  connectFacilitator,
  createSession,
  request,
} from '../support/session-api.ts';

const SCENARIO_ID = 'walkthrough-room';
const LONG_CARD = '3–5楼其他业主（301、302、401、402、502）';
const NEWS =
  '物业刚刚通知：明天上午八点起全楼停水停电检修，时间约四小时。请主持人向大家说明这件事对今天议程的影响，并请各位业主回去后转告家里的老人和孩子，提前储水、给手机和轮椅充好电。楼下的便利店愿意为行动不便的住户代为送水，需要的请在会后到居委会登记姓名、门牌号和联系电话。';
const SCENARIO = `schema: 1
id: ${SCENARIO_ID}
title: { zh: 走查会议, en: Walkthrough meeting }
summary: A small meeting for the walkthrough tests.
meeting: coordination
duration: 30m
background: { zh: 一次小会。, en: A small meeting. }
roles:
  - id: chair
    name: { zh: 王敏（居委会书记）, en: Wang Min (committee secretary) }
    chair: true
    public: { zh: 主持会议。, en: Chairs the meeting. }
    brief: { zh: 你来主持。, en: You chair. }
  - id: neighbour
    name: { zh: 陈国华（101室业主）, en: Chen Guohua (flat 101) }
    attributes: { owner: true, area_m2: 70 }
    public: { zh: 一楼住户。, en: Lives on the ground floor. }
    brief: { zh: 你住一楼。, en: You live on the ground floor. }
  - id: upstairs
    name: { zh: ${LONG_CARD}, en: "Other owners, floors 3–5 (301, 302, 401, 402, 502)" }
    seats: { min: 0, max: 5 }
    attributes: { owner: true, area_m2: 60 }
    public: { zh: 楼上住户。, en: Live upstairs. }
    brief: { zh: 你住楼上。, en: You live upstairs. }
  - id: official
    name: { zh: 江海燕（街道干部）, en: Jiang Haiyan (street office) }
    npc: true
    public: { zh: 街道来的。, en: From the street office. }
    brief: { zh: 由专家扮演。, en: Voiced by an expert. }
agenda:
  - { id: opening, title: { zh: 开场, en: Opening }, kind: statement, speakers: [chair], per_speaker: 2m }
  - { id: talk, title: { zh: 讨论, en: Discussion }, kind: open_floor, per_speaker: 2m, duration: 20m }
  - id: elect
    title: { zh: 推选联络人, en: Choose a contact }
    kind: election
    seats: 1
    candidates: nominate
    rule: simple_majority
  - { id: wrap, title: { zh: 分工, en: Actions }, kind: actions }
injects:
  - id: news
    title: { zh: 停水通知, en: Water cut }
    body: { zh: ${NEWS}, en: The water and power go off tomorrow morning for four hours. }
    manual: true
    respond_within: 2m
`;

let server: ServerProcess;
let browser: Browser;
let screens: Screens;
const headless: HeadlessClient[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-walkthrough-'));
  writeFileSync(join(dir, `${SCENARIO_ID}.yaml`), SCENARIO);
  [server, browser] = await Promise.all([
    startServerProcess({ scenariosDir: dir, env: AUTH_ENV }),
    launchBrowser(),
  ]);
  screens = new Screens(browser);
});
afterAll(async () => {
  for (const client of headless) client.close();
  await browser?.close();
  await server?.stop();
});

async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
}

/** Away from the server's zone: a device's own clock must never set what the screens say. */
const NEW_YORK = { timezoneId: 'America/New_York' };
const hhmm = (at: number, timeZone: string, seconds = false) =>
  new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds && { second: '2-digit' }),
    hourCycle: 'h23',
    timeZone,
  }).format(at);

/**
 * Waits for what a finding's fix shows, as a soft check: the test carries on
 * and reports every finding that does not hold, not only the first.
 */
async function shows(what: string, wait: Promise<unknown>): Promise<void> {
  const seen = await wait.then(
    () => true,
    () => false,
  );
  expect.soft(seen, what).toBe(true);
}

/** The text of each option of the chair's "call a speaker" menu, without the placeholder. */
const chooserOptions = (page: Page) =>
  page
    .getByTestId('chair-panel')
    .locator('select option')
    .evaluateAll((options) =>
      options.filter((o) => (o as HTMLOptionElement).value).map((o) => o.textContent),
    );

describe('the walkthrough’s findings, on their screens', () => {
  it('holds on every screen it was found on', { timeout: 300_000 }, async () => {
    const step = stepper();
    const session = await createSession(server.url, SCENARIO_ID);
    const fac = await screens.open({ ...LAPTOP, ...NEW_YORK }, 'facilitator');
    const observer = await screens.open({ ...LAPTOP, ...NEW_YORK }, 'observer');
    const projector = await screens.open(BIG_SCREEN, 'projector');
    const chairPage = await screens.open({ ...PHONE, ...NEW_YORK }, 'chair');
    const neighbourPage = await screens.open({ ...PHONE, ...NEW_YORK }, 'neighbour');

    const join = async (page: Page, name: string, card: string) => {
      await page.goto(`${server.url}/join?code=${session.joinCode}`);
      await page.getByTestId('join-name-input').fill(name);
      await page.getByTestId('join-submit').click();
      await page.getByTestId(`card-option-${card}`).getByTestId('take-card').click();
      await page.locator(`[data-testid="card-option-${card}"].mine`).waitFor({ timeout: WAIT });
      return (await seatOf(page))?.participantId ?? '';
    };
    const chairId = await join(chairPage, '张丽', 'chair');
    const neighbourId = await join(neighbourPage, '陈晓东', 'neighbour');
    // The longest name a trainee may give (40 characters), on the long card.
    const longName = '欧阳'.padEnd(40, '长名字测试');
    const { client: upstairs, seat } = await HeadlessClient.join(server.url, session.joinCode, longName);
    await ok(upstairs, { type: 'card.take', roleId: 'upstairs' });
    const host = await connectFacilitator(server.url, session);
    const expert = await HeadlessClient.connect(server.url, {
      role: 'observer',
      sessionId: session.sessionId,
      token: session.observerToken,
      name: '李老师',
    });
    headless.push(upstairs, host, expert);

    // The console opens with a sign-in: the administrator's, whose API token made the session.
    await signInAt(fac, server.url, 'admin', ADMIN_PASSWORD, session.links.facilitator);
    await observer.goto(server.url + session.links.observer);
    await observer.getByTestId('observer-name-input').fill('王老师');
    await observer.getByTestId('observer-name-submit').click();
    await projector.goto(`${server.url}/projector?code=${session.joinCode}`);
    await Promise.all([
      fac.getByTestId('start-meeting').waitFor({ timeout: WAIT }),
      observer.getByTestId('composer-text').waitFor({ timeout: WAIT }),
      projector.getByTestId('projector-code').waitFor({ timeout: WAIT }),
    ]);
    await ok(host, { type: 'meeting.start' });
    await ok(host, { type: 'meeting.begin' });
    await Promise.all([chairPage, neighbourPage, fac].map((p) => phaseIs(p, 'running')));
    step(`session ${session.joinCode} running`);

    // ── A fixed list (the opening statement, the chair alone): the chair is offered only herself ──
    await chairPage.getByTestId('chair-panel').locator('select').waitFor({ timeout: WAIT });
    expect.soft(await chooserOptions(chairPage)).toEqual(['王敏（居委会书记） · 张丽（已在名单）']);

    // ── The chair speaks; the time on every screen is Shanghai's, not the device's New York time ──
    await chairPage.getByTestId('chair-give-floor').click();
    await chairPage.locator('[data-testid="floor-holder"].mine').waitFor({ timeout: WAIT });
    await chairPage.getByTestId('statement-input').fill('各位邻居好，我们开始。');
    await chairPage.getByTestId('statement-submit').click();
    await host.until((live) => live.record.statements.length === 1);
    const said = host.live?.record.statements[0]?.at ?? 0;
    const transcript = neighbourPage.locator('.tr-transcript');
    await transcript.getByText('各位邻居好，我们开始。').waitFor({ timeout: WAIT });
    const line = (await transcript.textContent()) ?? '';
    expect.soft(line).toContain(`${hhmm(said, 'Asia/Shanghai')} · `);
    expect.soft(line).not.toContain(`${hhmm(said, 'America/New_York')} · `);
    const stamp = observer.locator(`time[datetime="${new Date(said).toISOString()}"]`).first();
    await stamp.waitFor({ timeout: WAIT });
    expect.soft(await stamp.textContent()).toBe(hhmm(said, 'Asia/Shanghai', true));
    await chairPage.getByTestId('yield-floor').click();
    // The yield must land before the host moves on: a later one is refused (not the holder) and its toast would be the one found below.
    await host.until((live) => live.item?.floor == null);

    // ── The projector: the list has run out; nobody is asked to raise a hand here ──
    const queue = projector.getByTestId('projector-queue');
    await shows(
      'the projector says the list is done',
      queue.getByText('名单上的人都已发言').waitFor({ timeout: WAIT }),
    );
    expect.soft(await queue.textContent()).not.toContain('举手');
    step('fixed list: chooser, Shanghai times, projector');

    // ── The open floor: everyone may be called; the chair sees the room's moods ──
    await ok(host, { type: 'item.next' });
    await projector
      .getByTestId('projector-queue')
      .getByText('暂无人排队，请举手发言')
      .waitFor({ timeout: WAIT });
    await expect
      .poll(() => chooserOptions(chairPage), { timeout: WAIT })
      .toEqual([
        '王敏（居委会书记） · 张丽',
        '陈国华（101室业主） · 陈晓东',
        `${LONG_CARD} · ${longName}`,
        '江海燕（街道干部）',
      ]);
    expect
      .soft(await neighbourPage.locator('.tr-mood-bar .hint').textContent())
      .toContain('主持人和专家能看到');
    await neighbourPage.getByTestId('mood-agree').click();
    await ok(upstairs, { type: 'mood.show', mood: 'disagree' });
    await shows(
      'the chair sees who agrees',
      chairPage
        .getByTestId('chair-mood-agree')
        .getByText('陈国华（101室业主） · 陈晓东')
        .waitFor({ timeout: WAIT }),
    );
    await shows(
      'the chair sees who disagrees',
      chairPage
        .getByTestId('chair-mood-disagree')
        .getByText(longName, { exact: false })
        .waitFor({ timeout: WAIT }),
    );
    expect
      .soft((await chairPage.getByTestId('chair-mood-agree').allTextContents()).join(''))
      .toContain('赞同 1');

    // ── A refusal (too many taps at once): its toast keeps off the chair's main button, then goes ──
    const main = chairPage.getByTestId('chair-give-floor');
    await main.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await chairPage.getByTestId('chair-extend-item').evaluate((el) => {
      for (let i = 0; i < 60; i++) (el as HTMLButtonElement).click();
    });
    const toast = chairPage.locator('.toast');
    await toast.waitFor({ timeout: WAIT });
    expect.soft(await toast.textContent()).toContain('操作太频繁');
    const [box, button] = await Promise.all([toast.boundingBox(), main.boundingBox()]);
    if (!box || !button) throw new Error('toast or main button not laid out');
    const overlaps =
      box.x < button.x + button.width &&
      button.x < box.x + box.width &&
      box.y < button.y + button.height &&
      button.y < box.y + box.height;
    expect
      .soft(overlaps, `toast ${JSON.stringify(box)} over the button ${JSON.stringify(button)}`)
      .toBe(false);
    await shows('the toast times out', toast.waitFor({ state: 'detached', timeout: WAIT }));
    step('open floor: chooser, moods, toast');

    // ── A long name stays in its row on the observer screen; seat menus show whole card names ──
    const row = observer.getByTestId(`speaking-bar-${seat.participantId}`);
    await row.waitFor({ timeout: WAIT });
    const spill = await row.evaluate((li) => {
      const outer = li.getBoundingClientRect();
      return [...li.querySelectorAll('.obs-bar-name, .obs-bar-card')].map((el) => {
        const inner = el.getBoundingClientRect();
        const cell = (el.parentElement as HTMLElement).getBoundingClientRect();
        return {
          right: inner.right,
          cell: cell.right,
          row: outer.right,
          scroll: el.scrollWidth - el.clientWidth,
        };
      });
    });
    for (const s of spill) {
      expect.soft(s.right, JSON.stringify(s)).toBeLessThanOrEqual(s.cell + 1);
      expect.soft(s.right, JSON.stringify(s)).toBeLessThanOrEqual(s.row + 1);
    }
    await fac.getByTestId(`assign-${seat.participantId}`).waitFor({ timeout: WAIT });
    const menus = await fac.locator('.fac-people select').evaluateAll((selects) =>
      selects.map((el) => {
        const select = el as HTMLSelectElement;
        const style = getComputedStyle(select);
        const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        ctx.font = style.font;
        const text = select.options[select.selectedIndex]?.text ?? '';
        // The room for text: the box less its padding and the arrow (about 1.5em).
        const room =
          select.clientWidth -
          Number.parseFloat(style.paddingLeft) -
          Number.parseFloat(style.paddingRight) -
          1.5 * Number.parseFloat(style.fontSize);
        return { text, width: ctx.measureText(text).width, room };
      }),
    );
    expect.soft(menus.length).toBe(3);
    for (const m of menus) expect.soft(m.width, `"${m.text}" in its menu`).toBeLessThanOrEqual(m.room);
    await shows(
      'the console shows the whole card beside the person',
      fac.getByTestId(`participant-${seat.participantId}`).getByText(LONG_CARD).waitFor({ timeout: WAIT }),
    );
    step('long names: observer rows, seat menus');

    // ── An inject: in full on the projector, and gone with its item ──
    await ok(host, { type: 'inject.fire', injectId: 'news' });
    const banner = projector.getByTestId('projector-inject');
    await banner.waitFor({ timeout: WAIT });
    const body = banner.locator('.pj-inject-body');
    expect.soft(await body.textContent()).toBe(NEWS);
    const clipped = await body.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect.soft(clipped).toBeLessThanOrEqual(1);
    await ok(host, { type: 'item.next' });
    await projector.getByText('推选联络人').waitFor({ timeout: WAIT });
    await shows('the inject leaves with its item', banner.waitFor({ state: 'detached', timeout: WAIT }));

    // ── The election: candidates stand as their characters ──
    await ok(host, { type: 'candidate.nominate', participantId: neighbourId });
    await ok(host, { type: 'candidate.nominate', participantId: chairId });
    const candidates = projector.locator('.pj-candidates');
    await candidates.getByText('张丽', { exact: false }).waitFor({ timeout: WAIT });
    expect
      .soft(await candidates.textContent())
      .toBe('候选人：陈国华（101室业主） · 陈晓东、王敏（居委会书记） · 张丽');
    await ok(host, { type: 'vote.open' });
    for (const client of [upstairs]) await ok(client, { type: 'election.cast', choices: [neighbourId] });
    await ok(host, { type: 'vote.close' });
    const result = projector.getByTestId('projector-result');
    await result.waitFor({ timeout: WAIT });
    expect
      .soft(await result.locator('.outcome-verdict').textContent())
      .toBe('当选：陈国华（101室业主） · 陈晓东');
    step('projector: inject in full and gone with its item; election by character');

    // ── The end: the observer strip says the agenda is over; the experts' link reads in one language ──
    await ok(host, { type: 'meeting.end' });
    await phaseIs(fac, 'closed');
    const strip = observer.locator('.obs-strip');
    await phaseIs(chairPage, 'closed');
    await shows(
      'the observer strip says the agenda is over',
      strip.getByText('议程已结束（共 4 项）').waitFor({ timeout: WAIT }),
    );
    expect.soft(await strip.textContent()).not.toContain('尚未开始');
    expect.soft(await observer.getByTestId('observer-debrief-link').textContent()).toBe('复盘');

    // ── The desk: the session's time is Shanghai's too ──
    const sessions = await request<{ sessions: { id: string; createdAt: number }[] }>(
      server.url,
      'GET',
      '/api/sessions',
    );
    const createdAt = sessions.body.sessions.find((s) => s.id === session.sessionId)?.createdAt ?? 0;
    // Signed in already, at the console: the desk opens at once.
    await fac.goto(`${server.url}/facilitator`);
    const deskRow = fac.getByTestId(`session-${session.sessionId}`);
    await deskRow.waitFor({ timeout: WAIT });
    const rowText = (await deskRow.textContent()) ?? '';
    expect.soft(rowText).toContain(hhmm(createdAt, 'Asia/Shanghai'));
    expect.soft(rowText).not.toContain(hhmm(createdAt, 'America/New_York'));
    step('the end: observer strip, debrief link, desk time');

    expect(screens.pageErrors).toEqual([]);
  });
});
