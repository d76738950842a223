// Builds the client once for the end-to-end tests (served by a real server).
// When a run is filtered to files outside tests/e2e (e.g. `vitest run
// tests/shared`), the build is skipped: those tests never load a page.
import { build } from 'vite';

export const BUILT_CLIENT_DIR = 'dist/test-client';

function runsEndToEnd(argv: readonly string[]): boolean {
  const filters = argv.slice(2).filter((arg) => !arg.startsWith('-') && arg !== 'run' && !/vitest/.test(arg));
  return filters.length === 0 || filters.some((f) => f.includes('e2e'));
}

export default async function setup() {
  if (!runsEndToEnd(process.argv)) return;
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
}
