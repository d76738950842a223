// The instructor's side of the HTTP API (signed in: account/api.ts sends the
// cookie and the CSRF token), and what this browser remembers: each created
// session's links (localStorage), since the server hands out the observer
// link's token only once.
import type { SessionAccess } from '../../../shared/access/rights.ts';
import type { SessionHealth, SessionProblem } from '../../../shared/protocol/session-problems.ts';
import type { LocalText } from '../../../shared/scenario/primitives.ts';
import { api } from '../account/api.ts';
import { setServerZone } from '../ui/time.ts';

export { ApiError } from '../account/api.ts';

const CREATED_PREFIX = 'civic-rehearsal.created.';

export interface Person {
  id: string;
  name: string;
}

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  observerToken: string;
  links: { join: string; observer: string; facilitator: string; projector: string };
}

export interface SessionRow {
  id: string;
  scenarioId: string;
  title: LocalText;
  joinCode: string;
  createdAt: number;
  /** The machine's state and attempt; null for a session that was not restored. */
  state: string | null;
  attempt: number | null;
  participants: string[];
  health: SessionHealth;
  /** Why it is not running (failed, or needs attention). */
  problem?: SessionProblem;
  access: SessionAccess;
  owner: Person;
  sharedWith: Person[];
  /** The course and cohort (class) it belongs to, by name (docs/roster.md). */
  course?: { id: string; name: string } | null;
  cohort?: { id: string; name: string } | null;
}

export function loadCreated(sessionId: string): CreatedSession | null {
  try {
    const raw = localStorage.getItem(CREATED_PREFIX + sessionId);
    return raw ? (JSON.parse(raw) as CreatedSession) : null;
  } catch {
    return null;
  }
}

function saveCreated(created: CreatedSession): void {
  try {
    localStorage.setItem(CREATED_PREFIX + created.sessionId, JSON.stringify(created));
  } catch {
    // Storage full or disabled: the console still opens from the list.
  }
}

export function forgetCreated(sessionId: string): void {
  try {
    localStorage.removeItem(CREATED_PREFIX + sessionId);
  } catch {
    // Nothing to forget.
  }
}

/** `version`: a studio scenario's version (the studio's "start a session with this version"). */
export async function createSession(
  scenarioId: string,
  version?: number,
  group: { courseId?: string; cohortId?: string } = {},
): Promise<CreatedSession> {
  const created = await api<CreatedSession>('/api/sessions', {
    method: 'POST',
    body: { scenarioId, ...(version !== undefined && { version }), ...group },
  });
  saveCreated(created);
  return created;
}

export async function listSessions(): Promise<SessionRow[]> {
  const body = await api<{ sessions: SessionRow[]; timeZone?: string }>('/api/sessions');
  setServerZone(body.timeZone);
  return body.sessions;
}

/**
 * Reloads a session stopped after an error (or tries again one that could
 * not be restored), for whoever may run it. A 409 carries the reason in `details`.
 */
export async function reloadSession(sessionId: string): Promise<void> {
  await api(`/api/sessions/${encodeURIComponent(sessionId)}/reload`, { method: 'POST' });
}

/** Staged release: the trainees see the experts' scores and plan items of every attempt so far. */
export async function releaseScores(sessionId: string): Promise<{ throughAttempt: number }> {
  const body = await api<{ release: { throughAttempt: number } }>(
    `/api/sessions/${encodeURIComponent(sessionId)}/release`,
    { method: 'POST' },
  );
  return body.release;
}

export async function deleteSession(sessionId: string): Promise<void> {
  await api(`/api/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });
  forgetCreated(sessionId);
}

export async function listInstructors(): Promise<(Person & { login: string })[]> {
  return (await api<{ instructors: (Person & { login: string })[] }>('/api/instructors')).instructors;
}

export async function share(sessionId: string, accountId: string): Promise<void> {
  await api(`/api/sessions/${encodeURIComponent(sessionId)}/shares`, { method: 'POST', body: { accountId } });
}

export async function unshare(sessionId: string, accountId: string): Promise<void> {
  await api(`/api/sessions/${encodeURIComponent(sessionId)}/shares/${encodeURIComponent(accountId)}`, {
    method: 'DELETE',
  });
}
