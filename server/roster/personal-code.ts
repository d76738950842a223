// Checking a person's 6-digit personal code, with the same lock joining uses
// (people.failed_codes, people.locked_until): a few wrong tries lock that
// person for a while, and a locked person's code is not even compared, so
// guessing faster gains nothing.
import { timingSafeEqual } from 'node:crypto';
import type { PeopleStore } from './people-store.ts';

/** Wrong tries in a row before the lock. */
export const CODE_TRIES = 5;
export const CODE_LOCK_MS = 15 * 60 * 1000;

export type CodeCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'locked'; retryAfterMs: number }
  | { ok: false; reason: 'unknown' };

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export function checkPersonalCode(
  people: PeopleStore,
  personId: string,
  code: string,
  now: number,
): CodeCheck {
  const held = people.codeOf(personId);
  if (!held) return { ok: false, reason: 'unknown' };
  if (held.lockedUntil !== null && held.lockedUntil > now) {
    return { ok: false, reason: 'locked', retryAfterMs: held.lockedUntil - now };
  }
  if (same(held.code, code.trim())) {
    if (held.failedCodes > 0 || held.lockedUntil !== null) people.setFailures(personId, 0, null);
    return { ok: true };
  }
  // After a lock ran out, the count starts again.
  const failed = (held.lockedUntil !== null ? 0 : held.failedCodes) + 1;
  if (failed >= CODE_TRIES) {
    people.setFailures(personId, failed, now + CODE_LOCK_MS);
    return { ok: false, reason: 'locked', retryAfterMs: CODE_LOCK_MS };
  }
  people.setFailures(personId, failed, null);
  return { ok: false, reason: 'wrong', triesLeft: CODE_TRIES - failed };
}
