// Starts the real server as a child process on a free port, with its own
// data directory, and stops it (or kills it) on request. It starts the
// server's bundle that tests/global-setup.ts built (as `npm start` runs it),
// which comes up without compiling TypeScript; when that bundle is missing or
// older than the sources, it runs server/main.ts through tsx instead.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isFresh } from './freshness.ts';

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  logs: string[];
  /** Writes one line to the process's stdin (a test entry's control channel). */
  tell(line: string): void;
  /** Every complete JSON line the process has written to stdout so far (its log, its hooks' answers). */
  lines(): Record<string, unknown>[];
  /** Waits for a complete JSON line on stdout that `match` accepts, from line `from` on; returns it. */
  logged(
    match: (line: Record<string, unknown>) => boolean,
    what: string,
    from?: number,
  ): Promise<Record<string, unknown>>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerOptions {
  scenariosDir?: string;
  clientDir?: string;
  dataDir?: string;
  env?: Record<string, string>;
  /** Another entry point than server/main.ts, e.g. tests/support/faulty-server.ts. */
  entry?: string;
}

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * From spawn to listening. A start costs about 6 s of CPU (tsx loading the
 * modules, the scenario library); with the two cores shared by several test
 * runs (load 40-60) it took 40-123 s of wall time, measured. Just under the
 * hook timeout (vitest.config.ts), so a start that fails says why, with the logs.
 */
const START_TIMEOUT_MS = 55_000;

/** Where the tests' server bundle is built, at the depth of dist/server (its paths to package.json hold). */
export const BUILT_SERVER_DIR = 'dist/test-server';
export const BUILT_SERVER_STAMP = `${BUILT_SERVER_DIR}.built`;
/** What the server bundle is made of: a change to any of these rebuilds it. */
export const SERVER_SOURCES = [
  'server',
  'shared',
  'package.json',
  'package-lock.json',
  'scripts/build-server.mjs',
];

/** The node arguments that run the server: the fresh bundle, else the sources through tsx. */
function serverArgs(entry: string | undefined): string[] {
  if (entry) return ['--import', 'tsx', entry];
  const at = (path: string) => join(ROOT, path);
  return isFresh(at(BUILT_SERVER_STAMP), SERVER_SOURCES.map(at))
    ? [at(`${BUILT_SERVER_DIR}/main.mjs`)]
    : ['--import', 'tsx', at('server/main.ts')];
}

export async function startServerProcess(options: ServerOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'civic-data-'));
  const child = spawn(process.execPath, serverArgs(options.entry), {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SCENARIOS_DIR: options.scenariosDir ?? join(ROOT, 'scenarios'),
      CLIENT_DIR: options.clientDir ?? join(ROOT, 'dist/test-client'),
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: [options.entry ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  // A server outlives no test run: one left behind (a test that failed before
  // stopping it, a start that timed out) kept its CPU and memory for the rest of the suite.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const logs: string[] = [];
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind the failed test (its stop() is never reached).
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${logs.join('')}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      logs.push(text);
      const match = /"port":(\d+)[^\n]*listening/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${logs.join('')}`));
    });
  });
  // Only whole lines are parsed: a chunk of the pipe may end in the middle of one.
  const lines = () =>
    logs
      .join('')
      .split('\n')
      .slice(0, -1)
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const logged = async (match: (line: Record<string, unknown>) => boolean, what: string, from = 0) => {
    for (;;) {
      const found = lines().slice(from).find(match);
      if (found) return found;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the server stopped before it logged ${what}`);
      await new Promise<void>((next) => {
        const go = () => {
          child.stdout?.off('data', go);
          child.off('exit', go);
          next();
        };
        child.stdout?.on('data', go);
        child.on('exit', go);
      });
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    child,
    logs,
    tell: (line) => {
      child.stdin?.write(`${line}\n`);
    },
    lines,
    logged,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}
