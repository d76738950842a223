// Error codes of the roster's endpoints: stable, each with a message a person can act on.
export const ROSTER_ERRORS = {
  /** The upload is neither a readable .xlsx workbook nor CSV text. */
  unreadableFile: 'roster/unreadable_file',
  /** No row of the sheet has a name column (姓名 / name). */
  noHeader: 'roster/no_header',
  personNotFound: 'roster/person_not_found',
  /** Someone of this name in this community is on the roster already. */
  duplicatePerson: 'roster/duplicate_person',
  /** A personal code that is not this person's (or a person not on the roster: the same answer). */
  wrongCode: 'roster/wrong_code',
  /** Too many wrong personal codes for this person: locked for a while. */
  codeLocked: 'roster/code_locked',
  /** Opening a portfolio by name: several people have it; the community tells them apart. */
  nameAmbiguous: 'roster/name_ambiguous',
} as const;
export type RosterErrorCode = (typeof ROSTER_ERRORS)[keyof typeof ROSTER_ERRORS];
