// Who an HTTP request comes from, and the CSRF check. A request carrying an
// Authorization header is authenticated by it alone (an API token, or a
// session link token the route reads itself) and its cookies are ignored: a
// cross-site page cannot set that header, so such requests need no CSRF
// token. A request without one is authenticated by its sign-in cookie, and
// every state-changing one made with a sign-in (or making one) must carry
// the CSRF token (double submit, bound to the sign-in) in x-csrf-token.
import { randomBytes } from 'node:crypto';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { CookieOptions, NextFunction, Request, RequestHandler, Response } from 'express';
import { ACCOUNT_ERRORS } from '../../shared/access/errors.ts';
import { type Action, may, type Principal, type SessionAccess } from '../../shared/access/rights.ts';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import type { Storage } from '../storage/storage.ts';
import type { ApiTokenRow } from './account-store.ts';
import { type Accounts, API_TOKEN_PREFIX, type Refusal, type SignedIn } from './accounts.ts';

export const SESSION_COOKIE = 'cr_session';
export const CSRF_COOKIE = 'cr_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface RequestAuth {
  principal: Principal;
  signedIn?: SignedIn;
  apiToken?: ApiTokenRow;
  /** A Bearer value that is not an API token: a session link token or a resume token, for the route to check. */
  bearer?: string;
  /** A Bearer API token that is unknown or revoked. */
  badToken?: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: RequestAuth;
  }
}

const NOBODY: Principal = { kind: 'nobody' };

export function authOf(req: Request): RequestAuth {
  return req.auth ?? { principal: NOBODY };
}

/** The sign-in cookie: HTTP-only, SameSite=Lax, Secure when the request came over https. */
export function sessionCookieOptions(req: Request, maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    ...(maxAgeMs !== undefined && { maxAge: maxAgeMs }),
  };
}

/** Reads the sign-in cookie or the Bearer header into req.auth. */
export function authenticate(accounts: Accounts): RequestHandler[] {
  const resolve: RequestHandler = (req, _res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const value = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (value.startsWith(API_TOKEN_PREFIX)) {
        const row = accounts.tokens.find(value);
        req.auth = row
          ? { principal: { kind: 'api_token', tokenId: row.id }, apiToken: row }
          : { principal: NOBODY, badToken: true };
      } else {
        req.auth = { principal: NOBODY, ...(value && { bearer: value }) };
      }
      return next();
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    const signedIn = typeof cookie === 'string' && cookie ? accounts.signIns.find(cookie) : undefined;
    req.auth = signedIn
      ? {
          principal: { kind: 'account', accountId: signedIn.account.id, role: signedIn.account.role },
          signedIn,
        }
      : { principal: NOBODY };
    next();
  };
  return [cookieParser(), resolve];
}

/**
 * Paths that change state without acting for anyone signed in: a trainee
 * joining by code or as themselves, a trainee opening their own portfolio
 * with their personal code. They read no cookie, so a cross-site request can
 * do nothing through one; and the join page sends no CSRF token.
 */
const NO_AMBIENT_AUTHORITY = new Set(['/api/join', '/api/join/cohort', '/api/join/person', '/api/portfolio']);
/** Paths that start a sign-in: checked even without one, so no other site can sign a browser in. */
const SIGNS_IN = new Set(['/api/auth/sign-in', '/api/links/accept']);

/**
 * What the CSRF check passes over: requests with an Authorization header
 * (no cookie is used), requests outside the API, a trainee's join, and
 * requests without a sign-in, which act for nobody (they get a 401 instead),
 * except those that sign in.
 */
function needsNoCsrfToken(req: Request): boolean {
  if (req.get('authorization') !== undefined || !req.path.startsWith('/api/')) return true;
  if (NO_AMBIENT_AUTHORITY.has(req.path)) return true;
  return authOf(req).signedIn === undefined && !SIGNS_IN.has(req.path);
}

export interface CsrfTools {
  protect: RequestHandler;
  /** A token for this request's sign-in (or for no sign-in), set in its cookie and returned. */
  issue(req: Request, res: Response): string;
}

/** The CSRF check; its secret is kept in the settings table, so tokens outlive a restart. */
export function csrf(storage: Storage): CsrfTools {
  let secret = storage.getSetting('csrf-secret');
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    storage.setSetting('csrf-secret', secret);
  }
  const known = secret;
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => known,
    // Bound to the sign-in: a token taken before signing in (or by another account) is refused after.
    getSessionIdentifier: (req) => authOf(req).signedIn?.signIn.tokenHash ?? '',
    cookieName: CSRF_COOKIE,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: false, path: '/' },
    getCsrfTokenFromRequest: (req) => req.get(CSRF_HEADER),
    skipCsrfProtection: needsNoCsrfToken,
  });
  const protect: RequestHandler = (req, res, next: NextFunction) => {
    doubleCsrfProtection(req, res, (error?: unknown) => {
      if (!error) return next();
      res
        .status(403)
        .json(
          errorBody(
            ACCOUNT_ERRORS.csrf,
            'this request lacks its CSRF token; reload the page (or send x-csrf-token from GET /api/auth/session)',
          ),
        );
    });
  };
  return {
    protect,
    issue: (req, res) =>
      generateCsrfToken(req, res, {
        overwrite: false,
        cookieOptions: { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' },
      }),
  };
}

/**
 * Answers 401 when nobody is signed in (or the API token is not valid), 403
 * when the principal lacks `action`; true when the request may go on.
 */
export function allowed(req: Request, res: Response, action: Action, session?: SessionAccess): boolean {
  const auth = authOf(req);
  if (may(auth.principal, action, session)) return true;
  if (auth.principal.kind === 'nobody') {
    res
      .status(401)
      .json(
        errorBody(
          ERROR_CODES.unauthorized,
          auth.badToken ? 'this API token is not valid (unknown or revoked)' : 'sign in first',
        ),
      );
  } else {
    res.status(403).json(errorBody(ERROR_CODES.forbidden, forbiddenMessage(action)));
  }
  return false;
}

function forbiddenMessage(action: Action): string {
  switch (action) {
    case 'session.run':
    case 'session.export':
      return 'this session belongs to another instructor; ask them to share it with you';
    case 'session.share':
    case 'session.delete':
      return 'only the instructor who made this session (or an administrator) may do this';
    case 'accounts.manage':
    case 'api_tokens.manage':
      return 'only an administrator manages accounts';
    default:
      return 'your account does not have this right';
  }
}

/** Sends an Accounts refusal as an error body (with Retry-After when it has one). */
export function sendRefusal(res: Response, refusal: Refusal): void {
  if (refusal.retryAfterMs !== undefined)
    res.set('retry-after', String(Math.ceil(refusal.retryAfterMs / 1000)));
  res
    .status(refusal.status)
    .json(
      errorBody(
        refusal.code,
        refusal.message,
        refusal.retryAfterMs !== undefined ? { retryAfterMs: refusal.retryAfterMs } : undefined,
      ),
    );
}
