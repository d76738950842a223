// Joining as oneself (docs/roster.md): after the join code, the join page is
// shown the session's cohort with every name masked; a trainee picks theirs
// and confirms with their personal code (or a badge's QR carries both). A few
// wrong codes lock that person for a while, by the server's clock. The seat is
// logged under a pseudonym and linked to the person outside the log.
import type { Request, Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import type { MaskedMember } from '../../shared/roster/badge-link.ts';
import { ROSTER_ERRORS } from '../../shared/roster/errors.ts';
import { personJoinSchema } from '../../shared/roster/groups.ts';
import { maskName } from '../../shared/roster/person.ts';
import { pseudonymFor } from '../roster/display-names.ts';
import type { GroupsStore } from '../roster/groups-store.ts';
import type { PeopleStore } from '../roster/people-store.ts';
import { checkPersonalCode } from '../roster/personal-code.ts';
import { linkSeat, type SeatLinkDb, seatsOfPerson } from '../roster/seat-links.ts';
import { SESSION_FAILED } from '../sessions/failures.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { hashToken, newToken } from '../sessions/tokens.ts';
import { badBody } from './bad-body.ts';
import { GuessGuard } from './guess-guard.ts';

const cohortQuery = z.object({ code: z.string().trim().min(4).max(16) });

export interface PersonJoinDeps {
  registry: SessionRegistry;
  people: PeopleStore;
  groups: GroupsStore;
  /** The database the seats and their links are in. */
  db: SeatLinkDb;
  now?: () => number;
  /** Failed code checks per address (join codes and personal codes), shared with the portfolio. */
  guesses?: GuessGuard;
}

export function personJoinRoutes({
  registry,
  people,
  groups,
  db,
  now = Date.now,
  guesses = new GuessGuard(now),
}: PersonJoinDeps): Router {
  const router = Router();
  const conn = 'connection' in db ? db.connection : db;
  const seatCount = conn.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM seats WHERE session_id = ?',
  );
  const newResumeHash = conn.prepare<[string, string, string]>(
    'UPDATE seats SET resume_token_hash = ? WHERE session_id = ? AND participant_id = ?',
  );

  /** The running session of a join code, or an answer saying why there is none. */
  const sessionOf = (code: string, req: Request, res: Response) => {
    const host = registry.byJoinCode(code);
    if (host?.failure) {
      res.status(503).json(errorBody(SESSION_FAILED.code, SESSION_FAILED.message));
      return undefined;
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
      return undefined;
    }
    return host;
  };

  // The session's cohort as the join page may show it: masked names and communities, nothing else.
  router.post('/api/join/cohort', (req, res) => {
    const body = cohortQuery.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    if (!guesses.admit(req, res)) return;
    const host = sessionOf(body.data.code, req, res);
    if (!host) return;
    const cohortId = groups.groupOf(host.id)?.cohortId;
    const cohort = cohortId ? groups.cohort(cohortId) : undefined;
    const members: MaskedMember[] = (cohort?.personIds ?? []).flatMap((personId) => {
      const person = people.get(personId);
      return person ? [{ personId, masked: maskName(person.name), community: person.community }] : [];
    });
    res.json({ people: members });
  });

  router.post('/api/join/person', async (req, res) => {
    const body = personJoinSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    if (!guesses.admit(req, res)) return;
    const host = sessionOf(body.data.code, req, res);
    if (!host) return;
    const { personId, personalCode } = body.data;
    const cohortId = groups.groupOf(host.id)?.cohortId;
    if (!cohortId || !people.codeOf(personId) || !groups.isMember(cohortId, personId)) {
      guesses.failed(req);
      res
        .status(404)
        .json(
          errorBody(
            ROSTER_ERRORS.notInCohort,
            "this person is not in this session's class; join by typing your name, or ask the instructor",
          ),
        );
      return;
    }
    const outcome = checkPersonalCode(people, personId, personalCode, now());
    if (outcome.kind === 'locked') {
      res
        .status(429)
        .set('retry-after', String(Math.ceil(outcome.retryAfterMs / 1000)))
        .json(
          errorBody(
            ROSTER_ERRORS.personLocked,
            'too many wrong codes for this name: wait and try again, or ask the instructor for your badge',
            { retryAfterMs: outcome.retryAfterMs },
          ),
        );
      return;
    }
    if (outcome.kind !== 'right') {
      guesses.failed(req);
      res.status(401).json(
        errorBody(ROSTER_ERRORS.wrongCode, 'this is not the personal code of this name; check your badge', {
          ...(outcome.kind === 'wrong' ? { triesLeft: outcome.triesLeft } : {}),
        }),
      );
      return;
    }
    const person = people.get(personId);
    // Back on another phone: the same seat, with a new resume token (the old one stops working).
    const seat = seatsOfPerson(db, personId).find((s) => s.sessionId === host.id);
    if (seat) {
      const resumeToken = newToken();
      newResumeHash.run(hashToken(resumeToken), host.id, seat.participantId);
      res
        .status(201)
        .json({ sessionId: host.id, participantId: seat.participantId, resumeToken, name: person?.name });
      return;
    }
    const pseudonym = pseudonymFor((seatCount.get(host.id)?.n ?? 0) + 1);
    const joined = await registry.joinTrainee(host, pseudonym, (participantId) => {
      linkSeat(db, { sessionId: host.id, participantId, personId });
      host.refreshRosterNames();
    });
    res.status(201).json({
      sessionId: host.id,
      participantId: joined.participantId,
      resumeToken: joined.resumeToken,
      name: person?.name,
    });
  });

  return router;
}
