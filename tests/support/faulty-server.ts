// The real server (server/main.ts's startServer, with its process-level
// handlers) plus one test hook: the sessions named on stdin get a
// projection that throws. "fault <sessionId>" turns it on, "heal
// <sessionId>" off; each line is answered on stdout with {"hook": ...}.
// Nothing in shared/ or in any other session is touched.
import { createInterface } from 'node:readline';
import { keepServing, startServer } from '../../server/main.ts';

const faulty = new Set<string>();
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, id] = line.trim().split(/\s+/);
  if (!id) return;
  if (command === 'fault') faulty.add(id);
  else if (command === 'heal') faulty.delete(id);
  process.stdout.write(`${JSON.stringify({ hook: command, session: id })}\n`);
});

const running = await startServer(undefined, process.env, {
  wrapProjection: (sessionId, projection) => ({
    live: (input, audience) => {
      if (faulty.has(sessionId)) throw new Error(`injected projection fault in session ${sessionId}`);
      return projection.live(input, audience);
    },
    own: projection.own,
  }),
});
keepServing(running.logger);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void running.close().then(() => process.exit(0)));
