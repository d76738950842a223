// The administrator's side of accounts: inviting by a one-time link that
// expires, a new link to reset a password, disabling (which ends every
// sign-in and socket) and re-enabling; and the person's side of a link:
// reading what it is for, then choosing a password with it.
import { ACCOUNT_ERRORS } from '../../shared/access/errors.ts';
import type { AccountRole } from '../../shared/access/rights.ts';
import { ERROR_CODES } from '../../shared/protocol/errors.ts';
import { hashToken, newId, newToken } from '../sessions/tokens.ts';
import type { AccountRow, LinkPurpose } from './account-store.ts';
import {
  type AuthContext,
  LOGIN_PATTERN,
  normalizeLogin,
  type PublicAccount,
  publicAccount,
  type Result,
  refuse,
  weakPassword,
} from './auth-context.ts';
import { hashPassword } from './passwords.ts';

type Link = { token: string; expiresAt: number };

export class AccountAdmin {
  constructor(private readonly ctx: AuthContext) {}

  list(): PublicAccount[] {
    const now = this.ctx.now();
    return this.ctx.store.accounts().map((row) => publicAccount(row, now));
  }

  account(id: string): AccountRow | undefined {
    return this.ctx.store.account(id);
  }

  /** Instructors who may be given a session (active ones), for the share action. */
  instructors(): { id: string; name: string; login: string }[] {
    return this.ctx.store
      .accounts()
      .filter((a) => a.role === 'instructor' && a.status === 'active')
      .map(({ id, name, login }) => ({ id, name, login }));
  }

  async invite(
    by: AccountRow,
    input: { login: string; name: string; role: AccountRole },
  ): Promise<Result<{ account: PublicAccount } & Link>> {
    const { store } = this.ctx;
    const login = normalizeLogin(input.login);
    if (!LOGIN_PATTERN.test(login))
      return refuse(
        400,
        ERROR_CODES.badRequest,
        'a sign-in name is 2 to 64 letters, digits or . _ @ -, starting with a letter or digit',
      );
    if (store.accountByLogin(login))
      return refuse(409, ACCOUNT_ERRORS.loginTaken, `the sign-in name "${login}" is taken`);
    const now = this.ctx.now();
    const row: AccountRow = {
      id: newId(),
      login,
      name: input.name.trim(),
      role: input.role,
      passwordHash: null,
      status: 'invited',
      createdAt: now,
      createdBy: by.id,
      passwordChangedAt: null,
      failedLogins: 0,
      lastFailedAt: null,
      lockedUntil: null,
    };
    const link = store.transaction(() => {
      store.insertAccount(row);
      return this.newLink(row.id, 'invite', now);
    });
    return { ok: true, account: publicAccount(row, now), ...link };
  }

  /** A new one-time link to set a password (the earlier unused ones stop working). */
  reset(accountId: string): Result<{ account: PublicAccount } & Link> {
    const row = this.ctx.store.account(accountId);
    if (!row) return refuse(404, ACCOUNT_ERRORS.accountNotFound, 'no such account');
    const now = this.ctx.now();
    const link = this.ctx.store.transaction(() =>
      this.newLink(row.id, row.passwordHash ? 'reset' : 'invite', now),
    );
    return { ok: true, account: publicAccount(row, now), ...link };
  }

  private newLink(accountId: string, purpose: LinkPurpose, now: number): Link {
    const { store, timings } = this.ctx;
    store.retireInvitationsOf(accountId, now);
    const token = newToken();
    const expiresAt = now + (purpose === 'invite' ? timings.inviteMs : timings.resetMs);
    store.insertInvitation({
      tokenHash: hashToken(token),
      accountId,
      purpose,
      createdAt: now,
      expiresAt,
      usedAt: null,
    });
    return { token, expiresAt };
  }

  /** What a link is for, before its password is chosen. */
  link(token: string): Result<{ account: PublicAccount; purpose: LinkPurpose; expiresAt: number }> {
    const found = this.usableLink(token);
    if (!found.ok) return found;
    return {
      ok: true,
      account: publicAccount(found.account, this.ctx.now()),
      purpose: found.invitation.purpose,
      expiresAt: found.invitation.expiresAt,
    };
  }

  private usableLink(token: string) {
    const { store } = this.ctx;
    const invitation = store.invitation(hashToken(token));
    if (!invitation)
      return refuse(404, ACCOUNT_ERRORS.linkUnknown, 'this link is not known; ask for a new one');
    if (invitation.usedAt !== null)
      return refuse(410, ACCOUNT_ERRORS.linkUsed, 'this link has been used already; ask for a new one');
    if (invitation.expiresAt <= this.ctx.now())
      return refuse(
        410,
        ACCOUNT_ERRORS.linkExpired,
        'this link has expired; ask your administrator for a new one',
      );
    const account = store.account(invitation.accountId);
    if (!account) return refuse(404, ACCOUNT_ERRORS.linkUnknown, 'this link is not known; ask for a new one');
    if (account.status === 'disabled')
      return refuse(403, ACCOUNT_ERRORS.accountDisabled, 'this account is disabled; ask your administrator');
    return { ok: true as const, invitation, account };
  }

  /** Sets the password a link was made for; every earlier sign-in of the account ends. */
  async acceptLink(token: string, password: string): Promise<Result<{ account: AccountRow }>> {
    const { store } = this.ctx;
    const found = this.usableLink(token);
    if (!found.ok) return found;
    const problem = weakPassword(password);
    if (problem) return problem;
    const hash = await hashPassword(password);
    const now = this.ctx.now();
    const used = store.transaction(() => {
      // Two tabs racing: only the first use counts.
      if (!store.useInvitation(found.invitation.tokenHash, now)) return false;
      store.setPassword(found.account.id, hash, now);
      store.deleteSignInsOf(found.account.id);
      return true;
    });
    if (!used)
      return refuse(410, ACCOUNT_ERRORS.linkUsed, 'this link has been used already; ask for a new one');
    this.ctx.revoke({ kind: 'account', accountId: found.account.id });
    return { ok: true, account: store.account(found.account.id) as AccountRow };
  }

  /** Disables an account: its sign-ins end, its links stop working, its sockets are cut. */
  disable(by: AccountRow, accountId: string): Result<{ account: PublicAccount }> {
    const { store } = this.ctx;
    const row = store.account(accountId);
    if (!row) return refuse(404, ACCOUNT_ERRORS.accountNotFound, 'no such account');
    if (row.id === by.id)
      return refuse(409, ACCOUNT_ERRORS.lastAdministrator, 'you cannot disable your own account');
    const now = this.ctx.now();
    store.transaction(() => {
      store.setStatus(row.id, 'disabled');
      store.deleteSignInsOf(row.id);
      store.retireInvitationsOf(row.id, now);
    });
    this.ctx.revoke({ kind: 'account', accountId: row.id });
    this.ctx.logger.info({ login: row.login }, 'account disabled');
    return { ok: true, account: publicAccount({ ...row, status: 'disabled' }, now) };
  }

  /** Re-enables an account (and unlocks it); one never given a password is invited again. */
  enable(accountId: string): Result<{ account: PublicAccount }> {
    const { store } = this.ctx;
    const row = store.account(accountId);
    if (!row) return refuse(404, ACCOUNT_ERRORS.accountNotFound, 'no such account');
    const status = row.passwordHash ? 'active' : 'invited';
    store.setStatus(row.id, status);
    store.clearFailures(row.id);
    return { ok: true, account: publicAccount({ ...row, status, lockedUntil: null }, this.ctx.now()) };
  }
}
