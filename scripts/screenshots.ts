// npm run screenshots
//
// Builds the client into a temporary folder, starts the real server on a free
// port with its own data folder, drives a short elevator-coordination session
// (the facilitator and one trainee in the browser, the rest headless) and
// writes the README's screenshots to docs/screenshots/, in Chinese:
//   trainee-join · trainee-card · trainee-meeting · trainee-ballot   (phone, 390×844 @2x)
//   observer · facilitator-desk · scenario-preview · console-join-address · facilitator-console  (laptop, 1440×900)
//   projector                                                        (1920×1080)
//   debrief-observer (laptop) · debrief-trainee (phone): after a retake, so
//   the attempts are compared
// Uses Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import type { HeadlessClient } from '../client/headless/client.ts';
import { parseCli } from './cli.ts';
import { exitWhenDone, ok, scenarioCompetencies } from './screenshot-drive.ts';
import {
  ADMIN_PASSWORD,
  API_TOKEN,
  BIG_SCREEN,
  LAPTOP,
  PHONE,
  type ShotServer,
  shoot,
  WAIT,
  withShotServer,
} from './screenshot-kit.ts';

parseCli({
  name: 'screenshots',
  usage: `usage: npm run screenshots

Builds the client, runs a scripted elevator-coordination session on a private
server and writes the README's screenshots to docs/screenshots/ (Chromium at
CHROMIUM_PATH, default /usr/bin/chromium).

  -h, --help   this text`,
  options: {},
});

const SCENARIO = 'elevator-coordination';

/**
 * Two experts score every trainee on every competency, on the 1–5 scale: a
 * spread of middling scores that rise by about a point on the retake, the
 * trainee on the phone most of all, with a note where the experts differ.
 */
async function scoreAll(
  competencies: string[],
  trainees: string[],
  phone: string,
  experts: HeadlessClient[],
  retake: 0 | 1,
): Promise<void> {
  const notes: Record<string, string> = {
    mass_work: '先安抚了情绪，但没有复述对方的诉求。',
    resolution: '提出了书面评估的具体要求。',
  };
  for (const [e, expert] of experts.entries()) {
    for (const [t, participantId] of trainees.entries()) {
      for (const [c, competency] of competencies.entries()) {
        const base = 2 + ((t + c + e) % 3) + retake * (participantId === phone ? 2 : 1);
        const score = Math.max(1, Math.min(5, base - (participantId === phone && retake === 0 ? 1 : 0)));
        const note = participantId === phone && e === 0 ? notes[competency] : undefined;
        await ok(expert, { type: 'score.set', participantId, competency, score, ...(note && { note }) });
      }
    }
  }
}

async function main(): Promise<void> {
  const { HeadlessClient: Headless } = await import('../client/headless/client.ts');
  // The classroom's address as the console would find it on a laptop on the Wi-Fi.
  await withShotServer({}, (server) => shots(server, Headless), ['192.168.1.20']);
}

async function shots({ url, browser }: ShotServer, Headless: typeof HeadlessClient): Promise<void> {
  const headless: HeadlessClient[] = [];
  try {
    // The administrator signs in and opens a session from the library.
    const fac = await (await browser.newContext(LAPTOP)).newPage();
    await fac.goto(`${url}/facilitator`);
    await fac.getByTestId('signin-login').fill('admin');
    await fac.getByTestId('signin-password').fill(ADMIN_PASSWORD);
    await fac.getByTestId('signin-submit').click();
    // The scenario's preview, then a session from it.
    await fac.getByTestId(`preview-open-${SCENARIO}`).click();
    await fac.getByTestId('preview-total').waitFor({ timeout: WAIT });
    await fac.getByTestId(`preview-${SCENARIO}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(fac, 'scenario-preview');
    await fac.getByTestId(`preview-create-session-${SCENARIO}`).click();
    await fac.getByTestId('join-code').waitFor({ timeout: WAIT });
    // The console's join panel: the QR code and the address it encodes.
    await fac.getByTestId('join-address').waitFor({ timeout: WAIT });
    await shoot(fac, 'console-join-address');
    const code = ((await fac.getByTestId('join-code').textContent()) ?? '').trim();
    const sessionId = new URL(fac.url()).pathname.split('/').pop() ?? '';
    const created = await fac.evaluate(
      (id) => JSON.parse(localStorage.getItem(`civic-rehearsal.created.${id}`) ?? 'null'),
      sessionId,
    );
    const host = await Headless.connect(url, { role: 'facilitator', sessionId, apiToken: API_TOKEN });
    const expert = await Headless.connect(url, {
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
    const seat = await phone.evaluate(
      () =>
        JSON.parse(localStorage.getItem('civic-rehearsal.seat') ?? '{}') as {
          participantId: string;
          resumeToken: string;
        },
    );
    const me = seat.participantId;

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
      const { client } = await Headless.join(url, code, name);
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

    // The rest of the vote, the end of the meeting, the experts' scores and plan, then take 2.
    const mine = await Headless.connect(url, { role: 'trainee', resumeToken: seat.resumeToken });
    const second = await Headless.connect(url, {
      role: 'observer',
      sessionId,
      token: created.observerToken,
      name: '张老师（社工站）',
    });
    headless.push(mine, second);
    await ok(class_.owner_602 as HeadlessClient, { type: 'vote.cast', choice: 'yes' });
    await ok(chair, { type: 'vote.close' });
    await ok(host, { type: 'meeting.end' });
    const trainees = (host.live?.participants ?? []).filter((p) => p.roleId).map((p) => p.id);
    await scoreAll(scenarioCompetencies(host), trainees, me, [expert, second], 0);
    await ok(host, { type: 'meeting.open_debrief' });
    const plan: [string, string][] = [
      [me, '先说“我不是反对”，再说具体损失，最后提出书面评估的要求：三步说完。'],
      [me, '带上窗距的照片和测量数据，让数字替你说话。'],
      [chair.live?.me?.participantId ?? '', '每位发言后复述一句对方的诉求，再请下一位。'],
    ];
    for (const [i, [to, text]] of plan.entries()) {
      await ok(expert, { type: 'plan.add', itemId: `plan-shot-${i}`, participantId: to, text });
    }

    await ok(host, { type: 'meeting.retake', cards: 'keep' });
    await ok(host, { type: 'meeting.start' });
    await ok(chair, { type: 'meeting.begin' });
    await ok(chair, { type: 'floor.give' });
    await ok(chair, { type: 'statement.post', text: '上次的问题我们都记下了，这次先请低层住户讲。' });
    await ok(chair, { type: 'floor.yield' });
    await ok(host, { type: 'item.goto', itemId: 'objections' });
    await ok(mine, { type: 'hand.raise' });
    await ok(chair, { type: 'floor.give' });
    await ok(mine, {
      type: 'statement.post',
      text: '我不是反对装电梯。井道离我家厨房窗0.8米，我要三样东西：书面的采光和噪声评估、施工期的补偿、一楼不分摊费用。',
    });
    await new Promise((resolve) => setTimeout(resolve, 4000)); // a turn long enough to show in the figures
    await ok(mine, { type: 'floor.yield' });
    await ok(host, { type: 'item.goto', itemId: 'vote_apply' });
    await ok(chair, { type: 'vote.open' });
    for (const client of [mine, ...others.map(([, c]) => c)])
      await ok(client, { type: 'vote.cast', choice: 'yes' });
    await ok(chair, { type: 'vote.close' });
    await ok(host, { type: 'meeting.end' });
    await scoreAll(scenarioCompetencies(host), trainees, me, [expert, second], 1);
    await ok(host, { type: 'meeting.open_debrief' });
    // Staged release: the trainee's debrief shows the scores once the instructor releases them.
    const released = await fetch(`${url}/api/sessions/${sessionId}/release`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    if (released.status !== 200) throw new Error(`release: ${released.status}`);

    await observer.goto(`${url}/debrief/${sessionId}#observer:${created.observerToken}`);
    await observer.getByTestId('comparison').waitFor({ timeout: WAIT });
    await observer.getByTestId('comparison').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await observer.evaluate(() => window.scrollBy(0, -12));
    await shoot(observer, 'debrief-observer');

    await phone.goto(`${url}/debrief/${sessionId}#trainee`);
    await phone.getByTestId('comparison').waitFor({ timeout: WAIT });
    await phone.getByTestId('scores-table').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await phone.evaluate(() => window.scrollBy(0, -12));
    await shoot(phone, 'debrief-trainee');
  } finally {
    for (const client of headless) client.close();
  }
}

exitWhenDone(main());
