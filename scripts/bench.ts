// npm run bench [-- --quick] [--sessions S] [--trainees P] [--observers O] [--rate R]
//               [--duration SECONDS] [--sweep 50,100,200,334] [--profile DIR] [--no-relay] [--no-recovery]
//
// Measures the live pipeline and, in the same run on the same machine, a
// bare Socket.IO relay: fan-out latency to every member of every room,
// deliveries per second, server CPU and RSS, memory per socket; then SIGKILLs
// the pipeline with every session live and times the recovery. Prints a table
// and one JSON line.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type Collector,
  closeRooms,
  type LoadShape,
  type Room,
  setUpRooms,
  stepRoom,
} from './bench/pipeline-load.ts';
import { cpuSeconds, rssBytes, summarize } from './bench/proc-stats.ts';
import { closeRelayRooms, setUpRelayRooms, stepRelayRoom } from './bench/relay-load.ts';
import { buildServer } from './build-server.mjs';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sessions: { type: 'string' },
    trainees: { type: 'string', default: '15' },
    observers: { type: 'string', default: '2' },
    rate: { type: 'string', default: '2' },
    duration: { type: 'string' },
    warmup: { type: 'string', default: '5' },
    sweep: { type: 'string' },
    profile: { type: 'string' },
    'no-relay': { type: 'boolean', default: false },
    'no-recovery': { type: 'boolean', default: false },
  },
});
const shape: LoadShape = {
  sessions: Number(values.sessions ?? (values.quick ? 50 : 334)),
  trainees: Number(values.trainees),
  observers: Number(values.observers),
  rate: Number(values.rate),
};
const duration = Number(values.duration ?? (values.quick ? 15 : 60));
const warmup = Number(values.warmup);
const PASSWORD = 'bench-password';
// Its own copy of the bundle: nothing else rebuilding dist/ can pull it away mid-run.
const SERVER = `dist/bench-server/main-${process.pid}.mjs`;
const ROOT = new URL('..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  port: number;
  lines: string[];
}

function start(
  script: string,
  port: number,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Started> {
  // The pipeline runs as npm start runs it: the bundled server, no TypeScript loader.
  const loader = script.endsWith('.mjs') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (/"listening"|is listening/.test(line)) resolve({ child, port, lines });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

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
}

/** Runs ticks for every room at R per second, warm-up first, then measures. */
async function drive(
  pid: number,
  collector: Collector,
  rooms: number,
  step: (room: number, tick: number) => void,
  idleRss: number,
  sockets: number,
  setupSeconds: number,
): Promise<Measured> {
  const connectedRss = rssBytes(pid);
  const timers: NodeJS.Timeout[] = [];
  const period = 1000 / shape.rate;
  for (let r = 0; r < rooms; r++) {
    let tick = 0;
    // Rooms start out of phase, as real rooms would.
    const offset = Math.random() * period;
    timers.push(setTimeout(() => timers.push(setInterval(() => step(r, tick++), period)), offset));
  }
  await sleep(warmup * 1000);
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  collector.measuring = true;
  await sleep(duration * 1000);
  collector.measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(pid);
  const rss = rssBytes(pid);
  for (const t of timers) clearInterval(t);
  await sleep(1500);
  return {
    sockets,
    setupSeconds,
    latency: summarize(collector.latencies),
    deliveriesPerSecond: Math.round(collector.latencies.length / elapsed),
    commandsPerSecond: Math.round(collector.acked / elapsed),
    refused: collector.refused,
    cpuPercent: Math.round(((cpu1 - cpu0) / elapsed) * 100),
    rssMb: mb(rss),
    memoryPerSocketKb: Math.round((connectedRss - idleRss) / sockets / 1024),
  };
}

async function runRelay(): Promise<Measured> {
  const server = await start('scripts/bench/relay-server.ts', await freePort(), {});
  const pid = server.child.pid as number;
  await sleep(1000);
  const idle = rssBytes(pid);
  const collector: Collector = { latencies: [], acked: 0, refused: 0, measuring: false };
  const t = performance.now();
  const rooms = await setUpRelayRooms(`http://127.0.0.1:${server.port}`, shape, collector);
  const setup = (performance.now() - t) / 1000;
  const sockets = shape.sessions * (shape.trainees + shape.observers);
  const result = await drive(
    pid,
    collector,
    rooms.length,
    (r, tick) => stepRelayRoom(rooms[r] as (typeof rooms)[number], tick, collector),
    idle,
    sockets,
    setup,
  );
  closeRelayRooms(rooms);
  server.child.kill('SIGKILL');
  return result;
}

interface Recovery {
  /** From spawning the new process to its listening socket (Node start, module load, restore). */
  bootMs: number;
  sessionsRestored: number;
  serverRestoreMs: number;
  allResyncedMs: number;
  clientsResynced: number;
  acknowledgedLost: number;
}

async function runPipeline(): Promise<{ measured: Measured; recovery?: Recovery }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-'));
  const env = { DATA_DIR: dataDir, FACILITATOR_PASSWORD: PASSWORD, CLIENT_DIR: join(dataDir, 'no-client') };
  const nodeArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  const server = await start(SERVER, port, env, nodeArgs);
  const pid = server.child.pid as number;
  await sleep(1000);
  const idle = rssBytes(pid);
  const collector: Collector = { latencies: [], acked: 0, refused: 0, measuring: false };
  const url = `http://127.0.0.1:${port}`;
  const t = performance.now();
  const rooms = await setUpRooms(url, PASSWORD, shape, collector);
  const setup = (performance.now() - t) / 1000;
  const sockets = shape.sessions * (shape.trainees + shape.observers);
  const measured = await drive(
    pid,
    collector,
    rooms.length,
    (r) => stepRoom(rooms[r] as Room, collector),
    idle,
    sockets,
    setup,
  );
  if (values.profile) {
    server.child.kill('SIGINT');
    await new Promise((r) => server.child.once('exit', r));
    closeRooms(rooms);
    return { measured };
  }
  const recovery = values['no-recovery'] ? undefined : await recover(server, port, env, rooms);
  closeRooms(rooms);
  return { measured, ...(recovery && { recovery }) };
}

/** SIGKILL with every session live, restart on the same port and data, time until every client has resynced. */
async function recover(
  server: Started,
  port: number,
  env: Record<string, string>,
  rooms: Room[],
): Promise<Recovery> {
  const lastAcked = rooms.map((r) => r.lastAcked);
  const members = rooms.flatMap((r) => [r.facilitator, ...r.members.map((m) => m.socket)]);
  let resynced = 0;
  const welcomedSeq = new Map<Room, number>();
  let allResyncedAt = 0;
  for (const room of rooms) {
    room.facilitator.once('welcome', (payload: { live: { seq: number } }) =>
      welcomedSeq.set(room, payload.live.seq),
    );
  }
  for (const socket of members) {
    socket.once('welcome', () => {
      resynced++;
      if (resynced === members.length) allResyncedAt = performance.now();
    });
  }
  server.child.kill('SIGKILL');
  await new Promise((r) => server.child.once('exit', r));
  const spawnedAt = performance.now();
  const restarted = await start(SERVER, port, env);
  const bootMs = Math.round(performance.now() - spawnedAt);
  const deadline = performance.now() + 120_000;
  while (resynced < members.length && performance.now() < deadline) await sleep(20);
  const restoredLine = restarted.lines.find((l) => l.includes('sessions restored')) ?? '{}';
  const restored = JSON.parse(restoredLine) as { sessions?: number; ms?: number };
  const lost = rooms.filter((room, i) => (welcomedSeq.get(room) ?? -1) < (lastAcked[i] ?? 0)).length;
  restarted.child.kill('SIGKILL');
  return {
    bootMs,
    sessionsRestored: restored.sessions ?? 0,
    serverRestoreMs: restored.ms ?? -1,
    allResyncedMs: allResyncedAt ? Math.round(allResyncedAt - spawnedAt) : -1,
    clientsResynced: resynced,
    acknowledgedLost: lost,
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

await buildServer(SERVER);
const machine = {
  cpus: cpus().length,
  model: cpus()[0]?.model ?? '',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.error(`machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GiB, Node ${machine.node}`);

if (values.sweep) {
  console.log(
    [
      'sessions',
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
    ]
      .map((c) => c.padStart(9))
      .join(' '),
  );
  for (const s of values.sweep.split(',').map(Number)) {
    shape.sessions = s;
    const { measured } = await runPipeline();
    console.log(row(String(s), measured));
  }
  process.exit(0);
}

const relay = values['no-relay'] ? undefined : await runRelay();
const pipeline = await runPipeline();
console.log(
  `S=${shape.sessions} P=${shape.trainees} O=${shape.observers} R=${shape.rate}/s, ${duration} s measured after ${warmup} s warm-up`,
);
console.log(
  ['', 'sockets', 'deliv/s', 'cmd/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'cpu', 'rss MB', 'KB/sock']
    .map((c) => c.padStart(9))
    .join(' '),
);
if (relay) console.log(row('relay', relay));
console.log(row('pipeline', pipeline.measured));
if (pipeline.recovery) {
  const r = pipeline.recovery;
  console.log(
    `recovery after SIGKILL: process up in ${r.bootMs} ms, ${r.sessionsRestored} sessions restored in ${r.serverRestoreMs} ms, ` +
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
    relay,
    p99_ratio: ratio,
  }),
);
process.exit(0);
