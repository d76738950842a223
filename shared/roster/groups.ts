// Courses and cohorts: what an instructor sends to make or change one, and
// what the join page is shown of a session's cohort. Pure.
import { z } from 'zod';

const groupName = z.string().trim().min(1).max(80);
const id = z.string().min(1).max(64);

export const courseBodySchema = z.object({ name: groupName });
export const cohortBodySchema = z.object({ name: groupName, courseId: id.nullable().optional() });
export const cohortPatchSchema = z.object({ name: groupName.optional(), courseId: id.nullable().optional() });
export const membersBodySchema = z.object({ personIds: z.array(id).max(2000) });

export interface Course {
  id: string;
  name: string;
  createdAt: number;
  /** Sessions (not deleted) that belong to it. */
  sessions: number;
}

export interface Cohort {
  id: string;
  name: string;
  courseId: string | null;
  createdAt: number;
  personIds: string[];
  sessions: number;
}

/** A personal join: which person, and the 6-digit code that confirms it is them. */
export const personalCodeSchema = z.string().regex(/^[0-9]{6}$/, 'six digits');
export const personJoinSchema = z.object({
  code: z.string().trim().min(4).max(16),
  personId: id,
  personalCode: personalCodeSchema,
});
