// The web client's HTTP helper for everything signed in: the sign-in cookie
// goes with every same-origin request by itself; this adds the CSRF token to
// every change (fetched from GET /api/auth/session, renewed after each
// sign-in change) and turns error bodies into ApiError. Who is signed in is
// kept here too, for the screens that ask (useAccount).
import { useEffect, useSyncExternalStore } from 'react';
import type { AccountRole, Action, Principal } from '../../../shared/access/rights.ts';

export interface Account {
  id: string;
  login: string;
  name: string;
  role: AccountRole;
  status: 'invited' | 'active' | 'disabled';
  createdAt: number;
  lockedUntil: number | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
    /** The error body's details (a reload's 409 carries why the session cannot run). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface SessionBody {
  account: Account | null;
  rights: Action[];
  csrfToken: string;
}

export type AccountState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; account: Account | null; rights: Action[] };

let state: AccountState = { status: 'loading' };
let csrfToken = '';
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

function set(next: AccountState): void {
  state = next;
  for (const listener of listeners) listener();
}

function adopt(body: SessionBody): void {
  csrfToken = body.csrfToken;
  set({ status: 'ready', account: body.account, rights: body.rights });
}

/** Asks the server who this browser is signed in as (and for a CSRF token). */
export function refreshAccount(): Promise<void> {
  loading = fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' })
    .then(async (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      adopt((await res.json()) as SessionBody);
    })
    .catch((e: Error) => set({ status: 'failed', message: e.message }));
  return loading;
}

/** A request to the API: JSON in and out, the CSRF token on every change, one retry with a fresh token. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown /** Bytes sent as they are (a file upload). */; raw?: Blob } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const send = async () => {
    const headers: Record<string, string> = {
      'content-type': init.raw ? 'application/octet-stream' : 'application/json',
    };
    if (method !== 'GET') {
      if (!csrfToken) await (loading ?? refreshAccount());
      headers['x-csrf-token'] = csrfToken;
    }
    return fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      ...(init.raw && { body: init.raw }),
    });
  };
  let res = await send();
  if (res.status === 403 && method !== 'GET') {
    const peek = (await res
      .clone()
      .json()
      .catch(() => ({}))) as { error?: { code?: string } };
    // The token went stale (signed in elsewhere, a restart): fetch a new one once.
    if (peek.error?.code === 'auth/csrf') {
      await refreshAccount();
      res = await send();
    }
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => ({}))) as T & {
    error?: { code: string; message: string; details?: { retryAfterMs?: number } };
  };
  if (!res.ok) {
    if (res.status === 401 && state.status === 'ready' && state.account) void refreshAccount();
    throw new ApiError(
      res.status,
      body.error?.code ?? 'server/internal',
      body.error?.message ?? `HTTP ${res.status}`,
      body.error?.details?.retryAfterMs,
      body.error?.details,
    );
  }
  if (body && typeof (body as Partial<SessionBody>).csrfToken === 'string')
    adopt(body as unknown as SessionBody);
  return body;
}

export async function signIn(login: string, password: string): Promise<Account | null> {
  await api<SessionBody>('/api/auth/sign-in', { method: 'POST', body: { login, password } });
  return state.status === 'ready' ? state.account : null;
}

export async function signOut(everywhere = false): Promise<void> {
  await api(everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out', { method: 'POST' });
}

/** Who is signed in on this browser, loaded once and kept up to date. */
export function useAccount(): AccountState {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
  useEffect(() => {
    if (!loading) void refreshAccount();
  }, []);
  return current;
}

/** The signed-in account as the table of rights sees it. */
export function principalOf(account: Account | null): Principal {
  return account ? { kind: 'account', accountId: account.id, role: account.role } : { kind: 'nobody' };
}

/** Where each kind of account starts after signing in. */
export function homeOf(account: Account): string {
  if (account.role === 'administrator') return '/facilitator';
  return account.role === 'expert' ? '/expert' : '/facilitator';
}
