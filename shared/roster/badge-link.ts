// A badge's link and what the join page reads of it, and what the join page
// is shown of a session's cohort. No library here: the join page is on the
// trainee's phone, within its download budget.

/** One trainee of a session's cohort as the join page lists them before they confirm: masked. */
export interface MaskedMember {
  personId: string;
  /** maskName's 王*华. */
  masked: string;
  community: string;
}

/** The badge's link: the join page with the session's code (when printed for one), the person and their code. */
export function badgePath(personId: string, personalCode: string, joinCode?: string): string {
  const query = joinCode ? `?code=${encodeURIComponent(joinCode)}` : '';
  return `/join${query}#person=${encodeURIComponent(personId)}&pc=${personalCode}`;
}

/** The person and code a badge link carries in its fragment, if any. */
export function parseBadgeFragment(hash: string): { personId: string; personalCode: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const personId = params.get('person');
  const personalCode = params.get('pc') ?? '';
  return personId ? { personId, personalCode: /^[0-9]{6}$/.test(personalCode) ? personalCode : '' } : null;
}
