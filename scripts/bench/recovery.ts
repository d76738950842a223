// The recovery half of a benchmark run (scripts/bench.ts): SIGKILL a server
// with every session live, restart it on the same port and data, and time
// until every client has resynced. Also how a server is started (its node
// flags, a CPU profile per phase) and stopped so that its profile is written.
import { sleep } from './measure.ts';
import { type Started, start, type Workers } from './processes.ts';

export interface Recovery {
  /** From spawning the new process to its listening socket (Node start, module load, restore). */
  bootMs: number;
  /** The pipeline only: sessions restored, and the server's own time for it. */
  sessionsRestored?: number;
  serverRestoreMs?: number;
  allResyncedMs: number;
  clientsResynced: number;
  acknowledgedLost: number;
}

/** The node flags a server runs with, and where its CPU profiles go (none without). */
export interface ServerFlags {
  nodeArgs: string;
  profile?: string;
}

/**
 * The same V8 flags npm start uses (scripts/server-node-args.mjs) unless
 * overridden; with a profile directory, a CPU profile of each server process,
 * named after the phase it ran (under load, or recovering).
 */
export function serverNodeArgs(flags: ServerFlags, phase: 'load' | 'recovery'): string[] {
  const tuning = flags.nodeArgs.split(' ').filter(Boolean);
  if (!flags.profile) return tuning;
  return [...tuning, '--cpu-prof', `--cpu-prof-dir=${flags.profile}`, `--cpu-prof-name=${phase}.cpuprofile`];
}

/** Stops a server so that its profile, if any, is written (SIGINT: a clean shutdown). */
export async function stop(server: Started, flags: ServerFlags): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill(flags.profile ? 'SIGINT' : 'SIGKILL');
  await exited;
}

/** SIGKILL with every session live, restart on the same port and data, time until every client has resynced. */
export async function recover(
  server: Started,
  script: string,
  port: number,
  env: Record<string, string>,
  workers: Workers,
  flags: ServerFlags,
  restartArgs: string[],
): Promise<Recovery> {
  await sleep(1000); // the last commands settle
  const armed = await workers.armRecovery();
  server.child.kill('SIGKILL');
  await new Promise((r) => server.child.once('exit', r));
  const spawnedAt = Date.now();
  const restarted = await start(script, port, env, restartArgs);
  const bootMs = Date.now() - spawnedAt;
  const done = await Promise.race([armed.resynced, sleep(180_000).then(() => undefined)]);
  const restoredLine = restarted.lines.find((l) => l.includes('sessions restored'));
  const restored = restoredLine ? (JSON.parse(restoredLine) as { sessions: number; ms: number }) : undefined;
  await stop(restarted, flags);
  return {
    bootMs,
    ...(restored && { sessionsRestored: restored.sessions, serverRestoreMs: restored.ms }),
    allResyncedMs: done ? done.at - spawnedAt : -1,
    clientsResynced: done?.members ?? 0,
    acknowledgedLost: done?.lost ?? -1,
  };
}
