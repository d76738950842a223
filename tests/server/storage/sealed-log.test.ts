// Roster people's words in the log: sealed on the way in (their name at
// joining, what they post, what experts write about them), opened on the way
// out, and unreadable once their key is gone — on a real SQLite file, whose
// bytes are searched. A guest's entries are stored as before.
import { afterEach, describe, expect, it } from 'vitest';
import { linkSeat, personOfSeat, seatsOfPerson } from '../../../server/roster/seat-links.ts';
import type { SqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import type { LogEntry } from '../../../shared/log/entry.ts';
import { DELETED_TEXT } from '../../../shared/roster/deleted.ts';
import { openWithPerson } from '../../support/sealed-file.ts';

const NAME = '欧阳文清';
const WORDS = 'SEALED-WORDS 电梯的钱按楼层分摊';
const NOTE = 'SEALED-NOTE 先复述再回答';
const GUEST = 'GUEST-WORDS 我只是旁听';

let storage: SqliteStorage | undefined;
afterEach(() => storage?.close());

function setUp() {
  const opened = openWithPerson(NAME);
  storage = opened.storage;
  const { db, bytes } = opened;
  const entry = (seq: number, actor: LogEntry['actor'], payload: LogEntry['payload']): LogEntry => ({
    sessionId: 's1',
    seq,
    at: 1000 + seq,
    actor,
    payload,
  });
  // The seat is linked before its join is logged, as joining as oneself does.
  linkSeat(storage, { sessionId: 's1', participantId: 'seat-1', personId: 'p1' });
  storage.append([
    entry(
      1,
      { kind: 'system' },
      {
        kind: 'meeting',
        command: { type: 'participant.join', participantId: 'seat-1', name: NAME },
        item: null,
      },
    ),
    entry(
      2,
      { kind: 'system' },
      {
        kind: 'meeting',
        command: { type: 'participant.join', participantId: 'guest', name: 'Guest' },
        item: null,
      },
    ),
    entry(
      3,
      { kind: 'participant', id: 'seat-1' },
      { kind: 'meeting', command: { type: 'statement.post', text: WORDS }, item: 'a' },
    ),
    entry(
      4,
      { kind: 'participant', id: 'guest' },
      { kind: 'meeting', command: { type: 'statement.post', text: GUEST }, item: 'a' },
    ),
    entry(
      5,
      { kind: 'observer', id: 'o1' },
      {
        kind: 'coaching',
        command: {
          type: 'score.set',
          participantId: 'seat-1',
          competency: 'mass_work',
          score: 4,
          note: NOTE,
        },
        item: 'a',
      },
    ),
  ]);
  return { storage, db, bytes };
}

const texts = (log: LogEntry[]) =>
  log.map((e) => {
    const c = e.payload.command as { name?: string; text?: string; note?: string };
    return c.name ?? c.text ?? c.note;
  });

describe('sealed words in the log', () => {
  it('read back as written; a guest’s stay as they were; the link is queryable', () => {
    const { storage: s } = setUp();
    expect(texts(s.readLog('s1'))).toEqual([NAME, 'Guest', WORDS, GUEST, NOTE]);
    expect(personOfSeat(s, { sessionId: 's1', participantId: 'seat-1' })).toBe('p1');
    expect(personOfSeat(s, { sessionId: 's1', participantId: 'guest' })).toBeUndefined();
    expect(seatsOfPerson(s, 'p1')).toEqual([{ sessionId: 's1', participantId: 'seat-1' }]);
  });

  it('are not in the file in the clear, while a guest’s words are', () => {
    const { bytes } = setUp();
    const file = bytes();
    expect(file.includes(Buffer.from(WORDS))).toBe(false);
    expect(file.includes(Buffer.from(NOTE))).toBe(false);
    expect(file.includes(Buffer.from(GUEST))).toBe(true);
    // The name is on the roster (the people table), not in the log.
    expect(file.includes(Buffer.from(NAME))).toBe(true);
  });

  it('read as deleted once the key is gone, and the entry keeps its other fields', () => {
    const { storage: s, db, bytes } = setUp();
    db.prepare('DELETE FROM person_keys').run();
    db.prepare('DELETE FROM people').run();
    const log = s.readLog('s1');
    expect(texts(log)).toEqual([DELETED_TEXT, 'Guest', DELETED_TEXT, GUEST, DELETED_TEXT]);
    expect(log[4]?.payload.command).toMatchObject({ type: 'score.set', participantId: 'seat-1', score: 4 });
    expect(bytes().includes(Buffer.from(NAME))).toBe(false);
  });

  it('a sealed text moved to another entry does not open', () => {
    const { storage: s, db } = setUp();
    // Copy seq 3's sealed payload onto a new entry: the associated data (session, seq) no longer fits.
    const stored = db.prepare("SELECT payload FROM log WHERE session_id = 's1' AND seq = 3").get() as {
      payload: string;
    };
    db.prepare(
      `INSERT INTO log (session_id, seq, at, actor, payload, engine_version) VALUES ('s1', 6, 1006, '{"kind":"participant","id":"seat-1"}', ?, 3)`,
    ).run(stored.payload);
    expect(texts(s.readLog('s1', 5))).toEqual([DELETED_TEXT]);
  });
});
