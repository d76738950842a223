// Accounts: the administrator made at first start, invitations and resets by
// one-time links, signing in (slowed, then locked, after wrong passwords),
// cookie sign-ins that expire and can all be ended, API tokens for scripts,
// and who owns and shares each session. Rules here, SQL in account-store.ts,
// who-may-what in shared/access/rights.ts. The clock is injected.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT_ERRORS } from '../../shared/access/errors.ts';
import type { AccountRole, Principal, SessionAccess } from '../../shared/access/rights.ts';
import { ERROR_CODES, type ErrorCode } from '../../shared/protocol/errors.ts';
import type { Logger } from '../logger.ts';
import { hashToken, newId, newToken } from '../sessions/tokens.ts';
import type { AccountRow, AccountStore, ApiTokenRow, LinkPurpose, SignInRow } from './account-store.ts';
import { generatePassword, hashPassword, passwordProblem, verifyDecoy, verifyPassword } from './passwords.ts';
import {
  ACCOUNT_POLICY,
  AddressThrottle,
  afterFailure,
  type FailureRecord,
  type ThrottlePolicy,
  verdict,
} from './throttle.ts';

export const ADMIN_LOGIN = 'admin';
/** API tokens carry a prefix, so a Bearer token is known for one before any lookup. */
export const API_TOKEN_PREFIX = 'crt_';

export interface AccountTimings {
  signInMs: number;
  inviteMs: number;
  resetMs: number;
}
export const DEFAULT_TIMINGS: AccountTimings = {
  signInMs: 12 * 60 * 60_000,
  inviteMs: 7 * 24 * 60 * 60_000,
  resetMs: 24 * 60 * 60_000,
};

/** An account as screens see it: no hash, no counters. */
export interface PublicAccount {
  id: string;
  login: string;
  name: string;
  role: AccountRole;
  status: AccountRow['status'];
  createdAt: number;
  /** Refusing sign-ins now, after wrong passwords (until when). */
  lockedUntil: number | null;
}

export interface PublicApiToken {
  id: string;
  label: string;
  source: ApiTokenRow['source'];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** Something that ended access: sockets opened with it are disconnected. */
export type Revocation =
  | { kind: 'account'; accountId: string; exceptSignIn?: string }
  | { kind: 'sign_in'; tokenHash: string }
  | { kind: 'api_token'; tokenId: string };

export interface Refusal {
  ok: false;
  status: number;
  code: ErrorCode;
  message: string;
  retryAfterMs?: number;
}
export type Result<T> = ({ ok: true } & T) | Refusal;

const refuse = (status: number, code: ErrorCode, message: string, retryAfterMs?: number): Refusal => ({
  ok: false,
  status,
  code,
  message,
  ...(retryAfterMs !== undefined && { retryAfterMs }),
});

/** What a signed-in request or socket holds. */
export interface SignedIn {
  account: AccountRow;
  signIn: SignInRow;
}

export interface Bootstrapped {
  administrator: AccountRow;
  /** Sessions from before accounts, given to the administrator at this start. */
  adopted: number;
}

/** Lower case, trimmed: "Wang.Li " signs in as wang.li. */
export function normalizeLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

export function publicAccount(row: AccountRow, now: number): PublicAccount {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    role: row.role,
    status: row.status,
    createdAt: row.createdAt,
    lockedUntil: row.lockedUntil !== null && row.lockedUntil > now ? row.lockedUntil : null,
  };
}

function publicToken(row: ApiTokenRow): PublicApiToken {
  const { id, label, source, createdAt, lastUsedAt, revokedAt } = row;
  return { id, label, source, createdAt, lastUsedAt, revokedAt };
}

const failureRecord = (row: AccountRow): FailureRecord => ({
  failures: row.failedLogins,
  lastFailedAt: row.lastFailedAt,
  lockedUntil: row.lockedUntil,
});

/** Last-seen times and token use are written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export class Accounts {
  private readonly listeners = new Set<(revocation: Revocation) => void>();
  private readonly addresses: AddressThrottle;
  /** Accounts with a password check under way: one at a time each, so a burst cannot outrun the count. */
  private readonly checking = new Set<string>();
  private readonly access = new Map<string, SessionAccess>();
  private administratorId: string | undefined;

  constructor(
    private readonly store: AccountStore,
    private readonly options: {
      logger: Logger;
      now?: () => number;
      timings?: AccountTimings;
      accountPolicy?: ThrottlePolicy;
      addresses?: AddressThrottle;
    },
  ) {
    this.addresses = options.addresses ?? new AddressThrottle();
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get timings(): AccountTimings {
    return this.options.timings ?? DEFAULT_TIMINGS;
  }

  private get accountPolicy(): ThrottlePolicy {
    return this.options.accountPolicy ?? ACCOUNT_POLICY;
  }

  /** Called for every revocation (the sockets disconnect what it covers); returns an unsubscribe. */
  onRevoked(listener: (revocation: Revocation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private revoke(revocation: Revocation): void {
    for (const listener of this.listeners) listener(revocation);
  }

  // ── First start ────────────────────────────────────────────────────────

  /**
   * Makes sure an administrator exists. Its password: ADMIN_PASSWORD, else
   * FACILITATOR_PASSWORD (existing setups), else the password a data
   * directory from before accounts kept in `facilitator-password`, else one
   * generated now and printed once. A password from the environment is
   * applied at every start. Sessions without an owner go to the
   * administrator; API_TOKEN becomes (or stays) the environment's API token.
   */
  async bootstrap(env: NodeJS.ProcessEnv, dataDir: string): Promise<Bootstrapped> {
    const { logger } = this.options;
    const fromEnv = env.ADMIN_PASSWORD || env.FACILITATOR_PASSWORD || undefined;
    let administrator = this.store.firstAdministrator();
    const now = this.now();
    if (!administrator) {
      const legacyFile = join(dataDir, 'facilitator-password');
      const legacy = existsSync(legacyFile) ? readFileSync(legacyFile, 'utf8').trim() : undefined;
      const password = fromEnv ?? (legacy || generatePassword());
      administrator = {
        id: newId(),
        login: ADMIN_LOGIN,
        name: '管理员',
        role: 'administrator',
        passwordHash: await hashPassword(password),
        status: 'active',
        createdAt: now,
        createdBy: null,
        passwordChangedAt: now,
        failedLogins: 0,
        lastFailedAt: null,
        lockedUntil: null,
      };
      this.store.insertAccount(administrator);
      if (fromEnv)
        logger.info(
          { login: ADMIN_LOGIN },
          'administrator account created with the password from the environment',
        );
      else if (legacy)
        logger.warn(
          { login: ADMIN_LOGIN, file: legacyFile },
          'administrator account created with the former instructor password; that file is no longer read and can be deleted',
        );
      else
        logger.warn(
          { login: ADMIN_LOGIN },
          `administrator account created: sign in as "${ADMIN_LOGIN}" with password ${password} (shown once; set ADMIN_PASSWORD to choose your own, or run npm run admin -- reset-password)`,
        );
    } else if (
      fromEnv &&
      !(administrator.passwordHash && (await verifyPassword(administrator.passwordHash, fromEnv)))
    ) {
      this.store.setPassword(administrator.id, await hashPassword(fromEnv), now);
      this.store.deleteSignInsOf(administrator.id);
      administrator = this.store.account(administrator.id) as AccountRow;
      logger.info({ login: administrator.login }, 'administrator password set from the environment');
    }
    if (fromEnv && passwordProblem(fromEnv)) {
      logger.warn(`the administrator password from the environment is shorter than recommended`);
    }
    this.administratorId = administrator.id;
    const adopted = this.store.adoptOrphans(administrator.id);
    if (adopted > 0)
      logger.info({ sessions: adopted }, 'sessions from before accounts now belong to the administrator');
    this.environmentToken(env.API_TOKEN, administrator.id);
    this.store.deleteExpiredSignIns(now);
    return { administrator, adopted };
  }

  /** API_TOKEN, when set, is an API token (its hash stored); a changed or removed one stops working. */
  private environmentToken(token: string | undefined, administratorId: string): void {
    const now = this.now();
    if (!token) {
      this.store.revokeEnvironmentTokensExcept('', now);
      return;
    }
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length < API_TOKEN_PREFIX.length + 24) {
      throw new Error(
        `API_TOKEN must start with "${API_TOKEN_PREFIX}" and have at least 24 more characters (e.g. ${API_TOKEN_PREFIX}${newToken()})`,
      );
    }
    const hash = hashToken(token);
    this.store.revokeEnvironmentTokensExcept(hash, now);
    const existing = this.store.tokenByHash(hash);
    if (existing && existing.revokedAt === null) return;
    if (existing) throw new Error('API_TOKEN was revoked on the accounts screen; choose a new one');
    this.store.insertToken({
      id: newId(),
      tokenHash: hash,
      label: 'API_TOKEN',
      source: 'environment',
      createdBy: administratorId,
      createdAt: now,
      lastUsedAt: null,
      revokedAt: null,
    });
  }

  private adminId(): string {
    if (this.administratorId) return this.administratorId;
    const admin = this.store.firstAdministrator();
    if (!admin) throw new Error('no administrator: bootstrap() was not run');
    this.administratorId = admin.id;
    return admin.id;
  }

  // ── Signing in ─────────────────────────────────────────────────────────

  async signIn(
    login: string,
    password: string,
    address: string,
  ): Promise<Result<{ token: string; signedIn: SignedIn }>> {
    const now = this.now();
    const byAddress = this.addresses.verdict(address, now);
    if (!byAddress.ok) return this.throttled(byAddress.reason, byAddress.retryAfterMs, 'from this address');
    const account = this.store.accountByLogin(normalizeLogin(login));
    if (!account?.passwordHash) {
      await verifyDecoy(password);
      this.addresses.failed(address, now);
      return refuse(401, ERROR_CODES.badCredentials, 'wrong name or password');
    }
    const byAccount = verdict(this.accountPolicy, failureRecord(account), now);
    if (!byAccount.ok) return this.throttled(byAccount.reason, byAccount.retryAfterMs, 'for this account');
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
    this.store.clearFailures(account.id);
    return { ok: true, ...this.startSignIn(account.id) };
  }

  /** A new sign-in for an account that has just proved who it is (its password, or a link it accepted). */
  startSignIn(accountId: string): { token: string; signedIn: SignedIn } {
    const now = this.now();
    const account = this.store.account(accountId);
    if (!account) throw new Error(`no account ${accountId}`);
    const token = newToken();
    const signIn: SignInRow = {
      tokenHash: hashToken(token),
      accountId,
      createdAt: now,
      expiresAt: now + this.timings.signInMs,
      lastSeenAt: now,
    };
    this.store.insertSignIn(signIn);
    return { token, signedIn: { account, signIn } };
  }

  private throttled(reason: 'locked' | 'slow_down', retryAfterMs: number, scope: string): Refusal {
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

  private recordFailure(account: AccountRow, now: number): void {
    const next = afterFailure(this.accountPolicy, failureRecord(account), now);
    this.store.recordFailure(account.id, now, next.lockedUntil);
    if (next.lockedUntil !== null && next.lockedUntil !== account.lockedUntil)
      this.options.logger.warn({ login: account.login }, 'account locked after wrong passwords');
  }

  /** The sign-in a cookie's token names, while it lasts and its account is active. */
  signedIn(token: string): SignedIn | undefined {
    const tokenHash = hashToken(token);
    const signIn = this.store.signIn(tokenHash);
    if (!signIn) return undefined;
    const now = this.now();
    if (signIn.expiresAt <= now) {
      this.store.deleteSignIn(tokenHash);
      return undefined;
    }
    const account = this.store.account(signIn.accountId);
    if (account?.status !== 'active') return undefined;
    if (now - signIn.lastSeenAt > TOUCH_EVERY_MS) this.store.touchSignIn(tokenHash, now);
    return { account, signIn };
  }

  signOut(tokenHash: string): void {
    this.store.deleteSignIn(tokenHash);
    this.revoke({ kind: 'sign_in', tokenHash });
  }

  /** Ends every sign-in of an account (on every device), and its sockets. */
  signOutEverywhere(accountId: string): void {
    this.store.deleteSignInsOf(accountId);
    this.revoke({ kind: 'account', accountId });
  }

  async changePassword(
    signedIn: SignedIn,
    current: string,
    next: string,
  ): Promise<Result<Record<never, never>>> {
    const now = this.now();
    const account = this.store.account(signedIn.account.id);
    if (!account?.passwordHash) return refuse(404, ACCOUNT_ERRORS.accountNotFound, 'no such account');
    // The current password is guessed at the same cost as at sign-in.
    const byAccount = verdict(this.accountPolicy, failureRecord(account), now);
    if (!byAccount.ok) return this.throttled(byAccount.reason, byAccount.retryAfterMs, 'for this account');
    if (!(await verifyPassword(account.passwordHash, current))) {
      this.recordFailure(account, now);
      return refuse(403, ACCOUNT_ERRORS.wrongPassword, 'the current password is not right');
    }
    const problem = this.weak(next);
    if (problem) return problem;
    const hash = await hashPassword(next);
    // Other devices sign in again with the new password; this one stays.
    this.store.transaction(() => {
      this.store.setPassword(account.id, hash, now);
      this.store.deleteOtherSignIns(account.id, signedIn.signIn.tokenHash);
    });
    this.revoke({ kind: 'account', accountId: account.id, exceptSignIn: signedIn.signIn.tokenHash });
    return { ok: true };
  }

  private weak(password: string): Refusal | null {
    const problem = passwordProblem(password);
    if (problem === 'too_short')
      return refuse(400, ACCOUNT_ERRORS.weakPassword, 'choose a password of at least 10 characters');
    if (problem === 'too_long') return refuse(400, ACCOUNT_ERRORS.weakPassword, 'that password is too long');
    return null;
  }

  // ── Invitations and resets ─────────────────────────────────────────────

  async invite(
    by: AccountRow,
    input: { login: string; name: string; role: AccountRole },
  ): Promise<Result<{ account: PublicAccount; token: string; expiresAt: number }>> {
    const login = normalizeLogin(input.login);
    if (!LOGIN_PATTERN.test(login))
      return refuse(
        400,
        ERROR_CODES.badRequest,
        'a sign-in name is 2 to 64 letters, digits or . _ @ -, starting with a letter or digit',
      );
    if (this.store.accountByLogin(login))
      return refuse(409, ACCOUNT_ERRORS.loginTaken, `the sign-in name "${login}" is taken`);
    const now = this.now();
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
    const link = this.store.transaction(() => {
      this.store.insertAccount(row);
      return this.newLink(row.id, 'invite', now);
    });
    return { ok: true, account: publicAccount(row, now), ...link };
  }

  /** A new one-time link to set a password (the earlier unused ones stop working). */
  reset(accountId: string): Result<{ account: PublicAccount; token: string; expiresAt: number }> {
    const row = this.store.account(accountId);
    if (!row) return refuse(404, ACCOUNT_ERRORS.accountNotFound, 'no such account');
    const now = this.now();
    const link = this.store.transaction(() =>
      this.newLink(row.id, row.passwordHash ? 'reset' : 'invite', now),
    );
    return { ok: true, account: publicAccount(row, now), ...link };
  }

  private newLink(
    accountId: string,
    purpose: LinkPurpose,
    now: number,
  ): { token: string; expiresAt: number } {
    this.store.retireInvitationsOf(accountId, now);
    const token = newToken();
    const expiresAt = now + (purpose === 'invite' ? this.timings.inviteMs : this.timings.resetMs);
    this.store.insertInvitation({
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
      account: publicAccount(found.account, this.now()),
      purpose: found.invitation.purpose,
      expiresAt: found.invitation.expiresAt,
    };
  }

  private usableLink(token: string) {
    const invitation = this.store.invitation(hashToken(token));
    if (!invitation)
      return refuse(404, ACCOUNT_ERRORS.linkUnknown, 'this link is not known; ask for a new one');
    if (invitation.usedAt !== null)
      return refuse(410, ACCOUNT_ERRORS.linkUsed, 'this link has been used already; ask for a new one');
    if (invitation.expiresAt <= this.now())
      return refuse(
        410,
        ACCOUNT_ERRORS.linkExpired,
        'this link has expired; ask your administrator for a new one',
      );
    const account = this.store.account(invitation.accountId);
    if (!account) return refuse(404, ACCOUNT_ERRORS.linkUnknown, 'this link is not known; ask for a new one');
    if (account.status === 'disabled')
      return refuse(403, ACCOUNT_ERRORS.accountDisabled, 'this account is disabled; ask your administrator');
    return { ok: true as const, invitation, account };
  }

  /** Sets the password a link was made for; every earlier sign-in of the account ends. */
  async acceptLink(token: string, password: string): Promise<Result<{ account: AccountRow }>> {
    const found = this.usableLink(token);
    if (!found.ok) return found;
    const problem = this.weak(password);
    if (problem) return problem;
    const hash = await hashPassword(password);
    const now = this.now();
    const used = this.store.transaction(() => {
      if (!this.store.useInvitation(found.invitation.tokenHash, now)) return false;
      this.store.setPassword(found.account.id, hash, now);
      this.store.deleteSignInsOf(found.account.id);
      return true;
    });
    if (!used)
      return refuse(410, ACCOUNT_ERRORS.linkUsed, 'this link has been used already; ask for a new one');
    this.revoke({ kind: 'account', accountId: found.account.id });
    return { ok: true, account: this.store.account(found.account.id) as AccountRow };
  }

  // ── The administrator's list ───────────────────────────────────────────

  list(): PublicAccount[] {
    const now = this.now();
    return this.store.accounts().map((row) => publicAccount(row, now));
  }

  account(id: string): AccountRow | undefined {
    return this.store.account(id);
  }

  /** Instructors who may be given a session (active ones), for the share action. */
  instructors(): { id: string; name: string; login: string }[] {
    return this.store
      .accounts()
      .filter((a) => a.role === 'instructor' && a.status === 'active')
      .map(({ id, name, login }) => ({ id, name, login }));
  }

  /** Disables an account: its sign-ins end, its links stop working, its sockets are cut. */
  disable(by: AccountRow, accountId: string): Result<{ account: PublicAccount }> {
    const row = this.store.account(accountId);
    if (!row) return refuse(404, ACCOUNT_ERRORS.accountNotFound, 'no such account');
    if (row.id === by.id)
      return refuse(409, ACCOUNT_ERRORS.lastAdministrator, 'you cannot disable your own account');
    const now = this.now();
    this.store.transaction(() => {
      this.store.setStatus(row.id, 'disabled');
      this.store.deleteSignInsOf(row.id);
      this.store.retireInvitationsOf(row.id, now);
    });
    this.revoke({ kind: 'account', accountId: row.id });
    this.options.logger.info({ login: row.login }, 'account disabled');
    return { ok: true, account: publicAccount({ ...row, status: 'disabled' }, now) };
  }

  enable(accountId: string): Result<{ account: PublicAccount }> {
    const row = this.store.account(accountId);
    if (!row) return refuse(404, ACCOUNT_ERRORS.accountNotFound, 'no such account');
    const status = row.passwordHash ? 'active' : 'invited';
    this.store.setStatus(row.id, status);
    this.store.clearFailures(row.id);
    return { ok: true, account: publicAccount({ ...row, status, lockedUntil: null }, this.now()) };
  }

  // ── API tokens ─────────────────────────────────────────────────────────

  createToken(by: AccountRow, label: string): { token: string; row: PublicApiToken } {
    const token = API_TOKEN_PREFIX + newToken();
    const row: ApiTokenRow = {
      id: newId(),
      tokenHash: hashToken(token),
      label: label.trim(),
      source: 'administrator',
      createdBy: by.id,
      createdAt: this.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    this.store.insertToken(row);
    return { token, row: publicToken(row) };
  }

  tokens(): PublicApiToken[] {
    return this.store.tokens().map(publicToken);
  }

  revokeToken(id: string): Result<Record<never, never>> {
    if (!this.store.token(id)) return refuse(404, ACCOUNT_ERRORS.tokenNotFound, 'no such API token');
    this.store.revokeToken(id, this.now());
    this.revoke({ kind: 'api_token', tokenId: id });
    return { ok: true };
  }

  /** The API token a Bearer value names, unless revoked. */
  apiToken(token: string): ApiTokenRow | undefined {
    if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
    const row = this.store.tokenByHash(hashToken(token));
    if (!row || row.revokedAt !== null) return undefined;
    const now = this.now();
    if (row.lastUsedAt === null || now - row.lastUsedAt > TOUCH_EVERY_MS) this.store.touchToken(row.id, now);
    return row;
  }

  // ── Sessions' owners and shares ────────────────────────────────────────

  /** Who a new session belongs to: the instructor who made it, or for a script the token's maker. */
  ownerFor(principal: Principal): string {
    if (principal.kind === 'account') return principal.accountId;
    if (principal.kind === 'api_token')
      return this.store.token(principal.tokenId)?.createdBy ?? this.adminId();
    return this.adminId();
  }

  setOwner(sessionId: string, ownerId: string): void {
    this.store.setOwner(sessionId, ownerId);
    this.access.delete(sessionId);
  }

  /** Owner and shares of a session, cached (socket commands ask on every command). */
  sessionAccess(sessionId: string): SessionAccess {
    let found = this.access.get(sessionId);
    if (!found) {
      found = {
        sessionId,
        ownerId: this.store.ownerOf(sessionId) ?? this.adminId(),
        sharedWith: this.store.sharesOf(sessionId),
      };
      this.access.set(sessionId, found);
    }
    return found;
  }

  share(sessionId: string, accountId: string): Result<{ access: SessionAccess }> {
    const target = this.store.account(accountId);
    if (target?.role !== 'instructor')
      return refuse(400, ACCOUNT_ERRORS.notAnInstructor, 'a session is shared with an instructor');
    this.store.share(sessionId, accountId, this.now());
    this.access.delete(sessionId);
    return { ok: true, access: this.sessionAccess(sessionId) };
  }

  unshare(sessionId: string, accountId: string): SessionAccess {
    this.store.unshare(sessionId, accountId);
    this.access.delete(sessionId);
    return this.sessionAccess(sessionId);
  }

  /** A session deleted: forget its cached access. */
  forgetSession(sessionId: string): void {
    this.access.delete(sessionId);
  }
}
