// A person's 6-digit personal code checked against the roster, for joining
// and for opening one's own portfolio alike: the rule and its lock are
// shared/roster/code-lock.ts; this stores the outcome (people.failed_codes,
// people.locked_until), so a locked person's code is not even compared.
import { type CodeOutcome, type CodeState, checkCode } from '../../shared/roster/code-lock.ts';
import type { PeopleStore } from './people-store.ts';

export type CodeCheck = CodeOutcome | { kind: 'unknown' };

export function checkPersonalCode(
  people: PeopleStore,
  personId: string,
  given: string,
  now: number,
): CodeCheck {
  const state = people.codeOf(personId);
  if (!state) return { kind: 'unknown' };
  const { outcome, next } = checkCode(state, given.trim(), now);
  if (next.failedCodes !== state.failedCodes || next.lockedUntil !== state.lockedUntil)
    people.setFailures(personId, next.failedCodes, next.lockedUntil);
  return outcome;
}

/** No code a request can carry equals it (codes are checked as six digits first). */
const NO_CODE = '\u0000';
/** Names asked for that are not on the roster, remembered at most (the oldest go first). */
const MAX_PHANTOMS = 10_000;

/**
 * Wrong-code counts for names (or ids) that are not on the roster, kept the
 * way a person's are, so asking for someone who is not there answers exactly
 * what a wrong code for someone who is answers: the same tries left, the same
 * lock after them. Otherwise the tries left would tell who is on the roster.
 * In memory only: it protects no one, it only keeps the answers alike.
 */
export class PhantomCodes {
  private readonly states = new Map<string, Pick<CodeState, 'failedCodes' | 'lockedUntil'>>();

  check(key: string, now: number): Exclude<CodeOutcome, { kind: 'right' }> {
    const state = this.states.get(key) ?? { failedCodes: 0, lockedUntil: null };
    const { outcome, next } = checkCode({ ...state, code: NO_CODE }, '', now);
    this.states.delete(key);
    this.states.set(key, next);
    if (this.states.size > MAX_PHANTOMS) this.states.delete(this.states.keys().next().value as string);
    // NO_CODE matches no given code, so the outcome is never 'right'.
    return outcome as Exclude<CodeOutcome, { kind: 'right' }>;
  }
}
