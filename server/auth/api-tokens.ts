// API tokens for scripts and integrations: made by an administrator (shown
// once, stored as a SHA-256 hash) or from API_TOKEN at start; revoking one
// cuts its sockets. A token acts with the rights the table gives `api_token`.
import { ACCOUNT_ERRORS } from '../../shared/access/errors.ts';
import { hashToken, newId, newToken } from '../sessions/tokens.ts';
import type { AccountRow, ApiTokenRow } from './account-store.ts';
import { API_TOKEN_PREFIX, type AuthContext, type Result, refuse, TOUCH_EVERY_MS } from './auth-context.ts';

export interface PublicApiToken {
  id: string;
  label: string;
  source: ApiTokenRow['source'];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

function publicToken(row: ApiTokenRow): PublicApiToken {
  const { id, label, source, createdAt, lastUsedAt, revokedAt } = row;
  return { id, label, source, createdAt, lastUsedAt, revokedAt };
}

export class ApiTokens {
  constructor(private readonly ctx: AuthContext) {}

  /** API_TOKEN, when set, is an API token (its hash stored); a changed or removed one stops working. */
  fromEnvironment(token: string | undefined, administratorId: string): void {
    const { store } = this.ctx;
    const now = this.ctx.now();
    if (!token) {
      store.revokeEnvironmentTokensExcept('', now);
      return;
    }
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length < API_TOKEN_PREFIX.length + 24) {
      throw new Error(
        `API_TOKEN must start with "${API_TOKEN_PREFIX}" and have at least 24 more characters (e.g. ${API_TOKEN_PREFIX}${newToken()})`,
      );
    }
    const hash = hashToken(token);
    store.revokeEnvironmentTokensExcept(hash, now);
    const existing = store.tokenByHash(hash);
    if (existing && existing.revokedAt === null) return;
    if (existing) throw new Error('API_TOKEN was revoked on the accounts screen; choose a new one');
    store.insertToken({
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

  create(by: AccountRow, label: string): { token: string; row: PublicApiToken } {
    const token = API_TOKEN_PREFIX + newToken();
    const row: ApiTokenRow = {
      id: newId(),
      tokenHash: hashToken(token),
      label: label.trim(),
      source: 'administrator',
      createdBy: by.id,
      createdAt: this.ctx.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    this.ctx.store.insertToken(row);
    return { token, row: publicToken(row) };
  }

  list(): PublicApiToken[] {
    return this.ctx.store.tokens().map(publicToken);
  }

  revoke(id: string): Result<Record<never, never>> {
    if (!this.ctx.store.token(id)) return refuse(404, ACCOUNT_ERRORS.tokenNotFound, 'no such API token');
    this.ctx.store.revokeToken(id, this.ctx.now());
    this.ctx.revoke({ kind: 'api_token', tokenId: id });
    return { ok: true };
  }

  /** The API token a Bearer value names, unless revoked. */
  find(token: string): ApiTokenRow | undefined {
    if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
    const row = this.ctx.store.tokenByHash(hashToken(token));
    if (!row || row.revokedAt !== null) return undefined;
    const now = this.ctx.now();
    if (row.lastUsedAt === null || now - row.lastUsedAt > TOUCH_EVERY_MS)
      this.ctx.store.touchToken(row.id, now);
    return row;
  }

  /** Who made a token (sessions a script creates belong to them). */
  maker(id: string): string | undefined {
    return this.ctx.store.token(id)?.createdBy ?? undefined;
  }
}
