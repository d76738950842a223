// npm run screenshots:portfolio
//
// The roster and portfolio pictures for docs/roster.md and the README, in
// Chinese: a cohort of six on the roster; two sessions of two shipped
// scenarios (the elevator coordination meeting with a retake, then the
// parking mobilisation), scored by two experts and released; then
//   trainee-join-roster · trainee-next-time · portfolio-trainee   (phone, 390×844 @2x)
//   roster · portfolio-instructor · portfolio-instructor-attempts (laptop, 1440×900)
// The meetings run headless (a script's API token, the trainees' seats by
// personal code); what is photographed is in the browser. A private server
// and a fresh build, as scripts/screenshots.ts (Chromium at CHROMIUM_PATH,
// default /usr/bin/chromium).
import type { Page } from 'playwright-core';
import type { HeadlessClient } from '../client/headless/client.ts';
import type { AnyCommand } from '../shared/protocol/messages.ts';
import { parseCli } from './cli.ts';
import { LAPTOP, PHONE, type ShotServer, shoot, WAIT, withShotServer } from './screenshot-kit.ts';

parseCli({
  name: 'screenshots:portfolio',
  usage: `usage: npm run screenshots:portfolio

Builds the client, runs two scripted sessions for a cohort on a private
server and writes the roster and portfolio screenshots to docs/screenshots/
(trainee-join-roster, trainee-next-time, portfolio-trainee, roster,
portfolio-instructor, portfolio-instructor-attempts).

  -h, --help   this text`,
  options: {},
});

const ADMIN_PASSWORD = 'screenshots-administrator-password';
const API_TOKEN = 'crt_screenshots-api-token-0000000000000';
const COURSE = '提升社区带头人组织动员能力';
const COHORT = '江川路街道2026春季班';

/** The cohort; 王小华 is the one photographed, the chair in both sessions. */
const PEOPLE = [
  { name: '王小华', community: '光明居民区', town: '江川路街道', position: '书记' },
  { name: '李明', community: '光明居民区', town: '江川路街道', position: '楼组长' },
  { name: '欧阳文清', community: '红旗村', town: '马桥镇', position: '两委委员' },
  { name: '张丽', community: '东风居民区', town: '江川路街道', position: '居委会主任' },
  { name: '刘建国', community: '红旗村', town: '马桥镇', position: '团购团长' },
  { name: '周敏', community: '幸福村', town: '马桥镇', position: '志愿者' },
] as const;
type Name = (typeof PEOPLE)[number]['name'];

/** Who holds which card in each scenario. */
const ELEVATOR_CARDS: Record<Name, string> = {
  王小华: 'secretary',
  李明: 'owner_101',
  欧阳文清: 'owner_202',
  张丽: 'building_lead',
  刘建国: 'owner_602',
  周敏: 'owners_3_5',
};
const PARKING_CARDS: Record<Name, string> = {
  王小华: 'secretary',
  李明: 'committee_director',
  欧阳文清: 'parking_manager',
  张丽: 'retiree',
  刘建国: 'residents',
  周敏: 'residents',
};

/**
 * 王小华's scores per attempt, by the two experts, on 1–5: rising over the
 * three attempts, resolving problems last. The others get a middling spread.
 */
const WANG_SCORES: Record<string, [number, number]>[] = [
  { mass_work: [2, 3], emergency: [2, 2], coordination: [3, 3], resolution: [2, 1] },
  { mass_work: [3, 4], emergency: [3, 2], coordination: [3, 4], resolution: [2, 2] },
  { mass_work: [4, 5], emergency: [4, 3], coordination: [4, 4], resolution: [3, 3] },
];
const WANG_NOTES = [
  '开场直接讲方案，低层住户的情绪没有先接住。',
  '先复述了101室的诉求，再请施工方回应，节奏好多了。',
  '把停车位分配规则写上了大屏，居民的质疑少了一半。',
];
const WANG_PLANS = [
  '开场先请每位业主说一句最担心的事，再讲方案。',
  '表决前把费用分摊表再念一遍，确认每户都听清楚了。',
  '会后三天内把承诺的事项张贴到楼道公告栏。',
];

/** Sends a command, waiting out the socket's rate limit, and fails if refused. */
async function ok(client: HeadlessClient, command: AnyCommand): Promise<void> {
  for (;;) {
    const ack = await client.send(command);
    if (ack.ok) return;
    if (ack.error.code !== 'protocol/rate_limited')
      throw new Error(`${command.type}: ${ack.error.code} ${ack.error.message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** JSON over HTTP from the script (the API token, or none). */
async function call<T>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  bearer?: string,
): Promise<T> {
  const res = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const answer = (await res.json().catch(() => ({}))) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** JSON over HTTP as the administrator signed in on `page` (its cookie, and a CSRF token). */
function asAdmin<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/auth/session', { cache: 'no-store' })).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const answer = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
      return answer as T;
    },
    { method, path, body },
  );
}

interface Created {
  sessionId: string;
  joinCode: string;
  observerToken: string;
}
interface Seat {
  participantId: string;
  resumeToken: string;
}

async function main(): Promise<void> {
  const { HeadlessClient: Headless } = await import('../client/headless/client.ts');
  await withShotServer({ ADMIN_PASSWORD, API_TOKEN }, (server) => shots(server, Headless));
}

async function shots({ url, browser }: ShotServer, Headless: typeof HeadlessClient): Promise<void> {
  const open: HeadlessClient[] = [];
  try {
    // ── The administrator's roster: six trainees, a course, a cohort ──
    const desk = await (await browser.newContext(LAPTOP)).newPage();
    await desk.goto(`${url}/sign-in?next=${encodeURIComponent('/roster')}`);
    await desk.getByTestId('signin-login').fill('admin');
    await desk.getByTestId('signin-password').fill(ADMIN_PASSWORD);
    await desk.getByTestId('signin-submit').click();
    await desk.waitForURL((u) => u.pathname === '/roster', { timeout: WAIT });
    const ids = {} as Record<Name, string>;
    for (const person of PEOPLE) {
      const made = await asAdmin<{ person: { id: string } }>(desk, 'POST', '/api/people', person);
      ids[person.name] = made.person.id;
    }
    const course = await asAdmin<{ course: { id: string } }>(desk, 'POST', '/api/courses', { name: COURSE });
    const cohort = await asAdmin<{ cohort: { id: string } }>(desk, 'POST', '/api/cohorts', {
      name: COHORT,
      courseId: course.course.id,
    });
    await asAdmin(desk, 'PUT', `/api/cohorts/${cohort.cohort.id}/members`, { personIds: Object.values(ids) });
    const badges = await asAdmin<{ badges: { personId: string; personalCode: string }[] }>(
      desk,
      'GET',
      `/api/cohorts/${cohort.cohort.id}/badges`,
    );
    const codeOf = (name: Name) => badges.badges.find((b) => b.personId === ids[name])?.personalCode ?? '';

    const newSession = (scenarioId: string) =>
      call<Created>(url, 'POST', '/api/sessions', { scenarioId, cohortId: cohort.cohort.id }, API_TOKEN);
    const seatOf = async (session: Created, name: Name) => {
      const seat = await call<Seat>(url, 'POST', '/api/join/person', {
        code: session.joinCode,
        personId: ids[name],
        personalCode: codeOf(name),
      });
      const client = await Headless.connect(url, { role: 'trainee', resumeToken: seat.resumeToken });
      open.push(client);
      return { client, id: seat.participantId };
    };
    const expertsOf = async (session: Created) => {
      const experts = await Promise.all(
        ['李老师（区房管局）', '张老师（社工站）'].map((name) =>
          Headless.connect(url, {
            role: 'observer',
            sessionId: session.sessionId,
            token: session.observerToken,
            name,
          }),
        ),
      );
      open.push(...experts);
      return experts;
    };
    const competenciesOf = (client: HeadlessClient) =>
      client.static?.kind === 'full' ? client.static.scenario.rubric.competencies.map((c) => c.id) : [];

    /**
     * One attempt: the chair opens and speaks, everyone else is seated, the
     * meeting ends; the experts score everyone (王小华 by WANG_SCORES) and
     * write 王小华's next-time item.
     */
    const attempt = async (
      n: number,
      host: HeadlessClient,
      chair: { client: HeadlessClient; id: string },
      others: string[],
      experts: HeadlessClient[],
      said: string,
    ) => {
      await ok(host, { type: 'meeting.start' });
      await ok(chair.client, { type: 'meeting.begin' });
      await ok(chair.client, { type: 'floor.give' });
      await ok(chair.client, { type: 'statement.post', text: said });
      await new Promise((resolve) => setTimeout(resolve, 3000 + n * 1500)); // a turn long enough to count
      await ok(chair.client, { type: 'floor.yield' });
      await ok(host, { type: 'meeting.end' });
      const competencies = competenciesOf(host);
      for (const [e, expert] of experts.entries()) {
        for (const competency of competencies) {
          const score = WANG_SCORES[n]?.[competency]?.[e] ?? 3;
          const note = e === 0 && competency === 'mass_work' ? WANG_NOTES[n] : undefined;
          await ok(expert, {
            type: 'score.set',
            participantId: chair.id,
            competency,
            score,
            ...(note && { note }),
          });
          for (const [t, participantId] of others.entries())
            await ok(expert, { type: 'score.set', participantId, competency, score: 2 + ((t + e + n) % 3) });
        }
      }
      await ok(host, { type: 'meeting.open_debrief' });
      await ok(experts[0] as HeadlessClient, {
        type: 'plan.add',
        itemId: `plan-wang-${n}`,
        participantId: chair.id,
        text: WANG_PLANS[n] as string,
      });
    };

    // ── Session 1: the elevator, then a retake; released ──
    const s1 = await newSession('elevator-coordination');
    const host1 = await Headless.connect(url, {
      role: 'facilitator',
      sessionId: s1.sessionId,
      apiToken: API_TOKEN,
    });
    open.push(host1);
    const experts1 = await expertsOf(s1);
    const seats1 = {} as Record<Name, { client: HeadlessClient; id: string }>;
    for (const { name } of PEOPLE) {
      seats1[name] = await seatOf(s1, name);
      await ok(seats1[name].client, { type: 'card.take', roleId: ELEVATOR_CARDS[name] });
    }
    const others1 = PEOPLE.filter((p) => p.name !== '王小华').map((p) => seats1[p.name].id);
    await attempt(0, host1, seats1.王小华, others1, experts1, '各位邻居，今天我们讨论12号楼加装电梯的方案。');
    await ok(host1, { type: 'meeting.retake', cards: 'keep' });
    await attempt(
      1,
      host1,
      seats1.王小华,
      others1,
      experts1,
      '上次大家最担心的是采光和费用，我们先请101室陈老师讲讲他的顾虑。',
    );
    await call(url, 'POST', `/api/sessions/${s1.sessionId}/release`, {}, API_TOKEN);
    console.log('  session 1: two attempts, scored and released');

    // ── Session 2: the parking mobilisation. 王小华 joins on the phone by masked name and code ──
    const s2 = await newSession('parking-mobilization');
    const host2 = await Headless.connect(url, {
      role: 'facilitator',
      sessionId: s2.sessionId,
      apiToken: API_TOKEN,
    });
    open.push(host2);
    const experts2 = await expertsOf(s2);
    const phone = await (await browser.newContext(PHONE)).newPage();
    await phone.goto(`${url}/join?code=${s2.joinCode}`);
    await phone.getByTestId('join-people').waitFor({ timeout: WAIT });
    await phone.getByLabel('王*华 · 光明居民区').check();
    await phone.getByTestId('join-personal-code').fill(codeOf('王小华'));
    await shoot(phone, 'trainee-join-roster');
    await phone.getByTestId('join-submit').click();
    await phone.waitForURL((u) => u.pathname === '/session', { timeout: WAIT });
    await phone.getByTestId('card-option-secretary').getByTestId('take-card').click();
    await phone.locator('[data-testid="card-option-secretary"].mine').waitFor({ timeout: WAIT });
    const wangSeat = await phone.evaluate(
      () => JSON.parse(localStorage.getItem('civic-rehearsal.seat') ?? '{}') as Seat,
    );
    const seats2 = {} as Record<Name, { client: HeadlessClient; id: string }>;
    for (const { name } of PEOPLE.filter((p) => p.name !== '王小华')) {
      seats2[name] = await seatOf(s2, name);
      await ok(seats2[name].client, { type: 'card.take', roleId: PARKING_CARDS[name] });
    }
    // The lobby at the start of session 2: last session's "next time", above the cards.
    await phone
      .getByTestId('carried-next-time')
      .getByText(WANG_PLANS[1] as string)
      .waitFor({ timeout: WAIT });
    await phone.evaluate(() => window.scrollTo(0, 0));
    await shoot(phone, 'trainee-next-time');
    const wang2 = await Headless.connect(url, { role: 'trainee', resumeToken: wangSeat.resumeToken });
    open.push(wang2);
    const others2 = PEOPLE.filter((p) => p.name !== '王小华').map((p) => seats2[p.name].id);
    await attempt(
      2,
      host2,
      { client: wang2, id: wangSeat.participantId },
      others2,
      experts2,
      '停车改造方案已经贴在大屏上，分配规则一条一条念给大家听。',
    );
    await call(url, 'POST', `/api/sessions/${s2.sessionId}/release`, {}, API_TOKEN);
    console.log('  session 2: scored and released');

    // ── The trainee's own portfolio, by personal code ──
    await phone.goto(`${url}/portfolio`);
    await phone.getByLabel('姓名', { exact: true }).fill('王小华');
    await phone.getByLabel('个人码', { exact: true }).fill(codeOf('王小华'));
    await phone.getByRole('button', { name: '查看档案' }).click();
    await phone.getByRole('heading', { name: '王小华的成长档案' }).waitFor({ timeout: WAIT });
    await shoot(phone, 'portfolio-trainee');

    // ── The roster, and the instructor's view of 王小华 (experts named) ──
    await desk.goto(`${url}/roster`);
    await desk
      .getByTestId('roster-table')
      .getByRole('cell', { name: '周敏', exact: true })
      .waitFor({ timeout: WAIT });
    await shoot(desk, 'roster');
    await desk.getByTestId('roster-table').getByRole('link', { name: '成长档案 王小华' }).click();
    await desk.waitForURL((u) => u.pathname.startsWith('/people/'), { timeout: WAIT });
    await desk.locator('.portfolio-trends').waitFor({ timeout: WAIT });
    await shoot(desk, 'portfolio-instructor');
    // Further down: every attempt, the experts named, the next-time items and whether they were met.
    await desk.locator('#portfolio-attempts').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await desk.evaluate(() => window.scrollBy(0, -12));
    await shoot(desk, 'portfolio-instructor-attempts');
  } finally {
    for (const client of open) client.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
