// Every implementation of the storage and of the group commit's writer, as
// a list the storage tests run over with describe.each (Colyseus's
// pattern): a second database (PostgreSQL, say) is one more entry here and
// runs the same suite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BatchWriter, InlineWriter, ThreadWriter } from '../../server/storage/batch-writer.ts';
import { SqliteStorage } from '../../server/storage/sqlite-storage.ts';
import type { LogEntry, SessionRow, Storage } from '../../server/storage/storage.ts';

/** A store opened for one test; `file` is where its data lives (null: in memory). */
export interface OpenedStorage {
  storage: Storage;
  file: string | null;
  close(): void;
}

export interface StorageDriver {
  name: string;
  open(): OpenedStorage;
}

function onFile(): OpenedStorage {
  const dir = mkdtempSync(join(tmpdir(), 'civic-driver-'));
  const file = join(dir, 'nested', 'civic.sqlite'); // open() creates the parent directory
  const storage = SqliteStorage.open(file);
  return {
    storage,
    file,
    close: () => {
      storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const STORAGE_DRIVERS: StorageDriver[] = [
  {
    name: 'SQLite in memory',
    open: () => {
      const storage = SqliteStorage.memory();
      return { storage, file: null, close: () => storage.close() };
    },
  },
  { name: 'SQLite on a file', open: onFile },
];

export interface WriterDriver {
  name: string;
  /** The store the test reads back from, and the writer the queue writes through. */
  open(): { storage: Storage; writer: BatchWriter; close(): Promise<void> };
}

export const WRITER_DRIVERS: WriterDriver[] = [
  ...STORAGE_DRIVERS.map(
    (driver): WriterDriver => ({
      name: `InlineWriter, ${driver.name}`,
      open: () => {
        const opened = driver.open();
        const writer = new InlineWriter(opened.storage);
        return { storage: opened.storage, writer, close: async () => opened.close() };
      },
    }),
  ),
  {
    name: 'ThreadWriter, SQLite on a file',
    open: () => {
      const opened = onFile();
      const writer = new ThreadWriter(opened.file as string);
      return {
        storage: opened.storage,
        writer,
        close: async () => {
          await writer.close();
          opened.close();
        },
      };
    },
  },
];

export const sessionRow = (id: string, over: Partial<SessionRow> = {}): SessionRow => ({
  id,
  scenarioId: 'budget-hearing',
  joinCode: `J-${id}`,
  observerTokenHash: `obs-${id}`,
  facilitatorTokenHash: `fac-${id}`,
  createdAt: 1_000,
  status: 'live',
  title: '预算听证会',
  scenarioHash: 'sha256:abc',
  attention: null,
  scenarioVersion: null,
  ...over,
});

/** A live session of the engine's test scenario (tests/support/meeting-fixture.ts), not yet checked under any scenario hash. */
export const engineSessionRow = (id: string): SessionRow =>
  sessionRow(id, { scenarioId: 'engine-test', scenarioHash: null });

export const logEntry = (sessionId: string, seq: number): LogEntry => ({
  sessionId,
  seq,
  at: 10_000 + seq,
  actor: { kind: 'participant', id: 'p1' },
  payload: {
    kind: 'meeting',
    command: { type: 'statement.post', text: `发言 ${seq} "quoted" \\ ✓` },
    item: seq % 2 ? 'budget' : null,
  },
});
