// The session HTTP API as the server tests use it: create, join, delete,
// with the facilitator password, answering { status, body }.

import { HeadlessClient } from '../../client/headless/client.ts';

export const PASSWORD = 'test-facilitator-password';

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  observerToken: string;
  facilitatorToken: string;
  links: Record<'join' | 'observer' | 'facilitator' | 'projector', string>;
}

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

export async function request<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; password?: string | null } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const password = options.password === undefined ? PASSWORD : options.password;
  if (password !== null) headers.authorization = `Bearer ${password}`;
  const res = await fetch(url + path, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function createSession(url: string, scenarioId: string): Promise<CreatedSession> {
  const { status, body } = await request<CreatedSession>(url, 'POST', '/api/sessions', {
    body: { scenarioId },
  });
  if (status !== 201) throw new Error(`POST /api/sessions: ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function deleteSession(url: string, sessionId: string): Promise<number> {
  return (await request(url, 'DELETE', `/api/sessions/${sessionId}`)).status;
}

/** An expert on the observer side of a session, by its observer link. */
export function connectObserver(
  url: string,
  session: Pick<CreatedSession, 'sessionId' | 'observerToken'>,
  name: string,
): Promise<HeadlessClient> {
  return HeadlessClient.connect(url, {
    role: 'observer',
    sessionId: session.sessionId,
    token: session.observerToken,
    name,
  });
}
