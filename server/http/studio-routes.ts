// /api/studio — the authoring studio's library: read, save as a new version,
// duplicate, start from a template, import, export, restore, publish,
// archive. Mounted before the server's 64 KB JSON parser with its own 1 MB
// limit, because scenario files are larger than that. Every route asks
// shared/studio/rights.ts whether the viewer may.
import express, { type ErrorRequestHandler, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { STUDIO_BODY_LIMIT_BYTES, STUDIO_ERRORS, type StudioErrorCode } from '../../shared/studio/api.ts';
import { refusalStatus, type StudioAction, studioMay } from '../../shared/studio/rights.ts';
import type { Accounts } from '../auth/accounts.ts';
import type { Studio } from '../scenarios/studio.ts';
import type { StudioResult } from '../scenarios/studio-result.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { studioAuthor, studioViewer } from './studio-viewer.ts';

const STATUS: Record<StudioErrorCode, number> = {
  [STUDIO_ERRORS.staleVersion]: 409,
  [STUDIO_ERRORS.readOnly]: 409,
  [STUDIO_ERRORS.notFound]: 404,
  [STUDIO_ERRORS.idTaken]: 409,
  [STUDIO_ERRORS.notYaml]: 422,
  [STUDIO_ERRORS.notAScenario]: 422,
  [STUDIO_ERRORS.hasErrors]: 422,
  [STUDIO_ERRORS.inUse]: 409,
  [STUDIO_ERRORS.tooLarge]: 413,
  [STUDIO_ERRORS.badRequest]: 400,
  [STUDIO_ERRORS.forbidden]: 403,
  [STUDIO_ERRORS.unauthorized]: 401,
};

function sendError(res: Response, code: StudioErrorCode, message: string, details?: unknown) {
  res.status(STATUS[code]).json({ error: { code, message, ...(details !== undefined && { details }) } });
}

function send<T>(
  res: Response,
  result: StudioResult<T>,
  status = 200,
  shape: (value: T) => unknown = (v) => v,
) {
  if (result.ok) res.status(status).json(shape(result.value));
  else sendError(res, result.code, result.message, result.details);
}

const saveSchema = z.object({ source: z.string(), baseVersion: z.number().int().min(0) });
const restoreSchema = z.object({ version: z.number().int().min(1), baseVersion: z.number().int().min(0) });
const createSchema = z.union([
  z.object({
    duplicate: z.object({ id: z.string().min(1).max(64), version: z.number().int().min(1).optional() }),
  }),
  z.object({ template: z.string().min(1).max(32), id: z.string().min(1).max(64).optional() }),
]);
const importSchema = z.object({
  files: z
    .array(z.object({ name: z.string().max(200), text: z.string() }))
    .min(1)
    .max(50),
});
const publishSchema = z.object({ version: z.number().int().min(1).nullable() });
const archiveSchema = z.object({ archived: z.boolean() });

const versionParam = (raw: unknown): number | undefined => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};

export function studioRoutes(studio: Studio, registry: SessionRegistry, accounts: Accounts): Router {
  const router = Router();
  router.use('/api/studio', express.json({ limit: STUDIO_BODY_LIMIT_BYTES }));

  /** True when the viewer may; otherwise answers 401 or 403 and returns false. */
  const may = (req: Request, res: Response, action: StudioAction): boolean => {
    const viewer = studioViewer(req, registry);
    if (studioMay(viewer, action)) return true;
    const status = refusalStatus(viewer);
    if (status === 401)
      sendError(res, STUDIO_ERRORS.unauthorized, 'sign in as an instructor to use the studio');
    else
      sendError(
        res,
        STUDIO_ERRORS.forbidden,
        'only instructors edit scenarios; experts read the scenarios their sessions run',
      );
    return false;
  };
  const body = <T>(req: Request, res: Response, schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(req.body);
    if (parsed.success) return parsed.data;
    sendError(
      res,
      STUDIO_ERRORS.badRequest,
      `invalid request body: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
    );
    return undefined;
  };
  /** The version a read names: the one asked for, or the latest (null for a shipped file). */
  const readTarget = (id: string, asked: number | undefined): number | null =>
    asked ?? studio.latestVersion(id) ?? null;

  router.get('/api/studio/scenarios', (req, res) => {
    if (!may(req, res, { kind: 'list' })) return;
    res.json({ scenarios: studio.summaries() });
  });

  router.post('/api/studio/scenarios', (req, res) => {
    if (!may(req, res, { kind: 'edit' })) return;
    const input = body(req, res, createSchema);
    if (!input) return;
    const author = studioAuthor(req, accounts);
    const result =
      'duplicate' in input
        ? studio.duplicate(input.duplicate.id, input.duplicate.version ?? null, author)
        : studio.fromTemplate(input.template, input.id, author);
    send(res, result, 201);
  });

  router.post('/api/studio/import', (req, res) => {
    if (!may(req, res, { kind: 'edit' })) return;
    const input = body(req, res, importSchema);
    if (!input) return;
    send(res, studio.import(input.files, studioAuthor(req, accounts)), 201, (scenarios) => ({ scenarios }));
  });

  router.get('/api/studio/scenarios/:id', (req, res) => {
    const id = req.params.id;
    if (!may(req, res, { kind: 'read', scenarioId: id, version: readTarget(id, undefined) })) return;
    send(res, studio.read(id));
  });

  router.get('/api/studio/scenarios/:id/versions', (req, res) => {
    if (!may(req, res, { kind: 'list' })) return;
    send(res, studio.versions(req.params.id), 200, (versions) => ({ versions }));
  });

  router.get('/api/studio/scenarios/:id/versions/:version', (req, res) => {
    const id = req.params.id;
    const version = versionParam(req.params.version);
    if (version === undefined)
      return sendError(res, STUDIO_ERRORS.badRequest, 'a version is a whole number from 1');
    if (!may(req, res, { kind: 'read', scenarioId: id, version })) return;
    send(res, studio.read(id, version));
  });

  // The file as `<id>.yaml`, exactly as saved: scenarios:check reads it the same way.
  router.get('/api/studio/scenarios/:id/export', (req, res) => {
    const id = req.params.id;
    const asked = req.query.version === undefined ? undefined : versionParam(req.query.version);
    if (req.query.version !== undefined && asked === undefined)
      return sendError(res, STUDIO_ERRORS.badRequest, 'a version is a whole number from 1');
    if (!may(req, res, { kind: 'read', scenarioId: id, version: readTarget(id, asked) })) return;
    const result = studio.read(id, asked);
    if (!result.ok) return sendError(res, result.code, result.message);
    res
      .status(200)
      .type('application/yaml; charset=utf-8')
      .set('content-disposition', `attachment; filename="${id}.yaml"`)
      .send(result.value.source);
  });

  router.put('/api/studio/scenarios/:id', (req, res) => {
    if (!may(req, res, { kind: 'edit' })) return;
    const input = body(req, res, saveSchema);
    if (!input) return;
    send(res, studio.save(req.params.id, input.baseVersion, input.source, studioAuthor(req, accounts)));
  });

  router.post('/api/studio/scenarios/:id/restore', (req, res) => {
    if (!may(req, res, { kind: 'edit' })) return;
    const input = body(req, res, restoreSchema);
    if (!input) return;
    send(res, studio.restore(req.params.id, input.version, input.baseVersion, studioAuthor(req, accounts)));
  });

  router.post('/api/studio/scenarios/:id/publish', (req, res) => {
    if (!may(req, res, { kind: 'edit' })) return;
    const input = body(req, res, publishSchema);
    if (!input) return;
    send(res, studio.publish(req.params.id, input.version), 200, () => ({ ok: true }));
  });

  router.post('/api/studio/scenarios/:id/archive', (req, res) => {
    if (!may(req, res, { kind: 'edit' })) return;
    const input = body(req, res, archiveSchema);
    if (!input) return;
    send(res, studio.archive(req.params.id, input.archived), 200, () => ({ ok: true }));
  });

  router.delete('/api/studio/scenarios/:id', (req, res) => {
    if (!may(req, res, { kind: 'edit' })) return;
    const result = studio.delete(req.params.id);
    if (result.ok) res.status(204).end();
    else sendError(res, result.code, result.message, result.details);
  });

  const onError: ErrorRequestHandler = (error, req, res, next) => {
    if (!req.path.startsWith('/api/studio')) return next(error);
    if (error?.type === 'entity.too.large')
      return sendError(
        res,
        STUDIO_ERRORS.tooLarge,
        `the request is larger than the studio's limit of ${STUDIO_BODY_LIMIT_BYTES / 1024 / 1024} MB; split the import into several files or shorten the scenario`,
        { limitBytes: STUDIO_BODY_LIMIT_BYTES },
      );
    if (error?.type === 'entity.parse.failed')
      return sendError(res, STUDIO_ERRORS.badRequest, 'the request body is not valid JSON');
    return next(error);
  };
  router.use(onError);
  return router;
}
