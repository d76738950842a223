// The instructor's side of the HTTP API, and what this browser remembers:
// the password for this tab (sessionStorage), and each created session's
// links (localStorage), since the server hands out its tokens only once.
import type { SessionHealth, SessionProblem } from '../../../shared/protocol/session-problems.ts';
import type { LocalText } from '../../../shared/scenario/primitives.ts';
import { setServerZone } from '../ui/time.ts';

const PASSWORD_KEY = 'civic-rehearsal.facilitator-password';
const CREATED_PREFIX = 'civic-rehearsal.created.';

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  observerToken: string;
  facilitatorToken: string;
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
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function loadPassword(): string | null {
  try {
    return sessionStorage.getItem(PASSWORD_KEY);
  } catch {
    return null;
  }
}

export function savePassword(password: string | null): void {
  try {
    if (password === null) sessionStorage.removeItem(PASSWORD_KEY);
    else sessionStorage.setItem(PASSWORD_KEY, password);
  } catch {
    // Private mode: the password lasts for this page only.
  }
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
    // Storage full or disabled: the console still opens from the link.
  }
}

export function forgetCreated(sessionId: string): void {
  try {
    localStorage.removeItem(CREATED_PREFIX + sessionId);
  } catch {
    // Nothing to forget.
  }
}

async function request<T>(path: string, init: RequestInit, password?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (password) headers.authorization = `Bearer ${password}`;
  const res = await fetch(path, { ...init, headers });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as T & { error?: { code: string; message: string } };
  if (!res.ok) {
    throw new ApiError(
      res.status,
      body.error?.code ?? 'server/internal',
      body.error?.message ?? `HTTP ${res.status}`,
      (body.error as { details?: unknown } | undefined)?.details,
    );
  }
  return body;
}

export async function login(password: string): Promise<void> {
  await request('/api/facilitator/login', { method: 'POST', body: JSON.stringify({ password }) });
}

/** `version`: a studio scenario's version (the studio's "start a session with this version"). */
export async function createSession(
  password: string,
  scenarioId: string,
  version?: number,
): Promise<CreatedSession> {
  const created = await request<CreatedSession>(
    '/api/sessions',
    { method: 'POST', body: JSON.stringify({ scenarioId, ...(version !== undefined && { version }) }) },
    password,
  );
  saveCreated(created);
  return created;
}

export async function listSessions(password: string): Promise<SessionRow[]> {
  const body = await request<{ sessions: SessionRow[]; timeZone?: string }>(
    '/api/sessions',
    { method: 'GET' },
    password,
  );
  setServerZone(body.timeZone);
  return body.sessions;
}

/**
 * Reloads a session stopped after an error (or tries again one that could
 * not be restored). `bearer`: the instructor password, or the session's
 * own facilitator token (the console). A 409 carries the reason in `details`.
 */
export async function reloadSession(bearer: string, sessionId: string): Promise<void> {
  await request(`/api/sessions/${encodeURIComponent(sessionId)}/reload`, { method: 'POST' }, bearer);
}

export async function deleteSession(password: string, sessionId: string): Promise<void> {
  await request(`/api/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }, password);
  forgetCreated(sessionId);
}
