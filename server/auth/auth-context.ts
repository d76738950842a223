// What the parts of accounts share: the store, the clock (injected, so tests
// move it instead of sleeping), the log, the timings, how a refusal and a
// revocation look, and an account as screens may see it.
import { ACCOUNT_ERRORS } from '../../shared/access/errors.ts';
import type { AccountRole } from '../../shared/access/rights.ts';
import type { ErrorCode } from '../../shared/protocol/errors.ts';
import type { Logger } from '../logger.ts';
import type { AccountRow, AccountStore, SignInRow } from './account-store.ts';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './passwords.ts';

export const ADMIN_LOGIN = 'admin';
/** API tokens carry a prefix, so a Bearer token is known for one before any lookup. */
export const API_TOKEN_PREFIX = 'crt_';
/** Last-seen times and token use are written at most this often (not on every request). */
export const TOUCH_EVERY_MS = 60_000;

export interface AccountTimings {
  /** How long a sign-in lasts. */
  signInMs: number;
  inviteMs: number;
  resetMs: number;
}
export const DEFAULT_TIMINGS: AccountTimings = {
  signInMs: 12 * 60 * 60_000,
  inviteMs: 7 * 24 * 60 * 60_000,
  resetMs: 24 * 60 * 60_000,
};

/** Something that ended access: sockets opened with it are disconnected. */
export type Revocation =
  | { kind: 'account'; accountId: string; exceptSignIn?: string }
  | { kind: 'sign_in'; tokenHash: string }
  | { kind: 'api_token'; tokenId: string };

export interface AuthContext {
  store: AccountStore;
  logger: Logger;
  now(): number;
  timings: AccountTimings;
  revoke(revocation: Revocation): void;
  /** The first administrator: owner of what has no other. */
  administratorId(): string;
}

export interface Refusal {
  ok: false;
  status: number;
  code: ErrorCode;
  message: string;
  retryAfterMs?: number;
}
export type Result<T> = ({ ok: true } & T) | Refusal;

export const refuse = (status: number, code: ErrorCode, message: string, retryAfterMs?: number): Refusal => ({
  ok: false,
  status,
  code,
  message,
  ...(retryAfterMs !== undefined && { retryAfterMs }),
});

/** A new password that policy refuses, as a refusal (null: acceptable). */
export function weakPassword(password: string): Refusal | null {
  const problem = passwordProblem(password);
  if (problem === 'too_short')
    return refuse(
      400,
      ACCOUNT_ERRORS.weakPassword,
      `choose a password of at least ${PASSWORD_MIN_LENGTH} characters`,
    );
  if (problem === 'too_long') return refuse(400, ACCOUNT_ERRORS.weakPassword, 'that password is too long');
  return null;
}

/** What a signed-in request or socket holds. */
export interface SignedIn {
  account: AccountRow;
  signIn: SignInRow;
}

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

/** Lower case, trimmed: "Wang.Li " signs in as wang.li. */
export function normalizeLogin(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase();
}
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
