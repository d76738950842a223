// No internal name reaches a person: a scripted elevator-coordination
// session in real Chromium, from the home page to the debrief, with every
// screen read in Chinese and in English at each step — the trainee's phone
// (lobby, card, briefing, the meeting's tabs, the ballot, the end, the
// debrief), the chair's phone, the facilitator's desk and console, the
// observer screen, the projector, and the three debriefs — and every export
// (the Markdown reports for the room and for one trainee, in both languages,
// with the minutes inside). Visible text and the attributes people read
// (title, aria-label, placeholder, alt, menu options) are scanned for the
// scenario's ids and for snake_case or dotted names; see
// tests/support/internal-names.ts for what counts. Links are addresses
// people copy, not words: URLs are left out of the scan.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import { loadScenarioFile } from '../../server/scenarios/library.ts';
import type { AnyCommand } from '../../shared/protocol/messages.ts';
import { launchBrowser } from '../support/browser.ts';
import {
  BIG_SCREEN,
  castOnScreen,
  LAPTOP,
  PHONE,
  phaseIs,
  Screens,
  seatOf,
  stepper,
  WAIT,
} from '../support/e2e.ts';
import { inContext, nameScanner, type ScanLanguage, scenarioIds } from '../support/internal-names.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, API_TOKEN, AUTH_ENV, connectFacilitator } from '../support/session-api.ts';

const SCENARIO = 'elevator-coordination';
const entry = loadScenarioFile(resolve(import.meta.dirname, `../../scenarios/${SCENARIO}.yaml`));
if (entry.status !== 'valid') throw new Error(`${SCENARIO} is not valid`);
const scenario = entry.scenario;
const scan = nameScanner(scenarioIds(scenario));

let server: ServerProcess;
let browser: Browser;
let screens: Screens;
const headless: HeadlessClient[] = [];
/** Every internal name found, with the screen, the language and the text around it. */
const findings: string[] = [];
/** What was read, to show the scan saw the screens (a scan of nothing finds nothing). */
const read: { label: string; lang: ScanLanguage; chars: number }[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServerProcess({ env: AUTH_ENV }), launchBrowser()]);
  screens = new Screens(browser);
});
afterAll(async () => {
  for (const client of headless) client.close();
  await browser?.close();
  await server?.stop();
});

/** Addresses people copy (join links, observer links): not words, left out. */
/**
 * What people copy rather than read: links, and the one command the console
 * tells an instructor to type when the laptop has no LAN address
 * ("PUBLIC_URL=http://… npm start"), which names a setting on purpose.
 */
const withoutLinks = (text: string) =>
  text.replace(/\bPUBLIC_URL=\S+ npm start/g, ' ').replace(/\bhttps?:\/\/\S+/g, ' ');

function check(label: string, lang: ScanLanguage, text: string): void {
  const plain = withoutLinks(text);
  read.push({ label, lang, chars: plain.length });
  for (const f of inContext(plain, scan(plain, lang))) findings.push(`${label} [${lang}]: ${f}`);
}

/** Everything on the page a person reads: its text with folded parts opened, and the attributes read aloud or shown on hover. */
const pageText = (page: Page) =>
  page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const attributes = [...document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')].flatMap(
      (el) =>
        ['title', 'aria-label', 'placeholder', 'alt']
          .map((name) => el.getAttribute(name))
          .filter((v): v is string => Boolean(v)),
    );
    const options = [...document.querySelectorAll('option')].map((o) => o.textContent ?? '');
    // innerText, not textContent: what is rendered (visually hidden text included), not what is in the DOM.
    // biome-ignore lint/performance/useDomNodeTextContent: the scan reads what people see
    return [document.title, document.body.innerText, ...attributes, ...options].join('\n');
  });

async function setLanguage(page: Page, lang: ScanLanguage): Promise<void> {
  const button = page.locator(`.language-switch button[lang="${lang === 'zh' ? 'zh-CN' : 'en'}"]`).first();
  await button.click();
  // The switch is drawn from the language in use: pressed once the screen has re-rendered in it.
  await page
    .locator(`.language-switch button[lang="${lang === 'zh' ? 'zh-CN' : 'en'}"][aria-pressed="true"]`)
    .first()
    .waitFor({ timeout: WAIT });
}

/** Reads the page in Chinese, then in English, then puts it back in Chinese. */
async function scanPage(page: Page, label: string): Promise<void> {
  check(label, 'zh', await pageText(page));
  await setLanguage(page, 'en');
  check(label, 'en', await pageText(page));
  await setLanguage(page, 'zh');
}

const scanAll = (pages: [Page, string][]) => Promise.all(pages.map(([page, label]) => scanPage(page, label)));

async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
}

describe('no internal name on any screen or export', () => {
  it('reads every screen of a scripted session and every export, in Chinese and English', {
    timeout: 420_000,
  }, async () => {
    const step = stepper();
    const open = (options: Parameters<Browser['newContext']>[0], label: string) =>
      screens.open(options, label);

    // ── Before a session: the home page, the join page, the facilitator's sign-in and desk ──
    const fac = await open(LAPTOP, 'facilitator');
    const phone = await open(PHONE, 'trainee 101');
    await phone.goto(server.url);
    await phone.locator('.scenario-card h3').first().waitFor({ timeout: WAIT });
    await scanPage(phone, 'home');
    await fac.goto(`${server.url}/facilitator`);
    await fac.getByTestId('signin-login').waitFor({ timeout: WAIT });
    await scanPage(fac, 'facilitator sign-in');
    await fac.getByTestId('signin-login').fill('admin');
    await fac.getByTestId('signin-password').fill(ADMIN_PASSWORD);
    await fac.getByTestId('signin-submit').click();
    await fac.getByTestId(`create-session-${SCENARIO}`).waitFor({ timeout: WAIT });
    await scanPage(fac, 'facilitator desk');
    await fac.getByTestId(`create-session-${SCENARIO}`).click();
    await fac.getByTestId('join-code').waitFor({ timeout: WAIT });
    const code = ((await fac.getByTestId('join-code').textContent()) ?? '').trim();
    const sessionId = new URL(fac.url()).pathname.split('/').pop() ?? '';
    const created = (await fac.evaluate(
      (id) => JSON.parse(localStorage.getItem(`civic-rehearsal.created.${id}`) ?? 'null'),
      sessionId,
    )) as { observerToken: string; links: { observer: string } };
    const host = await connectFacilitator(server.url, { sessionId });
    const expert = await HeadlessClient.connect(server.url, {
      role: 'observer',
      sessionId,
      token: created.observerToken,
      name: '李老师',
    });
    headless.push(host, expert);
    step(`session ${code}`);

    // ── Two trainees on phones (the chair and owner 101), the others headless ──
    const chairPage = await open(PHONE, 'trainee chair');
    const join = async (page: Page, name: string, card: string) => {
      await page.goto(`${server.url}/join?code=${code}`);
      await page.getByTestId('join-name-input').fill(name);
      await page.getByTestId('join-submit').click();
      await page.getByTestId(`card-option-${card}`).getByTestId('take-card').click();
      await page.locator(`[data-testid="card-option-${card}"].mine`).waitFor({ timeout: WAIT });
    };
    await phone.goto(`${server.url}/join?code=${code}`);
    await phone.getByTestId('join-code-input').waitFor({ timeout: WAIT });
    await scanPage(phone, 'join page');
    await join(phone, '陈晓东', 'owner_101');
    await join(chairPage, '张丽', 'secretary');
    const me = (await seatOf(phone))?.participantId ?? '';
    const myToken = (await seatOf(phone))?.resumeToken ?? '';
    const chairToken = (await seatOf(chairPage))?.resumeToken ?? '';
    const others: Record<string, HeadlessClient> = {};
    for (const [name, card] of [
      ['刘建国', 'owner_202'],
      ['黄伟', 'building_lead'],
      ['周敏', 'owner_602'],
      ['吴芳', 'owners_3_5'],
    ] as const) {
      const { client } = await HeadlessClient.join(server.url, code, name);
      await ok(client, { type: 'card.take', roleId: card });
      headless.push(client);
      others[card] = client;
    }
    const chair = await HeadlessClient.connect(server.url, { role: 'trainee', resumeToken: chairToken });
    headless.push(chair);

    const observer = await open(LAPTOP, 'observer');
    const projector = await open(BIG_SCREEN, 'projector');
    await observer.goto(server.url + created.links.observer);
    await observer.getByTestId('observer-name-input').fill('王老师');
    await observer.getByTestId('observer-name-submit').click();
    await projector.goto(`${server.url}/projector?code=${code}`);
    await Promise.all([
      observer.getByTestId('composer-text').waitFor({ timeout: WAIT }),
      projector.getByTestId('projector-code').waitFor({ timeout: WAIT }),
      fac.getByTestId('start-meeting').waitFor({ timeout: WAIT }),
    ]);
    await phone.getByTestId('my-card-tab').click();
    await phone.getByTestId('my-card').waitFor({ timeout: WAIT });
    await scanAll([
      [phone, 'trainee card (lobby)'],
      [fac, 'facilitator console (lobby)'],
      [observer, 'observer (lobby)'],
      [projector, 'projector (lobby)'],
    ]);
    await phone.getByTestId('meeting-tab').click();
    await scanPage(phone, 'trainee lobby');
    step('lobby read');

    // ── Briefing, then the opening statement (a fixed list: the chair alone) ──
    await ok(host, { type: 'meeting.start' });
    await Promise.all([phaseIs(phone, 'briefing'), phaseIs(chairPage, 'briefing')]);
    await scanAll([
      [phone, 'trainee briefing'],
      [chairPage, 'chair briefing'],
      [projector, 'projector (briefing)'],
    ]);
    await ok(chair, { type: 'meeting.begin' });
    await Promise.all([phaseIs(phone, 'running'), phaseIs(fac, 'running')]);
    await chairPage.getByTestId('chair-panel').waitFor({ timeout: WAIT });
    await scanAll([
      [chairPage, 'chair (opening statement)'],
      [phone, 'trainee (opening statement)'],
      [observer, 'observer (opening statement)'],
      [projector, 'projector (opening statement)'],
      [fac, 'facilitator console (opening statement)'],
    ]);

    // ── The contractor's quote, voiced by an expert ──
    await ok(host, { type: 'item.next' });
    await ok(chair, { type: 'floor.give', to: { kind: 'npc', roleId: 'contractor' } });
    await ok(expert, { type: 'npc.say', roleId: 'contractor', text: '报价686,000元，不含燃气管线。' });
    await projector
      .getByTestId('projector-floor')
      .getByText('郑海峰', { exact: false })
      .waitFor({ timeout: WAIT });
    await scanAll([
      [projector, 'projector (an NPC card speaks)'],
      [observer, 'observer (an NPC card speaks)'],
    ]);
    await ok(host, { type: 'floor.yield' });

    // ── The open floor with balance: hands, a statement, a tip, moods ──
    await ok(host, { type: 'item.next' });
    await phone.getByTestId('raise-hand').click();
    // The phone's hand must be first in the queue: the floor goes to the head, so wait before the second hand.
    await chair.until((live) => (live.item?.queue.length ?? 0) === 1);
    await ok(others.owner_202 as HeadlessClient, { type: 'hand.raise' });
    await chair.until((live) => (live.item?.queue.length ?? 0) === 2);
    await ok(chair, { type: 'floor.give' });
    await phone.locator('[data-testid="floor-holder"].mine').waitFor({ timeout: WAIT });
    await phone.getByTestId('statement-input').fill('我不是反对装电梯，我要书面的采光评估。');
    await phone.getByTestId('statement-submit').click();
    await ok(expert, { type: 'tip.whisper', tipId: 'tip-1', to: me, text: '先说清具体损失。' });
    await ok(others.building_lead as HeadlessClient, { type: 'mood.show', mood: 'disagree' });
    await phone.getByTestId('mood-unsure').click();
    await phone.getByTestId('tip-tip-1').waitFor({ timeout: WAIT });
    await phone.locator('[data-testid="mood-unsure"][aria-pressed="true"]').waitFor({ timeout: WAIT });
    await scanAll([
      [phone, 'trainee (holding the floor, a tip)'],
      [chairPage, 'chair (open floor, moods)'],
      [observer, 'observer (open floor)'],
      [projector, 'projector (open floor)'],
      [fac, 'facilitator console (open floor)'],
    ]);
    await phone.getByTestId('tips-tab').click();
    await scanPage(phone, 'trainee tips');
    await phone.getByTestId('meeting-tab').click();

    // ── An inject fired by the facilitator ──
    await fac.getByTestId('inject-fire-stair_collapse').click();
    await phone.getByTestId('inject-stair_collapse').waitFor({ timeout: WAIT });
    await projector.getByTestId('projector-inject').waitFor({ timeout: WAIT });
    await scanAll([
      [phone, 'trainee (inject)'],
      [observer, 'observer (inject)'],
      [projector, 'projector (inject)'],
      [fac, 'facilitator console (inject)'],
    ]);
    await ok(host, { type: 'floor.yield' });
    step('floor, tip, moods and inject read');

    // ── The owners_special vote, open then counted ──
    await ok(host, { type: 'item.goto', itemId: 'vote_apply' });
    await ok(chair, { type: 'vote.open' });
    // Counted before the close: a ballot arriving after it would be refused and leave a toast on the scanned screen.
    await castOnScreen(phone, 'no');
    for (const client of Object.values(others)) await ok(client, { type: 'vote.cast', choice: 'yes' });
    await observer.getByTestId('vote-arithmetic').waitFor({ timeout: WAIT });
    await scanAll([
      [phone, 'trainee ballot (open)'],
      [chairPage, 'chair (vote open)'],
      [observer, 'observer (vote open)'],
      [projector, 'projector (vote open)'],
      [fac, 'facilitator console (vote open)'],
    ]);
    await ok(chair, { type: 'vote.close' });
    await projector.getByTestId('projector-result').waitFor({ timeout: WAIT });
    await scanAll([
      [phone, 'trainee ballot (counted)'],
      [observer, 'observer (vote counted)'],
      [projector, 'projector (vote counted)'],
    ]);

    // ── The secret vote under the scenario's own rule ──
    await ok(host, { type: 'item.next' });
    await ok(chair, { type: 'vote.open' });
    // Counted before the close: a ballot arriving after it would be refused and leave a toast on the scanned screen.
    await castOnScreen(phone, 'yes');
    await ok(others.owner_602 as HeadlessClient, { type: 'vote.cast', choice: 'no' });
    await scanAll([
      [phone, 'trainee ballot (secret)'],
      [observer, 'observer (secret vote)'],
    ]);
    await ok(chair, { type: 'vote.close' });
    await projector.getByTestId('projector-result').waitFor({ timeout: WAIT });
    await scanAll([
      [observer, 'observer (secret vote counted)'],
      [projector, 'projector (secret vote counted)'],
      [phone, 'trainee ballot (secret, counted)'],
    ]);
    step('votes read');

    // ── Decisions and action items, named by card ──
    await ok(host, { type: 'item.next' });
    await ok(chair, { type: 'action.record', kind: 'decision', what: '按方案B申请加装' });
    await ok(chair, {
      type: 'action.record',
      kind: 'action',
      what: '收齐各户签字',
      who: 'building_lead',
      due: '3月29日前',
    });
    await ok(chair, { type: 'action.record', kind: 'action', what: '出具书面采光评估', who: 'contractor' });
    await projector.getByText('收齐各户签字').waitFor({ timeout: WAIT });
    await projector.getByText('出具书面采光评估').waitFor({ timeout: WAIT });
    await scanAll([
      [projector, 'projector (actions)'],
      [fac, 'facilitator console (actions)'],
      [phone, 'trainee (actions)'],
      [chairPage, 'chair (actions)'],
      [observer, 'observer (actions)'],
    ]);

    // ── The end ──
    await ok(host, { type: 'meeting.end' });
    await Promise.all([phaseIs(phone, 'closed'), phaseIs(fac, 'closed')]);
    await scanAll([
      [phone, 'trainee (ended)'],
      [chairPage, 'chair (ended)'],
      [observer, 'observer (ended)'],
      [projector, 'projector (ended)'],
      [fac, 'facilitator console (ended)'],
    ]);
    step('actions and the end read');

    // ── Scores, a shared marker and a plan item; the debrief ──
    for (const [i, c] of scenario.rubric.competencies.entries()) {
      await ok(expert, { type: 'score.set', participantId: me, competency: c.id, score: 2 + (i % 3) });
    }
    await ok(expert, {
      type: 'marker.drop',
      markerId: 'm1',
      participantId: me,
      competency: 'mass_work',
      kind: 'strength',
      note: '先肯定了别人的难处。',
      shared: true,
    });
    await ok(expert, { type: 'plan.add', itemId: 'plan-1', participantId: me, text: '先复述对方的诉求。' });
    await ok(host, { type: 'meeting.open_debrief' });
    // Staged release: the trainee's debrief shows the scores and plan item once released.
    const released = await fetch(`${server.url}/api/sessions/${sessionId}/release`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    expect(released.status).toBe(200);
    await phaseIs(phone, 'debrief');
    await scanPage(phone, 'trainee (debrief phase)');
    await phone.getByTestId('trainee-debrief-link').click();
    await phone.getByTestId('debrief-app').waitFor({ timeout: WAIT });
    await phone.getByTestId('plan-list').getByText('先复述对方的诉求。').waitFor({ timeout: WAIT });
    await observer.getByTestId('observer-debrief-link').click();
    await observer.getByTestId('debrief-app').waitFor({ timeout: WAIT });
    await fac.getByTestId('facilitator-debrief-link').click();
    await fac.getByTestId('debrief-app').waitFor({ timeout: WAIT });
    await Promise.all([
      phone.getByTestId('minutes').waitFor({ timeout: WAIT }),
      observer.getByTestId('minutes').waitFor({ timeout: WAIT }),
      fac.getByTestId('minutes').waitFor({ timeout: WAIT }),
    ]);
    await scanAll([
      [phone, 'trainee debrief'],
      [observer, 'observer debrief'],
      [fac, 'facilitator debrief'],
    ]);
    step('debriefs read');

    // ── The exports: the room's report and one trainee's, in both languages ──
    const exportText = async (token: string, lang: ScanLanguage, participant?: string) => {
      const query = `lang=${lang}${participant ? `&participant=${participant}` : ''}`;
      const res = await fetch(`${server.url}/api/sessions/${sessionId}/export.md?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    for (const lang of ['zh', 'en'] as const) {
      const reports = [
        ['report for the room (instructor)', await exportText(API_TOKEN, lang)],
        ['report for the room (experts)', await exportText(created.observerToken, lang)],
        ['report on one trainee (instructor)', await exportText(API_TOKEN, lang, me)],
        ['trainee’s own report', await exportText(myToken, lang)],
      ] as const;
      for (const [label, text] of reports) {
        expect(text, label).toContain(lang === 'zh' ? '会议纪要' : 'Minutes');
        expect(text, label).toContain('收齐各户签字');
        check(label, lang, text);
      }
    }
    step('exports read');

    // The scan read every screen, in both languages, and found nothing.
    const screensRead = new Set(read.map((r) => r.label));
    console.log(
      `read ${screensRead.size} screens and exports, ${read.reduce((n, r) => n + r.chars, 0)} characters in all`,
    );
    expect(screensRead.size).toBeGreaterThan(45);
    expect(read.filter((r) => r.chars < 100).map((r) => `${r.label} [${r.lang}]`)).toEqual([]);
    expect(findings).toEqual([]);
    expect(screens.pageErrors).toEqual([]);
  });
});
