// A person's 6-digit personal code checked against the roster, for joining
// and for opening one's own portfolio alike: the rule and its lock are
// shared/roster/code-lock.ts; this stores the outcome (people.failed_codes,
// people.locked_until), so a locked person's code is not even compared.
import { type CodeOutcome, checkCode } from '../../shared/roster/code-lock.ts';
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
