// One measured window of a benchmark run (scripts/bench.ts): a warm-up, then
// `duration` seconds in which the generators record every delivery; the
// server's CPU and memory around it, and its own "stats" lines within it.
import type { LoadShape } from './pipeline-load.ts';
import { cpuSeconds, rssBytes, summarize } from './proc-stats.ts';
import type { Workers } from './processes.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export interface Measured {
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

/** The rooms, and how long to warm up and to measure (seconds). */
export interface MeasureWindow {
  shape: LoadShape;
  warmup: number;
  duration: number;
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
export async function measure(
  pid: number,
  workers: Workers,
  idleRss: number,
  setupSeconds: number,
  { shape, warmup, duration }: MeasureWindow,
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
