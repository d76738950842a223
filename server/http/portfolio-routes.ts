// The portfolio and a person's data over HTTP (docs/roster.md):
//   POST /api/portfolio                 a trainee opens their own with their personal code (portfolio.own)
//   GET  /api/people/:id/portfolio      an instructor or administrator, any person's (records.view)
//   GET  /api/people/:id/data.json      one person's data, exported (personal_data.export)
//   DELETE /api/people/:id              a person deleted (personal_data.delete)
//   GET  /api/sessions/:id/next-time    the "next time" items each roster seat brings from their last
//                                       session: a trainee's own (resume token), or every seat's for the
//                                       room's debrief right (observers, instructors)
import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { may } from '../../shared/access/rights.ts';
import { personalDataFileName } from '../../shared/export/file-names.ts';
import { isoDay } from '../../shared/meeting/minutes-format.ts';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import { ROSTER_ERRORS } from '../../shared/roster/errors.ts';
import type { Accounts } from '../auth/accounts.ts';
import { allowed } from '../auth/request-auth.ts';
import { carriedPlan } from '../roster/next-time.ts';
import type { PeopleStore } from '../roster/people-store.ts';
import { type CodeCheck, checkPersonalCode, PhantomCodes } from '../roster/personal-code.ts';
import type { PersonalData } from '../roster/personal-data.ts';
import { portfolioOf } from '../roster/portfolio-sources.ts';
import type { SeatLinkDb } from '../roster/seat-links.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { attachment, downloadLang } from './attachment.ts';
import { badBody } from './bad-body.ts';
import { refuse, viewerFor } from './export-routes.ts';
import { GuessGuard } from './guess-guard.ts';

const code = z.string().trim().max(12);
const openBody = z.union([
  z.object({ personId: z.string().min(1).max(64), code }),
  z.object({
    name: z.string().trim().min(1).max(40),
    community: z.string().trim().max(60).optional(),
    code,
  }),
]);

export interface PortfolioDeps {
  db: SeatLinkDb;
  registry: SessionRegistry;
  people: PeopleStore;
  personalData: PersonalData;
  accounts: Accounts;
  now?: () => number;
  /** Failed code checks per address, shared with joining as oneself. */
  guesses?: GuessGuard;
}

export function portfolioRoutes({
  db,
  registry,
  people,
  personalData,
  accounts,
  now = Date.now,
  guesses = new GuessGuard(now),
}: PortfolioDeps): Router {
  const router = Router();
  const phantoms = new PhantomCodes();
  const notFound = (res: Response) =>
    res.status(404).json(errorBody(ROSTER_ERRORS.personNotFound, 'no such person on the roster'));
  const wrongCode = (res: Response, triesLeft?: number) =>
    res
      .status(401)
      .json(
        errorBody(
          ROSTER_ERRORS.wrongCode,
          'this name and personal code do not match; check the code on your badge',
          triesLeft !== undefined ? { triesLeft } : undefined,
        ),
      );

  /** What an unknown person's wrong tries are counted under: the name (and community) or id asked for. */
  const phantomKey = (body: z.infer<typeof openBody>): string =>
    'personId' in body ? `id\u0000${body.personId}` : `name\u0000${body.name}\u0000${body.community ?? ''}`;

  /** Which person the body names: by id (the badge's link), or by name and, when needed, community. */
  const personNamed = (body: z.infer<typeof openBody>): string | 'ambiguous' | undefined => {
    if ('personId' in body) return people.get(body.personId)?.id;
    const named = people.all().filter((p) => p.name === body.name);
    const matches = body.community ? named.filter((p) => p.community === body.community) : named;
    if (matches.length > 1) return 'ambiguous';
    return matches[0]?.id;
  };

  router.post('/api/portfolio', (req: Request, res: Response) => {
    const body = openBody.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    if (!guesses.admit(req, res)) return;
    const personId = personNamed(body.data);
    if (personId === 'ambiguous') {
      // It says the name is there twice: counted, so it cannot be asked endlessly to map the roster.
      guesses.failed(req);
      res
        .status(409)
        .json(
          errorBody(
            ROSTER_ERRORS.nameAmbiguous,
            'several people on the roster have this name: give your community (居民区/村) too',
          ),
        );
      return;
    }
    // A name not on the roster is answered as a wrong code, tries left and lock included:
    // the answers do not say who is on it.
    const check: CodeCheck = personId
      ? checkPersonalCode(people, personId, body.data.code, now())
      : phantoms.check(phantomKey(body.data), now());
    if (check.kind !== 'right') {
      if (check.kind === 'locked') {
        res.set('retry-after', String(Math.ceil(check.retryAfterMs / 1000)));
        res.status(429).json(
          errorBody(ROSTER_ERRORS.personLocked, 'too many wrong codes: wait a while, or ask the instructor', {
            retryAfterMs: check.retryAfterMs,
          }),
        );
        return;
      }
      guesses.failed(req);
      return wrongCode(res, check.kind === 'wrong' ? check.triesLeft : undefined);
    }
    // The code made them this person, and only this person: the table's right for their own portfolio.
    if (!personId || !may({ kind: 'person', personId }, 'portfolio.own')) {
      res.status(403).json(errorBody(ERROR_CODES.forbidden, 'your code does not open a portfolio'));
      return;
    }
    const person = people.get(personId);
    res.json({
      person: { id: personId, name: person?.name ?? '', community: person?.community ?? '' },
      portfolio: portfolioOf(db, registry, personId, 'trainee'),
    });
  });

  router.get('/api/people/:id/portfolio', (req, res) => {
    if (!allowed(req, res, 'records.view')) return;
    const person = people.get(req.params.id);
    if (!person) return notFound(res);
    res.json({ person, portfolio: portfolioOf(db, registry, person.id, 'instructor') });
  });

  router.get('/api/people/:id/data.json', (req, res) => {
    if (!allowed(req, res, 'personal_data.export')) return;
    const lang = downloadLang(req, res);
    if (!lang) return;
    const person = people.get(req.params.id);
    const data = personalData.export(req.params.id, now());
    if (!person || !data) return notFound(res);
    const name = personalDataFileName({
      lang,
      name: person.name,
      day: isoDay(data.exportedAt, registry.timeZone),
    });
    res.set('content-disposition', attachment(name, 'personal-data.json')).json(data);
  });

  router.delete('/api/people/:id', async (req, res, next) => {
    if (!allowed(req, res, 'personal_data.delete')) return;
    try {
      const deleted = await personalData.delete(req.params.id);
      if (!deleted) return notFound(res);
      res.json({ deleted: { sessions: deleted.sessions.length } });
    } catch (error) {
      next(error);
    }
  });

  router.get('/api/sessions/:id/next-time', (req, res) => {
    const found = viewerFor(registry, req.params.id, req);
    if (!found) return refuse(req, res);
    const trainee = found.viewer.audience === 'trainee' ? found.viewer.participantId : undefined;
    const right = trainee ? 'session.take_part' : 'session.debrief';
    if (!may(found.principal, right, accounts.owners.of(found.host.id))) {
      res.status(403).json(errorBody(ERROR_CODES.forbidden, 'your account does not have this right'));
      return;
    }
    const seats = trainee
      ? [trainee]
      : Object.values(found.host.context.participants)
          .filter((p) => p.playedBy === undefined)
          .map((p) => p.id);
    // A trainee's copy names no expert (observers are invisible to trainees); nor does a guest
    // expert's: its link opens this session only, and the items come from sessions it never saw,
    // written by experts whose names are theirs. Accounts and scripts see every session anyway.
    const named = found.principal.kind === 'account' || found.principal.kind === 'api_token';
    const carried = seats.flatMap((id) => carriedPlan(db, registry, found.host.id, id, named) ?? []);
    res.json({ carried });
  });

  return router;
}
