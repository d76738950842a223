// Sealing a roster person's words in the append-only log. The engine, the
// projections and replay see plain text: it is sealed on its way into the
// log table and opened on its way out, here and nowhere else. What is sealed,
// and with whose key:
//
//   participant.join   name          the seat's person
//   statement.post     text          the person whose seat posted it
//   action.record      what, due     the person whose seat recorded it (the chair's card)
//   tip.whisper        text          the person it was whispered to
//   score.set          note          the person scored
//   plan.add           text          the person it is for
//   marker.drop        note          the person it is about
//
// only when the seat is linked to a roster person (seat_people) when the
// entry is written; a guest's entries are stored as before. A stored sealed
// payload has the fields taken out of its command and `sealed: {person, box}`
// beside it; once the person is deleted (their key with them) reading gives
// DELETED_TEXT in place of each field, so every log still replays.
import type Database from 'better-sqlite3';
import { DELETED_TEXT } from '../../shared/roster/deleted.ts';
import { newPersonKey, openText, sealText } from '../roster/personal-text.ts';
import type { LogEntry, LogPayload } from './storage.ts';

type Fields = Record<string, string>;

/** The seat an entry's private words belong to, and which of its command's fields hold them. */
export function privateWords(entry: LogEntry): { participantId: string; fields: Fields } | undefined {
  const { payload, actor } = entry;
  const c = payload.command as Record<string, unknown> & { type: string };
  const pick = (participantId: unknown, names: string[]) => {
    if (typeof participantId !== 'string') return undefined;
    const fields: Fields = {};
    for (const name of names) if (typeof c[name] === 'string') fields[name] = c[name] as string;
    return Object.keys(fields).length > 0 ? { participantId, fields } : undefined;
  };
  if (payload.kind === 'meeting') {
    if (c.type === 'participant.join') return pick(c.participantId, ['name']);
    if (c.type === 'statement.post' && actor.kind === 'participant') return pick(actor.id, ['text']);
    // The chair's card records decisions and action items: what the seat typed, like a statement.
    if (c.type === 'action.record' && actor.kind === 'participant') return pick(actor.id, ['what', 'due']);
    return undefined;
  }
  switch (c.type) {
    case 'tip.whisper':
      return pick(c.to, ['text']);
    case 'score.set':
      return pick(c.participantId, ['note']);
    case 'plan.add':
      return pick(c.participantId, ['text']);
    case 'marker.drop':
      return pick(c.participantId, ['note']);
    default:
      return undefined;
  }
}

interface SealedPayloadPart {
  sealed?: { person: string; box: string };
}

const aadOf = (sessionId: string, seq: number) => `${sessionId}:${seq}`;

export class LogSealer {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      personOf: db.prepare<[string, string], { personId: string }>(
        'SELECT person_id AS personId FROM seat_people WHERE session_id = ? AND participant_id = ?',
      ),
      keyOf: db.prepare<[string], { key: Buffer }>('SELECT key FROM person_keys WHERE person_id = ?'),
      // A key is made the first time a person's words are stored, and only while they are on the roster.
      makeKey: db.prepare<[string, Buffer, string]>(
        `INSERT INTO person_keys (person_id, key) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM people WHERE id = ?)
         ON CONFLICT (person_id) DO NOTHING`,
      ),
    };
  }

  private keyFor(personId: string, create: boolean): Buffer | undefined {
    const found = this.stmt.keyOf.get(personId)?.key;
    if (found || !create) return found;
    this.stmt.makeKey.run(personId, newPersonKey(), personId);
    return this.stmt.keyOf.get(personId)?.key;
  }

  /** The payload as the log table stores it (called inside the append transaction). */
  storedPayload(entry: LogEntry): string {
    const words = privateWords(entry);
    const personId = words && this.stmt.personOf.get(entry.sessionId, words.participantId)?.personId;
    if (!words || !personId) return JSON.stringify(entry.payload);
    const command: Record<string, unknown> = { ...entry.payload.command };
    for (const name of Object.keys(words.fields)) delete command[name];
    const key = this.keyFor(personId, true);
    // A seat whose person was deleted meanwhile: their words are not kept at all.
    const box = key ? sealText(key, JSON.stringify(words.fields), aadOf(entry.sessionId, entry.seq)) : '';
    return JSON.stringify({ ...entry.payload, command, sealed: { person: personId, box } });
  }

  /** The payload as everyone else reads it: sealed words opened, or DELETED_TEXT once the key is gone. */
  readPayload(sessionId: string, seq: number, stored: string): LogPayload {
    const parsed = JSON.parse(stored) as LogPayload & SealedPayloadPart;
    if (!parsed.sealed) return parsed;
    const { sealed, ...payload } = parsed;
    const key = sealed.box ? this.keyFor(sealed.person, false) : undefined;
    const opened = key ? openText(key, sealed.box, aadOf(sessionId, seq)) : undefined;
    const fields = opened ? (JSON.parse(opened) as Fields) : undefined;
    const command: Record<string, unknown> = { ...payload.command };
    // Which fields were sealed is known from the command's type even when the box cannot be opened.
    const names = fields ? Object.keys(fields) : sealedFieldNames(command.type as string);
    for (const name of names) command[name] = fields?.[name] ?? DELETED_TEXT;
    return { ...payload, command } as LogPayload;
  }
}

/** The fields a type's sealing takes out (for a box that no longer opens). */
function sealedFieldNames(type: string): string[] {
  switch (type) {
    case 'participant.join':
      return ['name'];
    case 'statement.post':
    case 'tip.whisper':
    case 'plan.add':
      return ['text'];
    case 'score.set':
    case 'marker.drop':
      return ['note'];
    // `due` is optional: once unreadable it is left out rather than made up.
    case 'action.record':
      return ['what'];
    default:
      return [];
  }
}
