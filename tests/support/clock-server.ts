// The real server (server/main.ts's startServer) on a clock the test moves
// (manual-clock.ts): the sessions' deadlines, the accounts and the HTTP app
// all read it. It starts at TEST_CLOCK_START (ms since the epoch); a
// restarted process is given the time the test says the outage lasted to.
// "advance <ms>" on stdin moves it to that time, waking every deadline due on
// the way; the answer {"hook":"advance","now","woke","next"} (how many
// wake-ups ran, the next one armed) is written once they have been applied
// (their entries numbered and handed to the commit).
import { createInterface } from 'node:readline';
import { keepServing, startServer } from '../../server/main.ts';
import { ManualClock } from './manual-clock.ts';

const start = Number(process.env.TEST_CLOCK_START);
if (!Number.isSafeInteger(start)) throw new Error('TEST_CLOCK_START must be a time in ms since the epoch');
const clock = new ManualClock(start);

const control = createInterface({ input: process.stdin });
// The test runner is gone (killed mid-run): do not stay behind, loading the machine.
control.on('close', () => process.exit(0));
control.on('line', (line) => {
  const [command, arg] = line.trim().split(/\s+/);
  if (command !== 'advance') return;
  const to = Number(arg);
  const answer = (fields: Record<string, unknown>) =>
    process.stdout.write(`${JSON.stringify({ hook: 'advance', to, ...fields })}\n`);
  try {
    const woke = clock.advanceTo(to);
    answer({ now: clock.now(), woke, next: clock.nextWakeUp ?? null });
  } catch (error) {
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
});

const running = await startServer(undefined, process.env, { clock, now: () => clock.now() });
keepServing(running.logger);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void running.close().then(() => process.exit(0)));
