// Debrief exports: a Markdown report per session or per trainee, and a JSON
// export of all session data. Who asks decides the viewer, through
// shared/access/rights.ts: a signed-in account or API token (the sign-in
// cookie or a Bearer API token), an observer link token or a trainee's resume
// token as a Bearer token. Each export obeys that viewer's visibility.
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { type Action, may, type Principal } from '../../shared/access/rights.ts';
import { buildDebrief, type DebriefViewer } from '../../shared/debrief/build.ts';
import { debriefMarkdown } from '../../shared/debrief/markdown.ts';
import { debriefFileName, sessionRecordFileName } from '../../shared/export/file-names.ts';
import { isoDay } from '../../shared/meeting/minutes-format.ts';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import type { Accounts } from '../auth/accounts.ts';
import { authOf } from '../auth/request-auth.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import type { SessionHost } from '../sessions/session-host.ts';
import { attachment, downloadLang } from './attachment.ts';

const querySchema = z.object({
  lang: z.enum(['zh', 'en']).default('zh'),
  participant: z.string().max(64).optional(),
});

type Found = { host: SessionHost; viewer: DebriefViewer; principal: Principal };

/** The session and who asks for it; undefined when the credentials name no one in this session. */
export function viewerFor(registry: SessionRegistry, sessionId: string, req: Request): Found | undefined {
  const auth = authOf(req);
  const host = registry.get(sessionId);
  if (!host) return undefined;
  if (auth.bearer) {
    if (registry.checkToken(sessionId, 'observer', auth.bearer))
      return { host, viewer: { audience: 'observer' }, principal: { kind: 'guest_expert', sessionId } };
    const seat = registry.byResumeToken(auth.bearer);
    if (seat && seat.host.id === sessionId)
      return {
        host,
        viewer: { audience: 'trainee', participantId: seat.participantId },
        principal: { kind: 'trainee', sessionId, participantId: seat.participantId },
      };
    return undefined;
  }
  const { principal } = auth;
  if (principal.kind === 'nobody') return undefined;
  // Experts read the room's debrief as observers do; instructors, administrators and scripts as the facilitator.
  const audience = principal.kind === 'account' && principal.role === 'expert' ? 'observer' : 'facilitator';
  return { host, viewer: { audience }, principal };
}

export function refuse(req: Request, res: Response) {
  const { principal } = authOf(req);
  if (principal.kind === 'account' || principal.kind === 'api_token') {
    res.status(404).json(errorBody(ERROR_CODES.sessionNotFound, 'no such session'));
    return;
  }
  res
    .status(401)
    .json(
      errorBody(
        ERROR_CODES.unauthorized,
        'sign in, or send the observer link token, your resume token or an API token as a Bearer token',
      ),
    );
}

function permitted(accounts: Accounts, found: Found, action: Action): boolean {
  return may(found.principal, action, accounts.owners.of(found.host.id));
}

export function exportRoutes(registry: SessionRegistry, accounts: Accounts): Router {
  const router = Router();

  router.get('/api/sessions/:id/export.md', (req, res) => {
    const found = viewerFor(registry, req.params.id, req);
    if (!found) return refuse(req, res);
    // A trainee's own report, or the room's for those with the debrief right.
    const right = found.viewer.audience === 'trainee' ? 'session.take_part' : 'session.debrief';
    if (!permitted(accounts, found, right)) {
      res.status(403).json(errorBody(ERROR_CODES.forbidden, 'your account does not have this right'));
      return;
    }
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
    const { lang } = query.data;
    const who = only ? host.withNames(host.context).participants[only]?.name : undefined;
    const name = debriefFileName({
      lang,
      title: host.scenario.title[lang],
      ...(who && { who }),
      day: isoDay(host.row.createdAt, host.timeZone),
    });
    res
      .type('text/markdown; charset=utf-8')
      .set('content-disposition', attachment(name, `debrief-${lang}.md`))
      .send(markdown);
  });

  router.get('/api/sessions/:id/export.json', (req, res) => {
    const found = viewerFor(registry, req.params.id, req);
    if (!found) return refuse(req, res);
    if (!permitted(accounts, found, 'session.export')) {
      res
        .status(403)
        .json(
          errorBody(
            ERROR_CODES.forbidden,
            'the full JSON export is for the instructor running this session and administrators',
          ),
        );
      return;
    }
    const lang = downloadLang(req, res);
    if (!lang) return;
    const { host } = found;
    const name = sessionRecordFileName({
      lang,
      title: host.scenario.title[lang],
      day: isoDay(host.row.createdAt, host.timeZone),
    });
    const input = host.debriefInput();
    const { observerTokenHash: _o, facilitatorTokenHash: _f, ...session } = host.row;
    res.set('content-disposition', attachment(name, 'session-record.json')).json({
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
