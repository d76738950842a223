// npm run screenshots
//
// Builds the client into a temporary folder, starts the real server on a free
// port with its own data folder, drives a short elevator-coordination session
// (the facilitator and one trainee in the browser, the rest headless) and
// writes the README's screenshots to docs/screenshots/, in Chinese:
//   trainee-join · trainee-card · trainee-meeting · trainee-ballot   (phone, 390×844 @2x)
//   observer · facilitator-desk · facilitator-console                (laptop, 1440×900)
//   projector                                                        (1920×1080)
// Uses Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { HeadlessClient } from '../client/headless/client.ts';
import { startServer } from '../server/main.ts';
import type { AnyCommand } from '../shared/protocol/messages.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');
const SCENARIO = 'elevator-coordination';
const PASSWORD = 'screenshots-password';
const WAIT = 15_000;
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};
const LAPTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const BIG_SCREEN = { viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

function checkFonts(): void {
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', { encoding: 'utf8' });
  } catch {
    // No fontconfig: say so below.
  }
  if (!/wqy|noto.*cjk/i.test(fonts)) {
    console.warn(
      'Chinese fonts are missing: the screenshots will show boxes instead of characters.\n' +
        '  Install them with: apt-get install -y fonts-wqy-microhei',
    );
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  console.log(`  ${name}.png  ${Math.round(statSync(path).size / 1024)} KB`);
}

async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type}: ${ack.error.code} ${ack.error.message}`);
}

async function main(): Promise<void> {
  checkFonts();
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'civic-screenshots-'));
  const clientDir = join(work, 'client');
  console.log('building the client…');
  await build({ logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true, sourcemap: false } });

  const server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: join(work, 'data'),
      scenariosDir: join(ROOT, 'scenarios'),
      clientDir,
      logLevel: 'warn',
    },
    { ...process.env, FACILITATOR_PASSWORD: PASSWORD },
  );
  const url = `http://127.0.0.1:${server.port}`;
  const headless: HeadlessClient[] = [];
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none',
      ],
    });
    console.log(`writing ${OUT}`);

    // The facilitator signs in and opens a session from the library.
    const fac = await (await browser.newContext(LAPTOP)).newPage();
    await fac.goto(`${url}/facilitator`);
    await fac.getByTestId('facilitator-password').fill(PASSWORD);
    await fac.getByTestId('facilitator-login').click();
    await fac.getByTestId(`create-session-${SCENARIO}`).click();
    await fac.getByTestId('join-code').waitFor({ timeout: WAIT });
    const code = ((await fac.getByTestId('join-code').textContent()) ?? '').trim();
    const sessionId = new URL(fac.url()).pathname.split('/').pop() ?? '';
    const created = await fac.evaluate(
      (id) => JSON.parse(localStorage.getItem(`civic-rehearsal.created.${id}`) ?? 'null'),
      sessionId,
    );
    const host = await HeadlessClient.connect(url, {
      role: 'facilitator',
      sessionId,
      token: created.facilitatorToken,
    });
    const expert = await HeadlessClient.connect(url, {
      role: 'observer',
      sessionId,
      token: created.observerToken,
      name: '李老师（区房管局）',
    });
    headless.push(host, expert);

    // One trainee on a phone joins with the code and takes the 101 card.
    const phone = await (await browser.newContext(PHONE)).newPage();
    await phone.goto(`${url}/join?code=${code}`);
    await phone.getByTestId('join-name-input').fill('陈晓东');
    await shoot(phone, 'trainee-join');
    await phone.getByTestId('join-submit').click();
    await phone.getByTestId('card-option-owner_101').getByTestId('take-card').click();
    await phone.locator('[data-testid="card-option-owner_101"].mine').waitFor({ timeout: WAIT });
    const me = await phone.evaluate(
      () =>
        (JSON.parse(localStorage.getItem('civic-rehearsal.seat') ?? '{}') as { participantId: string })
          .participantId,
    );

    // The rest of the class, headless, on the other cards.
    const seats: [string, string][] = [
      ['张丽', 'secretary'],
      ['刘建国', 'owner_202'],
      ['黄伟', 'building_lead'],
      ['周敏', 'owner_602'],
      ['吴芳', 'owners_3_5'],
      ['徐静', 'owners_3_5'],
    ];
    const class_: Record<string, HeadlessClient> = {};
    for (const [name, card] of seats) {
      const { client } = await HeadlessClient.join(url, code, name);
      await ok(client, { type: 'card.take', roleId: card });
      headless.push(client);
      class_[card === 'owners_3_5' ? `${card}:${name}` : card] = client;
    }
    const chair = class_.secretary as HeadlessClient;
    const others = Object.entries(class_).filter(([card]) => card !== 'secretary');

    await phone.getByTestId('my-card-tab').click();
    await phone.getByTestId('my-card').waitFor({ timeout: WAIT });
    await shoot(phone, 'trainee-card');

    // The meeting: start, begin, straight to the ground floor's objections.
    await ok(host, { type: 'meeting.start' });
    await ok(chair, { type: 'meeting.begin' });
    await ok(chair, { type: 'floor.give' });
    await ok(chair, {
      type: 'statement.post',
      text: '各位邻居早上好，今天按801号文的程序来，先核对到会情况。',
    });
    await ok(chair, { type: 'floor.yield' });
    await ok(host, { type: 'item.goto', itemId: 'objections' });
    await phone.getByTestId('meeting-tab').click();
    await phone.getByTestId('raise-hand').click();
    await chair.until((live) => live.item?.queue.length === 1);
    await ok(class_.owner_202 as HeadlessClient, { type: 'hand.raise' });
    await ok(class_.owner_602 as HeadlessClient, { type: 'hand.raise' });
    await ok(chair, { type: 'floor.give' });
    await phone.locator('[data-testid="floor-holder"].mine').waitFor({ timeout: WAIT });
    await phone
      .getByTestId('statement-input')
      .fill(
        '井道离我家厨房窗只有0.8米，施工要挖我窗下的地。我不是反对楼上装电梯，我要的是书面的采光和噪声评估。',
      );
    await phone.getByTestId('statement-submit').click();
    await phone.getByText('井道离我家厨房窗只有0.8米').first().waitFor({ timeout: WAIT });
    await ok(expert, {
      type: 'tip.whisper',
      tipId: 'tip-shot-1',
      to: me,
      text: '把具体损失说清楚：窗距、噪声、房价，各举一个数字。',
    });
    await phone.getByTestId('tip-tip-shot-1').waitFor({ timeout: WAIT });
    await phone.evaluate(() => window.scrollTo(0, 0));
    await shoot(phone, 'trainee-meeting');

    const projector = await (await browser.newContext(BIG_SCREEN)).newPage();
    await projector.goto(`${url}/projector?code=${code}`);
    await projector.getByTestId('projector-floor').getByText('陈晓东').waitFor({ timeout: WAIT });
    await shoot(projector, 'projector');

    await fac.locator('[data-testid="current-item"][data-item="objections"]').waitFor({ timeout: WAIT });
    await shoot(fac, 'facilitator-console');

    // The vote under notice 801: half the owners have voted when the screens are taken.
    await ok(host, { type: 'item.goto', itemId: 'vote_apply' });
    await ok(chair, { type: 'vote.open' });
    for (const [card, client] of others) {
      if (card !== 'owner_602') await ok(client, { type: 'vote.cast', choice: 'yes' });
    }
    const observer = await (await browser.newContext(LAPTOP)).newPage();
    await observer.goto(url + created.links.observer);
    await observer.getByTestId('observer-name-input').fill('王老师（街道）');
    await observer.getByTestId('observer-name-submit').click();
    await observer.getByTestId('vote-arithmetic').waitFor({ timeout: WAIT });
    await shoot(observer, 'observer');

    await phone.getByTestId('tip-ack-tip-shot-1').click();
    await phone.getByTestId('tip-ack-tip-shot-1').waitFor({ state: 'detached', timeout: WAIT });
    await phone.getByTestId('ballot-option-no').click();
    await phone.locator('[data-testid="ballot-option-no"][aria-pressed="true"]').waitFor({ timeout: WAIT });
    await phone.getByTestId('ballot').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await phone.evaluate(() => window.scrollBy(0, -12));
    await shoot(phone, 'trainee-ballot');

    await fac.goto(`${url}/facilitator`);
    await fac.getByTestId(`session-${sessionId}`).waitFor({ timeout: WAIT });
    await shoot(fac, 'facilitator-desk');
  } finally {
    for (const client of headless) client.close();
    await browser?.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
