// The studio's HTTP API as tests use it, as a signed-in account (cookie and
// CSRF token), with a Bearer credential, or with nothing.
import type { Agent } from './accounts.ts';

let instructor: Agent | undefined;
/** The signed-in instructor that studio calls act as unless told otherwise (set once per test file). */
export function actAsInstructor(agent: Agent): void {
  instructor = agent;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** `as`: a signed-in agent (the instructor by default), a Bearer credential, or null for none. */
export async function studio<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; as?: Agent | string | null; rawBody?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const credential = options.as === undefined ? instructor : options.as;
  if (credential === undefined) throw new Error('studio(): call actAsInstructor(agent) first');
  if (typeof credential === 'string') headers.authorization = `Bearer ${credential}`;
  else if (credential !== null) {
    headers.cookie = credential.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = credential.csrfToken;
  }
  const body = options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
  const res = await fetch(url + path, { method, headers, ...(body !== undefined && { body }) });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed as T, headers: res.headers, text };
}

export interface SavedVersion {
  id: string;
  version: number;
  latestVersion: number;
  source: string;
  issues: { code: string; line: number; column: number }[];
}
