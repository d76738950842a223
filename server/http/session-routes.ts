// Sessions over HTTP: the facilitator creates, lists and deletes them (with
// the instructor password); a trainee joins one with its code and a name.
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import type { FacilitatorAuth } from '../auth/facilitator-password.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import { SESSION_FAILED } from '../sessions/failures.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { hashToken, sameHash } from '../sessions/tokens.ts';

const createSchema = z.object({
  scenarioId: z.string().min(1).max(64),
  /** The minutes' 地点 and 记录人; the scenario's when absent. */
  venue: z.string().trim().min(1).max(80).optional(),
  recorder: z.string().trim().min(1).max(40).optional(),
});
const joinSchema = z.object({
  code: z.string().trim().min(4).max(16),
  name: z.string().trim().min(1).max(40),
});
const loginSchema = z.object({ password: z.string().min(1).max(200) });

function bearer(req: Request): string | undefined {
  const header = req.get('authorization') ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function badBody(res: Response, issues: z.core.$ZodIssue[]) {
  const details = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  res
    .status(400)
    .json(
      errorBody(
        ERROR_CODES.badRequest,
        `invalid request body: ${details.map((d) => `${d.path || '(body)'}: ${d.message}`).join('; ')}`,
        details,
      ),
    );
}

export function sessionRoutes(
  registry: SessionRegistry,
  library: ScenarioLibrary,
  auth: FacilitatorAuth,
): Router {
  const router = Router();
  const facilitatorOnly = (req: Request, res: Response): boolean => {
    if (auth.check(bearer(req))) return true;
    res.status(401).json(errorBody(ERROR_CODES.unauthorized, 'the instructor password is missing or wrong'));
    return false;
  };

  router.post('/api/facilitator/login', (req, res) => {
    const body = loginSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    if (!auth.check(body.data.password)) {
      res.status(401).json(errorBody(ERROR_CODES.badCredentials, 'wrong instructor password'));
      return;
    }
    res.json({ ok: true });
  });

  router.post('/api/sessions', (req, res) => {
    if (!facilitatorOnly(req, res)) return;
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
    const { venue, recorder } = body.data;
    if (venue !== undefined || recorder !== undefined)
      created.host.execute(
        { actor: { kind: 'facilitator' }, id: 'create' },
        'create-details',
        {
          type: 'minutes.details',
          ...(venue !== undefined && { venue }),
          ...(recorder !== undefined && { recorder }),
        },
        () => {},
      );
    res.status(201).json({
      sessionId: id,
      joinCode: created.joinCode,
      observerToken: created.observerToken,
      facilitatorToken: created.facilitatorToken,
      // Secrets ride in the fragment: browsers never send it to a server or in a Referer.
      links: {
        join: `/join?code=${created.joinCode}`,
        observer: `/observe/${id}#${created.observerToken}`,
        facilitator: `/facilitate/${id}#${created.facilitatorToken}`,
        projector: `/projector?code=${created.joinCode}`,
      },
    });
  });

  router.get('/api/sessions', (req, res) => {
    if (!facilitatorOnly(req, res)) return;
    const running = registry.all().map((host) => ({
      id: host.id,
      scenarioId: host.row.scenarioId,
      title: host.scenario.title,
      joinCode: host.row.joinCode,
      createdAt: host.row.createdAt,
      state: host.machineState,
      attempt: host.context.attempt,
      // Trainees' names: the cards experts play are not people who joined.
      participants: Object.values(host.context.participants)
        .filter((p) => p.playedBy === undefined)
        .map((p) => p.name),
      health: host.failure ? ('failed' as const) : ('live' as const),
      ...(host.failure && { problem: host.failure }),
    }));
    // Not restored: what is stored about them, and why.
    const aside = registry.needsAttention().map(({ row, problem }) => ({
      id: row.id,
      scenarioId: row.scenarioId,
      title: JSON.parse(row.title) as unknown,
      joinCode: row.joinCode,
      createdAt: row.createdAt,
      state: null,
      attempt: null,
      participants: [],
      health: 'needs_attention' as const,
      problem,
    }));
    res.json({
      timeZone: registry.timeZone,
      sessions: [...running, ...aside].sort((a, b) => b.createdAt - a.createdAt),
    });
  });

  // The instructor's reload: a session stopped after an error is rebuilt from
  // storage; one that could not be restored is tried again. The instructor
  // password, or the session's own facilitator link (its console).
  router.post('/api/sessions/:id/reload', async (req, res) => {
    const id = req.params.id;
    const host = registry.get(id);
    const row = host?.row ?? registry.unavailableSession(id)?.row;
    const token = bearer(req);
    const byLink =
      row !== undefined && token !== undefined && sameHash(hashToken(token), row.facilitatorTokenHash);
    if (!byLink && !facilitatorOnly(req, res)) return;
    const result = await registry.reload(id);
    if (!result) {
      res.status(404).json(errorBody(ERROR_CODES.sessionNotFound, 'no such session'));
      return;
    }
    if (result.ok) res.json({ ok: true, health: 'live' });
    else
      res
        .status(409)
        .json(
          errorBody(
            ERROR_CODES.sessionNeedsAttention,
            'the session still cannot be run from what is stored; see the reason',
            result.problem,
          ),
        );
  });

  router.delete('/api/sessions/:id', (req, res) => {
    if (!facilitatorOnly(req, res)) return;
    if (!registry.get(req.params.id) && !registry.unavailableSession(req.params.id)) {
      res.status(404).json(errorBody(ERROR_CODES.sessionNotFound, 'no such session'));
      return;
    }
    registry.remove(req.params.id);
    res.status(204).end();
  });

  router.post('/api/join', async (req, res) => {
    const body = joinSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const host = registry.byJoinCode(body.data.code);
    if (host?.failure) {
      res.status(503).json(errorBody(SESSION_FAILED.code, SESSION_FAILED.message));
      return;
    }
    if (!host && registry.problemFor({ kind: 'code', code: body.data.code })) {
      res
        .status(503)
        .json(
          errorBody(
            ERROR_CODES.sessionNeedsAttention,
            'this session could not be restored after the server restarted; tell the instructor',
          ),
        );
      return;
    }
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
