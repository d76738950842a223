// The real server (server/main.ts's startServer) with one test hook: its
// transactions can be held. "hold" on stdin holds the next ones (each held
// write is announced on stdout as {"hook":"held"}); "release" lets them
// through. While a write is held, the commands in it are applied in memory
// and wait for their commit: the window in which a retry of the same cid
// must wait for the first copy's answer, opened on purpose.
import { createInterface } from 'node:readline';
import { keepServing, startServer } from '../../server/main.ts';

let holding = false;
const waiting: (() => void)[] = [];
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = line.trim();
  if (command === 'hold') holding = true;
  if (command === 'release') {
    holding = false;
    for (const go of waiting.splice(0)) go();
  }
  process.stdout.write(`${JSON.stringify({ hook: command })}\n`);
});

const running = await startServer(undefined, process.env, {
  wrapWriter: (writer) => ({
    write: async (batches) => {
      if (holding) {
        await new Promise<void>((go) => {
          waiting.push(go);
          process.stdout.write(`${JSON.stringify({ hook: 'held', batches: batches.length })}\n`);
        });
      }
      return writer.write(batches);
    },
    close: () => writer.close(),
  }),
});
keepServing(running.logger);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void running.close().then(() => process.exit(0)));
