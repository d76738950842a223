// npm run bench [-- --quick] [--sessions S] [--trainees P] [--observers O] [--rate R] [--workers W]
//               [--duration SECONDS] [--sweep 50,100,200,334] [--profile DIR] [--no-relay] [--no-recovery]
//
// Measures the live pipeline and, in the same run on the same machine, a
// bare Socket.IO relay with the same room shapes: fan-out latency to every
// member of every room, deliveries per second, server CPU and RSS, memory
// per socket; then SIGKILLs the pipeline with every session live and times
// the recovery. The load comes from W generator processes. Prints a table
// and one JSON line.
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type MeasureWindow, measure, sleep } from './bench/measure.ts';
import type { LoadShape } from './bench/pipeline-load.ts';
import { rssBytes } from './bench/proc-stats.ts';
import { freePort, start, Workers } from './bench/processes.ts';
import { recover, type ServerFlags, serverNodeArgs, stop } from './bench/recovery.ts';
import { HEADER, type Machine, printRun, type Run, row, tableLine } from './bench/report.ts';
import { buildServer } from './build-server.mjs';
import { integerOption, parseCli, positiveNumberOption, usageError } from './cli.ts';
import { SERVER_NODE_ARGS } from './server-node-args.mjs';

const SERVER_NODE_ARGS_DEFAULT = SERVER_NODE_ARGS.join(' ');

const NAME = 'bench';
const { values } = parseCli({
  name: NAME,
  usage: `usage: npm run bench [-- --quick] [--sessions S] [--trainees P] [--observers O] [--rate R]
                 [--workers W] [--duration SECONDS] [--warmup SECONDS] [--sweep 50,100,200,334]
                 [--profile DIR] [--no-relay] [--no-recovery] [--server-node-args "ARGS"]

Measures the live pipeline against a bare Socket.IO relay with the same room
shapes, then SIGKILLs it with every session live and times the recovery.
See docs/benchmarks.md.

  --quick              50 sessions for 15 s (default: 334 sessions for 60 s)
  --sessions S         sessions
  --trainees P         trainees per session (default 15)
  --observers O        observers per session (default 2)
  --rate R             commands per second per session (default 2)
  --workers W          load generator processes (default 2)
  --duration SECONDS   measured window
  --warmup SECONDS     warm-up before it (default 5)
  --sweep LIST         run once per session count in LIST
  --profile DIR        write the server's CPU profiles to DIR
  --no-relay           skip the relay
  --no-recovery        skip the SIGKILL recovery
  --server-node-args   node flags for the server (default "${SERVER_NODE_ARGS_DEFAULT}")
  -h, --help           this text`,
  options: {
    quick: { type: 'boolean', default: false },
    sessions: { type: 'string' },
    trainees: { type: 'string', default: '15' },
    observers: { type: 'string', default: '2' },
    rate: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    duration: { type: 'string' },
    warmup: { type: 'string', default: '5' },
    sweep: { type: 'string' },
    profile: { type: 'string' },
    'no-relay': { type: 'boolean', default: false },
    'no-recovery': { type: 'boolean', default: false },
    'server-node-args': { type: 'string', default: SERVER_NODE_ARGS_DEFAULT },
  },
});
const shape: LoadShape = {
  sessions: integerOption(NAME, 'sessions', values.sessions ?? (values.quick ? '50' : '334'), 1),
  trainees: integerOption(NAME, 'trainees', values.trainees, 1),
  observers: integerOption(NAME, 'observers', values.observers),
  rate: positiveNumberOption(NAME, 'rate', values.rate),
};
const workerCount = integerOption(NAME, 'workers', values.workers, 1);
const duration = integerOption(NAME, 'duration', values.duration ?? (values.quick ? '15' : '60'), 1);
const warmup = integerOption(NAME, 'warmup', values.warmup);
if (values.sweep && !/^\d+(,\d+)*$/.test(values.sweep))
  usageError(NAME, `--sweep must be session counts separated by commas, found "${values.sweep}"`);
/** The server's API token (API_TOKEN): the load generators create and run sessions with it, as scripts do. */
const API_TOKEN = 'crt_bench-api-token-000000000000000000';
// Its own copy of the bundle: nothing else rebuilding dist/ can pull it away mid-run.
const SERVER_DIR = `dist/bench-server/${process.pid}`;
const SERVER = `${SERVER_DIR}/main.mjs`;

const window: MeasureWindow = { shape, warmup, duration };
const flags: ServerFlags = {
  nodeArgs: values['server-node-args'] ?? '',
  ...(values.profile && { profile: values.profile }),
};

const RELAY = 'scripts/bench/relay-server.ts';

async function runRelay(): Promise<Run> {
  const port = await freePort();
  const server = await start(RELAY, port, {});
  const pid = server.child.pid as number;
  await sleep(1000);
  const idle = rssBytes(pid);
  const workers = new Workers(workerCount);
  const setup = await workers.setup('relay', `http://127.0.0.1:${server.port}`, shape, API_TOKEN);
  const measured = await measure(pid, workers, idle, setup, window);
  // The relay keeps nothing: its recovery is the floor for reconnecting this many clients here.
  const recovery = values['no-recovery']
    ? undefined
    : await recover(server, RELAY, port, {}, workers, flags, []);
  if (!recovery) await stop(server, flags);
  workers.close();
  return { measured, ...(recovery && { recovery }) };
}

async function runPipeline(): Promise<Run> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
  const env = {
    DATA_DIR: dataDir,
    API_TOKEN,
    CLIENT_DIR: join(dataDir, 'no-client'),
    STATS_INTERVAL_MS: '5000',
  };
  const server = await start(SERVER, port, env, serverNodeArgs(flags, 'load'));
  const pid = server.child.pid as number;
  await sleep(1000);
  const idle = rssBytes(pid);
  const workers = new Workers(workerCount);
  const setup = await workers.setup('pipeline', `http://127.0.0.1:${port}`, shape, API_TOKEN);
  const measured = await measure(pid, workers, idle, setup, window, server.lines);
  const recovery = values['no-recovery']
    ? undefined
    : await recover(server, SERVER, port, env, workers, flags, serverNodeArgs(flags, 'recovery'));
  if (!recovery) await stop(server, flags);
  workers.close();
  return { measured, ...(recovery && { recovery }) };
}

await buildServer(SERVER_DIR);
const machine: Machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model ?? '',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.error(
  `machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GiB, Node ${machine.node}; ${workerCount} generator processes`,
);

if (values.sweep) {
  console.log(tableLine(['sessions', ...HEADER.slice(1)]));
  const points = [];
  for (const s of values.sweep.split(',').map(Number)) {
    shape.sessions = s;
    const relay = values['no-relay'] ? undefined : (await runRelay()).measured;
    const { measured } = await runPipeline();
    if (relay) console.log(row(`relay ${s}`, relay));
    console.log(row(`pipe ${s}`, measured));
    points.push({ sessions: s, pipeline: measured, relay });
  }
  console.log(JSON.stringify({ sweep: points, machine }));
  process.exit(0);
}

const relayRun = values['no-relay'] ? undefined : await runRelay();
const pipeline = await runPipeline();
printRun({ shape, duration, warmup, machine }, pipeline, relayRun);
process.exit(0);
