// Sessions over HTTP: instructors create, list, share and delete them (each
// as shared/access/rights.ts allows); a trainee joins one with its code and a name.
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { Action, SessionAccess } from '../../shared/access/rights.ts';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import type { Accounts } from '../auth/accounts.ts';
import { allowed, authOf, sendRefusal } from '../auth/request-auth.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import { badBody } from './bad-body.ts';

const createSchema = z.object({ scenarioId: z.string().min(1).max(64) });
const joinSchema = z.object({
  code: z.string().trim().min(4).max(16),
  name: z.string().trim().min(1).max(40),
});
const shareSchema = z.object({ accountId: z.string().min(1).max(64) });

export function sessionRoutes(
  registry: SessionRegistry,
  library: ScenarioLibrary,
  accounts: Accounts,
): Router {
  const router = Router();

  const person = (id: string) => {
    const account = accounts.admin.account(id);
    return { id, name: account?.name ?? '' };
  };
  const accessView = (access: SessionAccess) => ({
    access,
    owner: person(access.ownerId),
    sharedWith: access.sharedWith.map(person),
  });

  /**
   * The live session named in the path, when the request may take `action`
   * on it (a 401, 404 or 403 is answered otherwise). Nobody learns whether a
   * session exists before signing in.
   */
  const permitted = (req: Request, res: Response, action: Action): SessionHost | undefined => {
    if (authOf(req).principal.kind === 'nobody') {
      allowed(req, res, action);
      return undefined;
    }
    const host = registry.get(String(req.params.id));
    if (!host) {
      res.status(404).json(errorBody(ERROR_CODES.sessionNotFound, 'no such session'));
      return undefined;
    }
    return allowed(req, res, action, accounts.owners.of(host.id)) ? host : undefined;
  };

  router.post('/api/sessions', (req, res) => {
    if (!allowed(req, res, 'sessions.create')) return;
    const body = createSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const scenario = library.scenario(body.data.scenarioId);
    if (!scenario) {
      res
        .status(404)
        .json(errorBody(ERROR_CODES.scenarioNotFound, `no valid scenario "${body.data.scenarioId}"`));
      return;
    }
    const created = registry.create(scenario);
    const id = created.host.id;
    accounts.owners.setOwner(id, accounts.owners.ownerFor(authOf(req).principal));
    res.status(201).json({
      sessionId: id,
      joinCode: created.joinCode,
      observerToken: created.observerToken,
      ...accessView(accounts.owners.of(id)),
      // The observer link's secret rides in the fragment: browsers never send it to a server or in a Referer.
      links: {
        join: `/join?code=${created.joinCode}`,
        observer: `/observe/${id}#${created.observerToken}`,
        facilitator: `/facilitate/${id}`,
        projector: `/projector?code=${created.joinCode}`,
      },
    });
  });

  router.get('/api/sessions', (req, res) => {
    if (!allowed(req, res, 'sessions.list')) return;
    res.json({
      sessions: registry.all().map((host) => ({
        id: host.id,
        scenarioId: host.row.scenarioId,
        title: host.scenario.title,
        joinCode: host.row.joinCode,
        createdAt: host.row.createdAt,
        state: host.machineState,
        attempt: host.context.attempt,
        participants: Object.values(host.context.participants).map((p) => p.name),
        ...accessView(accounts.owners.of(host.id)),
      })),
    });
  });

  router.delete('/api/sessions/:id', (req, res) => {
    const host = permitted(req, res, 'session.delete');
    if (!host) return;
    registry.remove(host.id);
    accounts.owners.forget(host.id);
    res.status(204).end();
  });

  router.post('/api/sessions/:id/shares', (req, res) => {
    const host = permitted(req, res, 'session.share');
    if (!host) return;
    const body = shareSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const result = accounts.owners.share(host.id, body.data.accountId);
    if (!result.ok) return sendRefusal(res, result);
    res.json(accessView(result.access));
  });

  router.delete('/api/sessions/:id/shares/:accountId', (req, res) => {
    const host = permitted(req, res, 'session.share');
    if (!host) return;
    res.json(accessView(accounts.owners.unshare(host.id, req.params.accountId)));
  });

  router.post('/api/join', async (req, res) => {
    const body = joinSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const host = registry.byJoinCode(body.data.code);
    if (!host) {
      res
        .status(404)
        .json(
          errorBody(
            ERROR_CODES.sessionNotFound,
            'no live session with this code; check the code on the screen',
          ),
        );
      return;
    }
    const { participantId, resumeToken } = await registry.joinTrainee(host, body.data.name);
    res.status(201).json({ sessionId: host.id, participantId, resumeToken });
  });

  return router;
}
