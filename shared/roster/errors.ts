// Error codes of the roster's endpoints: stable, each with a message a person can act on.
export const ROSTER_ERRORS = {
  /** The upload is neither a readable .xlsx workbook nor CSV text. */
  unreadableFile: 'roster/unreadable_file',
  /** No row of the sheet has a name column (姓名 / name). */
  noHeader: 'roster/no_header',
  personNotFound: 'roster/person_not_found',
  /** Someone of this name in this community is on the roster already. */
  duplicatePerson: 'roster/duplicate_person',
  courseNotFound: 'roster/course_not_found',
  cohortNotFound: 'roster/cohort_not_found',
  /** A course or cohort of this name exists already. */
  nameTaken: 'roster/name_taken',
  /** Deleting a course that sessions (or cohorts) still belong to. */
  courseInUse: 'roster/course_in_use',
  /** Deleting a cohort that sessions still belong to. */
  cohortInUse: 'roster/cohort_in_use',
  /** Joining as a person who is not in the session's cohort (or the session has none). */
  notInCohort: 'roster/not_in_cohort',
  /** The personal code given is not this person's (or, opening a portfolio, a person not on the roster: the same answer). */
  wrongCode: 'roster/wrong_code',
  /** Too many wrong personal codes: this person is locked for `retryAfterMs`. */
  personLocked: 'roster/person_locked',
  /** Badges printed for a session that is not there, or not the cohort's. */
  sessionNotOfCohort: 'roster/session_not_of_cohort',
  /** Opening a portfolio by name: several people have it; the community tells them apart. */
  nameAmbiguous: 'roster/name_ambiguous',
} as const;
export type RosterErrorCode = (typeof ROSTER_ERRORS)[keyof typeof ROSTER_ERRORS];
