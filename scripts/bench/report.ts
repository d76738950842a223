// What a benchmark run prints (scripts/bench.ts): one table row per measured
// server, and after a single run the lines on memory, event-loop delay and
// recovery, then one JSON line with everything.
import type { Measured } from './measure.ts';
import type { LoadShape } from './pipeline-load.ts';
import type { Recovery } from './recovery.ts';

export interface Run {
  measured: Measured;
  recovery?: Recovery;
}

export interface Machine {
  cpus: number;
  model: string;
  memoryGb: number;
  node: string;
}

export const HEADER = [
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

export const tableLine = (cells: readonly string[]) => cells.map((c) => c.padStart(9)).join(' ');

export function row(name: string, m: Measured): string {
  const l = m.latency;
  return tableLine(
    [
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
    ].map(String),
  );
}

/** The relay (when run) beside the pipeline: the table, the pipeline's memory and delays, both recoveries, the JSON. */
export function printRun(
  run: { shape: LoadShape; duration: number; warmup: number; machine: Machine },
  pipeline: Run,
  relayRun: Run | undefined,
): void {
  const { shape, duration, warmup, machine } = run;
  const relay = relayRun?.measured;
  console.log(
    `S=${shape.sessions} P=${shape.trainees} O=${shape.observers} R=${shape.rate}/s, ${duration} s measured after ${warmup} s warm-up`,
  );
  console.log(tableLine(HEADER));
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
}
