// People with accounts, as the server tests drive them over plain HTTP: a
// small cookie jar per person (the sign-in cookie and the CSRF cookie), the
// CSRF token sent on every change as the web client does, and the socket
// connections an account opens (the console, an expert's observer screen).
import { type ClientOptions, HeadlessClient } from '../../client/headless/client.ts';
import type { AccountRole } from '../../shared/access/rights.ts';
import { ADMIN_PASSWORD, type HttpAnswer } from './session-api.ts';

export interface PublicAccount {
  id: string;
  login: string;
  name: string;
  role: AccountRole;
  status: 'invited' | 'active' | 'disabled';
  lockedUntil: number | null;
}

/** One browser's worth of cookies and the CSRF token that goes with them. */
export class Agent {
  private readonly jar = new Map<string, string>();
  csrfToken = '';
  account: PublicAccount | null = null;

  constructor(readonly url: string) {}

  /** The Cookie header this agent sends. */
  get cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** A request with this agent's cookies; changes carry the CSRF token unless `csrf: false`. */
  async request<T = unknown>(
    method: string,
    path: string,
    options: { body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (this.jar.size > 0) headers.cookie = this.cookie;
    if (method !== 'GET' && options.csrf !== false && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.url + path, {
      method,
      headers,
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
    for (const line of res.headers.getSetCookie()) this.keep(line);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a Markdown export): keep the text.
    }
    const session = body as { csrfToken?: string; account?: PublicAccount | null };
    if (res.ok && typeof session?.csrfToken === 'string') {
      this.csrfToken = session.csrfToken;
      if (session.account !== undefined) this.account = session.account;
    }
    return { status: res.status, body: body as T };
  }

  private keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
    if (expired) this.jar.delete(name);
    else this.jar.set(name, value);
  }

  /** GET /api/auth/session: who this agent is, and a fresh CSRF token. */
  session() {
    return this.request<{ account: PublicAccount | null; rights: string[]; csrfToken: string }>(
      'GET',
      '/api/auth/session',
    );
  }

  async signIn(login: string, password: string) {
    if (!this.csrfToken) await this.session();
    return this.request<{ account: PublicAccount; rights: string[] }>('POST', '/api/auth/sign-in', {
      body: { login, password },
    });
  }

  /** The facilitator's console for a session, with this agent's sign-in. */
  console(sessionId: string, options: ClientOptions = {}): Promise<HeadlessClient> {
    return HeadlessClient.connect(
      this.url,
      { role: 'facilitator', sessionId },
      { ...options, cookie: this.cookie },
    );
  }

  /** An expert's observer screen for a session, with this agent's sign-in. */
  observe(sessionId: string, options: ClientOptions = {}): Promise<HeadlessClient> {
    return HeadlessClient.connect(
      this.url,
      { role: 'expert', sessionId },
      { ...options, cookie: this.cookie },
    );
  }
}

function expectOk<T>(what: string, answer: HttpAnswer<T>, status = 200): T {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The administrator, signed in with the test servers' ADMIN_PASSWORD. */
export async function signInAdministrator(url: string): Promise<Agent> {
  const admin = new Agent(url);
  expectOk('sign in as admin', await admin.signIn('admin', ADMIN_PASSWORD));
  return admin;
}

/** The invitation link's token for a new account (the administrator invites). */
export async function invite(
  admin: Agent,
  person: { login: string; name: string; role: AccountRole },
): Promise<{ account: PublicAccount; token: string; path: string }> {
  const body = expectOk(
    `invite ${person.login}`,
    await admin.request<{ account: PublicAccount; link: { path: string } }>('POST', '/api/accounts', {
      body: person,
    }),
    201,
  );
  return { account: body.account, token: body.link.path.split('#')[1] as string, path: body.link.path };
}

/** Someone accepting their invitation in a fresh browser: signed in with the password they chose. */
export async function accept(url: string, token: string, password: string): Promise<Agent> {
  const agent = new Agent(url);
  await agent.session();
  expectOk(
    'accept invitation',
    await agent.request('POST', '/api/links/accept', { body: { token, password } }),
  );
  return agent;
}

/** Invites and accepts in one step: the new account's agent, signed in. */
export async function newAccount(
  admin: Agent,
  person: { login: string; name: string; role: AccountRole },
  password = `${person.login}-password-1`,
): Promise<Agent> {
  const { token } = await invite(admin, person);
  return accept(admin.url, token, password);
}
