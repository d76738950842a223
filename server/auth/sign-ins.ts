// Signing in: the password checked (slowed, then locked, after wrong ones,
// per account and per address), a cookie sign-in made, found again on each
// request, ended on sign-out or everywhere; and changing one's own password.
import { ACCOUNT_ERRORS } from '../../shared/access/errors.ts';
import { ERROR_CODES } from '../../shared/protocol/errors.ts';
import { hashToken, newToken } from '../sessions/tokens.ts';
import type { AccountRow, SignInRow } from './account-store.ts';
import {
  type AuthContext,
  normalizeLogin,
  type Refusal,
  type Result,
  refuse,
  type SignedIn,
  TOUCH_EVERY_MS,
  weakPassword,
} from './auth-context.ts';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords.ts';
import {
  ACCOUNT_POLICY,
  AddressThrottle,
  afterFailure,
  type FailureRecord,
  type ThrottlePolicy,
  verdict,
} from './throttle.ts';

const failureRecord = (row: AccountRow): FailureRecord => ({
  failures: row.failedLogins,
  lastFailedAt: row.lastFailedAt,
  lockedUntil: row.lockedUntil,
});

export class SignIns {
  /** Accounts with a password check under way: one at a time each, so a burst cannot outrun the count. */
  private readonly checking = new Set<string>();

  constructor(
    private readonly ctx: AuthContext,
    private readonly accountPolicy: ThrottlePolicy = ACCOUNT_POLICY,
    private readonly addresses: AddressThrottle = new AddressThrottle(),
  ) {}

  async signIn(
    login: string,
    password: string,
    address: string,
  ): Promise<Result<{ token: string; signedIn: SignedIn }>> {
    const { store } = this.ctx;
    const now = this.ctx.now();
    const byAddress = this.addresses.verdict(address, now);
    if (!byAddress.ok) return throttled(byAddress.reason, byAddress.retryAfterMs, 'from this address');
    const account = store.accountByLogin(normalizeLogin(login));
    if (!account?.passwordHash) {
      await verifyDecoy(password);
      this.addresses.failed(address, now);
      return refuse(401, ERROR_CODES.badCredentials, 'wrong name or password');
    }
    const byAccount = verdict(this.accountPolicy, failureRecord(account), now);
    if (!byAccount.ok) return throttled(byAccount.reason, byAccount.retryAfterMs, 'for this account');
    if (this.checking.has(account.id))
      return refuse(
        429,
        ACCOUNT_ERRORS.slowDown,
        'a sign-in for this account is being checked; try again',
        1000,
      );
    this.checking.add(account.id);
    let good: boolean;
    try {
      good = await verifyPassword(account.passwordHash, password);
    } finally {
      this.checking.delete(account.id);
    }
    if (!good) {
      this.recordFailure(account, now);
      this.addresses.failed(address, now);
      return refuse(401, ERROR_CODES.badCredentials, 'wrong name or password');
    }
    if (account.status === 'disabled')
      return refuse(403, ACCOUNT_ERRORS.accountDisabled, 'this account is disabled; ask your administrator');
    store.clearFailures(account.id);
    return { ok: true, ...this.start(account.id) };
  }

  /** A new sign-in for an account that has just proved who it is (its password, or a link it accepted). */
  start(accountId: string): { token: string; signedIn: SignedIn } {
    const { store } = this.ctx;
    const now = this.ctx.now();
    const account = store.account(accountId);
    if (!account) throw new Error(`no account ${accountId}`);
    const token = newToken();
    const signIn: SignInRow = {
      tokenHash: hashToken(token),
      accountId,
      createdAt: now,
      expiresAt: now + this.ctx.timings.signInMs,
      lastSeenAt: now,
    };
    store.insertSignIn(signIn);
    return { token, signedIn: { account, signIn } };
  }

  private recordFailure(account: AccountRow, now: number): void {
    const next = afterFailure(this.accountPolicy, failureRecord(account), now);
    this.ctx.store.recordFailure(account.id, now, next.lockedUntil);
    if (next.lockedUntil !== null && next.lockedUntil !== account.lockedUntil)
      this.ctx.logger.warn({ login: account.login }, 'account locked after wrong passwords');
  }

  /** The sign-in a cookie's token names, while it lasts and its account is active. */
  find(token: string): SignedIn | undefined {
    const { store } = this.ctx;
    const tokenHash = hashToken(token);
    const signIn = store.signIn(tokenHash);
    if (!signIn) return undefined;
    const now = this.ctx.now();
    if (signIn.expiresAt <= now) {
      store.deleteSignIn(tokenHash);
      return undefined;
    }
    const account = store.account(signIn.accountId);
    if (account?.status !== 'active') return undefined;
    if (now - signIn.lastSeenAt > TOUCH_EVERY_MS) store.touchSignIn(tokenHash, now);
    return { account, signIn };
  }

  signOut(tokenHash: string): void {
    this.ctx.store.deleteSignIn(tokenHash);
    this.ctx.revoke({ kind: 'sign_in', tokenHash });
  }

  /** Ends every sign-in of an account (on every device), and its sockets. */
  signOutEverywhere(accountId: string): void {
    this.ctx.store.deleteSignInsOf(accountId);
    this.ctx.revoke({ kind: 'account', accountId });
  }

  /** A new password for the signed-in account; its other devices sign in again, this one stays. */
  async changePassword(
    signedIn: SignedIn,
    current: string,
    next: string,
  ): Promise<Result<Record<never, never>>> {
    const { store } = this.ctx;
    const now = this.ctx.now();
    const account = store.account(signedIn.account.id);
    if (!account?.passwordHash) return refuse(404, ACCOUNT_ERRORS.accountNotFound, 'no such account');
    // The current password is guessed at the same cost as at sign-in.
    const byAccount = verdict(this.accountPolicy, failureRecord(account), now);
    if (!byAccount.ok) return throttled(byAccount.reason, byAccount.retryAfterMs, 'for this account');
    if (!(await verifyPassword(account.passwordHash, current))) {
      this.recordFailure(account, now);
      return refuse(403, ACCOUNT_ERRORS.wrongPassword, 'the current password is not right');
    }
    const problem = weakPassword(next);
    if (problem) return problem;
    const hash = await hashPassword(next);
    const keep = signedIn.signIn.tokenHash;
    store.transaction(() => {
      store.setPassword(account.id, hash, now);
      store.deleteOtherSignIns(account.id, keep);
    });
    this.ctx.revoke({ kind: 'account', accountId: account.id, exceptSignIn: keep });
    return { ok: true };
  }
}

function throttled(reason: 'locked' | 'slow_down', retryAfterMs: number, scope: string): Refusal {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return reason === 'locked'
    ? refuse(
        429,
        ACCOUNT_ERRORS.locked,
        `too many wrong passwords ${scope}: signing in is locked for ${seconds} s`,
        retryAfterMs,
      )
    : refuse(
        429,
        ACCOUNT_ERRORS.slowDown,
        `too many wrong passwords ${scope}: wait ${seconds} s`,
        retryAfterMs,
      );
}
