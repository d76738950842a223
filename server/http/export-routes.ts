// Debrief exports: a Markdown report per session or per trainee, and a JSON
// export of all session data for the facilitator. The bearer token decides
// the viewer (resume token → that trainee; observer or facilitator link
// token), and each export obeys the same visibility as that viewer's screen.
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { buildDebrief, type DebriefViewer } from '../../shared/debrief/build.ts';
import { debriefMarkdown } from '../../shared/debrief/markdown.ts';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import type { SessionHost } from '../sessions/session-host.ts';

const querySchema = z.object({
  lang: z.enum(['zh', 'en']).default('zh'),
  participant: z.string().max(64).optional(),
});

function viewerFor(
  registry: SessionRegistry,
  sessionId: string,
  req: Request,
): { host: SessionHost; viewer: DebriefViewer } | undefined {
  const header = req.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!token) return undefined;
  const facilitator = registry.checkToken(sessionId, 'facilitator', token);
  if (facilitator) return { host: facilitator, viewer: { audience: 'facilitator' } };
  const observer = registry.checkToken(sessionId, 'observer', token);
  if (observer) return { host: observer, viewer: { audience: 'observer' } };
  const seat = registry.byResumeToken(token);
  if (seat && seat.host.id === sessionId)
    return { host: seat.host, viewer: { audience: 'trainee', participantId: seat.participantId } };
  return undefined;
}

function refuse(res: Response) {
  res
    .status(401)
    .json(
      errorBody(
        ERROR_CODES.unauthorized,
        'send the session link token or your resume token as a Bearer token',
      ),
    );
}

export function exportRoutes(registry: SessionRegistry): Router {
  const router = Router();

  router.get('/api/sessions/:id/export.md', (req, res) => {
    const found = viewerFor(registry, req.params.id, req);
    if (!found) return refuse(res);
    const query = querySchema.safeParse(req.query);
    if (!query.success) {
      res.status(400).json(errorBody(ERROR_CODES.badRequest, 'lang must be zh or en'));
      return;
    }
    const { host, viewer } = found;
    const only = viewer.audience === 'trainee' ? viewer.participantId : query.data.participant;
    const markdown = debriefMarkdown(
      buildDebrief(host.debriefInput(), viewer),
      host.scenario,
      query.data.lang,
      only,
    );
    const name = `${host.scenario.id}-${host.id}${only ? `-${only}` : ''}-${query.data.lang}.md`;
    res
      .type('text/markdown; charset=utf-8')
      .set('content-disposition', `attachment; filename="${name}"`)
      .send(markdown);
  });

  router.get('/api/sessions/:id/export.json', (req, res) => {
    const found = viewerFor(registry, req.params.id, req);
    if (!found) return refuse(res);
    if (found.viewer.audience !== 'facilitator') {
      res.status(403).json(errorBody(ERROR_CODES.forbidden, 'the full JSON export is for the facilitator'));
      return;
    }
    const { host } = found;
    const input = host.debriefInput();
    const { observerTokenHash: _o, facilitatorTokenHash: _f, ...session } = host.row;
    res.set('content-disposition', `attachment; filename="${host.scenario.id}-${host.id}.json"`).json({
      format: 'civic-rehearsal-session/1',
      session,
      scenarioId: host.scenario.id,
      state: input.state,
      context: input.context,
      coaching: input.coaching,
      log: input.log,
      debrief: buildDebrief(input, { audience: 'facilitator' }),
    });
  });

  return router;
}
