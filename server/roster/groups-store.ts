// Courses, cohorts, their members and which course and cohort each session
// belongs to (tables courses, cohorts, cohort_members, session_groups,
// migration 6): SQL only. "In use" counts sessions that are not deleted.
import type Database from 'better-sqlite3';
import type { Cohort, Course } from '../../shared/roster/groups.ts';
import { newId } from '../sessions/tokens.ts';

export interface SessionGroup {
  courseId: string | null;
  cohortId: string | null;
}

const LIVE_SESSIONS = `SELECT g.session_id FROM session_groups g JOIN sessions s ON s.id = g.session_id
  WHERE s.status != 'deleted'`;

export class GroupsStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      courses: db.prepare<[], Course>(
        `SELECT c.id, c.name, c.created_at AS createdAt,
           (SELECT COUNT(*) FROM (${LIVE_SESSIONS} AND g.course_id = c.id)) AS sessions
         FROM courses c ORDER BY c.created_at, c.id`,
      ),
      cohorts: db.prepare<[], Omit<Cohort, 'personIds'>>(
        `SELECT c.id, c.name, c.course_id AS courseId, c.created_at AS createdAt,
           (SELECT COUNT(*) FROM (${LIVE_SESSIONS} AND g.cohort_id = c.id)) AS sessions
         FROM cohorts c ORDER BY c.created_at, c.id`,
      ),
      members: db.prepare<[], { cohortId: string; personId: string }>(
        `SELECT m.cohort_id AS cohortId, m.person_id AS personId FROM cohort_members m
           JOIN people p ON p.id = m.person_id ORDER BY p.name, p.community`,
      ),
      cohortsOfCourse: db.prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM cohorts WHERE course_id = ?',
      ),
      addCourse: db.prepare('INSERT INTO courses (id, name, created_at) VALUES (?, ?, ?)'),
      renameCourse: db.prepare('UPDATE courses SET name = ? WHERE id = ?'),
      addCohort: db.prepare('INSERT INTO cohorts (id, name, course_id, created_at) VALUES (?, ?, ?, ?)'),
      updateCohort: db.prepare('UPDATE cohorts SET name = ?, course_id = ? WHERE id = ?'),
      clearMembers: db.prepare('DELETE FROM cohort_members WHERE cohort_id = ?'),
      addMember: db.prepare('INSERT OR IGNORE INTO cohort_members (cohort_id, person_id) VALUES (?, ?)'),
      isMember: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM cohort_members WHERE cohort_id = ? AND person_id = ?',
      ),
      // Deleted sessions keep their row: let go of the course or cohort first, for the foreign keys.
      releaseCourse: db.prepare('UPDATE session_groups SET course_id = NULL WHERE course_id = ?'),
      releaseCohort: db.prepare('UPDATE session_groups SET cohort_id = NULL WHERE cohort_id = ?'),
      deleteCourse: db.prepare('DELETE FROM courses WHERE id = ?'),
      deleteCohort: db.prepare('DELETE FROM cohorts WHERE id = ?'),
      setGroup: db.prepare(
        'INSERT OR REPLACE INTO session_groups (session_id, course_id, cohort_id) VALUES (?, ?, ?)',
      ),
      groupOf: db.prepare<[string], SessionGroup>(
        'SELECT course_id AS courseId, cohort_id AS cohortId FROM session_groups WHERE session_id = ?',
      ),
    };
  }

  courses(): Course[] {
    return this.stmt.courses.all();
  }

  course(id: string): Course | undefined {
    return this.courses().find((c) => c.id === id);
  }

  cohorts(): Cohort[] {
    const members = new Map<string, string[]>();
    for (const { cohortId, personId } of this.stmt.members.all())
      members.set(cohortId, [...(members.get(cohortId) ?? []), personId]);
    return this.stmt.cohorts.all().map((c) => ({ ...c, personIds: members.get(c.id) ?? [] }));
  }

  cohort(id: string): Cohort | undefined {
    return this.cohorts().find((c) => c.id === id);
  }

  cohortsOfCourse(courseId: string): number {
    return this.stmt.cohortsOfCourse.get(courseId)?.n ?? 0;
  }

  addCourse(name: string, at: number): Course {
    const id = newId();
    this.stmt.addCourse.run(id, name, at);
    return this.course(id) as Course;
  }

  renameCourse(id: string, name: string): void {
    this.stmt.renameCourse.run(name, id);
  }

  addCohort(name: string, courseId: string | null, at: number): Cohort {
    const id = newId();
    this.stmt.addCohort.run(id, name, courseId, at);
    return this.cohort(id) as Cohort;
  }

  updateCohort(id: string, name: string, courseId: string | null): void {
    this.stmt.updateCohort.run(name, courseId, id);
  }

  /** The cohort's members become exactly these people, in one transaction. */
  setMembers(cohortId: string, personIds: readonly string[]): void {
    this.db.transaction(() => {
      this.stmt.clearMembers.run(cohortId);
      for (const personId of personIds) this.stmt.addMember.run(cohortId, personId);
    })();
  }

  isMember(cohortId: string, personId: string): boolean {
    return this.stmt.isMember.get(cohortId, personId) !== undefined;
  }

  deleteCourse(id: string): void {
    this.db.transaction(() => {
      this.stmt.releaseCourse.run(id);
      this.stmt.deleteCourse.run(id);
    })();
  }

  deleteCohort(id: string): void {
    this.db.transaction(() => {
      this.stmt.releaseCohort.run(id);
      this.stmt.clearMembers.run(id);
      this.stmt.deleteCohort.run(id);
    })();
  }

  setSessionGroup(sessionId: string, group: SessionGroup): void {
    this.stmt.setGroup.run(sessionId, group.courseId, group.cohortId);
  }

  groupOf(sessionId: string): SessionGroup | undefined {
    return this.stmt.groupOf.get(sessionId);
  }
}
