// Whether a build the tests made earlier is still the build of the sources:
// its stamp (written when the build finished) is newer than every file and
// folder under them. A folder's time changes when a file in it is added or
// removed; a checkout sets the time of every file it changes.
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function isFresh(stamp: string, sources: readonly string[]): boolean {
  return existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...sources.map(newestMtime));
}

/** Marks a build finished: written last, so an interrupted build is never taken as fresh. */
export function stampBuild(stamp: string): void {
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

/** Before a build starts: until it finishes, the old build is not fresh. */
export function forgetBuild(stamp: string): void {
  rmSync(stamp, { force: true });
}
