// The debrief and the retake end to end in real headless Chromium. A short
// round table cut from the shipped micro-renewal scenario (the balanced open
// floor and the consensus vote) runs on its own server; a headless trainee
// holds the chair's card.
// The facilitator's procedure goes through a headless client for speed; its
// console is in the browser for the debrief and the retake. One expert in the
// browser whispers a tip to one trainee, scores both trainees from the
// observer screen and writes notes; two trainees on phones speak and vote.
// Then: the facilitator opens the debrief; trainee A's debrief shows A's own
// score means and nothing of B's (no means, note or tip); the expert's
// debrief shows both, adds a "next time" item for A and exports the Markdown
// report (scores, plan and minutes in the download). The facilitator starts
// take 2 with the same cards; A reads the item in the lobby (B sees none);
// attempt 2 runs quickly, the expert scores again, and the debrief compares
// the two attempts. axe-core runs on every debrief screen.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { HeadlessClient } from '../../client/headless/client.ts';
import { loadScenarioFile } from '../../server/scenarios/library.ts';
import type { AnyCommand } from '../../shared/protocol/messages.ts';
import { launchBrowser } from '../support/browser.ts';
import { Axe, castOnScreen, LAPTOP, PHONE, phaseIs, Screens, seatOf, stepper, WAIT } from '../support/e2e.ts';
import { signInAt } from '../support/e2e-accounts.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  ADMIN_PASSWORD,
  AUTH_ENV,
  type CreatedSession,
  connectFacilitator,
  createSession,
} from '../support/session-api.ts';

const SOURCE = resolve(import.meta.dirname, '../../scenarios/micro-renewal-round-table.yaml');
const SCENARIO = 'garden-debrief-drill';
const KEEP_ITEMS = ['floor', 'consensus_vote'];

/** The two trainees on phones; their cards are the fixture's only required ones. */
const A = { name: '孟婷', card: 'young_mother' };
const B = { name: '柯伟', card: 'ground_floor' };

const TIP_B = '先把夜间噪音的诉求说具体：几点到几点、什么声音。';
const NOTE_A = '把立场说成了利益，很好。';
const NOTE_B = '只讲立场，没有回应别人的方案。';
const PLAN_A = '下次先复述对方的诉求，再提自己的方案。';
const SAY_1 = '幼儿角可以放在8号楼北端，加围栏，离底层窗户远一点。';
const SAY_2 = '我同意音乐在20:30前结束，换幼儿角的围栏。';

/** Attempt 1 and attempt 2 scores, by trainee and competency. */
const SCORES_1 = {
  A: { mass_work: '4', co_design: '3' },
  B: { mass_work: '2', co_design: '5' },
} as const;
const SCORES_2 = { A: { mass_work: '5', co_design: '4' } } as const;

interface Item {
  id: string;
  [key: string]: unknown;
}
interface Role {
  id: string;
  required?: boolean;
  [key: string]: unknown;
}
interface Inject {
  at?: { item: string };
  [key: string]: unknown;
}

/**
 * The shipped micro-renewal round table cut to two items: the balanced open
 * floor and the consensus vote. Only A's and B's cards stay required, and the
 * inject timed on a dropped item goes with it.
 */
function writeFixture(): string {
  const doc = parse(readFileSync(SOURCE, 'utf8')) as {
    id: string;
    duration: string;
    title: { zh: string; en: string };
    agenda: Item[];
    roles: Role[];
    injects: Inject[];
  };
  doc.id = SCENARIO;
  doc.duration = '25m';
  doc.agenda = doc.agenda.filter((item) => KEEP_ITEMS.includes(item.id));
  doc.roles = doc.roles.map(({ required: _required, ...role }) =>
    role.id === A.card || role.id === B.card ? { ...role, required: true } : role,
  );
  doc.injects = doc.injects.filter((inject) => !inject.at || KEEP_ITEMS.includes(inject.at.item));
  const dir = mkdtempSync(join(tmpdir(), 'civic-debrief-'));
  const file = join(dir, `${SCENARIO}.yaml`);
  writeFileSync(file, stringify(doc, { lineWidth: 0 }));
  return dir;
}

let scenariosDir: string;
let server: ServerProcess;
let browser: Browser;
let screens: Screens;
const headless: HeadlessClient[] = [];
const axe = new Axe();

beforeAll(async () => {
  scenariosDir = writeFixture();
  [server, browser] = await Promise.all([
    startServerProcess({ scenariosDir, env: AUTH_ENV }),
    launchBrowser(),
  ]);
  screens = new Screens(browser);
});
afterAll(async () => {
  for (const client of headless) client.close();
  await browser?.close();
  await server?.stop();
  if (scenariosDir) rmSync(scenariosDir, { recursive: true, force: true });
});

interface Trainee {
  name: string;
  card: string;
  page: Page;
  id: string;
}

async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
}

/** Waits for what a fix shows, as a soft check: the test carries on and reports every one that fails. */
async function shows(what: string, wait: Promise<unknown>): Promise<boolean> {
  const seen = await wait.then(
    () => true,
    () => false,
  );
  expect.soft(seen, what).toBe(true);
  return seen;
}

/** The mean a debrief page shows for one trainee and competency ("4", "3.5"), or null when there is none. */
async function meanOn(page: Page, participantId: string, competency: string): Promise<string | null> {
  const label = page.getByTestId(`score-mean-${participantId}-${competency}`).locator('.db-bar-label');
  return (await label.count()) === 0 ? null : label.textContent();
}

describe('the debrief and the retake in real browsers', () => {
  it('scores, debriefs, exports, retakes and compares two attempts', { timeout: 240_000 }, async () => {
    const step = stepper();

    // ── The fixture loads as the library would load it ──
    const entry = loadScenarioFile(join(scenariosDir, `${SCENARIO}.yaml`));
    expect(entry.status === 'invalid' ? entry.issues : []).toEqual([]);
    if (entry.status !== 'valid') throw new Error('fixture scenario is invalid');
    expect(entry.scenario.agenda.map((i) => i.id)).toEqual(KEEP_ITEMS);

    // ── Session, the facilitator (headless for the procedure, a browser console for the debrief) ──
    const session: CreatedSession = await createSession(server.url, SCENARIO);
    const host = await connectFacilitator(server.url, session);
    headless.push(host);
    const fac = await screens.open(LAPTOP, 'facilitator');
    const observer = await screens.open(LAPTOP, 'observer');
    await Promise.all([
      (async () => {
        // The script's API token made the session: it is the administrator's, who opens its console.
        await signInAt(fac, server.url, 'admin', ADMIN_PASSWORD, session.links.facilitator);
        await phaseIs(fac, 'lobby');
      })(),
      (async () => {
        await observer.goto(server.url + session.links.observer);
        await observer.getByTestId('observer-name-input').fill('李老师');
        await observer.getByTestId('observer-name-submit').click();
        await observer.getByTestId('composer-text').waitFor({ timeout: WAIT });
      })(),
    ]);

    // ── Two trainees on phones join with the code and take their cards, one after the other ──
    const trainees: Trainee[] = [];
    for (const [i, p] of [A, B].entries()) {
      const page = await screens.open(PHONE, `trainee ${p.name}`);
      await page.goto(`${server.url}/join?code=${session.joinCode}`);
      await page.getByTestId('join-name-input').fill(p.name);
      await page.getByTestId('join-submit').click();
      const option = page.getByTestId(`card-option-${p.card}`);
      await option.waitFor({ timeout: WAIT });
      for (const before of trainees) {
        await page
          .getByTestId(`card-option-${before.card}`)
          .getByText(before.name)
          .waitFor({ timeout: WAIT });
      }
      await option.getByTestId('take-card').click();
      await page.locator(`[data-testid="card-option-${p.card}"].mine`).waitFor({ timeout: WAIT });
      const seat = await seatOf(page);
      expect(seat?.participantId, `seat of trainee ${i + 1}`).toBeTruthy();
      trainees.push({ ...p, page, id: seat?.participantId as string });
    }
    const [ta, tb] = trainees as [Trainee, Trainee];
    // The chair's card is required too: a headless trainee holds it.
    const { client: chair } = await HeadlessClient.join(server.url, session.joinCode, '陈主任');
    headless.push(chair);
    await ok(chair, { type: 'card.take', roleId: 'chair' });
    await ta.page.getByTestId('card-option-chair').getByText('陈主任').waitFor({ timeout: WAIT });
    step(`session ${session.joinCode}: ${ta.name} holds ${A.card}, ${tb.name} ${B.card}, a headless chair`);

    /** Start, begin, A speaks on the open floor, everyone votes yes, the last item ends the meeting. */
    const runAttempt = async (say: string, whisper?: () => Promise<void>) => {
      await ok(host, { type: 'meeting.start' });
      await ok(host, { type: 'meeting.begin' });
      await Promise.all(trainees.map((t) => phaseIs(t.page, 'running')));
      await ta.page.getByTestId('raise-hand').click();
      await ta.page.getByTestId('my-queue-position').waitFor({ timeout: WAIT });
      await ok(host, { type: 'floor.give' });
      await ta.page.locator('[data-testid="floor-holder"].mine').waitFor({ timeout: WAIT });
      await ta.page.getByTestId('statement-input').fill(say);
      await ta.page.getByTestId('statement-submit').click();
      await tb.page.getByText(say).first().waitFor({ timeout: WAIT });
      await ta.page.getByTestId('yield-floor').click();
      await ta.page.getByTestId('yield-floor').waitFor({ state: 'detached', timeout: WAIT });
      await whisper?.();
      await ok(host, { type: 'item.next' });
      await ok(host, { type: 'vote.open' });
      for (const t of trainees) {
        await castOnScreen(t.page, 'yes');
      }
      // The residents' view is the residents' to give: the chair (the residents' committee secretary) has no vote.
      expect(await chair.send({ type: 'vote.cast', choice: 'yes' })).toMatchObject({
        ok: false,
        error: { code: 'vote/not_eligible' },
      });
      await ok(host, { type: 'vote.close' });
      await ok(host, { type: 'item.next' });
      await Promise.all([fac, ...trainees.map((t) => t.page)].map((p) => phaseIs(p, 'closed')));
    };

    /** Scores from the observer screen's rubric: pick the value, wait for the server to hold it. */
    const score = async (t: Trainee, competency: string, value: string, note?: string) => {
      const select = observer.getByTestId(`score-${t.id}-${competency}`);
      await select.selectOption(value);
      await expect.poll(() => select.inputValue(), { timeout: WAIT }).toBe(value);
      if (note) {
        const input = observer.getByTestId(`score-note-${t.id}-${competency}`);
        await input.fill(note);
        await input.press('Enter');
      }
    };
    /** Waits until the server holds `count` scores for the attempt (notes included). */
    const scored = (attempt: number, count: number, note?: string) =>
      host.until(
        (live) =>
          (live.coaching?.scores ?? []).filter((s) => s.attempt === attempt).length === count &&
          (!note || (live.coaching?.scores ?? []).some((s) => s.note === note)),
        WAIT,
      );

    // ── Attempt 1: A speaks, the expert whispers to B, both vote ──
    await runAttempt(SAY_1, async () => {
      await observer.getByTestId('composer-mode-whisper').click();
      await observer.getByTestId('composer-target').selectOption(tb.id);
      await observer.getByTestId('composer-text').fill(TIP_B);
      await observer.getByTestId('composer-send').click();
      await tb.page
        .locator('[data-testid^="tip-"]:not([data-testid^="tip-ack-"])')
        .filter({ hasText: TIP_B })
        .first()
        .waitFor({ timeout: WAIT });
    });
    step('attempt 1 run: a statement, a tip to B, the vote, closed');

    // ── The expert scores both trainees on two competencies, with notes ──
    await score(ta, 'mass_work', SCORES_1.A.mass_work, NOTE_A);
    await score(ta, 'co_design', SCORES_1.A.co_design);
    await score(tb, 'mass_work', SCORES_1.B.mass_work, NOTE_B);
    await score(tb, 'co_design', SCORES_1.B.co_design);
    // A competency scored in attempt 1 only: its one dot in the comparison is not the latest attempt's.
    await score(ta, 'emergency', '3');
    await scored(1, 5);
    await host.until((live) =>
      [NOTE_A, NOTE_B].every((n) => (live.coaching?.scores ?? []).some((s) => s.note === n)),
    );
    step('attempt 1 scored from the observer screen');

    // ── The facilitator opens the debrief from the console ──
    await fac.getByTestId('open-debrief').click();
    await Promise.all([fac, ...trainees.map((t) => t.page)].map((p) => phaseIs(p, 'debrief')));

    // ── Trainee A's debrief: A's own scores, nothing of B's ──
    // The debrief_changed notices A's debrief page hears on its socket, from the moment it opens.
    let notices = 0;
    const noticed: (() => void)[] = [];
    const nextNotice = () => new Promise<void>((resolve) => noticed.push(resolve));
    ta.page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        if (!String(payload).includes('"debrief_changed"')) return;
        notices++;
        for (const resolve of noticed.splice(0)) resolve();
      }),
    );
    await ta.page.getByTestId('trainee-debrief-link').click();
    await ta.page.getByTestId('debrief-app').waitFor({ timeout: WAIT });
    for (const section of ['timeline', 'scores-table', 'participation', 'secrets', 'minutes']) {
      await ta.page.getByTestId(section).waitFor({ timeout: WAIT });
    }
    // Staged release: scored, but not released: A's debrief says so and shows no score.
    await ta.page.getByTestId('scores-held').waitFor({ timeout: WAIT });
    expect(await ta.page.locator('[data-testid^="score-mean-"]').count()).toBe(0);
    expect(await ta.page.content()).not.toContain(NOTE_A);
    expect(notices).toBe(0);
    await fac.getByTestId('release-scores').click();
    await fac.getByTestId('scores-released').waitFor({ timeout: WAIT });
    await ta.page.getByTestId('scores-table').getByText(NOTE_A).waitFor({ timeout: WAIT });
    expect(await ta.page.getByTestId('scores-held').count()).toBe(0);
    step("before the release A's debrief shows no score; the console releases them and A's page shows them");
    const debriefChanged = nextNotice();
    expect(await ta.page.getByTestId('minutes').textContent()).toContain(SAY_1);
    expect(await meanOn(ta.page, ta.id, 'mass_work')).toBe(SCORES_1.A.mass_work);
    expect(await meanOn(ta.page, ta.id, 'co_design')).toBe(SCORES_1.A.co_design);
    await ta.page.getByTestId('scores-table').getByText(NOTE_A).waitFor({ timeout: WAIT });
    expect(await ta.page.locator(`[data-testid^="score-mean-${tb.id}-"]`).count()).toBe(0);
    expect(await ta.page.locator('[data-testid^="score-mean-"]').count()).toBe(
      entry.scenario.rubric.competencies.length,
    );
    const aText = (await ta.page.locator('body').textContent()) ?? '';
    for (const secret of [NOTE_B, TIP_B]) expect(aText).not.toContain(secret);
    expect(await ta.page.content()).not.toContain(NOTE_B);
    expect(await ta.page.getByTestId('export-trainee-select').count()).toBe(0);
    expect(await ta.page.getByTestId('export-json').count()).toBe(0);
    await axe.check(ta.page, 'trainee debrief (attempt 1)');
    step("trainee A's debrief: own means, own note, nothing of B's");

    // ── The expert's debrief: both trainees' scores, a plan item for A, the Markdown export ──
    await observer.getByTestId('observer-debrief-link').click();
    await observer.getByTestId('debrief-app').waitFor({ timeout: WAIT });
    await observer.getByTestId('scores-table').waitFor({ timeout: WAIT });
    for (const [t, scores] of [
      [ta, SCORES_1.A],
      [tb, SCORES_1.B],
    ] as const) {
      for (const [competency, value] of Object.entries(scores)) {
        expect(await meanOn(observer, t.id, competency), `${t.name} ${competency}`).toBe(value);
      }
    }
    const table = observer.getByTestId('scores-table');
    await table.getByText(NOTE_A).waitFor({ timeout: WAIT });
    await table.getByText(NOTE_B).waitFor({ timeout: WAIT });
    expect(await observer.getByTestId('minutes').textContent()).toContain(SAY_1);
    await axe.check(observer, 'observer debrief (attempt 1)');

    await observer.getByTestId(`plan-input-${ta.id}`).fill(PLAN_A);
    await observer.getByTestId(`plan-add-${ta.id}`).click();
    await observer.getByTestId('plan-list').getByText(PLAN_A).waitFor({ timeout: WAIT });
    await expect.poll(() => observer.getByTestId(`plan-input-${ta.id}`).inputValue()).toBe('');
    // A's open debrief shows it without a reload: the server tells A's socket (with no content) that
    // A's debrief changed, and the page asks for it again (before, it only asked every 15 s).
    await shows(
      "the server tells A's debrief page that A's debrief changed",
      Promise.race([debriefChanged, new Promise((_, timedOut) => setTimeout(timedOut, WAIT))]),
    );
    await shows(
      "the plan item reaches A's open debrief",
      ta.page.getByTestId('plan-list').getByText(PLAN_A).waitFor({ timeout: WAIT }),
    );
    step('plan item added for A, shown on both debriefs');

    const [download] = await Promise.all([
      observer.waitForEvent('download', { timeout: WAIT }),
      observer.getByTestId('export-md-zh').click(),
    ]);
    // Named in words by the server (the report, the meeting's title, the day): no ids on the reader's disk.
    expect(download.suggestedFilename()).toMatch(
      /^复盘报告 - 春晖新村7号楼与8号楼之间口袋花园微更新圆桌会 - \d{4}-\d{2}-\d{2}\.md$/,
    );
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toMatch(/^# .*复盘报告/);
    expect(markdown).toContain('## 第 1 次演练');
    expect(markdown).toContain('### 评分');
    expect(markdown).toContain(`| ${ta.name} | 群众工作能力 | ${SCORES_1.A.mass_work} |`);
    expect(markdown).toContain(`| ${ta.name} | 参与式设计与共识 | ${SCORES_1.A.co_design} |`);
    expect(markdown).toContain(`| ${tb.name} | 群众工作能力 | ${SCORES_1.B.mass_work} |`);
    expect(markdown).toContain(`| ${tb.name} | 参与式设计与共识 | ${SCORES_1.B.co_design} |`);
    expect(markdown).toContain('### 下次改进');
    expect(markdown).toContain(`- ${ta.name}: ${PLAN_A}`);
    expect(markdown).toContain('### 会议纪要');
    const minutes = markdown.slice(markdown.indexOf('### 会议纪要'));
    expect(minutes).toContain(SAY_1);
    expect(minutes).toContain('合并方案共识表决');
    step(`Markdown export downloaded (${markdown.length} characters): scores, plan, minutes`);

    // ── The facilitator's own debrief link, then take 2 with the same cards ──
    await fac.getByTestId('facilitator-debrief-link').click();
    await fac.getByTestId('debrief-app').waitFor({ timeout: WAIT });
    await fac.getByTestId('export-json').waitFor({ timeout: WAIT });
    expect(await meanOn(fac, tb.id, 'co_design')).toBe(SCORES_1.B.co_design);
    await axe.check(fac, 'facilitator debrief');
    await fac.goto(server.url + session.links.facilitator);
    await fac.getByTestId('retake-keep').click();
    await phaseIs(fac, 'lobby');
    // A is still on the debrief page: it says take 2 has begun and leads back to the meeting.
    const back = ta.page.getByTestId('back-to-meeting');
    if (
      await shows(
        'the debrief says take 2 has begun',
        back.getByText('第2次演练已开始').waitFor({ timeout: WAIT }),
      )
    ) {
      await back.getByTestId('back-to-meeting-link').click();
      await ta.page.waitForURL(`${server.url}/session`, { timeout: WAIT });
    } else await ta.page.goto(`${server.url}/session`);
    await Promise.all(trainees.map((t) => phaseIs(t.page, 'lobby')));
    const nextTime = ta.page.getByTestId('next-time');
    await nextTime.getByText(PLAN_A).waitFor({ timeout: WAIT });
    await ta.page.locator(`[data-testid="card-option-${A.card}"].mine`).waitFor({ timeout: WAIT });
    expect(await tb.page.getByTestId('next-time').count()).toBe(0);
    expect(await tb.page.locator('body').textContent()).not.toContain(PLAN_A);
    await axe.check(ta.page, 'trainee lobby (attempt 2, next time)');
    step('retake: A reads the next-time item in the lobby of attempt 2');

    // ── Attempt 2, quickly; the expert scores A again, higher ──
    await runAttempt(SAY_2);
    await observer.goto(server.url + session.links.observer);
    await observer.getByTestId(`score-${ta.id}-mass_work`).waitFor({ timeout: WAIT });
    expect(await observer.getByTestId(`score-${ta.id}-mass_work`).inputValue()).toBe('');
    await score(ta, 'mass_work', SCORES_2.A.mass_work);
    await score(ta, 'co_design', SCORES_2.A.co_design);
    await scored(2, 2);
    await fac.getByTestId('open-debrief').click();
    await phaseIs(fac, 'debrief');
    // The first release covered attempt 1: attempt 2's scores are released now.
    await fac.getByTestId('release-scores').click();
    await fac.getByTestId('scores-released').waitFor({ timeout: WAIT });
    step('attempt 2 run, scored, in debrief and released');

    // ── The comparison, on the expert's debrief ──
    await observer.getByTestId('observer-debrief-link').click();
    await observer.getByTestId('comparison').waitFor({ timeout: WAIT });
    const select = observer.getByTestId('attempt-select');
    expect(await select.locator('option').count()).toBe(2);
    expect(await select.inputValue()).toBe('2');
    expect(await meanOn(observer, ta.id, 'mass_work')).toBe(SCORES_2.A.mass_work);
    const cardA = observer.getByTestId('comparison').locator('article').filter({ hasText: ta.name });
    const cardText = (await cardA.textContent()) ?? '';
    expect(cardText).toContain(`${SCORES_1.A.mass_work} → ${SCORES_2.A.mass_work}`);
    expect(cardText).toContain(`${SCORES_1.A.co_design} → ${SCORES_2.A.co_design}`);
    expect(cardText).toContain('第1次');
    expect(cardText).toContain('第2次');
    // The legend's filled dot is the latest attempt, and so is every filled dot in the chart:
    // A's "emergency" was scored in attempt 1 only, and its one dot stays an earlier attempt's.
    const legendLatest = observer.getByTestId('comparison').locator('.db-legend-list .db-db-dot.last');
    expect.soft(await legendLatest.textContent()).toBe('2');
    const dots = await cardA
      .locator('.db-dumbbell .db-db-dot')
      .evaluateAll((els) => els.map((el) => ({ n: el.textContent, last: el.classList.contains('last') })));
    expect.soft(dots.filter((d) => d.last).map((d) => d.n)).toEqual(['2', '2']);
    expect.soft(dots.filter((d) => !d.last).map((d) => d.n)).toEqual(['1', '1', '1']);
    await axe.check(observer, 'observer debrief (comparison)');
    await select.selectOption('1');
    await expect.poll(() => meanOn(observer, ta.id, 'mass_work')).toBe(SCORES_1.A.mass_work);
    expect(await meanOn(observer, tb.id, 'mass_work')).toBe(SCORES_1.B.mass_work);
    await observer.getByTestId('plan-list').getByText(PLAN_A).waitFor({ timeout: WAIT });

    // ── And on trainee A's: two attempts, A's own rows only ──
    await ta.page.getByTestId('trainee-debrief-link').click();
    await ta.page.getByTestId('comparison').waitFor({ timeout: WAIT });
    const mine = ta.page.getByTestId('attempt-select');
    expect(await mine.locator('option').count()).toBe(2);
    expect(await meanOn(ta.page, ta.id, 'co_design')).toBe(SCORES_2.A.co_design);
    const comparison = (await ta.page.getByTestId('comparison').textContent()) ?? '';
    expect(comparison).toContain(`${SCORES_1.A.mass_work} → ${SCORES_2.A.mass_work}`);
    expect(comparison).not.toContain(tb.name);
    expect(await ta.page.getByTestId('comparison').locator('article').count()).toBe(1);
    const aText2 = (await ta.page.locator('body').textContent()) ?? '';
    for (const secret of [NOTE_B, TIP_B]) expect(aText2).not.toContain(secret);
    await axe.check(ta.page, 'trainee debrief (comparison)');
    step('comparison: two attempts, both means, on the expert and trainee debriefs');

    axe.report();
    expect(screens.pageErrors).toEqual([]);
  });
});
