// npm start: builds the client when it is missing or older than its sources,
// then starts the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CLIENT_SOURCES = ['client', 'shared', 'vite.config.ts'];
const BUILT = join('dist', 'client', 'index.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const stale = !existsSync(BUILT) || statSync(BUILT).mtimeMs < Math.max(...CLIENT_SOURCES.map(newestMtime));
if (stale) {
  console.log('building the client…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}
const { runServer } = await import('../server/main.ts');
await runServer();
