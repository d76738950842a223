// Builds what the tests run once per run, and only when its sources changed
// since the last run's build:
//   - the client, for the end-to-end tests (served by a real server). When a
//     run is filtered to files outside tests/e2e (e.g. `vitest run
//     tests/shared`), it is not built: those tests never load a page.
//   - the server's bundle (as `npm start` runs it), for the runs that take
//     tests/e2e or tests/server: their server processes start from it instead
//     of compiling the TypeScript on each start (tests/support/server-process.ts;
//     it falls back to the sources when the bundle is older than them).
import { build } from 'vite';
import { buildServer } from '../scripts/build-server.mjs';
import { forgetBuild, isFresh, stampBuild } from './support/freshness.ts';
import { BUILT_SERVER_DIR, BUILT_SERVER_STAMP, SERVER_SOURCES } from './support/server-process.ts';

export const BUILT_CLIENT_DIR = 'dist/test-client';
/** Beside the built client, not in it: the server would serve it. */
const CLIENT_STAMP = `${BUILT_CLIENT_DIR}.built`;
/** What the built client is made of: a change to any of these rebuilds it. */
const CLIENT_SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json', 'tests/global-setup.ts'];

/** Whether the run is unfiltered or takes a file under one of these folders. */
function runsAny(argv: readonly string[], folders: readonly string[]): boolean {
  const filters = argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run' && !/vitest/.test(arg));
  return filters.length === 0 || filters.some((f) => folders.some((folder) => f.includes(folder)));
}

async function buildClient() {
  forgetBuild(CLIENT_STAMP);
  // Vitest sets NODE_ENV=test, which would bundle React's development build
  // (and compile JSX for it): the pages under test must be the ones users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      mode: 'production',
      logLevel: 'error',
      build: { outDir: `../${BUILT_CLIENT_DIR}`, emptyOutDir: true, sourcemap: false },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  stampBuild(CLIENT_STAMP);
}

async function buildTestServer() {
  forgetBuild(BUILT_SERVER_STAMP);
  await buildServer(BUILT_SERVER_DIR);
  stampBuild(BUILT_SERVER_STAMP);
}

export default async function setup() {
  await Promise.all([
    // Server processes are started by the browser tests and by tests/server's.
    runsAny(process.argv, ['e2e', 'server']) && !isFresh(BUILT_SERVER_STAMP, SERVER_SOURCES)
      ? buildTestServer()
      : undefined,
    runsAny(process.argv, ['e2e']) && !isFresh(CLIENT_STAMP, CLIENT_SOURCES) ? buildClient() : undefined,
  ]);
}
