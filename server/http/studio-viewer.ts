// Who is asking the studio. Accounts and API tokens come from the request's
// authentication (server/auth/request-auth.ts) and the table of rights; a
// Bearer value that is no API token may be a session's observer link (a
// guest expert), a trainee's resume token or a join code (the projector).
// What each may do in the studio is decided in shared/studio/rights.ts.
import type { Request } from 'express';
import { may } from '../../shared/access/rights.ts';
import type { VersionAuthor } from '../../shared/studio/api.ts';
import type { StudioViewer } from '../../shared/studio/rights.ts';
import type { Accounts } from '../auth/accounts.ts';
import { authOf } from '../auth/request-auth.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { hashToken, sameHash } from '../sessions/tokens.ts';

export function studioViewer(req: Request, registry: SessionRegistry): StudioViewer {
  const { principal, bearer } = authOf(req);
  if (may(principal, 'scenarios.edit')) return { kind: 'instructor' };
  if (may(principal, 'scenarios.read_private')) return { kind: 'expert', sessions: 'all' };
  if (!bearer) return { kind: 'nobody' };
  const hash = hashToken(bearer);
  const experts = registry.all().filter((host) => sameHash(hash, host.row.observerTokenHash));
  if (experts.length > 0)
    return {
      kind: 'expert',
      sessions: experts.map((host) => ({
        scenarioId: host.row.scenarioId,
        version: host.row.scenarioVersion ?? null,
      })),
    };
  if (registry.byResumeToken(bearer)) return { kind: 'trainee' };
  if (registry.byJoinCode(bearer)) return { kind: 'projector' };
  return { kind: 'nobody' };
}

/** Who saved a version: the signed-in account, by name (an API token has no person behind it). */
export function studioAuthor(req: Request, accounts: Accounts): VersionAuthor {
  const { principal } = authOf(req);
  if (principal.kind !== 'account') return { kind: 'instructor' };
  const name = accounts.admin.account(principal.accountId)?.name ?? '';
  return { kind: 'account', accountId: principal.accountId, name };
}
