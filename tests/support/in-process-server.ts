// A real server in the test's own process (startServer), on a fresh data
// folder and a scenario folder holding the leak fixture unless told other
// files: for tests that move its clock or read its SQLite file while it runs.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { ServerConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { AUTH_ENV } from './session-api.ts';

export const CANARY_SCENARIO = resolve(import.meta.dirname, '../fixtures/scenarios/leak/canary-hearing.yaml');

export type RunningServer = Awaited<ReturnType<typeof startServer>>;

export interface InProcessOptions {
  /** Scenario files copied into the scenario folder (the canary hearing by default). */
  scenarios?: string[];
  /** The data folder: a fresh one unless a test restarts on the same data. */
  dataDir?: string;
  /** The scenario folder: a fresh one with `scenarios` unless given. */
  scenariosDir?: string;
  /** Settings beyond the quiet defaults (e.g. retentionDays, trustProxy). */
  config?: Partial<ServerConfig>;
  /** The clock of accounts, links and locks, which the test moves. */
  now?: () => number;
  env?: NodeJS.ProcessEnv;
}

export async function startInProcess(
  name: string,
  options: InProcessOptions = {},
): Promise<{ running: RunningServer; url: string; dataDir: string; scenariosDir: string }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `${name}-`));
  let scenariosDir = options.scenariosDir;
  if (!scenariosDir) {
    scenariosDir = mkdtempSync(join(tmpdir(), `${name}-scenarios-`));
    for (const file of options.scenarios ?? [CANARY_SCENARIO])
      copyFileSync(file, join(scenariosDir, basename(file)));
  }
  const running = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      scenariosDir,
      clientDir: join(dataDir, 'no-client'),
      logLevel: 'silent',
      statsIntervalMs: 0,
      ...options.config,
    },
    options.env ?? AUTH_ENV,
    options.now ? { now: options.now } : {},
  );
  return { running, url: `http://127.0.0.1:${running.port}`, dataDir, scenariosDir };
}
