// The roster's HTTP calls for the instructors' screens (docs/roster.md), and
// a refusal said in words.
import type { TFunction } from 'i18next';
import type { Cohort, Course } from '../../../shared/roster/groups.ts';
import type { RowProblem } from '../../../shared/roster/import-rows.ts';
import type { Person, PersonFields } from '../../../shared/roster/person.ts';
import { ApiError, api } from '../account/api.ts';

export type { Cohort, Course, Person, PersonFields };

export interface ImportAnswer {
  imported: { row: number; person: Person }[];
  problems: RowProblem[];
  skipped: number;
}

export interface Badge {
  personId: string;
  name: string;
  community: string;
  town: string;
  personalCode: string;
  path: string;
}

export const listPeople = (q = '') =>
  api<{ people: Person[] }>(`/api/people?q=${encodeURIComponent(q)}`).then((b) => b.people);
export const addPerson = (fields: Partial<PersonFields>) =>
  api<{ person: Person }>('/api/people', { method: 'POST', body: fields });
export const editPerson = (id: string, fields: Partial<PersonFields>) =>
  api<{ person: Person }>(`/api/people/${id}`, { method: 'PATCH', body: fields });
export const importRoster = (file: Blob) =>
  api<ImportAnswer>('/api/people/import', { method: 'POST', raw: file });

export const listCourses = () => api<{ courses: Course[] }>('/api/courses').then((b) => b.courses);
export const addCourse = (name: string) => api('/api/courses', { method: 'POST', body: { name } });
export const renameCourse = (id: string, name: string) =>
  api(`/api/courses/${id}`, { method: 'PATCH', body: { name } });
export const deleteCourse = (id: string) => api(`/api/courses/${id}`, { method: 'DELETE' });

export const listCohorts = () => api<{ cohorts: Cohort[] }>('/api/cohorts').then((b) => b.cohorts);
export const addCohort = (name: string, courseId: string | null) =>
  api('/api/cohorts', { method: 'POST', body: { name, courseId } });
export const editCohort = (id: string, change: { name?: string; courseId?: string | null }) =>
  api(`/api/cohorts/${id}`, { method: 'PATCH', body: change });
export const setMembers = (id: string, personIds: string[]) =>
  api(`/api/cohorts/${id}/members`, { method: 'PUT', body: { personIds } });
export const deleteCohort = (id: string) => api(`/api/cohorts/${id}`, { method: 'DELETE' });
export const badgesOf = (cohortId: string, sessionId?: string) =>
  api<{ cohort: { name: string }; joinCode: string | null; badges: Badge[] }>(
    `/api/cohorts/${cohortId}/badges${sessionId ? `?sessionId=${encodeURIComponent(sessionId)}` : ''}`,
  );

/** A refusal in words: the roster's own, else the common catalogue, else the server's message. */
export function refusalText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('roster.screen.failed', { message: (error as Error).message });
  const details = (error.details ?? {}) as Record<string, unknown>;
  return t(`roster.refusals.${error.code}`, {
    ...details,
    defaultValue: t(`errors.${error.code}`, {
      defaultValue: t('roster.screen.failed', { message: error.message }),
    }),
  });
}
