// Who owns each session and with whom it is shared: what the session rights
// of shared/access/rights.ts depend on. Kept in memory once read, because
// every socket command asks.
import { ACCOUNT_ERRORS } from '../../shared/access/errors.ts';
import type { Principal, SessionAccess } from '../../shared/access/rights.ts';
import type { ApiTokens } from './api-tokens.ts';
import { type AuthContext, type Result, refuse } from './auth-context.ts';

export class SessionOwners {
  private readonly cache = new Map<string, SessionAccess>();

  constructor(
    private readonly ctx: AuthContext,
    private readonly tokens: ApiTokens,
  ) {}

  /** Who a new session belongs to: the instructor who made it; for a script, the token's maker. */
  ownerFor(principal: Principal): string {
    if (principal.kind === 'account') return principal.accountId;
    if (principal.kind === 'api_token')
      return this.tokens.maker(principal.tokenId) ?? this.ctx.administratorId();
    return this.ctx.administratorId();
  }

  setOwner(sessionId: string, ownerId: string): void {
    this.ctx.store.setOwner(sessionId, ownerId);
    this.cache.delete(sessionId);
  }

  /** Owner and shares of a session (a session without an owner row is the administrator's). */
  of(sessionId: string): SessionAccess {
    let found = this.cache.get(sessionId);
    if (!found) {
      found = {
        sessionId,
        ownerId: this.ctx.store.ownerOf(sessionId) ?? this.ctx.administratorId(),
        sharedWith: this.ctx.store.sharesOf(sessionId),
      };
      this.cache.set(sessionId, found);
    }
    return found;
  }

  share(sessionId: string, accountId: string): Result<{ access: SessionAccess }> {
    const target = this.ctx.store.account(accountId);
    if (target?.role !== 'instructor')
      return refuse(400, ACCOUNT_ERRORS.notAnInstructor, 'a session is shared with an instructor');
    this.ctx.store.share(sessionId, accountId, this.ctx.now());
    this.cache.delete(sessionId);
    return { ok: true, access: this.of(sessionId) };
  }

  unshare(sessionId: string, accountId: string): SessionAccess {
    this.ctx.store.unshare(sessionId, accountId);
    this.cache.delete(sessionId);
    return this.of(sessionId);
  }

  /** A session deleted: forget what was cached about it. */
  forget(sessionId: string): void {
    this.cache.delete(sessionId);
  }
}
