// Who is asking the studio, from the request's Bearer credential: the
// instructor password, a session's observer link (an expert), a trainee's
// resume token, a join code (the projector), or nothing. What each may do is
// decided in shared/studio/rights.ts.
import type { Request } from 'express';
import type { VersionAuthor } from '../../shared/studio/api.ts';
import type { StudioViewer } from '../../shared/studio/rights.ts';
import type { FacilitatorAuth } from '../auth/facilitator-password.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { hashToken, sameHash } from '../sessions/tokens.ts';

function bearer(req: Request): string | undefined {
  const header = req.get('authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

export function studioViewer(req: Request, auth: FacilitatorAuth, registry: SessionRegistry): StudioViewer {
  const token = bearer(req);
  if (token === undefined || token === '') return { kind: 'nobody' };
  if (auth.check(token)) return { kind: 'instructor' };
  const hash = hashToken(token);
  const experts = registry
    .all()
    .filter(
      (host) => sameHash(hash, host.row.observerTokenHash) || sameHash(hash, host.row.facilitatorTokenHash),
    );
  if (experts.length > 0)
    return {
      kind: 'expert',
      sessions: experts.map((host) => ({
        scenarioId: host.row.scenarioId,
        version: host.row.scenarioVersion ?? null,
      })),
    };
  if (registry.byResumeToken(token)) return { kind: 'trainee' };
  if (registry.byJoinCode(token)) return { kind: 'projector' };
  return { kind: 'nobody' };
}

/**
 * Who saved a version. Today the one instructor password; with accounts
 * (issue 16) the signed-in instructor's account: plug it in here only.
 */
export function studioAuthor(_req: Request): VersionAuthor {
  return { kind: 'instructor' };
}
