// npm start: builds the client and the server bundle when missing or older
// than their sources, then runs the server in a child process with its V8
// flags. Plain JavaScript, so starting needs no TypeScript loader.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const stale = (output, sources) =>
  !existsSync(output) || statSync(output).mtimeMs < Math.max(...sources.map(newestMtime));

if (stale('dist/client/index.html', ['client', 'shared', 'vite.config.ts'])) {
  console.log('building the client…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}
const serverSources = ['server', 'shared', 'package.json', 'scripts/build-server.mjs'];
if (['main.mjs', 'commit-worker.mjs'].some((f) => stale(`dist/server/${f}`, serverSources))) {
  console.log('building the server…');
  const { buildServer } = await import('./build-server.mjs');
  await buildServer();
}
// The server runs in its own process, with its V8 flags (server-node-args.mjs).
const { SERVER_NODE_ARGS } = await import('./server-node-args.mjs');
const server = spawn(process.execPath, [...SERVER_NODE_ARGS, 'dist/server/main.mjs'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
