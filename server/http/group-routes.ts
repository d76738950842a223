// Courses and cohorts over HTTP, for instructors and administrators
// (roster.manage): make and rename them, put people in a cohort, print a
// cohort's badges. Deleting one that sessions still belong to is refused
// with the reason, so no session loses its course or class.
import { type Response, Router } from 'express';
import { z } from 'zod';
import { errorBody } from '../../shared/protocol/errors.ts';
import { badgePath } from '../../shared/roster/badge-link.ts';
import { ROSTER_ERRORS } from '../../shared/roster/errors.ts';
import {
  cohortBodySchema,
  cohortPatchSchema,
  courseBodySchema,
  membersBodySchema,
} from '../../shared/roster/groups.ts';
import { allowed } from '../auth/request-auth.ts';
import type { GroupsStore } from '../roster/groups-store.ts';
import type { PeopleStore } from '../roster/people-store.ts';
import type { SessionRegistry } from '../sessions/registry.ts';
import { badBody } from './bad-body.ts';

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE';
const badgeQuery = z.object({ sessionId: z.string().min(1).max(64).optional() });

export function groupRoutes(
  groups: GroupsStore,
  people: PeopleStore,
  registry: SessionRegistry,
  now: () => number = Date.now,
): Router {
  const router = Router();
  const nameTaken = (res: Response, what: 'course' | 'cohort') =>
    res
      .status(409)
      .json(
        errorBody(
          ROSTER_ERRORS.nameTaken,
          `a ${what} of this name exists already; choose another name or use that ${what}`,
        ),
      );
  const noCourse = (res: Response) =>
    res.status(404).json(errorBody(ROSTER_ERRORS.courseNotFound, 'no such course'));
  const noCohort = (res: Response) =>
    res.status(404).json(errorBody(ROSTER_ERRORS.cohortNotFound, 'no such cohort'));
  /** Runs a change that may hit a unique name; answers 409 when it does. */
  const storing = (res: Response, what: 'course' | 'cohort', change: () => void): boolean => {
    try {
      change();
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      nameTaken(res, what);
      return false;
    }
  };

  router.get('/api/courses', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    res.json({ courses: groups.courses() });
  });

  router.post('/api/courses', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const body = courseBodySchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    let course: ReturnType<GroupsStore['addCourse']> | undefined;
    if (storing(res, 'course', () => (course = groups.addCourse(body.data.name, now()))))
      res.status(201).json({ course });
  });

  router.patch('/api/courses/:id', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    if (!groups.course(req.params.id)) return noCourse(res);
    const body = courseBodySchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    if (storing(res, 'course', () => groups.renameCourse(req.params.id, body.data.name)))
      res.json({ course: groups.course(req.params.id) });
  });

  router.delete('/api/courses/:id', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const course = groups.course(req.params.id);
    if (!course) return noCourse(res);
    const cohorts = groups.cohortsOfCourse(course.id);
    if (course.sessions > 0 || cohorts > 0) {
      res
        .status(409)
        .json(
          errorBody(
            ROSTER_ERRORS.courseInUse,
            `${course.sessions} session(s) and ${cohorts} cohort(s) belong to this course; delete those sessions or move the cohorts to another course first`,
            { sessions: course.sessions, cohorts },
          ),
        );
      return;
    }
    groups.deleteCourse(course.id);
    res.status(204).end();
  });

  router.get('/api/cohorts', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    res.json({ cohorts: groups.cohorts() });
  });

  router.post('/api/cohorts', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const body = cohortBodySchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const courseId = body.data.courseId ?? null;
    if (courseId && !groups.course(courseId)) return noCourse(res);
    let cohort: ReturnType<GroupsStore['addCohort']> | undefined;
    if (storing(res, 'cohort', () => (cohort = groups.addCohort(body.data.name, courseId, now()))))
      res.status(201).json({ cohort });
  });

  router.patch('/api/cohorts/:id', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const current = groups.cohort(req.params.id);
    if (!current) return noCohort(res);
    const body = cohortPatchSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const courseId = body.data.courseId === undefined ? current.courseId : body.data.courseId;
    if (courseId && !groups.course(courseId)) return noCourse(res);
    if (
      storing(res, 'cohort', () => groups.updateCohort(current.id, body.data.name ?? current.name, courseId))
    )
      res.json({ cohort: groups.cohort(current.id) });
  });

  router.put('/api/cohorts/:id/members', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const cohort = groups.cohort(req.params.id);
    if (!cohort) return noCohort(res);
    const body = membersBodySchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    const unknown = body.data.personIds.filter((id) => !people.get(id));
    if (unknown.length > 0) {
      res.status(404).json(
        errorBody(ROSTER_ERRORS.personNotFound, 'some of these people are not on the roster (any more)', {
          personIds: unknown,
        }),
      );
      return;
    }
    groups.setMembers(cohort.id, body.data.personIds);
    res.json({ cohort: groups.cohort(cohort.id) });
  });

  router.delete('/api/cohorts/:id', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const cohort = groups.cohort(req.params.id);
    if (!cohort) return noCohort(res);
    if (cohort.sessions > 0) {
      res
        .status(409)
        .json(
          errorBody(
            ROSTER_ERRORS.cohortInUse,
            `${cohort.sessions} session(s) belong to this cohort; delete those sessions first (their trainees keep their records)`,
            { sessions: cohort.sessions },
          ),
        );
      return;
    }
    groups.deleteCohort(cohort.id);
    res.status(204).end();
  });

  // The badge sheet: each member's name, community and personal code, and the
  // link their QR code opens (with a session's join code when printed for one).
  router.get('/api/cohorts/:id/badges', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const cohort = groups.cohort(req.params.id);
    if (!cohort) return noCohort(res);
    const query = badgeQuery.safeParse(req.query);
    if (!query.success) return badBody(res, query.error.issues);
    const sessionId = query.data.sessionId;
    const host = sessionId ? registry.get(sessionId) : undefined;
    // Printed for a session that is not there, or not this cohort's, every QR code would lead nowhere.
    if (sessionId && (!host || groups.groupOf(host.id)?.cohortId !== cohort.id)) {
      res
        .status(404)
        .json(
          errorBody(
            ROSTER_ERRORS.sessionNotOfCohort,
            "this cohort has no such session: choose one of the cohort's sessions, or print the badges for none",
          ),
        );
      return;
    }
    const joinCode = host?.row.joinCode;
    const badges = cohort.personIds.flatMap((personId) => {
      const person = people.get(personId);
      const code = people.codeOf(personId)?.code;
      if (!person || !code) return [];
      return [
        {
          personId,
          name: person.name,
          community: person.community,
          town: person.town,
          personalCode: code,
          path: badgePath(personId, code, joinCode),
        },
      ];
    });
    res.json({ cohort: { id: cohort.id, name: cohort.name }, joinCode: joinCode ?? null, badges });
  });

  return router;
}
