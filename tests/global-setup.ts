// Builds the client once for the end-to-end tests (served by a real server).
import { build } from 'vite';

export const BUILT_CLIENT_DIR = 'dist/test-client';

export default async function setup() {
  await build({
    logLevel: 'error',
    build: { outDir: `../${BUILT_CLIENT_DIR}`, emptyOutDir: true, sourcemap: false },
  });
}
