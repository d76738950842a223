// npm run bench:long-meeting [-- --minutes 120 --trainees 16 --repeat 15]
//
// What a long meeting costs a newcomer and a debrief: a real server process
// (SQLite file, sockets) runs a scripted meeting with the activity of
// `minutes` minutes, sent as fast as it is acknowledged; after every 30
// minutes' worth it measures the welcome a trainee, an observer and the
// facilitator get when they connect (bytes of JSON, the static view apart),
// and how long `state_at` takes (round trip: median and fastest of
// `repeat`; the fastest is the least disturbed by whatever else the
// machine runs) for the latest seq and for the middle of the log. Prints a
// table and one JSON line.
//
// One "minute" of the script: a resident raises a hand, the chair gives the
// floor, the resident posts a statement (about 150 characters) and yields;
// four trainees change their mood. Every fifth minute an expert whispers a
// tip, drops a marker and writes in the backchannel.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HeadlessClient } from '../client/headless/client.ts';
import type { AnyCommand, StateAtAck, Welcome } from '../shared/protocol/messages.ts';
import { startServerProcess } from '../tests/support/server-process.ts';
import {
  AUTH_ENV,
  connectFacilitator,
  connectObserver,
  createSession,
} from '../tests/support/session-api.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '120' },
    trainees: { type: 'string', default: '16' },
    repeat: { type: 'string', default: '30' },
    every: { type: 'string', default: '30' },
  },
});
const MINUTES = Number(values.minutes);
const TRAINEES = Math.max(3, Number(values.trainees));
const REPEAT = Math.max(1, Number(values.repeat));
const EVERY = Math.max(1, Number(values.every));

const SCENARIO = `schema: 1
id: long-meeting
title: { zh: 长会, en: A long meeting }
summary: An open floor long enough for a two-hour meeting.
meeting: round_table
duration: 4h
background: { zh: 一个很长的圆桌会。, en: A very long round table. }
roles:
  - id: chair
    name: { zh: 主持人, en: Chair }
    chair: true
    public: Chairs the meeting.
    brief: You chair.
  - id: planner
    name: { zh: 规划师, en: Planner }
    public: Drew the plan.
    brief: You drew the plan.
  - id: resident
    name: { zh: 居民, en: Resident }
    seats: { min: 1, max: 40 }
    attributes: { owner: true, area_m2: 60 }
    public: Lives here.
    brief: You live here.
agenda:
  - { id: talk, title: Talk, kind: open_floor, per_speaker: 5m, duration: 4h }
  - { id: wrap, title: Wrap-up, kind: actions }
`;

const STATEMENT =
  '我同意先做遮阳，再做儿童活动区。I agree: shade first, then the play corner, and the benches by the gate should stay where they are.';

let lastSeq = 0;
async function ok(client: HeadlessClient, command: AnyCommand): Promise<number> {
  const ack = await client.send(command);
  if (!ack.ok) throw new Error(`${command.type} refused: ${ack.error.code} ${ack.error.message}`);
  lastSeq = Math.max(lastSeq, ack.seq);
  return ack.seq;
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

interface WelcomeSize {
  /** The whole welcome as the server sent it on a first visit. */
  total: number;
  /** Without the static view (a returning client that already holds it gets only its key). */
  withoutStatic: number;
  /** The live view alone. */
  live: number;
}
function sizeOf(welcome: Welcome | undefined): WelcomeSize {
  const { static: _static, ...rest } = welcome as Welcome;
  return { total: bytes(welcome), withoutStatic: bytes(rest), live: bytes(welcome?.live) };
}

async function timeStateAt(
  client: HeadlessClient,
  seq: number,
): Promise<{ ms: number; minMs: number; bytes: number }> {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < REPEAT; i++) {
    // Paced under the socket's rate limit (20 messages a second); the pause is not timed.
    await new Promise((r) => setTimeout(r, 60));
    const started = performance.now();
    const answer = (await client.emitRaw('state_at', { seq }, 30_000)) as StateAtAck;
    times.push(performance.now() - started);
    if (!answer.ok) throw new Error(`state_at refused: ${answer.error.code}`);
    size = bytes(answer);
  }
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { ms: round(median(times)), minMs: round(Math.min(...times)), bytes: size };
}

const scenariosDir = mkdtempSync(join(tmpdir(), 'civic-long-'));
writeFileSync(join(scenariosDir, 'long-meeting.yaml'), SCENARIO);
const server = await startServerProcess({
  scenariosDir,
  env: { ...AUTH_ENV, STATS_INTERVAL_MS: '0' },
});
const clients: HeadlessClient[] = [];
try {
  const session = await createSession(server.url, 'long-meeting');
  const facilitator = await connectFacilitator(server.url, session);
  clients.push(facilitator);
  const seats: { client: HeadlessClient; id: string; token: string }[] = [];
  for (let i = 0; i < TRAINEES; i++) {
    const roleId = i === 0 ? 'chair' : i === 1 ? 'planner' : 'resident';
    const seat = await HeadlessClient.requestSeat(server.url, session.joinCode, `Trainee ${i + 1}`);
    const client = await HeadlessClient.connect(
      server.url,
      { role: 'trainee', resumeToken: seat.resumeToken },
      { recordFrames: false },
    );
    clients.push(client);
    await ok(client, { type: 'card.take', roleId });
    seats.push({ client, id: seat.participantId, token: seat.resumeToken });
  }
  const expert = await connectObserver(server.url, session, 'Expert');
  clients.push(expert);
  const chair = seats[0] as (typeof seats)[number];
  await ok(facilitator, { type: 'meeting.start' });
  await ok(chair.client, { type: 'meeting.begin' });

  const moods = ['agree', 'unsure', 'disagree', null] as const;
  const rows: Record<string, unknown>[] = [];
  for (let minute = 1; minute <= MINUTES; minute++) {
    const speaker = seats[2 + (minute % (seats.length - 2))] as (typeof seats)[number];
    await ok(speaker.client, { type: 'hand.raise' });
    await ok(chair.client, { type: 'floor.give' });
    await ok(speaker.client, { type: 'statement.post', text: `${STATEMENT} (${minute})` });
    await ok(speaker.client, { type: 'floor.yield' });
    for (let k = 0; k < 4; k++) {
      const who = seats[(minute * 4 + k) % seats.length] as (typeof seats)[number];
      await ok(who.client, { type: 'mood.show', mood: moods[(minute + k) % moods.length] ?? null });
    }
    if (minute % 5 === 0) {
      await ok(expert, {
        type: 'tip.whisper',
        tipId: `tip-${minute}`,
        to: speaker.id,
        text: 'Name the last speaker first.',
      });
      await ok(expert, {
        type: 'marker.drop',
        markerId: `marker-${minute}`,
        participantId: chair.id,
        competency: 'coordination',
        kind: 'strength',
        note: 'Kept the queue moving.',
      });
      await ok(expert, {
        type: 'backchannel.say',
        messageId: `bc-${minute}`,
        text: 'The chair is doing well.',
      });
    }
    if (minute % EVERY !== 0 && minute !== MINUTES) continue;

    // Newcomers: a trainee on a second device, a second expert, the facilitator again.
    const trainee = await HeadlessClient.connect(
      server.url,
      { role: 'trainee', resumeToken: (seats[3] as (typeof seats)[number]).token },
      { recordFrames: false, reconnection: false },
    );
    const observer = await connectObserver(server.url, session, `Late expert ${minute}`);
    const again = await connectFacilitator(server.url, session, { recordFrames: false, reconnection: false });
    await facilitator.until((l) => l.seq >= lastSeq);
    const stateAtLast = await timeStateAt(observer, lastSeq);
    const stateAtMiddle = await timeStateAt(observer, Math.floor(lastSeq / 2));
    rows.push({
      minutes: minute,
      logEntries: lastSeq,
      welcome: {
        trainee: sizeOf(trainee.welcome),
        observer: sizeOf(observer.welcome),
        facilitator: sizeOf(again.welcome),
      },
      stateAt: { last: stateAtLast, middle: stateAtMiddle },
    });
    for (const c of [trainee, observer, again]) c.close();
  }

  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(
    '| minutes | log entries | trainee welcome KB (live view) | observer welcome KB (live view) | state_at last ms, median (fastest) | state_at middle ms, median (fastest) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const r of rows as {
    minutes: number;
    logEntries: number;
    welcome: Record<'trainee' | 'observer', WelcomeSize>;
    stateAt: Record<'last' | 'middle', { ms: number; minMs: number }>;
  }[]) {
    console.log(
      `| ${r.minutes} | ${r.logEntries} | ${kb(r.welcome.trainee.total)} (${kb(r.welcome.trainee.live)}) | ${kb(r.welcome.observer.total)} (${kb(r.welcome.observer.live)}) | ${r.stateAt.last.ms} (${r.stateAt.last.minMs}) | ${r.stateAt.middle.ms} (${r.stateAt.middle.minMs}) |`,
    );
  }
  console.log(
    JSON.stringify({
      shape: { minutes: MINUTES, trainees: TRAINEES, repeat: REPEAT },
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      rows,
    }),
  );
} finally {
  for (const c of clients) c.close();
  await server.stop();
}
