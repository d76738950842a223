// Error codes of accounts and signing in, matched by clients; the messages
// beside them are for people. They travel in the same ErrorPayload as the
// protocol's codes (shared/protocol/errors.ts).
export const ACCOUNT_ERRORS = {
  /** A state-changing request without a valid CSRF token (fetch GET /api/auth/session first). */
  csrf: 'auth/csrf',
  /** Too many wrong passwords lately: wait retryAfterMs, then try again. */
  slowDown: 'auth/slow_down',
  /** Too many wrong passwords: signing in is refused until retryAfterMs has passed. */
  locked: 'auth/locked',
  accountDisabled: 'auth/account_disabled',
  /** A command from a read-only console: the session is another instructor's and not shared. */
  readOnly: 'auth/read_only',
  /** A sign-in that has expired or was ended (sign out, disabled, password changed). */
  signedOut: 'auth/signed_out',
  linkUnknown: 'account/link_unknown',
  linkExpired: 'account/link_expired',
  linkUsed: 'account/link_used',
  weakPassword: 'account/weak_password',
  wrongPassword: 'account/wrong_password',
  loginTaken: 'account/login_taken',
  accountNotFound: 'account/not_found',
  /** The administrator cannot disable themself (or the last active administrator). */
  lastAdministrator: 'account/last_administrator',
  tokenNotFound: 'account/token_not_found',
  notAnInstructor: 'account/not_an_instructor',
} as const;
export type AccountErrorCode = (typeof ACCOUNT_ERRORS)[keyof typeof ACCOUNT_ERRORS];
