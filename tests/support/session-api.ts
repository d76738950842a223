// The session HTTP API as the server tests use it: create, join, delete,
// with the scripts' API token (AUTH_ENV gives every test server the same
// one), answering { status, body }; and the usual socket connections.

import { type ClientOptions, HeadlessClient } from '../../client/headless/client.ts';

/** The API token every test server is started with (API_TOKEN), as scripts use one. */
export const API_TOKEN = 'crt_test-api-token-for-the-server-tests-000000';
/** The administrator's password on every test server (ADMIN_PASSWORD). */
export const ADMIN_PASSWORD = 'test-administrator-password';
/** The environment that gives a test server both. */
export const AUTH_ENV = { API_TOKEN, ADMIN_PASSWORD };

export interface CreatedSession {
  sessionId: string;
  joinCode: string;
  observerToken: string;
  links: Record<'join' | 'observer' | 'facilitator' | 'projector', string>;
  access: { sessionId: string; ownerId: string; sharedWith: string[] };
}

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

export async function request<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; bearer?: string | null; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const bearer = options.bearer === undefined ? API_TOKEN : options.bearer;
  if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
  const res = await fetch(url + path, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Markdown exports and the like stay text.
  }
  return { status: res.status, body: body as T };
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

/** The facilitator's console for a session, as a script opens it: with the API token. */
export function connectFacilitator(
  url: string,
  session: Pick<CreatedSession, 'sessionId'>,
  options?: ClientOptions,
): Promise<HeadlessClient> {
  return HeadlessClient.connect(
    url,
    { role: 'facilitator', sessionId: session.sessionId, apiToken: API_TOKEN },
    options,
  );
}

/** A guest expert on the observer side of a session, by its observer link. */
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
