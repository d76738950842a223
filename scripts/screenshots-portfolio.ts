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
import type { HeadlessClient } from '../client/headless/client.ts';
import { parseCli } from './cli.ts';
import { asSignedIn, call, exitWhenDone, ok, scenarioCompetencies } from './screenshot-drive.ts';
import {
  API_TOKEN,
  LAPTOP,
  openSignedIn,
  PHONE,
  type ShotServer,
  shoot,
  WAIT,
  withShotServer,
} from './screenshot-kit.ts';
import {
  COHORT,
  COURSE,
  ELEVATOR_CARDS,
  type Name,
  PARKING_CARDS,
  PEOPLE,
  WANG_NOTES,
  WANG_PLANS,
  WANG_SCORES,
} from './screenshots-portfolio-cohort.ts';

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
  await withShotServer({}, (server) => shots(server, Headless));
}

async function shots({ url, browser }: ShotServer, Headless: typeof HeadlessClient): Promise<void> {
  const open: HeadlessClient[] = [];
  try {
    // ── The administrator's roster: six trainees, a course, a cohort ──
    const desk = await (await browser.newContext(LAPTOP)).newPage();
    await openSignedIn(desk, url, '/roster');
    const ids = {} as Record<Name, string>;
    for (const person of PEOPLE) {
      const made = await asSignedIn<{ person: { id: string } }>(desk, 'POST', '/api/people', person);
      ids[person.name] = made.person.id;
    }
    const course = await asSignedIn<{ course: { id: string } }>(desk, 'POST', '/api/courses', {
      name: COURSE,
    });
    const cohort = await asSignedIn<{ cohort: { id: string } }>(desk, 'POST', '/api/cohorts', {
      name: COHORT,
      courseId: course.course.id,
    });
    await asSignedIn(desk, 'PUT', `/api/cohorts/${cohort.cohort.id}/members`, {
      personIds: Object.values(ids),
    });
    const badges = await asSignedIn<{ badges: { personId: string; personalCode: string }[] }>(
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
      const competencies = scenarioCompetencies(host);
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

exitWhenDone(main());
