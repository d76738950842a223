// A roster trainee holding the chair card records the meeting's decisions and
// action items (action.record): free text they typed, which must be sealed
// with their key like their statements, so that deleting them leaves it
// unreadable in the file. A guest chair's stays as it was; the entry keeps
// its other fields, and a due date that was sealed goes with the key.
import { afterEach, describe, expect, it } from 'vitest';
import { linkSeat } from '../../../server/roster/seat-links.ts';
import type { SqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import type { LogEntry } from '../../../shared/log/entry.ts';
import { commandSchema } from '../../../shared/meeting/commands.ts';
import { DELETED_TEXT } from '../../../shared/roster/deleted.ts';
import { openWithPerson } from '../../support/sealed-file.ts';

const DECISION = 'CHAIR-DECISION 车棚建在二号门东侧';
const DUE = 'DUE-下周五之前';
const GUEST_DECISION = 'GUEST-DECISION 下次再议';

let storage: SqliteStorage | undefined;
afterEach(() => storage?.close());

function setUp() {
  const opened = openWithPerson('王小华');
  storage = opened.storage;
  const { db, bytes } = opened;
  linkSeat(storage, { sessionId: 's1', participantId: 'chair-seat', personId: 'p1' });
  const action = (seq: number, seat: string, what: string, due?: string): LogEntry => ({
    sessionId: 's1',
    seq,
    at: 1000 + seq,
    actor: { kind: 'participant', id: seat },
    payload: {
      kind: 'meeting',
      command: { type: 'action.record', kind: 'decision', what, ...(due && { due }) },
      item: 'a',
    },
  });
  storage.append([action(1, 'chair-seat', DECISION, DUE), action(2, 'guest-chair', GUEST_DECISION)]);
  return { storage, db, bytes };
}

describe('decisions and action items a roster chair recorded', () => {
  it('read back as written, and are not in the file in the clear (a guest chair’s are)', () => {
    const { storage: s, bytes } = setUp();
    expect(s.readLog('s1').map((e) => e.payload.command)).toEqual([
      { type: 'action.record', kind: 'decision', what: DECISION, due: DUE },
      { type: 'action.record', kind: 'decision', what: GUEST_DECISION },
    ]);
    expect(bytes().includes(Buffer.from(DECISION))).toBe(false);
    expect(bytes().includes(Buffer.from(DUE))).toBe(false);
    expect(bytes().includes(Buffer.from(GUEST_DECISION))).toBe(true);
  });

  it('read as deleted once the key is gone, and still replay as a valid command', () => {
    const { storage: s, db } = setUp();
    db.prepare('DELETE FROM person_keys').run();
    db.prepare('DELETE FROM people').run();
    const [sealed, guest] = s.readLog('s1').map((e) => e.payload.command);
    expect(sealed).toEqual({ type: 'action.record', kind: 'decision', what: DELETED_TEXT });
    expect(commandSchema.safeParse(sealed).success).toBe(true);
    expect(guest).toEqual({ type: 'action.record', kind: 'decision', what: GUEST_DECISION });
  });
});
