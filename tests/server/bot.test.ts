// `npm run bot` against the real server: the server entry (server/main.ts,
// what `npm start` runs) serves a shipped scenario, the bot CLI joins a room
// of simulated trainees as a separate process, the facilitator starts the
// meeting once the required cards are held, and the bots carry it — chair
// included — through every agenda item to the end.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import type { StaticView } from '../../shared/views/types.ts';
import { fullHistory, sleep } from '../support/drill-room.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { API_TOKEN, AUTH_ENV, createSession } from '../support/session-api.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SCENARIO = 'micro-renewal-round-table';
// Five cards must be held (chair, planner and three residents' voices); two more sit as residents.
const TRAINEES = 7;

let server: ServerProcess;
let bot: ChildProcess | undefined;
let facilitator: HeadlessClient | undefined;

beforeAll(async () => {
  server = await startServerProcess({ env: AUTH_ENV });
});

afterAll(async () => {
  facilitator?.close();
  if (bot && bot.exitCode === null) bot.kill('SIGKILL');
  await server?.stop();
});

describe('npm run bot', () => {
  it(`${TRAINEES} bots run ${SCENARIO} to its end`, async () => {
    const session = await createSession(server.url, SCENARIO);
    facilitator = await HeadlessClient.connect(server.url, {
      role: 'facilitator',
      sessionId: session.sessionId,
      apiToken: API_TOKEN,
    });
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'scripts/bot.ts'),
        '--url',
        server.url,
        '--code',
        session.joinCode,
        '--trainees',
        String(TRAINEES),
        '--seed',
        '7',
        '--pace',
        '100',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    bot = child;
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

    // The facilitator starts the meeting as soon as the required cards are held.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ack = await facilitator.send({ type: 'meeting.start' });
      if (ack.ok) break;
      // Before the first bot joins, nobody has; then cards are still short. Nothing else.
      expect(['meeting/nobody_joined', 'meeting/required_cards'], output).toContain(ack.error.code);
      expect(Date.now(), `the bots never held the required cards:\n${output}`).toBeLessThan(deadline);
      await sleep(250);
    }
    const startedAt = Date.now();

    const closed = await facilitator.until((live) => live.phase === 'closed', 50_000);
    const code = await exited;
    expect(code, output).toBe(0);
    expect(output).toContain(`${TRAINEES} trainees joined ${session.joinCode}`);
    expect(output).toMatch(/meeting closed: 8 items/);

    // Every agenda item was held, in order, and both ballots were counted.
    const agenda = (facilitator.static as Extract<StaticView, { kind: 'full' }>).scenario.agenda;
    expect(closed.record.items.map((i) => i.item)).toEqual(agenda.map((i) => i.id));
    expect(closed.record.ballots.length).toBeGreaterThanOrEqual(1);
    expect(closed.record.turns.length).toBeGreaterThan(0);
    expect(closed.participants).toHaveLength(TRAINEES);
    expect(closed.participants.every((p) => p.roleId !== null)).toBe(true);
    const log = await fullHistory(facilitator);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    // The chair bot moved on from each item in turn, the last one closing the meeting.
    expect(log.filter((e) => e.type === 'item.next')).toHaveLength(agenda.length);
    expect(server.logs.join('')).not.toMatch(/"level":(50|60)/);
    console.info(
      `[bot] ${TRAINEES} bots: seated in ${startedAt - started} ms, meeting closed ${Date.now() - startedAt} ms later; ` +
        `${log.length} log entries; ${output.trim().split('\n').at(-1)}`,
    );
  }, 90_000);
});
