// The processes a benchmark run starts: servers (the pipeline bundle or the
// relay) and the load-generator workers, each with its share of the rooms.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { LoadShape } from './pipeline-load.ts';
import type { FromWorker, ToWorker } from './worker.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  port: number;
  lines: string[];
}

export function start(
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

/** The generator processes, each with its share of the rooms. */
export class Workers {
  private readonly children: ChildProcess[] = [];

  constructor(count: number) {
    for (let i = 0; i < count; i++) {
      this.children.push(
        fork(join(ROOT, 'scripts/bench/worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
      );
    }
  }

  private ask<T extends FromWorker['type']>(
    child: ChildProcess,
    message: ToWorker,
    answer: T,
  ): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve) => {
      const on = (reply: FromWorker) => {
        if (reply.type !== answer) return;
        child.off('message', on);
        resolve(reply as Extract<FromWorker, { type: T }>);
      };
      child.on('message', on);
      child.send(message);
    });
  }

  async setup(mode: 'relay' | 'pipeline', url: string, shape: LoadShape, apiToken: string): Promise<number> {
    const share = (i: number) =>
      Math.floor(shape.sessions / this.children.length) + (i < shape.sessions % this.children.length ? 1 : 0);
    const started = performance.now();
    await Promise.all(
      this.children.map((c, i) =>
        this.ask(c, { type: 'setup', mode, url, apiToken, shape: { ...shape, sessions: share(i) } }, 'ready'),
      ),
    );
    return (performance.now() - started) / 1000;
  }

  broadcast(message: ToWorker): void {
    for (const c of this.children) c.send(message);
  }

  async results(): Promise<{
    latencies: number[];
    acked: number;
    refused: number;
    generatorLoopDelay: { p99Ms: number; maxMs: number };
  }> {
    const all = await Promise.all(this.children.map((c) => this.ask(c, { type: 'stop' }, 'result')));
    return {
      latencies: all.flatMap((r) => r.latencies),
      acked: all.reduce((n, r) => n + r.acked, 0),
      refused: all.reduce((n, r) => n + r.refused, 0),
      // The worst generator's: any of them lagging delays the arrivals it times.
      generatorLoopDelay: {
        p99Ms: Math.max(...all.map((r) => r.loopDelayP99Ms)),
        maxMs: Math.max(...all.map((r) => r.loopDelayMaxMs)),
      },
    };
  }

  async armRecovery(): Promise<{
    members: number;
    resynced: Promise<{ members: number; lost: number; at: number }>;
  }> {
    const resynced = this.children.map(
      (c) =>
        new Promise<Extract<FromWorker, { type: 'resynced' }>>((resolve) => {
          const on = (reply: FromWorker) => {
            if (reply.type === 'resynced') {
              c.off('message', on);
              resolve(reply);
            }
          };
          c.on('message', on);
        }),
    );
    const armed = await Promise.all(this.children.map((c) => this.ask(c, { type: 'arm-recovery' }, 'armed')));
    return {
      members: armed.reduce((n, a) => n + a.members, 0),
      resynced: Promise.all(resynced).then((all) => ({
        members: all.reduce((n, r) => n + r.members, 0),
        lost: all.reduce((n, r) => n + r.lost, 0),
        at: Math.max(...all.map((r) => r.at)),
      })),
    };
  }

  close(): void {
    this.broadcast({ type: 'close' });
  }
}
