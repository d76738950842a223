// Accounts and signing in on a real server (in this process, so its clock
// can be moved instead of slept on): wrong passwords slowed then locked, per
// account and per address; invitations that expire and work once; the CSRF
// check; a disabled account's sign-ins and sockets ended; sign-ins that
// expire; the sign-in cookie's attributes; the command-line reset.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import { startServer } from '../../server/main.ts';
import { Agent, accept, invite, newAccount, signInAdministrator } from '../support/accounts.ts';
import { type RunningServer, startInProcess } from '../support/in-process-server.ts';
import { startServerProcess } from '../support/server-process.ts';
import { ADMIN_PASSWORD, API_TOKEN, request } from '../support/session-api.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = resolve(import.meta.dirname, '../fixtures/scenarios/leak/canary-hearing.yaml');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let clock = Date.UTC(2026, 2, 1, 9, 0, 0);
let running: RunningServer;
let url: string;
let dataDir: string;
const open: HeadlessClient[] = [];

beforeAll(async () => {
  ({ running, url, dataDir } = await startInProcess('civic-accounts', {
    now: () => clock,
    config: { trustProxy: true },
  }));
});

afterAll(async () => {
  for (const client of open) client.close();
  await running?.close();
});

/** A browser at one address: every request says it came from there. */
function from(address: string): Agent {
  const agent = new Agent(url);
  const plain = agent.request.bind(agent);
  agent.request = (method, path, options = {}) =>
    plain(method, path, { ...options, headers: { 'x-forwarded-for': address, ...options.headers } });
  return agent;
}

async function signIn(agent: Agent, login: string, password: string) {
  if (!agent.csrfToken) await agent.session();
  const answer = await agent.request<{ error?: { code: string; details?: { retryAfterMs: number } } }>(
    'POST',
    '/api/auth/sign-in',
    { body: { login, password } },
  );
  return {
    status: answer.status,
    code: answer.body?.error?.code,
    retryAfterMs: answer.body?.error?.details?.retryAfterMs,
  };
}

describe('the administrator at first start', () => {
  it('is made with a generated password, printed once, when nothing sets one', async () => {
    const env = { ADMIN_PASSWORD: '', FACILITATOR_PASSWORD: '', API_TOKEN: '' };
    const first = await startServerProcess({ env });
    const printed = /with password (\S+) \(shown once/.exec(first.logs.join(''))?.[1];
    await first.stop();
    expect(printed).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // The same data directory again: no password in the log this time, and the printed one signs in.
    const again = await startServerProcess({ env, dataDir: first.dataDir });
    try {
      expect(again.logs.join('')).not.toContain(printed);
      expect(again.logs.join('')).not.toContain('with password');
      const agent = new Agent(again.url);
      expect((await agent.signIn('admin', printed as string)).status).toBe(200);
    } finally {
      await again.stop();
    }
  }, 90_000);
});

describe('wrong passwords', () => {
  it('per account: three free, then each try waits twice as long, then locked for 15 minutes', async () => {
    const admin = await signInAdministrator(url);
    await newAccount(admin, { login: 'lena', name: 'Lena', role: 'instructor' }, 'lenas-right-password');
    const browser = from('203.0.113.10');
    for (let i = 0; i < 3; i++)
      expect((await signIn(browser, 'lena', 'wrong')).code).toBe('auth/bad_credentials');
    // The fourth try at once is not even checked: the right password is refused too.
    expect(await signIn(browser, 'lena', 'lenas-right-password')).toEqual({
      status: 429,
      code: 'auth/slow_down',
      retryAfterMs: 1000,
    });
    // Waits after failures 3..9: 1, 2, 4, 8, 16, 32, then 60 s (capped); the 10th failure locks.
    const waits = [1000, 2000, 4000, 8000, 16000, 32000, 60000];
    for (const [i, wait] of waits.entries()) {
      clock += wait - 1;
      const early = await signIn(browser, 'lena', 'wrong');
      expect(early, `failure ${4 + i}, 1 ms early`).toEqual({
        status: 429,
        code: 'auth/slow_down',
        retryAfterMs: 1,
      });
      clock += 1;
      expect((await signIn(browser, 'lena', 'wrong')).code, `failure ${4 + i}`).toBe('auth/bad_credentials');
    }
    // Ten failures: locked for 15 minutes, from every address, even with the right password.
    const lockedAt = clock;
    clock += 60000;
    expect(await signIn(from('198.51.100.7'), 'lena', 'lenas-right-password')).toEqual({
      status: 429,
      code: 'auth/locked',
      retryAfterMs: 15 * MINUTE - 60000,
    });
    // The administrator sees the lock on the accounts list.
    const list = await admin.request<{ accounts: { login: string; lockedUntil: number | null }[] }>(
      'GET',
      '/api/accounts',
    );
    expect(list.body.accounts.find((a) => a.login === 'lena')?.lockedUntil).toBe(lockedAt + 15 * MINUTE);
    clock = lockedAt + 15 * MINUTE;
    expect((await signIn(browser, 'lena', 'lenas-right-password')).status).toBe(200);
    // A success starts the count again: one wrong password is free once more.
    const other = from('203.0.113.11');
    expect((await signIn(other, 'lena', 'wrong')).code).toBe('auth/bad_credentials');
    expect((await signIn(other, 'lena', 'lenas-right-password')).status).toBe(200);
  });

  it('per address: ten wrong passwords over any names, then the address waits', async () => {
    const sprayer = from('203.0.113.66');
    for (let i = 0; i < 10; i++)
      expect((await signIn(sprayer, `guess${i}`, 'password')).code, `try ${i}`).toBe('auth/bad_credentials');
    expect(await signIn(sprayer, 'admin', ADMIN_PASSWORD)).toEqual({
      status: 429,
      code: 'auth/slow_down',
      retryAfterMs: 1000,
    });
    // Another address is not held back.
    expect((await signIn(from('203.0.113.67'), 'admin', ADMIN_PASSWORD)).status).toBe(200);
    clock += 1000;
    expect((await signIn(sprayer, 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });
});

describe('invitations', () => {
  it('expire after seven days, and a new link replaces the old', async () => {
    const admin = await signInAdministrator(url);
    const { token } = await invite(admin, { login: 'late', name: 'Late Expert', role: 'expert' });
    const lookup = await request(url, 'POST', '/api/links/lookup', { body: { token }, bearer: null });
    expect(lookup.body).toMatchObject({
      account: { name: 'Late Expert', login: 'late', role: 'expert' },
      purpose: 'invite',
    });
    clock += 7 * 24 * HOUR;
    const agent = new Agent(url);
    const adminAgain = await signInAdministrator(url);
    await agent.session();
    const expired = await agent.request('POST', '/api/links/accept', {
      body: { token, password: 'late-password-1' },
    });
    expect(expired).toMatchObject({ status: 410, body: { error: { code: 'account/link_expired' } } });
    // The administrator sends a new one; the expired one stays dead.
    const list = await adminAgain.request<{ accounts: { id: string; login: string; status: string }[] }>(
      'GET',
      '/api/accounts',
    );
    const late = list.body.accounts.find((a) => a.login === 'late');
    expect(late?.status).toBe('invited');
    const renewed = await adminAgain.request<{ link: { path: string } }>(
      'POST',
      `/api/accounts/${late?.id}/reset`,
    );
    const fresh = renewed.body.link.path.split('#')[1] as string;
    const signedIn = await accept(url, fresh, 'late-password-1');
    expect(signedIn.account?.login).toBe('late');
    // Used once: neither link works again.
    for (const used of [fresh, token]) {
      const again = await agent.request('POST', '/api/links/accept', {
        body: { token: used, password: 'late-password-2' },
      });
      expect(again.status, used === fresh ? 'the used link' : 'the expired link').toBe(410);
    }
  });

  it('refuse a short password and change nothing', async () => {
    const admin = await signInAdministrator(url);
    const { token } = await invite(admin, { login: 'shorty', name: 'Shorty', role: 'instructor' });
    const agent = new Agent(url);
    await agent.session();
    const refused = await agent.request('POST', '/api/links/accept', { body: { token, password: 'short' } });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'account/weak_password' } } });
    expect((await accept(url, token, 'long-enough-password')).account?.status).toBe('active');
  });
});

describe('CSRF', () => {
  it('a signed-in change without the CSRF token is refused, with it accepted; a script’s token needs none', async () => {
    const admin = await signInAdministrator(url);
    const body = { scenarioId: 'canary-hearing' };
    const without = await admin.request('POST', '/api/sessions', { body, csrf: false });
    expect(without).toMatchObject({ status: 403, body: { error: { code: 'auth/csrf' } } });
    const forged = await admin.request('POST', '/api/sessions', {
      body,
      csrf: false,
      headers: { 'x-csrf-token': 'forged.value' },
    });
    expect(forged.status).toBe(403);
    // Another person's token (and cookie) does not fit this sign-in.
    const someone = await newAccount(admin, { login: 'csrf-other', name: 'Other', role: 'instructor' });
    const foreign = await admin.request('POST', '/api/sessions', {
      body,
      csrf: false,
      headers: { 'x-csrf-token': someone.csrfToken },
    });
    expect(foreign.status).toBe(403);
    expect((await admin.request('POST', '/api/sessions', { body })).status).toBe(201);
    // A Bearer API token is no cookie: no CSRF token needed.
    expect((await request(url, 'POST', '/api/sessions', { body, bearer: API_TOKEN })).status).toBe(201);
  });

  it('a token taken before signing in does not fit the sign-in', async () => {
    const agent = new Agent(url);
    await agent.session();
    const before = agent.csrfToken;
    await agent.signIn('admin', ADMIN_PASSWORD);
    expect(agent.csrfToken).not.toBe(before);
    const stale = await agent.request('POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing' },
      csrf: false,
      headers: { 'x-csrf-token': before },
    });
    expect(stale.status).toBe(403);
  });

  it('signing in needs the token too (no other site can sign a browser in)', async () => {
    const agent = new Agent(url);
    const answer = await agent.request('POST', '/api/auth/sign-in', {
      body: { login: 'admin', password: ADMIN_PASSWORD },
    });
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'auth/csrf' } } });
  });

  it('an Authorization header switches the cookie off: it cannot be used to skip the CSRF check', async () => {
    const admin = await signInAdministrator(url);
    const answer = await admin.request('POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing' },
      csrf: false,
      headers: { authorization: 'Bearer not-a-real-token-at-all' },
    });
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'auth/unauthorized' } } });
  });
});

describe('the sign-in cookie', () => {
  it('is HttpOnly and SameSite=Lax, and Secure when the request came over https', async () => {
    const cookieOf = async (proto: string) => {
      const agent = new Agent(url);
      await agent.request('GET', '/api/auth/session', { headers: { 'x-forwarded-proto': proto } });
      const res = await fetch(`${url}/api/auth/sign-in`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: agent.cookie,
          'x-csrf-token': agent.csrfToken,
          'x-forwarded-proto': proto,
          'x-forwarded-for': `192.0.2.${proto.length}`,
        },
        body: JSON.stringify({ login: 'admin', password: ADMIN_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return res.headers.getSetCookie().find((c) => c.startsWith('cr_session=')) ?? '';
    };
    const plain = await cookieOf('http');
    expect(plain).toMatch(/; HttpOnly/);
    expect(plain).toMatch(/; SameSite=Lax/);
    expect(plain).not.toMatch(/; Secure/);
    expect(plain).toMatch(/; Max-Age=43200;/);
    expect(await cookieOf('https')).toMatch(/; Secure/);
  });

  it('holds a random token; the database keeps only its hash', async () => {
    const agent = await signInAdministrator(url);
    const token = /cr_session=([^;]+)/.exec(agent.cookie)?.[1] as string;
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dataDir, 'civic-rehearsal.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT token_hash FROM sign_ins').all() as { token_hash: string }[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
    const { createHash } = await import('node:crypto');
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('expires after 12 hours: the request is nobody’s, the socket’s next command is refused and it is cut', async () => {
    const admin = await signInAdministrator(url);
    const created = await admin.request<{ sessionId: string }>('POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing' },
    });
    const console = await admin.console(created.body.sessionId, { reconnection: false });
    open.push(console);
    expect((await console.send({ type: 'settings.update', observersMayFireInjects: false })).ok).toBe(true);
    clock += 12 * HOUR;
    expect((await admin.session()).body.account).toBeNull();
    const ack = await console.send({ type: 'settings.update', observersMayFireInjects: true });
    expect(ack).toMatchObject({ ok: false, error: { code: 'auth/signed_out' } });
    await console.waitFor(() => !console.connected);
    expect(console.notices).toContainEqual({ kind: 'signed_out' });
  });
});

describe('ending sign-ins', () => {
  it('disabling an account ends its sign-ins on every device and cuts its sockets; it cannot sign in until enabled', async () => {
    const admin = await signInAdministrator(url);
    const laptop = await newAccount(
      admin,
      { login: 'doomed', name: 'Doomed Teacher', role: 'instructor' },
      'doomed-password-1',
    );
    const phone = new Agent(url);
    expect((await phone.signIn('doomed', 'doomed-password-1')).status).toBe(200);
    const expertAgent = await newAccount(
      admin,
      { login: 'doomed-expert', name: 'Doomed Expert', role: 'expert' },
      'doomed-expert-1',
    );
    const created = await laptop.request<{ sessionId: string }>('POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing' },
    });
    const console = await laptop.console(created.body.sessionId, { reconnection: false });
    const watcher = await expertAgent.observe(created.body.sessionId, { reconnection: false });
    open.push(console, watcher);

    const id = laptop.account?.id as string;
    const disabled = await admin.request<{ account: { status: string } }>(
      'POST',
      `/api/accounts/${id}/disable`,
    );
    expect(disabled.body.account.status).toBe('disabled');
    await console.waitFor(() => !console.connected);
    expect(console.notices).toContainEqual({ kind: 'signed_out' });
    for (const device of [laptop, phone]) {
      expect((await device.session()).body.account).toBeNull();
      expect((await device.request('GET', '/api/sessions')).status).toBe(401);
    }
    // The expert is someone else: still connected, still coaching.
    expect(watcher.connected).toBe(true);
    expect(
      (await watcher.send({ type: 'backchannel.say', messageId: 'still-here', text: 'Still here' })).ok,
    ).toBe(true);
    // The socket cannot come back either.
    await expect(laptop.console(created.body.sessionId, { reconnection: false })).rejects.toMatchObject({
      data: { code: 'auth/unauthorized' },
    });
    expect(await signIn(phone, 'doomed', 'doomed-password-1')).toMatchObject({
      status: 403,
      code: 'auth/account_disabled',
    });
    await admin.request('POST', `/api/accounts/${id}/enable`);
    expect((await signIn(phone, 'doomed', 'doomed-password-1')).status).toBe(200);
  });

  it('signing out everywhere ends every device; changing the password ends the others but not this one', async () => {
    const admin = await signInAdministrator(url);
    const one = await newAccount(
      admin,
      { login: 'mover', name: 'Mover', role: 'expert' },
      'mover-password-1',
    );
    const two = new Agent(url);
    await two.signIn('mover', 'mover-password-1');
    const changed = await one.request('POST', '/api/auth/password', {
      body: { current: 'mover-password-1', next: 'mover-password-2' },
    });
    expect(changed.status).toBe(204);
    expect((await one.session()).body.account?.login).toBe('mover');
    expect((await two.session()).body.account).toBeNull();
    expect((await signIn(two, 'mover', 'mover-password-1')).code).toBe('auth/bad_credentials');
    expect((await signIn(two, 'mover', 'mover-password-2')).status).toBe(200);
    expect((await one.request('POST', '/api/auth/sign-out-everywhere')).status).toBe(200);
    expect((await one.session()).body.account).toBeNull();
    expect((await two.session()).body.account).toBeNull();
  });

  it('revoking an API token cuts the consoles it opened', async () => {
    const admin = await signInAdministrator(url);
    const made = await admin.request<{ token: string; apiToken: { id: string } }>('POST', '/api/api-tokens', {
      body: { label: 'a script' },
    });
    const created = await request<{ sessionId: string }>(url, 'POST', '/api/sessions', {
      body: { scenarioId: 'canary-hearing' },
      bearer: made.body.token,
    });
    expect(created.status).toBe(201);
    const console = await HeadlessClient.connect(
      url,
      { role: 'facilitator', sessionId: created.body.sessionId, apiToken: made.body.token },
      { reconnection: false },
    );
    open.push(console);
    // Shown once: the list has no secret in it.
    const list = await admin.request('GET', '/api/api-tokens');
    expect(JSON.stringify(list.body)).not.toContain(made.body.token);
    expect((await admin.request('DELETE', `/api/api-tokens/${made.body.apiToken.id}`)).status).toBe(204);
    await console.waitFor(() => !console.connected);
    const after = await request(url, 'GET', '/api/sessions', { bearer: made.body.token });
    expect(after.status).toBe(401);
  });
});

/** The command line, as an operator runs it (tsx, a child process). */
function runAdmin(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/admin.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ADMIN_PASSWORD: '', FACILITATOR_PASSWORD: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run admin -- reset-password', () => {
  it('unlocks a locked-out administrator with a new password, printed once, and ends its sign-ins', async () => {
    const signedIn = await signInAdministrator(url);
    // Lock the administrator out: ten wrong passwords, each try once its wait is over.
    const attacker = from('203.0.113.99');
    let locked = false;
    for (let i = 0; i < 30 && !locked; i++) {
      const answer = await signIn(attacker, 'admin', 'guess');
      if (answer.code === 'auth/locked') locked = true;
      clock += answer.retryAfterMs && answer.code === 'auth/slow_down' ? answer.retryAfterMs : 0;
    }
    expect(locked).toBe(true);
    expect((await signIn(from('203.0.113.100'), 'admin', ADMIN_PASSWORD)).code).toBe('auth/locked');

    const out = await runAdmin(['reset-password', '--data-dir', dataDir]);
    expect(out.code, out.stderr).toBe(0);
    const password = /: (\S+)\n/.exec(out.stdout)?.[1] as string;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // The old sign-in ended; the old password is gone; the new one works at once, lock or no lock.
    expect((await signedIn.session()).body.account).toBeNull();
    expect((await signIn(from('203.0.113.101'), 'admin', ADMIN_PASSWORD)).code).toBe('auth/bad_credentials');
    expect((await signIn(from('203.0.113.102'), 'admin', password)).status).toBe(200);
    // Back to the known password for the other tests (the environment would do it at the next start).
    const agent = from('203.0.113.103');
    await signIn(agent, 'admin', password);
    expect(
      (
        await agent.request('POST', '/api/auth/password', {
          body: { current: password, next: ADMIN_PASSWORD },
        })
      ).status,
    ).toBe(204);
  }, 90_000);

  it('--help explains; a wrong option or command is one line on stderr and exit code 2', async () => {
    const help = await runAdmin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run admin -- <command> [options]');
    expect(help.stdout).toContain('reset-password');
    for (const [args, message] of [
      [['--frobnicate'], 'admin: unknown option "--frobnicate" (see --help)'],
      [['reset-password', '--login'], 'admin: "--login <value>" needs a value (see --help)'],
      [['rename-everyone'], 'admin: unknown command "rename-everyone" (see --help)'],
      [[], 'admin: name a command, e.g. reset-password (see --help)'],
    ] as const) {
      const out = await runAdmin([...args]);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr).toBe(`${message}\n`);
      expect(out.stdout).toBe('');
    }
    const missing = await runAdmin(['reset-password', '--data-dir', join(dataDir, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const nobody = await runAdmin(['reset-password', '--data-dir', dataDir, '--login', 'no-such-login']);
    expect(nobody).toMatchObject({ code: 1, stderr: 'admin: no account "no-such-login"\n' });
  }, 90_000);
});

describe('a data directory from before accounts', () => {
  it('starts: its sessions belong to the administrator, and the old instructor password signs the administrator in', async () => {
    const { SqliteStorage } = await import('../../server/storage/sqlite-storage.ts');
    const { MIGRATIONS, migrate } = await import('../../server/storage/migrations.ts');
    const Database = (await import('better-sqlite3')).default;
    const dir = mkdtempSync(join(tmpdir(), 'civic-old-data-'));
    const file = join(dir, 'civic-rehearsal.sqlite');
    // The schema as it was (migrations 1–2), with one live session in it, and the old password file.
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 2));
    old
      .prepare(
        `INSERT INTO sessions (id, scenario_id, join_code, observer_token_hash, facilitator_token_hash, created_at, status, title)
         VALUES ('old-session', 'canary-hearing', 'KKKKKK', 'aa', 'bb', 1, 'live', '{"zh":"旧","en":"Old"}')`,
      )
      .run();
    old.close();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'facilitator-password'), 'the-old-instructor-password\n');
    const scenariosDir = mkdtempSync(join(tmpdir(), 'civic-old-scenarios-'));
    copyFileSync(FIXTURE, join(scenariosDir, 'canary-hearing.yaml'));

    const upgraded = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir: dir,
        scenariosDir,
        clientDir: dir,
        logLevel: 'silent',
        statsIntervalMs: 0,
      },
      {},
    );
    try {
      const base = `http://127.0.0.1:${upgraded.port}`;
      const admin = new Agent(base);
      expect((await admin.signIn('admin', 'the-old-instructor-password')).status).toBe(200);
      const list = await admin.request<{ sessions: { id: string; owner: { id: string; name: string } }[] }>(
        'GET',
        '/api/sessions',
      );
      expect(list.body.sessions.map((s) => [s.id, s.owner])).toEqual([
        ['old-session', { id: admin.account?.id, name: '管理员' }],
      ]);
      // The administrator opens its console with the account.
      const console = await admin.console('old-session', { reconnection: false });
      expect(console.welcome?.access?.session.ownerId).toBe(admin.account?.id);
      console.close();
    } finally {
      await upgraded.close();
    }
    const storage = SqliteStorage.open(file);
    expect(storage.connection.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    storage.close();
  });

  it('FACILITATOR_PASSWORD keeps working as the administrator’s password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-facilitator-env-'));
    const server = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        dataDir: dir,
        scenariosDir: join(ROOT, 'scenarios'),
        clientDir: dir,
        logLevel: 'silent',
        statsIntervalMs: 0,
      },
      { FACILITATOR_PASSWORD: 'set-in-the-environment' },
    );
    try {
      const agent = new Agent(`http://127.0.0.1:${server.port}`);
      expect((await agent.signIn('admin', 'set-in-the-environment')).status).toBe(200);
      expect(agent.account?.role).toBe('administrator');
    } finally {
      await server.close();
    }
  });
});
