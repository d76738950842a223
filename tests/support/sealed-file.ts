// A real SQLite file with one live session ('s1') and one roster person
// ('p1'), for the tests that search the file's bytes for sealed words
// (tests/server/storage/sealed-*.test.ts).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../../server/storage/sqlite-storage.ts';
import { sessionRow } from './storage-drivers.ts';

export function openWithPerson(name: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'civic-sealed-')), 'db.sqlite');
  const storage = SqliteStorage.open(file);
  const db = storage.connection;
  storage.createSession(sessionRow('s1', { scenarioId: 'x', scenarioHash: null }));
  db.prepare(
    `INSERT INTO people (id, name, community, personal_code, created_at, updated_at) VALUES ('p1', ?, '', '123456', 1, 1)`,
  ).run(name);
  /** The file's bytes and its write-ahead log's, after a checkpoint: what a thief of the disk would read. */
  const bytes = () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
  };
  return { storage, db, bytes };
}
