// The studio's HTTP API as tests use it, with any credential (or none).
import { PASSWORD } from './session-api.ts';

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** `as`: the Bearer credential (the instructor password by default; null sends none). */
export async function studio<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; as?: string | null; rawBody?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const credential = options.as === undefined ? PASSWORD : options.as;
  if (credential !== null) headers.authorization = `Bearer ${credential}`;
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
