// The debrief end to end: a real server process, real sockets and HTTP. A
// short session of a small fixture scenario (written to a temp scenarios
// dir): three trainees hold the meeting with a tip, an inject and an open
// vote; two experts score them and write plan items; the debrief opens and is
// read over the socket by a trainee and an observer ('debrief', 'state_at');
// the room retakes and the comparison covers both attempts; then the exports
// (export.md and export.json) are fetched with each kind of token.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { DebriefView } from '../../shared/debrief/build.ts';
import type { AnyCommand, DebriefAck, StateAtAck } from '../../shared/protocol/messages.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  API_TOKEN,
  AUTH_ENV,
  type CreatedSession,
  connectObserver,
  createSession,
  request,
} from '../support/session-api.ts';

const SCENARIO = `schema: 1
id: debrief-hearing
title: { zh: 复盘测试会, en: Debrief test meeting }
summary: A short hearing for the debrief tests.
meeting: hearing
duration: 30m
background: The estate discusses a bicycle shed.
roles:
  - id: chair
    name: { zh: 主持人, en: Chair }
    chair: true
    public: Chairs the meeting.
    brief: Keep order.
    secrets: [You already promised the shed to the property company.]
  - id: resident
    name: { zh: 居民, en: Resident }
    seats: { min: 1, max: 3 }
    public: Lives here.
    brief: Speak up.
    attributes: { owner: true, area_m2: 60 }
  - id: official
    name: Official
    npc: true
    public: From the street office.
    brief: Remind everyone of the rules.
agenda:
  - { id: opening, title: Opening, kind: statement, speakers: [chair], per_speaker: 2m }
  - { id: talk, title: Discussion, kind: open_floor, per_speaker: 90s, duration: 10m }
  - { id: decide, title: Decide, kind: vote, motion: Build the shed by gate 2, rule: simple_majority }
injects:
  - { id: reporter, title: A reporter calls, body: The local paper asks about the shed., manual: true, respond_within: 2m }
debrief:
  questions: [What did the chair do first?]
  reveal_secrets: true
`;

const PLAN_WU = 'Summarise the last speaker before you answer.';
const PLAN_LIN = 'Call the residents by name.';
const TIP_WU = 'Ask about the bicycles.';

let server: ServerProcess;
let session: CreatedSession;
let facilitator: HeadlessClient;
let zhao: HeadlessClient;
let qian: HeadlessClient;
const people: Record<'lin' | 'wu' | 'ma', { client: HeadlessClient; id: string; token: string }> =
  {} as never;
/** seq of the item.next that opened the discussion, and of the vote's close. */
let talkSeq = 0;
let closeSeq = 0;
/** The first item.next in the observers' numbers (the session's). */
let zhaoTalkSeq = 0;
/** The debrief as it stood after attempt 1, read by Wu and by Zhao. */
let wuFirst: DebriefView;
let zhaoFirst: DebriefView;
let stateAtTalk: StateAtAck;
let wuStateAtTalk: StateAtAck;
let stateAtClose: StateAtAck;
let wuAfterRetake: DebriefView;
let wuUnreleased: DebriefView;
let wuRetakeUnreleased: DebriefView;

/** The instructor releases the scoring so far (here the API token, which runs the session). */
async function release(): Promise<void> {
  const answer = await request(server.url, 'POST', `/api/sessions/${session.sessionId}/release`);
  if (answer.status !== 200) throw new Error(`release: ${answer.status} ${JSON.stringify(answer.body)}`);
}
let zhaoAfterRetake: DebriefView;

async function ok(client: HeadlessClient, command: AnyCommand): Promise<number> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.seq;
}

async function debriefOf(client: HeadlessClient): Promise<DebriefView> {
  const ack = (await client.emitRaw('debrief', {}, 10_000)) as DebriefAck;
  if (!ack.ok) throw new Error(`debrief refused: ${ack.error.code}`);
  return ack.debrief;
}

const stateAt = (client: HeadlessClient, seq: number) =>
  client.emitRaw('state_at', { seq }, 10_000) as Promise<StateAtAck>;

async function get(path: string, token?: string) {
  const res = await fetch(server.url + path, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    text: await res.text(),
  };
}

/** Today in Shanghai (the server's zone), as the file names give the day. */
const shanghaiDay = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const scenariosDir = mkdtempSync(join(tmpdir(), 'civic-debrief-'));
  writeFileSync(join(scenariosDir, 'debrief-hearing.yaml'), SCENARIO);
  server = await startServerProcess({ scenariosDir, env: AUTH_ENV });
  const { url } = server;
  session = await createSession(url, 'debrief-hearing');
  facilitator = await HeadlessClient.connect(url, {
    role: 'facilitator',
    sessionId: session.sessionId,
    apiToken: API_TOKEN,
  });
  // One after the other: the order they join is the number a trainee's debrief gives each.
  zhao = await connectObserver(url, session, 'Expert Zhao');
  qian = await connectObserver(url, session, 'Expert Qian');
  for (const [key, name, roleId] of [
    ['lin', 'Lin', 'chair'],
    ['wu', 'Wu', 'resident'],
    ['ma', 'Ma', 'resident'],
  ] as const) {
    const { client, seat } = await HeadlessClient.join(url, session.joinCode, name);
    people[key] = { client, id: seat.participantId, token: seat.resumeToken };
    await ok(client, { type: 'card.take', roleId });
  }
  const { lin, wu, ma } = people;

  // Attempt 1.
  await ok(facilitator, { type: 'meeting.start' });
  await ok(lin.client, { type: 'meeting.begin' });
  await ok(lin.client, { type: 'floor.give' });
  await ok(lin.client, { type: 'statement.post', text: 'We open the meeting on the shed.' });
  await ok(lin.client, { type: 'floor.yield' });
  talkSeq = await ok(lin.client, { type: 'item.next' });
  await ok(zhao, { type: 'tip.whisper', tipId: 'tip-wu', to: wu.id, text: TIP_WU });
  await wu.client.until((l) => (l.me?.tips.length ?? 0) === 1);
  await ok(wu.client, { type: 'tip.ack', tipId: 'tip-wu' });
  await ok(wu.client, { type: 'hand.raise' });
  await ok(lin.client, { type: 'floor.give' });
  await ok(wu.client, { type: 'statement.post', text: 'Where do the bicycles go now?' });
  await ok(wu.client, { type: 'floor.yield' });
  await ok(facilitator, { type: 'inject.fire', injectId: 'reporter' });
  await ok(zhao, { type: 'inject.respond', injectId: 'reporter' });
  await ok(lin.client, { type: 'item.next' });
  await ok(lin.client, { type: 'vote.open' });
  await ok(lin.client, { type: 'vote.cast', choice: 'yes' });
  await ok(wu.client, { type: 'vote.cast', choice: 'yes' });
  await ok(ma.client, { type: 'vote.cast', choice: 'no' });
  await ok(lin.client, { type: 'vote.close' });
  await ok(facilitator, { type: 'meeting.end' });
  await ok(facilitator, { type: 'meeting.open_debrief' });

  // The experts score and plan in the debrief.
  const score = (client: HeadlessClient, participantId: string, competency: string, value: number) =>
    ok(client, { type: 'score.set', participantId, competency, score: value });
  await score(zhao, wu.id, 'mass_work', 4);
  await score(qian, wu.id, 'mass_work', 2);
  await score(zhao, lin.id, 'coordination', 5);
  await score(qian, lin.id, 'coordination', 4);
  await score(zhao, ma.id, 'emergency', 3);
  await ok(zhao, { type: 'plan.add', itemId: 'plan-wu', participantId: wu.id, text: PLAN_WU });
  await ok(qian, { type: 'plan.add', itemId: 'plan-lin', participantId: lin.id, text: PLAN_LIN });

  // Staged release: nothing of the scoring reaches Wu until the instructor releases it.
  wuUnreleased = await debriefOf(wu.client);
  await release();
  wuFirst = await debriefOf(wu.client);
  zhaoFirst = await debriefOf(zhao);
  // state_at takes a number from the asker's own timeline, as the debrief page does.
  const numberOf = (view: DebriefView, type: string) =>
    view.attempts[0]?.timeline.find((e) => e.type === type)?.seq ?? -1;
  zhaoTalkSeq = numberOf(zhaoFirst, 'item.next');
  stateAtTalk = await stateAt(zhao, zhaoTalkSeq);
  wuStateAtTalk = await stateAt(wu.client, numberOf(wuFirst, 'item.next'));
  stateAtClose = await stateAt(zhao, numberOf(zhaoFirst, 'vote.close'));
  closeSeq = numberOf(zhaoFirst, 'vote.close');

  // Attempt 2: the same cards; Lin opens, then the meeting ends; Zhao scores Wu again.
  await ok(facilitator, { type: 'meeting.retake', cards: 'keep' });
  await ok(facilitator, { type: 'meeting.start' });
  await ok(lin.client, { type: 'meeting.begin' });
  await ok(lin.client, { type: 'floor.give' });
  await ok(lin.client, { type: 'floor.yield' });
  await ok(facilitator, { type: 'meeting.end' });
  await score(zhao, wu.id, 'mass_work', 5);
  // The first release covered attempt 1 only: attempt 2's score waits for the next.
  wuRetakeUnreleased = await debriefOf(wu.client);
  await release();
  wuAfterRetake = await debriefOf(wu.client);
  zhaoAfterRetake = await debriefOf(zhao);
}, 90_000);

afterAll(async () => {
  for (const c of [facilitator, zhao, qian, ...Object.values(people).map((p) => p.client)]) c?.close();
  await server?.stop();
});

describe('staged release', () => {
  it('before the release a trainee’s debrief holds no score, note or plan item; the experts’ holds all', () => {
    expect(wuUnreleased.release).toEqual({ throughAttempt: 0 });
    expect(wuUnreleased.attempts[0]?.scores).toEqual([]);
    expect(wuUnreleased.attempts[0]?.plan).toEqual([]);
    expect(wuUnreleased.comparison.map((r) => r.competencies)).toEqual([{}]);
    expect(JSON.stringify(wuUnreleased)).not.toContain(PLAN_WU);
    expect(wuFirst.release).toEqual({ throughAttempt: 1 });
    expect(wuFirst.attempts[0]?.scores.map((a) => a.mean)).toEqual([3]);
    expect(wuFirst.attempts[0]?.plan.map((p) => p.text)).toEqual([PLAN_WU]);
  });

  it('a release covers the attempts so far: a retake’s scores wait for the next release', () => {
    const { wu } = people;
    expect(wuRetakeUnreleased.release).toEqual({ throughAttempt: 1 });
    expect(wuRetakeUnreleased.comparison.map((r) => [r.participantId, r.attempt, r.competencies])).toEqual([
      [wu.id, 1, { mass_work: 3 }],
      [wu.id, 2, {}],
    ]);
    expect(wuAfterRetake.release).toEqual({ throughAttempt: 2 });
  });
});

describe('the debrief over the socket', () => {
  it('writes the vote’s arithmetic into the minutes: 2 yes of 3 voting yes or no = 66.7%', () => {
    // Three card holders, all eligible: yes 2 (Lin, Wu), no 1 (Ma), 2/3 = 66.7% > half: passed.
    for (const view of [wuFirst, zhaoFirst]) {
      const minutes = view.attempts[0]?.minutes;
      expect(minutes?.en).toContain('- **Count**: eligible 3; participating 3: yes 2, no 1, abstain 0.');
      expect(minutes?.en).toContain('- **Result**: Yes 66.7% of headcount voting yes or no; passed.');
      expect(minutes?.zh).toContain('同意票占有效票 66.7%，通过。');
    }
    // An open ballot: the room sees who voted what.
    const ballot = wuFirst.attempts[0]?.record.ballots[0];
    expect(ballot?.kind === 'vote' && ballot.votes).toEqual({
      [people.lin.id]: 'yes',
      [people.wu.id]: 'yes',
      [people.ma.id]: 'no',
    });
  });

  it('aggregates the experts’ scores: Wu 4 and 2 → 3, spread 2, agreement 0; Lin 5 and 4 → 4.5, 1, 1', () => {
    const { lin, wu, ma } = people;
    const rows = (view: DebriefView) =>
      view.attempts[0]?.scores.map((a) => [a.participantId, a.competency, a.mean, a.spread, a.agreement]);
    expect(rows(zhaoFirst)).toEqual([
      // (4 + 2) / 2 = 3; 4 − 2 = 2; the one pair is 2 steps apart → 0.
      [wu.id, 'mass_work', 3, 2, 0],
      // (5 + 4) / 2 = 4.5; 5 − 4 = 1; within one step → 1.
      [lin.id, 'coordination', 4.5, 1, 1],
      // One expert: 3, spread 0, agreement 1.
      [ma.id, 'emergency', 3, 0, 1],
    ]);
    expect(rows(wuFirst)).toEqual([[wu.id, 'mass_work', 3, 2, 0]]);
    expect(zhaoFirst.attempts[0]?.scores[0]?.scores.map((s) => s.observerId)).toEqual([zhao.id, qian.id]);
    // Zhao joined first (expert 1) and gave 4; Qian (expert 2) gave 2; neither is named.
    expect(wuFirst.attempts[0]?.scores[0]?.scores).toEqual([
      { expert: 1, score: 4, markerIds: [] },
      { expert: 2, score: 2, markerIds: [] },
    ]);
  });

  it('plans: the observer sees both, each trainee only their own', () => {
    expect(zhaoFirst.attempts[0]?.plan.map((p) => p.text)).toEqual([PLAN_WU, PLAN_LIN]);
    expect(wuFirst.attempts[0]?.plan.map((p) => [p.participantId, p.text])).toEqual([
      [people.wu.id, PLAN_WU],
    ]);
    expect(JSON.stringify(wuFirst)).not.toContain(PLAN_LIN);
  });

  it('participation, the tip’s follow-up and the inject response agree with the record', () => {
    const attempt = wuFirst.attempts[0];
    const turns = attempt?.record.turns.filter(
      (t) => t.speaker.kind === 'participant' && t.speaker.id === people.wu.id,
    );
    expect(turns).toHaveLength(1);
    const wuFigures = attempt?.participation.find((f) => f.participantId === people.wu.id);
    expect(wuFigures).toMatchObject({ turns: 1, statements: 1, cutOff: 0, pointsOfOrder: 0, overtimeMs: 0 });
    expect(wuFigures?.speakingMs).toBe((turns?.[0]?.end ?? 0) - (turns?.[0]?.start ?? 0));
    // Everything Wu did after the tip, bar acknowledging it, came within two minutes.
    expect(attempt?.tips).toHaveLength(1);
    expect(attempt?.tips[0]).toMatchObject({ tipId: 'tip-wu', participantId: people.wu.id, text: TIP_WU });
    expect(attempt?.tips[0]?.ackAt).toBeGreaterThanOrEqual(attempt?.tips[0]?.sentAt ?? Infinity);
    expect(attempt?.tips[0]?.actions.map((a) => a.type)).toEqual([
      'hand.raise',
      'statement.post',
      'floor.yield',
      'vote.cast',
    ]);
    const [reporter] = attempt?.injects ?? [];
    expect(reporter?.inject).toBe('reporter');
    expect(reporter?.responseMs).toBe((reporter?.respondedAt ?? 0) - (reporter?.firedAt ?? 0));
    expect(reporter?.inTime).toBe(true);
  });

  it('state_at gives the meeting as it stood after an earlier seq', () => {
    expect(stateAtTalk.ok).toBe(true);
    if (!stateAtTalk.ok || !wuStateAtTalk.ok || !stateAtClose.ok) throw new Error('state_at refused');
    // The observer's numbers are the session's; the trainee's live.seq is the room's, as in Lin's ack.
    expect(stateAtTalk.live.seq).toBe(zhaoTalkSeq);
    expect(wuStateAtTalk.live.seq).toBe(talkSeq);
    expect(stateAtClose.live.seq).toBe(closeSeq);
    expect(stateAtTalk.live.item?.id).toBe('talk');
    expect(stateAtTalk.live.state).toBe('meeting.running.floor.idle');
    expect(stateAtTalk.live.record.ballots).toEqual([]);
    expect(wuStateAtTalk.live.item?.id).toBe('talk');
    expect(wuStateAtTalk.live.me?.participantId).toBe(people.wu.id);
    expect(wuStateAtTalk.live.me?.tips).toEqual([]); // the tip came after
    expect(wuStateAtTalk.live.coaching).toBeUndefined();
    expect(stateAtClose.live.item?.id).toBe('decide');
    expect(stateAtClose.live.state).toBe('meeting.running.ballot.counted');
    expect(stateAtClose.live.record.ballots).toHaveLength(1);
    expect(stateAtClose.live.coaching?.scores).toEqual([]); // scored only in the debrief
  });

  it('secrets: revealed to the trainee once the meeting is over (reveal_secrets: true)', () => {
    expect(wuFirst.secrets?.find((r) => r.id === 'chair')?.secrets[0]?.en).toBe(
      'You already promised the shed to the property company.',
    );
  });

  it('after the retake: two attempts, compared', () => {
    const { wu } = people;
    expect(wuAfterRetake.attempts.map((a) => [a.attempt, a.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(wuAfterRetake.comparison.map((r) => [r.participantId, r.attempt, r.competencies])).toEqual([
      [wu.id, 1, { mass_work: 3 }],
      [wu.id, 2, { mass_work: 5 }],
    ]);
    expect(wuAfterRetake.comparison[0]?.speakingMs).toBe(
      wuFirst.attempts[0]?.participation.find((f) => f.participantId === wu.id)?.speakingMs,
    );
    expect(wuAfterRetake.comparison[1]).toMatchObject({ speakingMs: 0, turns: 0, roleId: 'resident' });
    // Three card holders × two attempts.
    expect(zhaoAfterRetake.comparison).toHaveLength(6);
    const lin2 = zhaoAfterRetake.comparison.find((r) => r.participantId === people.lin.id && r.attempt === 2);
    expect(lin2).toMatchObject({ roleId: 'chair', turns: 1, competencies: {} });
    expect(zhaoAfterRetake.attempts[1]?.minutes.en).toContain('Attempt 2');
  });
});

describe('the exports', () => {
  it('export.md for a trainee: their own report, whatever participant is asked for', async () => {
    const { wu, lin } = people;
    const before = shanghaiDay();
    const en = await get(
      `/api/sessions/${session.sessionId}/export.md?lang=en&participant=${lin.id}`,
      wu.token,
    );
    expect(en.status).toBe(200);
    // Named in words, as Wu's own report: no session or seat id in the file name.
    const days = [before, shanghaiDay()];
    expect(
      days.map(
        (d) =>
          `attachment; filename="debrief-en.md"; filename*=UTF-8''Debrief%20-%20Debrief%20test%20meeting%20-%20Wu%20-%20${d}.md`,
      ),
    ).toContain(en.disposition);
    expect(en.disposition).not.toContain(session.sessionId);
    expect(en.disposition).not.toContain(wu.id);
    expect(en.type).toBe('text/markdown; charset=utf-8');
    for (const section of [
      '# Debrief test meeting — Debrief report',
      'Trainee: Wu',
      '## Attempt 1',
      '## Attempt 2',
      '### Participation',
      '### Injects and responses',
      '### Expert tips',
      '### Scores',
      '### Next time',
      '### Minutes',
      '## Attempts compared',
      '## The cards revealed',
      '## Questions for discussion',
    ]) {
      expect(en.text).toContain(section);
    }
    expect(en.text).toContain('| Wu | Working with residents | 3 | 2 | 0% |');
    expect(en.text).toContain(`- Wu: ${PLAN_WU}`);
    expect(en.text).toContain('Yes 66.7% of headcount voting yes or no; passed.');
    expect(en.text).not.toContain(PLAN_LIN);
    expect(en.text).not.toContain('Organisation and coordination | 4.5');
    expect(en.text).not.toContain('Expert Zhao');
    const zh = await get(`/api/sessions/${session.sessionId}/export.md`, wu.token);
    expect(zh.status).toBe(200);
    expect(zh.text).toContain('# 复盘测试会 — 复盘报告');
    // "复盘报告 - 复盘测试会 - Wu - <day>.md", percent-encoded as UTF-8.
    expect(zh.disposition).toMatch(
      /^attachment; filename="debrief-zh\.md"; filename\*=UTF-8''%E5%A4%8D%E7%9B%98%E6%8A%A5%E5%91%8A%20-%20%E5%A4%8D%E7%9B%98%E6%B5%8B%E8%AF%95%E4%BC%9A%20-%20Wu%20-%20\d{4}-\d{2}-\d{2}\.md$/,
    );
    expect(zh.text).toContain('## 第 1 次演练');
    expect(zh.text).toContain('同意票占有效票 66.7%，通过。');
  });

  it('export.md for the observers and the facilitator: the whole room, or one trainee', async () => {
    const observer = await get(`/api/sessions/${session.sessionId}/export.md?lang=en`, session.observerToken);
    expect(observer.status).toBe(200);
    // The whole room's report names no one.
    expect(observer.disposition).toMatch(
      /filename\*=UTF-8''Debrief%20-%20Debrief%20test%20meeting%20-%20\d{4}-\d{2}-\d{2}\.md$/,
    );
    expect(observer.type).toBe('text/markdown; charset=utf-8');
    expect(observer.text).toContain(`- Wu: ${PLAN_WU}`);
    expect(observer.text).toContain(`- Lin: ${PLAN_LIN}`);
    expect(observer.text).toContain('| Lin | Organisation and coordination | 4.5 | 1 | 100% |');
    expect(observer.text).toContain('## The cards revealed');
    const one = await get(
      `/api/sessions/${session.sessionId}/export.md?lang=en&participant=${people.lin.id}`,
      API_TOKEN,
    );
    expect(one.status).toBe(200);
    expect(one.text).toContain('Trainee: Lin');
    expect(one.disposition).toMatch(
      /filename\*=UTF-8''Debrief%20-%20Debrief%20test%20meeting%20-%20Lin%20-%20/,
    );
    expect(one.text).toContain(`- Lin: ${PLAN_LIN}`);
    expect(one.text).not.toContain(PLAN_WU);
  });

  it('export.json: the instructor running it (here the API token) only', async () => {
    const path = `/api/sessions/${session.sessionId}/export.json`;
    const full = await get(path, API_TOKEN);
    expect(full.status).toBe(200);
    expect(full.type).toContain('application/json');
    const body = JSON.parse(full.text);
    expect(body.format).toBe('civic-rehearsal-session/1');
    // "复盘测试会 - <day> - 完整记录.json"
    expect(full.disposition).toMatch(
      /^attachment; filename="session-record\.json"; filename\*=UTF-8''%E5%A4%8D%E7%9B%98%E6%B5%8B%E8%AF%95%E4%BC%9A%20-%20\d{4}-\d{2}-\d{2}%20-%20%E5%AE%8C%E6%95%B4%E8%AE%B0%E5%BD%95\.json$/,
    );
    const english = await get(`${path}?lang=en`, API_TOKEN);
    expect(english.disposition).toMatch(
      /filename\*=UTF-8''Debrief%20test%20meeting%20-%20\d{4}-\d{2}-\d{2}%20-%20Full%20record\.json$/,
    );
    const badLang = await get(`${path}?lang=fr`, API_TOKEN);
    expect(badLang.status).toBe(400);
    expect(JSON.parse(badLang.text).error).toEqual({
      code: 'http/bad_request',
      message: 'lang must be zh or en',
    });
    expect(body.scenarioId).toBe('debrief-hearing');
    expect(body.debrief.attempts).toHaveLength(2);
    expect(body.coaching.plan).toHaveLength(2);
    expect(body.log.length).toBeGreaterThan(30);
    expect(full.text).not.toContain(API_TOKEN);
    expect(full.text).not.toContain(session.observerToken);
    expect(Object.keys(body.session)).not.toContain('facilitatorTokenHash');
    for (const token of [session.observerToken, people.wu.token]) {
      const refused = await get(path, token);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.text).error.code).toBe('auth/forbidden');
    }
  });

  it('a bad or missing token: 401', async () => {
    for (const file of ['export.md', 'export.json']) {
      const path = `/api/sessions/${session.sessionId}/${file}`;
      for (const token of ['not-a-token-at-all-but-long-enough-to-look-like-one', undefined]) {
        const answer = await get(path, token);
        expect(answer.status, `${file} with ${token}`).toBe(401);
        expect(JSON.parse(answer.text).error.code).toBe('auth/unauthorized');
      }
      // A session's link token for another session is as good as none.
      const other = await get(`/api/sessions/nope/${file}`, session.observerToken);
      expect(other.status).toBe(401);
      // An API token is good for every session: an unknown one is simply not found.
      const unknown = await get(`/api/sessions/nope/${file}`, API_TOKEN);
      expect(unknown.status).toBe(404);
      expect(JSON.parse(unknown.text).error.code).toBe('session/not_found');
    }
  });

  it('an unknown language: 400', async () => {
    const answer = await get(`/api/sessions/${session.sessionId}/export.md?lang=fr`, session.observerToken);
    expect(answer.status).toBe(400);
  });
});
