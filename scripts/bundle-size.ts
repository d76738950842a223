// npm run bundle-size [-- --dir DIR] [--no-build]: how much JavaScript each
// route downloads, gzipped, following Vite's manifest from the entry through
// each screen's lazy chunk and everything it imports. Exits 1 when the
// trainee route is over its 150 KB budget (a trainee's phone on a community
// centre's Wi-Fi).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseCli } from './cli.ts';

export const TRAINEE_BUDGET_BYTES = 150 * 1024;

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

export function routeSizes(dir: string): Record<string, number> {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  const gz = new Map<string, number>();
  const size = (file: string) => {
    let bytes = gz.get(file);
    if (bytes === undefined) {
      bytes = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
      gz.set(file, bytes);
    }
    return bytes;
  };
  // Static imports only: what must load before the screen can show.
  const closure = (key: string, seen: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const dep of chunk.imports ?? []) closure(dep, seen);
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry) as string;
  const routes: Record<string, string[]> = {
    trainee: ['src/trainee/JoinPage.tsx', 'src/trainee/TraineeApp.tsx'],
    observer: ['src/observer/ObserverApp.tsx'],
    facilitator: ['src/facilitator/FacilitatorHome.tsx', 'src/facilitator/FacilitatorConsole.tsx'],
    projector: ['src/projector/ProjectorApp.tsx'],
    debrief: ['src/debrief/DebriefApp.tsx'],
  };
  const out: Record<string, number> = {};
  for (const [route, screens] of Object.entries(routes)) {
    const files = new Set<string>();
    closure(entryKey, files);
    for (const screen of screens) closure(screen, files);
    out[route] = [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + size(f), 0);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseCli({
    name: 'bundle-size',
    usage: `usage: npm run bundle-size [-- --dir DIR] [--no-build]

Builds the client (into DIR, default dist/client), then prints how much
JavaScript each route downloads, gzipped; exits 1 when the trainee route is
over its ${TRAINEE_BUDGET_BYTES / 1024} KB budget.

  --dir DIR    the built client to measure (default dist/client)
  --no-build   measure DIR as it is, without building first
  -h, --help   this text`,
    options: {
      dir: { type: 'string', default: 'dist/client' },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const dir = values.dir;
  if (!values['no-build']) {
    const { build } = await import('vite');
    await build({ logLevel: 'warn', build: { outDir: resolve(dir), emptyOutDir: true } });
  }
  const sizes = routeSizes(dir);
  for (const [route, bytes] of Object.entries(sizes))
    console.log(`${route.padEnd(12)} ${(bytes / 1024).toFixed(1).padStart(7)} KB gzipped`);
  const trainee = sizes.trainee ?? 0;
  console.log(
    `trainee budget ${TRAINEE_BUDGET_BYTES / 1024} KB: ${trainee <= TRAINEE_BUDGET_BYTES ? 'within' : 'OVER'}`,
  );
  process.exitCode = trainee <= TRAINEE_BUDGET_BYTES ? 0 : 1;
}
