// The instructor's side of the HTTP API (signed in: account/api.ts sends the
// cookie and the CSRF token), and what this browser remembers: each created
// session's links (localStorage), since the server hands out the observer
// link's token only once.
import type { SessionAccess } from '../../../shared/access/rights.ts';
import type { LocalText } from '../../../shared/scenario/primitives.ts';
import { api } from '../account/api.ts';

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
  state: string;
  attempt: number;
  participants: string[];
  access: SessionAccess;
  owner: Person;
  sharedWith: Person[];
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

export async function createSession(scenarioId: string): Promise<CreatedSession> {
  const created = await api<CreatedSession>('/api/sessions', { method: 'POST', body: { scenarioId } });
  saveCreated(created);
  return created;
}

export async function listSessions(): Promise<SessionRow[]> {
  return (await api<{ sessions: SessionRow[] }>('/api/sessions')).sessions;
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
