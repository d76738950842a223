// npm run bundle-size [-- --dir DIR] [--no-build]: how much JavaScript each
// route downloads, gzipped, following Vite's manifest from the entry through
// each screen's chunk and everything it imports. For the trainee route it
// also follows the screens the phone loads later (a ballot, the chair's
// controls, the end: trainee/moments.tsx) and exits 1 when either the first
// load or the whole is over its budget (a trainee's phone on a community
// centre's Wi-Fi).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseCli } from './cli.ts';

/** Everything the trainee route ever loads: the first screen and every screen it loads later. */
export const TRAINEE_BUDGET_BYTES = 150 * 1024;
/** What a phone loads before it shows the seat and its owner can act: the join page and the trainee screen. */
export const TRAINEE_INITIAL_BUDGET_BYTES = 140 * 1024;

interface Chunk {
  file: string;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

export interface RouteWeight {
  /** Gzipped bytes that must load before the route's first screen shows. */
  initial: number;
  /** For each screen loaded later (by its source path), the gzipped bytes it adds to the initial load. */
  later: Record<string, number>;
  /** The initial load and every screen loaded later, each chunk counted once. */
  total: number;
}

const ROUTES: Record<string, string[]> = {
  trainee: ['src/trainee/JoinPage.tsx', 'src/trainee/TraineeApp.tsx'],
  observer: ['src/observer/ObserverApp.tsx'],
  facilitator: ['src/facilitator/FacilitatorHome.tsx', 'src/facilitator/FacilitatorConsole.tsx'],
  projector: ['src/projector/ProjectorApp.tsx'],
  debrief: ['src/debrief/DebriefApp.tsx'],
};

export function routeWeights(dir: string): Record<string, RouteWeight> {
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
  const weigh = (keys: Iterable<string>) =>
    [...keys]
      .map((k) => manifest[k]?.file ?? '')
      .filter((f) => f.endsWith('.js'))
      .reduce((sum, f) => sum + size(f), 0);
  // Static imports only: what must load before a screen can show.
  const closure = (key: string, seen: Set<string>) => {
    if (!manifest[key] || seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry) as string;

  const out: Record<string, RouteWeight> = {};
  for (const [route, screens] of Object.entries(ROUTES)) {
    const initial = new Set<string>();
    closure(entryKey, initial);
    for (const screen of screens) closure(screen, initial);
    // The screens this route loads later: dynamic imports of its own chunks
    // (not the entry's, which are the other routes), and theirs in turn.
    const later: Record<string, number> = {};
    const all = new Set(initial);
    const pending = [...initial].filter((k) => k !== entryKey);
    while (pending.length > 0) {
      const key = pending.pop() as string;
      for (const next of manifest[key]?.dynamicImports ?? []) {
        if (next in later || screens.includes(next)) continue;
        const needs = new Set<string>();
        closure(next, needs);
        later[next] = weigh([...needs].filter((k) => !initial.has(k)));
        for (const k of needs)
          if (!all.has(k)) {
            all.add(k);
            pending.push(k);
          }
      }
    }
    out[route] = { initial: weigh(initial), later, total: weigh(all) };
  }
  return out;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseCli({
    name: 'bundle-size',
    usage: `usage: npm run bundle-size [-- --dir DIR] [--no-build]

Builds the client (into DIR, default dist/client), then prints how much
JavaScript each route downloads, gzipped: before its first screen shows, and
with every screen it loads later. Exits 1 when the trainee route's first load
is over ${TRAINEE_INITIAL_BUDGET_BYTES / 1024} KB or its whole over ${TRAINEE_BUDGET_BYTES / 1024} KB.

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
  const weights = routeWeights(dir);
  for (const [route, w] of Object.entries(weights))
    console.log(
      `${route.padEnd(12)} ${kb(w.initial).padStart(9)} first load, ${kb(w.total).padStart(9)} in all`,
    );
  const trainee = weights.trainee as RouteWeight;
  console.log('trainee screens loaded later (each beyond the first load):');
  for (const [screen, bytes] of Object.entries(trainee.later))
    console.log(`  ${screen.padEnd(32)} +${kb(bytes)}`);
  const initialOk = trainee.initial <= TRAINEE_INITIAL_BUDGET_BYTES;
  const totalOk = trainee.total <= TRAINEE_BUDGET_BYTES;
  console.log(
    `trainee first load ${kb(trainee.initial)} of ${TRAINEE_INITIAL_BUDGET_BYTES / 1024} KB: ${initialOk ? 'within' : 'OVER'}; ` +
      `in all ${kb(trainee.total)} of ${TRAINEE_BUDGET_BYTES / 1024} KB: ${totalOk ? 'within' : 'OVER'}`,
  );
  process.exitCode = initialOk && totalOk ? 0 : 1;
}
