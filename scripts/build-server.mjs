// Bundles the server into dist/server/main.mjs, and beside it the commit
// worker thread's script, commit-worker.mjs (packages stay external):
// a production start skips TypeScript compilation and comes up about a
// third of a second sooner, which a restart after a crash feels.
import { build } from 'esbuild';

export async function buildServer(outdir = 'dist/server') {
  await build({
    entryPoints: { main: 'server/main.ts', 'commit-worker': 'server/storage/commit-worker.ts' },
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir,
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
