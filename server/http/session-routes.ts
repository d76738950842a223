// Sessions over HTTP: instructors create, list, share and delete them (each
// as shared/access/rights.ts allows); a trainee joins one with its code and a name.
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { Action, Principal, SessionAccess } from '../../shared/access/rights.ts';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import { ROSTER_ERRORS } from '../../shared/roster/errors.ts';
import type { Accounts } from '../auth/accounts.ts';
import { allowed, authOf, sendRefusal } from '../auth/request-auth.ts';
import type { GroupsStore } from '../roster/groups-store.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import type { Studio } from '../scenarios/studio.ts';
import { SESSION_FAILED } from '../sessions/failures.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { badBody } from './bad-body.ts';
import { GuessGuard } from './guess-guard.ts';

const createSchema = z.object({
  scenarioId: z.string().min(1).max(64),
  /** A studio scenario's version (default: its latest); a shipped file has none. */
  version: z.number().int().min(1).optional(),
  /** The minutes' 地点 and 记录人; the scenario's when absent. */
  venue: z.string().trim().min(1).max(80).optional(),
  recorder: z.string().trim().min(1).max(40).optional(),
  /** The course and the cohort (class) it belongs to (docs/roster.md); either may be absent. */
  courseId: z.string().min(1).max(64).optional(),
  cohortId: z.string().min(1).max(64).optional(),
});
const joinSchema = z.object({
  code: z.string().trim().min(4).max(16),
  name: z.string().trim().min(1).max(40),
});
const shareSchema = z.object({ accountId: z.string().min(1).max(64) });

/** Who released, as stored with the release: an account or a token by id, never a name. */
function principalLabel(principal: Principal): string {
  if (principal.kind === 'account') return `account:${principal.accountId}`;
  if (principal.kind === 'api_token') return `api_token:${principal.tokenId}`;
  return principal.kind;
}

export function sessionRoutes(
  registry: SessionRegistry,
  library: ScenarioLibrary,
  accounts: Accounts,
  studio?: Studio,
  groups?: GroupsStore,
  /** Failed code checks per address; a join code that is no session's counts as one. */
  guesses: GuessGuard = new GuessGuard(Date.now),
): Router {
  const router = Router();

  /** The course and cohort a session belongs to, by name, for the session list. */
  const groupOf = (sessionId: string) => {
    const group = groups?.groupOf(sessionId);
    const course = group?.courseId ? groups?.course(group.courseId) : undefined;
    const cohort = group?.cohortId ? groups?.cohort(group.cohortId) : undefined;
    return {
      course: course ? { id: course.id, name: course.name } : null,
      cohort: cohort ? { id: cohort.id, name: cohort.name } : null,
    };
  };

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
   * The id of the session named in the path (live, stopped after an error, or
   * not restored), when the request may take `action` on it (a 401, 404 or
   * 403 is answered otherwise). Nobody learns whether a session exists
   * before signing in.
   */
  const permitted = (req: Request, res: Response, action: Action): string | undefined => {
    if (authOf(req).principal.kind === 'nobody') {
      allowed(req, res, action);
      return undefined;
    }
    const id = String(req.params.id);
    if (!registry.get(id) && !registry.unavailableSession(id)) {
      res.status(404).json(errorBody(ERROR_CODES.sessionNotFound, 'no such session'));
      return undefined;
    }
    return allowed(req, res, action, accounts.owners.of(id)) ? id : undefined;
  };

  router.post('/api/sessions', (req, res) => {
    if (!allowed(req, res, 'sessions.create')) return;
    const body = createSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const { scenarioId, version: asked } = body.data;
    // A studio scenario runs the version asked for (or its latest) and keeps it; one with errors cannot run.
    const chosen = studio && !library.get(scenarioId) ? studio.sessionVersion(scenarioId, asked) : undefined;
    if (chosen && !chosen.ok) {
      res
        .status(chosen.code === 'studio/not_found' ? 404 : 422)
        .json({ error: { code: chosen.code, message: chosen.message } });
      return;
    }
    const { courseId, cohortId } = body.data;
    if ((courseId || cohortId) && !groups) {
      res.status(400).json(errorBody(ERROR_CODES.badRequest, 'this server keeps no courses or cohorts'));
      return;
    }
    if (courseId && !groups?.course(courseId)) {
      res
        .status(404)
        .json(errorBody(ROSTER_ERRORS.courseNotFound, 'no such course; choose one from the list'));
      return;
    }
    const cohort = cohortId ? groups?.cohort(cohortId) : undefined;
    if (cohortId && !cohort) {
      res
        .status(404)
        .json(errorBody(ROSTER_ERRORS.cohortNotFound, 'no such cohort; choose one from the list'));
      return;
    }
    const scenario = chosen?.ok ? chosen.value.scenario : library.scenario(scenarioId);
    if (!scenario) {
      res.status(404).json(errorBody(ERROR_CODES.scenarioNotFound, `no valid scenario "${scenarioId}"`));
      return;
    }
    const created = registry.create(scenario, chosen?.ok ? (chosen.value.version ?? undefined) : undefined);
    const id = created.host.id;
    accounts.owners.setOwner(id, accounts.owners.ownerFor(authOf(req).principal));
    // A cohort's course is the session's when none is named.
    if (courseId || cohort)
      groups?.setSessionGroup(id, {
        courseId: courseId ?? cohort?.courseId ?? null,
        cohortId: cohort?.id ?? null,
      });
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
      ...accessView(accounts.owners.of(id)),
      ...groupOf(id),
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
    const running = registry.all().map((host) => ({
      id: host.id,
      scenarioId: host.row.scenarioId,
      scenarioVersion: host.row.scenarioVersion ?? null,
      title: host.scenario.title,
      joinCode: host.row.joinCode,
      createdAt: host.row.createdAt,
      state: host.machineState,
      attempt: host.context.attempt,
      // Trainees' names: the cards experts play are not people who joined.
      participants: Object.values(host.withNames(host.context).participants)
        .filter((p) => p.playedBy === undefined)
        .map((p) => p.name),
      health: host.failure ? ('failed' as const) : ('live' as const),
      ...(host.failure && { problem: host.failure }),
      ...accessView(accounts.owners.of(host.id)),
      ...groupOf(host.id),
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
      ...accessView(accounts.owners.of(row.id)),
      ...groupOf(row.id),
    }));
    res.json({
      timeZone: registry.timeZone,
      sessions: [...running, ...aside].sort((a, b) => b.createdAt - a.createdAt),
    });
  });

  // The instructor's reload: a session stopped after an error is rebuilt from
  // storage; one that could not be restored is tried again. Whoever may run
  // the session (its owner, an instructor it is shared with, an administrator).
  router.post('/api/sessions/:id/reload', async (req, res) => {
    const id = permitted(req, res, 'session.run');
    if (!id) return;
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

  // Staged release: the trainees see the experts' scores and plan items of every attempt so far.
  router.post('/api/sessions/:id/release', (req, res) => {
    const id = permitted(req, res, 'session.release');
    if (!id) return;
    const host = registry.get(id);
    if (!host) {
      res.status(409).json(errorBody(ERROR_CODES.sessionNeedsAttention, 'the session is not running'));
      return;
    }
    const release = host.releaseScores(principalLabel(authOf(req).principal));
    res.json({ release });
  });

  router.delete('/api/sessions/:id', (req, res) => {
    const id = permitted(req, res, 'session.delete');
    if (!id) return;
    registry.remove(id);
    accounts.owners.forget(id);
    res.status(204).end();
  });

  router.post('/api/sessions/:id/shares', (req, res) => {
    const id = permitted(req, res, 'session.share');
    if (!id) return;
    const body = shareSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const result = accounts.owners.share(id, body.data.accountId);
    if (!result.ok) return sendRefusal(res, result);
    res.json(accessView(result.access));
  });

  router.delete('/api/sessions/:id/shares/:accountId', (req, res) => {
    const id = permitted(req, res, 'session.share');
    if (!id) return;
    res.json(accessView(accounts.owners.unshare(id, req.params.accountId)));
  });

  router.post('/api/join', async (req, res) => {
    const body = joinSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    if (!guesses.admit(req, res)) return;
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
      guesses.failed(req);
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
