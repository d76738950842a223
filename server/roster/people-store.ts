// The roster's people (table people, migration 6): SQL only. What identifies
// a person lives here and nowhere in the log, so deleting a person can erase
// it (docs/roster.md).
import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Person, PersonFields } from '../../shared/roster/person.ts';
import { newId } from '../sessions/tokens.ts';

interface PersonRow {
  id: string;
  name: string;
  community: string;
  town: string;
  position: string;
  phone: string | null;
  note: string;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `id, name, community, town, position, phone, note, created_at AS createdAt, updated_at AS updatedAt`;

const toPerson = ({ phone, ...row }: PersonRow): Person => ({ ...row, phone: phone ?? undefined });

/** A fresh 6-digit personal code (leading zeros kept). */
export const newPersonalCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export class PeopleStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      all: db.prepare<[], PersonRow>(`SELECT ${COLUMNS} FROM people ORDER BY name, community`),
      get: db.prepare<[string], PersonRow>(`SELECT ${COLUMNS} FROM people WHERE id = ?`),
      insert: db.prepare(
        `INSERT INTO people (id, name, community, town, position, phone, note, personal_code, created_at, updated_at)
         VALUES (@id, @name, @community, @town, @position, @phone, @note, @code, @at, @at)`,
      ),
      update: db.prepare(
        `UPDATE people SET name = @name, community = @community, town = @town, position = @position,
           phone = @phone, note = @note, updated_at = @at WHERE id = @id`,
      ),
      code: db.prepare<[string], { code: string; failedCodes: number; lockedUntil: number | null }>(
        'SELECT personal_code AS code, failed_codes AS failedCodes, locked_until AS lockedUntil FROM people WHERE id = ?',
      ),
      setFailures: db.prepare<[number, number | null, string]>(
        'UPDATE people SET failed_codes = ?, locked_until = ? WHERE id = ?',
      ),
      setCode: db.prepare<[string, string]>('UPDATE people SET personal_code = ? WHERE id = ?'),
    };
  }

  all(): Person[] {
    return this.stmt.all.all().map(toPerson);
  }

  get(id: string): Person | undefined {
    const row = this.stmt.get.get(id);
    return row && toPerson(row);
  }

  /** Adds every person in one transaction: all of them or none. */
  addAll(people: readonly PersonFields[], at: number): Person[] {
    return this.db.transaction(() =>
      people.map((fields) => {
        const id = newId();
        this.stmt.insert.run({ ...fields, phone: fields.phone ?? null, id, code: newPersonalCode(), at });
        return this.get(id) as Person;
      }),
    )();
  }

  update(id: string, fields: PersonFields, at: number): Person | undefined {
    this.stmt.update.run({ ...fields, phone: fields.phone ?? null, id, at });
    return this.get(id);
  }

  /** The personal code and its wrong-try count (only the server reads it: badges and the check). */
  codeOf(id: string): { code: string; failedCodes: number; lockedUntil: number | null } | undefined {
    return this.stmt.code.get(id);
  }

  setFailures(id: string, failedCodes: number, lockedUntil: number | null): void {
    this.stmt.setFailures.run(failedCodes, lockedUntil, id);
  }

  setCode(id: string, code: string): void {
    this.stmt.setCode.run(code, id);
  }
}
