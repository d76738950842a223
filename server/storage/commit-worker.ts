// The worker thread behind ThreadWriter: its own SQLite connection to the
// server's file, running each group commit's transaction off the event loop.
import { parentPort, workerData } from 'node:worker_threads';
import type { FromCommitWorker, ToCommitWorker } from './batch-writer.ts';
import { SqliteStorage } from './sqlite-storage.ts';

const storage = SqliteStorage.open((workerData as { file: string }).file);

parentPort?.on('message', ({ id, batches }: ToCommitWorker) => {
  let reply: FromCommitWorker;
  try {
    storage.appendBatch(batches);
    reply = { id };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
