// The personal code's check and its lock: a few wrong tries lock the person
// for a while, whatever code comes next. Pure: the server stores the count
// and the lock's end, and gives its own clock.

/** Wrong codes in a row that lock the person. */
export const CODE_TRIES = 5;
/** How long a lock lasts. */
export const CODE_LOCK_MS = 15 * 60_000;

export interface CodeState {
  code: string;
  failedCodes: number;
  lockedUntil: number | null;
}

export type CodeOutcome =
  | { kind: 'right' }
  | { kind: 'wrong'; triesLeft: number }
  /** Locked now: no code is looked at until the lock ends. */
  | { kind: 'locked'; retryAfterMs: number };

/** Compares without stopping at the first difference, so timing says nothing of where it differs. */
function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The outcome of giving `given` at `now`, and what to store after it. */
export function checkCode(
  state: CodeState,
  given: string,
  now: number,
): { outcome: CodeOutcome; next: Pick<CodeState, 'failedCodes' | 'lockedUntil'> } {
  if (state.lockedUntil !== null && now < state.lockedUntil)
    return {
      outcome: { kind: 'locked', retryAfterMs: state.lockedUntil - now },
      next: { failedCodes: state.failedCodes, lockedUntil: state.lockedUntil },
    };
  // A lock that has ended starts the count again.
  const failed = state.lockedUntil !== null ? 0 : state.failedCodes;
  if (sameCode(given, state.code))
    return { outcome: { kind: 'right' }, next: { failedCodes: 0, lockedUntil: null } };
  if (failed + 1 >= CODE_TRIES)
    return {
      outcome: { kind: 'locked', retryAfterMs: CODE_LOCK_MS },
      next: { failedCodes: 0, lockedUntil: now + CODE_LOCK_MS },
    };
  return {
    outcome: { kind: 'wrong', triesLeft: CODE_TRIES - failed - 1 },
    next: { failedCodes: failed + 1, lockedUntil: null },
  };
}
