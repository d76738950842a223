// The personal code's lock, worked out by hand: five wrong codes in a row
// lock for 15 minutes; while locked even the right code is refused; a lock
// that has ended starts the count again; the right code clears the count.
import { describe, expect, it } from 'vitest';
import { badgePath, parseBadgeFragment } from '../../../shared/roster/badge-link.ts';
import { CODE_LOCK_MS, type CodeState, checkCode } from '../../../shared/roster/code-lock.ts';

const T0 = 1_000_000;
const fresh: CodeState = { code: '042917', failedCodes: 0, lockedUntil: null };

/** Applies a run of codes given at `at`, storing what each check says to store. */
function run(codes: string[], at: number, from: CodeState = fresh) {
  let state = from;
  const outcomes = codes.map((given) => {
    const { outcome, next } = checkCode(state, given, at);
    state = { ...state, ...next };
    return outcome;
  });
  return { outcomes, state };
}

describe('checkCode', () => {
  it('the right code passes and clears earlier wrong tries', () => {
    const { outcomes, state } = run(['111111', '042917'], T0);
    expect(outcomes).toEqual([{ kind: 'wrong', triesLeft: 4 }, { kind: 'right' }]);
    expect(state).toMatchObject({ failedCodes: 0, lockedUntil: null });
  });

  it('the fifth wrong code locks for 15 minutes, and the right code is refused until then', () => {
    const { outcomes, state } = run(
      ['1', '2', '3', '4', '5'].map((d) => d.repeat(6)),
      T0,
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'locked']);
    expect(outcomes[4]).toEqual({ kind: 'locked', retryAfterMs: 15 * 60_000 });
    expect(state.lockedUntil).toBe(T0 + CODE_LOCK_MS);
    expect(checkCode(state, '042917', T0 + CODE_LOCK_MS - 1).outcome).toEqual({
      kind: 'locked',
      retryAfterMs: 1,
    });
    expect(checkCode(state, '042917', T0 + CODE_LOCK_MS).outcome).toEqual({ kind: 'right' });
  });

  it('after a lock ends, a wrong code starts the count again at one', () => {
    const locked = run(
      ['1', '2', '3', '4', '5'].map((d) => d.repeat(6)),
      T0,
    ).state;
    expect(checkCode(locked, '999999', T0 + CODE_LOCK_MS).outcome).toEqual({ kind: 'wrong', triesLeft: 4 });
  });

  it('a code of another length never passes', () => {
    expect(checkCode(fresh, '04291', T0).outcome.kind).toBe('wrong');
    expect(checkCode(fresh, '0429170', T0).outcome.kind).toBe('wrong');
  });
});

describe('badge links', () => {
  it('carry the join code in the query and the person and code in the fragment', () => {
    const path = badgePath('p-1', '042917', 'ABC123');
    expect(path).toBe('/join?code=ABC123#person=p-1&pc=042917');
    expect(parseBadgeFragment(new URL(`http://x${path}`).hash)).toEqual({
      personId: 'p-1',
      personalCode: '042917',
    });
  });

  it('printed for no session: the join page asks for the code; a malformed code is dropped', () => {
    expect(badgePath('p-1', '042917')).toBe('/join#person=p-1&pc=042917');
    expect(parseBadgeFragment('#person=p-1&pc=12')).toEqual({ personId: 'p-1', personalCode: '' });
    expect(parseBadgeFragment('#trainee')).toBeNull();
  });
});
