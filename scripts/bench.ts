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
import type { LoadShape } from './bench/pipeline-load.ts';
import { cpuSeconds, rssBytes, summarize } from './bench/proc-stats.ts';
import { freePort, type Started, start, Workers } from './bench/processes.ts';
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

interface Measured {
  sockets: number;
  setupSeconds: number;
  latency: ReturnType<typeof summarize>;
  deliveriesPerSecond: number;
  commandsPerSecond: number;
  refused: number;
  cpuPercent: number;
  rssMb: number;
  memoryPerSocketKb: number;
  /** The server's own last "stats" line in the window (the pipeline only): where the RSS is. */
  heap?: { usedMb: number; totalMb: number; externalMb: number };
  /** The server's event-loop delay over the window, from its stats lines: its own share of the latency. */
  loopDelay?: { p50Ms: number; p99Ms: number; maxMs: number };
  /** The load generators' event-loop delay (the worst one's): their share. */
  generatorLoopDelay: { p99Ms: number; maxMs: number };
}

interface StatsLine {
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** The server's "stats" lines (every STATS_INTERVAL_MS) logged in the window: memory, and event-loop delay. */
function serverStats(lines: string[]): Pick<Measured, 'heap' | 'loopDelay'> {
  const stats = lines.filter((l) => l.includes('"msg":"stats"')).map((l) => JSON.parse(l) as StatsLine);
  const last = stats.at(-1);
  if (!last) return {};
  const mean = (f: (s: StatsLine) => number) =>
    Math.round((stats.reduce((n, s) => n + f(s), 0) / stats.length) * 100) / 100;
  return {
    heap: { usedMb: last.heapUsedMb, totalMb: last.heapTotalMb, externalMb: last.externalMb },
    loopDelay: {
      p50Ms: mean((s) => s.loopDelayP50Ms),
      p99Ms: mean((s) => s.loopDelayP99Ms),
      maxMs: Math.max(...stats.map((s) => s.loopDelayMaxMs)),
    },
  };
}

/** Warm-up, then `duration` seconds measured: latency, throughput, the server's CPU and memory. */
async function measure(
  pid: number,
  workers: Workers,
  idleRss: number,
  setupSeconds: number,
  serverLines?: string[],
): Promise<Measured> {
  const sockets = shape.sessions * (shape.trainees + shape.observers);
  const connectedRss = rssBytes(pid);
  workers.broadcast({ type: 'run' });
  await sleep(warmup * 1000);
  const cpu0 = cpuSeconds(pid);
  const linesBefore = serverLines?.length ?? 0;
  const t0 = performance.now();
  workers.broadcast({ type: 'measure', on: true });
  await sleep(duration * 1000);
  workers.broadcast({ type: 'measure', on: false });
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(pid);
  const rss = rssBytes(pid);
  const { latencies, acked, refused, generatorLoopDelay } = await workers.results();
  return {
    sockets,
    setupSeconds: Math.round(setupSeconds * 10) / 10,
    latency: summarize(latencies),
    deliveriesPerSecond: Math.round(latencies.length / elapsed),
    commandsPerSecond: Math.round(acked / elapsed),
    refused,
    cpuPercent: Math.round(((cpu1 - cpu0) / elapsed) * 100),
    rssMb: mb(rss),
    memoryPerSocketKb: Math.round((connectedRss - idleRss) / sockets / 1024),
    generatorLoopDelay,
    ...(serverLines && serverStats(serverLines.slice(linesBefore))),
  };
}

const RELAY = 'scripts/bench/relay-server.ts';

async function runRelay(): Promise<{ measured: Measured; recovery?: Recovery }> {
  const port = await freePort();
  const server = await start(RELAY, port, {});
  const pid = server.child.pid as number;
  await sleep(1000);
  const idle = rssBytes(pid);
  const workers = new Workers(workerCount);
  const setup = await workers.setup('relay', `http://127.0.0.1:${server.port}`, shape, API_TOKEN);
  const measured = await measure(pid, workers, idle, setup);
  // The relay keeps nothing: its recovery is the floor for reconnecting this many clients here.
  const recovery = values['no-recovery'] ? undefined : await recover(server, RELAY, port, {}, workers);
  if (!recovery) await stop(server);
  workers.close();
  return { measured, ...(recovery && { recovery }) };
}

interface Recovery {
  /** From spawning the new process to its listening socket (Node start, module load, restore). */
  bootMs: number;
  /** The pipeline only: sessions restored, and the server's own time for it. */
  sessionsRestored?: number;
  serverRestoreMs?: number;
  allResyncedMs: number;
  clientsResynced: number;
  acknowledgedLost: number;
}

async function runPipeline(): Promise<{ measured: Measured; recovery?: Recovery }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
  const env = {
    DATA_DIR: dataDir,
    API_TOKEN,
    CLIENT_DIR: join(dataDir, 'no-client'),
    STATS_INTERVAL_MS: '5000',
  };
  const server = await start(SERVER, port, env, serverNodeArgs('load'));
  const pid = server.child.pid as number;
  await sleep(1000);
  const idle = rssBytes(pid);
  const workers = new Workers(workerCount);
  const setup = await workers.setup('pipeline', `http://127.0.0.1:${port}`, shape, API_TOKEN);
  const measured = await measure(pid, workers, idle, setup, server.lines);
  const recovery = values['no-recovery'] ? undefined : await recover(server, SERVER, port, env, workers);
  if (!recovery) await stop(server);
  workers.close();
  return { measured, ...(recovery && { recovery }) };
}

/**
 * The same V8 flags npm start uses (scripts/server-node-args.mjs) unless
 * overridden; with --profile, a CPU profile of each server process, named
 * after the phase it ran (under load, or recovering).
 */
function serverNodeArgs(phase: 'load' | 'recovery'): string[] {
  const tuning = (values['server-node-args'] ?? '').split(' ').filter(Boolean);
  if (!values.profile) return tuning;
  return [...tuning, '--cpu-prof', `--cpu-prof-dir=${values.profile}`, `--cpu-prof-name=${phase}.cpuprofile`];
}

/** Stops a server so that its profile, if any, is written (SIGINT: a clean shutdown). */
async function stop(server: Started): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill(values.profile ? 'SIGINT' : 'SIGKILL');
  await exited;
}

/** SIGKILL with every session live, restart on the same port and data, time until every client has resynced. */
async function recover(
  server: Started,
  script: string,
  port: number,
  env: Record<string, string>,
  workers: Workers,
): Promise<Recovery> {
  await sleep(1000); // the last commands settle
  const armed = await workers.armRecovery();
  server.child.kill('SIGKILL');
  await new Promise((r) => server.child.once('exit', r));
  const spawnedAt = Date.now();
  const restarted = await start(script, port, env, script === SERVER ? serverNodeArgs('recovery') : []);
  const bootMs = Date.now() - spawnedAt;
  const done = await Promise.race([armed.resynced, sleep(180_000).then(() => undefined)]);
  const restoredLine = restarted.lines.find((l) => l.includes('sessions restored'));
  const restored = restoredLine ? (JSON.parse(restoredLine) as { sessions: number; ms: number }) : undefined;
  await stop(restarted);
  return {
    bootMs,
    ...(restored && { sessionsRestored: restored.sessions, serverRestoreMs: restored.ms }),
    allResyncedMs: done ? done.at - spawnedAt : -1,
    clientsResynced: done?.members ?? 0,
    acknowledgedLost: done?.lost ?? -1,
  };
}

function row(name: string, m: Measured): string {
  const l = m.latency;
  return [
    name,
    m.sockets,
    m.deliveriesPerSecond,
    m.commandsPerSecond,
    l.p50,
    l.p95,
    l.p99,
    l.max,
    `${m.cpuPercent}%`,
    m.rssMb,
    m.memoryPerSocketKb,
  ]
    .map((c) => String(c).padStart(9))
    .join(' ');
}
const HEADER = [
  '',
  'sockets',
  'deliv/s',
  'cmd/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'cpu',
  'rss MB',
  'KB/sock',
];

await buildServer(SERVER_DIR);
const machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model ?? '',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.error(
  `machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GiB, Node ${machine.node}; ${workerCount} generator processes`,
);

if (values.sweep) {
  console.log(['sessions', ...HEADER.slice(1)].map((c) => c.padStart(9)).join(' '));
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
const relay = relayRun?.measured;
const pipeline = await runPipeline();
console.log(
  `S=${shape.sessions} P=${shape.trainees} O=${shape.observers} R=${shape.rate}/s, ${duration} s measured after ${warmup} s warm-up`,
);
console.log(HEADER.map((c) => c.padStart(9)).join(' '));
if (relay) console.log(row('relay', relay));
console.log(row('pipeline', pipeline.measured));
const heap = pipeline.measured.heap;
if (heap)
  console.log(
    `pipeline server memory: JS heap ${heap.usedMb} MB used of ${heap.totalMb} MB, external ${heap.externalMb} MB (RSS ${pipeline.measured.rssMb} MB)`,
  );
const lag = pipeline.measured.loopDelay;
if (lag)
  console.log(
    `pipeline server event-loop delay (mean of 5 s windows): p50 ${lag.p50Ms} ms, p99 ${lag.p99Ms} ms; max ${lag.maxMs} ms`,
  );
for (const [name, m] of [
  ['relay', relay],
  ['pipeline', pipeline.measured],
] as const) {
  if (m)
    console.log(
      `${name} load generators' event-loop delay: p99 ${m.generatorLoopDelay.p99Ms} ms, max ${m.generatorLoopDelay.maxMs} ms`,
    );
}
if (relayRun?.recovery) {
  const r = relayRun.recovery;
  console.log(
    `relay after SIGKILL: process up in ${r.bootMs} ms, ${r.clientsResynced} clients reconnected ${r.allResyncedMs} ms after the restart began`,
  );
}
if (pipeline.recovery) {
  const r = pipeline.recovery;
  console.log(
    `pipeline after SIGKILL: process up in ${r.bootMs} ms, ${r.sessionsRestored} sessions restored in ${r.serverRestoreMs} ms, ` +
      `${r.clientsResynced} clients resynced ${r.allResyncedMs} ms after the restart began; acknowledged commands lost in ${r.acknowledgedLost} sessions`,
  );
}
const ratio = relay ? Math.round((pipeline.measured.latency.p99 / relay.latency.p99) * 100) / 100 : null;
console.log(
  JSON.stringify({
    shape,
    duration,
    machine,
    pipeline: { ...pipeline.measured, recovery: pipeline.recovery },
    relay: relayRun && { ...relayRun.measured, recovery: relayRun.recovery },
    p99_ratio: ratio,
  }),
);
process.exit(0);
