// Accounts over HTTP: signing in and out, one's own password, one-time links
// (invitations and resets), and the administrator's accounts and API tokens.
// Every route asks shared/access/rights.ts through `allowed`.
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { ACCOUNT_ROLES, rightsOf } from '../../shared/access/rights.ts';
import type { AccountRow } from '../auth/account-store.ts';
import { type Accounts, publicAccount, type SignedIn } from '../auth/accounts.ts';
import { PASSWORD_MAX_LENGTH } from '../auth/passwords.ts';
import {
  allowed,
  authOf,
  type CsrfTools,
  SESSION_COOKIE,
  sendRefusal,
  sessionCookieOptions,
} from '../auth/request-auth.ts';
import { badBody } from './bad-body.ts';

const password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const signInSchema = z.object({ login: z.string().trim().min(1).max(64), password });
const changeSchema = z.object({ current: password, next: password });
const linkSchema = z.object({ token: z.string().min(16).max(128) });
const acceptSchema = linkSchema.extend({ password });
const inviteSchema = z.object({
  login: z.string().trim().min(2).max(64),
  name: z.string().trim().min(1).max(40),
  role: z.enum(ACCOUNT_ROLES),
});
const tokenSchema = z.object({ label: z.string().trim().min(1).max(80) });

/** A one-time link's page; the token rides in the fragment, which browsers never send anywhere. */
export const linkPath = (token: string) => `/invite#${token}`;

export function accountRoutes(accounts: Accounts, csrf: CsrfTools): Router {
  const router = Router();

  /** What the client holds after any sign-in change: who, their rights, a CSRF token for the next request. */
  const sessionBody = (req: Request, res: Response) => {
    const auth = authOf(req);
    const account = auth.signedIn ? publicAccount(auth.signedIn.account, accounts.now()) : null;
    return { account, rights: rightsOf(auth.principal), csrfToken: csrf.issue(req, res) };
  };

  const startSignIn = (req: Request, res: Response, token: string, signedIn: SignedIn) => {
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, signedIn.signIn.expiresAt - accounts.now()));
    req.auth = {
      principal: { kind: 'account', accountId: signedIn.account.id, role: signedIn.account.role },
      signedIn,
    };
  };

  /** The signed-in account behind a request that `allowed` has let through. */
  const me = (req: Request): AccountRow => authOf(req).signedIn?.account as AccountRow;

  router.get('/api/auth/session', (req, res) => {
    res.set('cache-control', 'no-store').json(sessionBody(req, res));
  });

  router.post('/api/auth/sign-in', async (req, res) => {
    const body = signInSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const result = await accounts.signIns.signIn(body.data.login, body.data.password, req.ip ?? 'unknown');
    if (!result.ok) return sendRefusal(res, result);
    startSignIn(req, res, result.token, result.signedIn);
    res.json(sessionBody(req, res));
  });

  router.post('/api/auth/sign-out', (req, res) => {
    const signedIn = authOf(req).signedIn;
    if (signedIn) accounts.signIns.signOut(signedIn.signIn.tokenHash);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
    req.auth = { principal: { kind: 'nobody' } };
    res.json(sessionBody(req, res));
  });

  router.post('/api/auth/sign-out-everywhere', (req, res) => {
    if (!allowed(req, res, 'account.own')) return;
    accounts.signIns.signOutEverywhere(me(req).id);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
    req.auth = { principal: { kind: 'nobody' } };
    res.json(sessionBody(req, res));
  });

  router.post('/api/auth/password', async (req, res) => {
    if (!allowed(req, res, 'account.own')) return;
    const body = changeSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const result = await accounts.signIns.changePassword(
      authOf(req).signedIn as SignedIn,
      body.data.current,
      body.data.next,
    );
    if (!result.ok) return sendRefusal(res, result);
    res.status(204).end();
  });

  // ── One-time links ─────────────────────────────────────────────────────

  router.post('/api/links/lookup', (req, res) => {
    const body = linkSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const result = accounts.admin.link(body.data.token);
    if (!result.ok) return sendRefusal(res, result);
    const { account, purpose, expiresAt } = result;
    res.json({
      account: { name: account.name, login: account.login, role: account.role },
      purpose,
      expiresAt,
    });
  });

  router.post('/api/links/accept', async (req, res) => {
    const body = acceptSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const accepted = await accounts.admin.acceptLink(body.data.token, body.data.password);
    if (!accepted.ok) return sendRefusal(res, accepted);
    // Signed in at once: the link and the password just chosen prove who this is.
    const started = accounts.signIns.start(accepted.account.id);
    startSignIn(req, res, started.token, started.signedIn);
    res.json(sessionBody(req, res));
  });

  // ── The administrator's list ───────────────────────────────────────────

  router.get('/api/accounts', (req, res) => {
    if (!allowed(req, res, 'accounts.manage')) return;
    res.json({ accounts: accounts.admin.list() });
  });

  router.post('/api/accounts', async (req, res) => {
    if (!allowed(req, res, 'accounts.manage')) return;
    const body = inviteSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const result = await accounts.admin.invite(me(req), body.data);
    if (!result.ok) return sendRefusal(res, result);
    res.status(201).json({
      account: result.account,
      link: { path: linkPath(result.token), expiresAt: result.expiresAt },
    });
  });

  router.post('/api/accounts/:id/disable', (req, res) => {
    if (!allowed(req, res, 'accounts.manage')) return;
    const result = accounts.admin.disable(me(req), req.params.id);
    if (!result.ok) return sendRefusal(res, result);
    res.json({ account: result.account });
  });

  router.post('/api/accounts/:id/enable', (req, res) => {
    if (!allowed(req, res, 'accounts.manage')) return;
    const result = accounts.admin.enable(req.params.id);
    if (!result.ok) return sendRefusal(res, result);
    res.json({ account: result.account });
  });

  router.post('/api/accounts/:id/reset', (req, res) => {
    if (!allowed(req, res, 'accounts.manage')) return;
    const result = accounts.admin.reset(req.params.id);
    if (!result.ok) return sendRefusal(res, result);
    res.json({
      account: result.account,
      link: { path: linkPath(result.token), expiresAt: result.expiresAt },
    });
  });

  router.get('/api/instructors', (req, res) => {
    if (!allowed(req, res, 'instructors.list')) return;
    res.json({ instructors: accounts.admin.instructors() });
  });

  // ── API tokens ─────────────────────────────────────────────────────────

  router.get('/api/api-tokens', (req, res) => {
    if (!allowed(req, res, 'api_tokens.manage')) return;
    res.json({ tokens: accounts.tokens.list() });
  });

  router.post('/api/api-tokens', (req, res) => {
    if (!allowed(req, res, 'api_tokens.manage')) return;
    const body = tokenSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const { token, row } = accounts.tokens.create(me(req), body.data.label);
    // Shown this once: only its hash is kept.
    res.status(201).json({ token, apiToken: row });
  });

  router.delete('/api/api-tokens/:id', (req, res) => {
    if (!allowed(req, res, 'api_tokens.manage')) return;
    const result = accounts.tokens.revoke(req.params.id);
    if (!result.ok) return sendRefusal(res, result);
    res.status(204).end();
  });

  return router;
}
