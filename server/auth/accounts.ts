// Accounts, as the server uses them: signing in, the administrator's
// management, API tokens and sessions' owners, over one store and one clock
// (injected: tests move it instead of sleeping), with one stream of
// revocations the sockets listen to. The first start makes the administrator.
// SQL is in account-store.ts; who may do what, in shared/access/rights.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger.ts';
import { newId } from '../sessions/tokens.ts';
import { AccountAdmin } from './account-admin.ts';
import type { AccountRow, AccountStore } from './account-store.ts';
import { ApiTokens } from './api-tokens.ts';
import {
  type AccountTimings,
  ADMIN_LOGIN,
  type AuthContext,
  DEFAULT_TIMINGS,
  type Revocation,
} from './auth-context.ts';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { SessionOwners } from './session-owners.ts';
import { SignIns } from './sign-ins.ts';
import type { AddressThrottle, ThrottlePolicy } from './throttle.ts';

export type { PublicAccount, Refusal, Result, Revocation, SignedIn } from './auth-context.ts';
export { API_TOKEN_PREFIX, publicAccount } from './auth-context.ts';

export interface AccountOptions {
  logger: Logger;
  now?: () => number;
  timings?: AccountTimings;
  accountPolicy?: ThrottlePolicy;
  addresses?: AddressThrottle;
}

export interface Bootstrapped {
  administrator: AccountRow;
  /** Sessions from before accounts, given to the administrator at this start. */
  adopted: number;
}

export class Accounts {
  readonly signIns: SignIns;
  readonly admin: AccountAdmin;
  readonly tokens: ApiTokens;
  readonly owners: SessionOwners;
  private readonly listeners = new Set<(revocation: Revocation) => void>();
  private readonly ctx: AuthContext;
  private administrator: string | undefined;

  constructor(
    private readonly store: AccountStore,
    private readonly options: AccountOptions,
  ) {
    this.ctx = {
      store,
      logger: options.logger,
      now: () => this.now(),
      timings: options.timings ?? DEFAULT_TIMINGS,
      revoke: (revocation) => {
        for (const listener of this.listeners) listener(revocation);
      },
      administratorId: () => this.administratorId(),
    };
    this.signIns = new SignIns(this.ctx, options.accountPolicy, options.addresses);
    this.admin = new AccountAdmin(this.ctx);
    this.tokens = new ApiTokens(this.ctx);
    this.owners = new SessionOwners(this.ctx, this.tokens);
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Called for every revocation (the sockets disconnect what it covers); returns an unsubscribe. */
  onRevoked(listener: (revocation: Revocation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private administratorId(): string {
    if (this.administrator) return this.administrator;
    const found = this.store.firstAdministrator();
    if (!found) throw new Error('no administrator: bootstrap() was not run');
    this.administrator = found.id;
    return found.id;
  }

  /**
   * Makes sure an administrator exists. Its password: ADMIN_PASSWORD, else
   * FACILITATOR_PASSWORD (existing setups), else the password a data
   * directory from before accounts kept in `facilitator-password`, else one
   * generated now and printed once. A password from the environment is
   * applied at every start. Sessions without an owner go to the
   * administrator; API_TOKEN becomes (or stays) the environment's API token.
   */
  async bootstrap(env: NodeJS.ProcessEnv, dataDir: string): Promise<Bootstrapped> {
    const { logger } = this.options;
    const fromEnv = env.ADMIN_PASSWORD || env.FACILITATOR_PASSWORD || undefined;
    const now = this.now();
    let administrator = this.store.firstAdministrator();
    if (!administrator) {
      const legacyFile = join(dataDir, 'facilitator-password');
      const legacy = existsSync(legacyFile) ? readFileSync(legacyFile, 'utf8').trim() : '';
      const password = fromEnv ?? (legacy || generatePassword());
      administrator = {
        id: newId(),
        login: ADMIN_LOGIN,
        name: '管理员',
        role: 'administrator',
        passwordHash: await hashPassword(password),
        status: 'active',
        createdAt: now,
        createdBy: null,
        passwordChangedAt: now,
        failedLogins: 0,
        lastFailedAt: null,
        lockedUntil: null,
      };
      this.store.insertAccount(administrator);
      if (fromEnv)
        logger.info(
          { login: ADMIN_LOGIN },
          'administrator account created with the password from the environment',
        );
      else if (legacy)
        logger.warn(
          { login: ADMIN_LOGIN, file: legacyFile },
          'administrator account created with the former instructor password; that file is no longer read and can be deleted',
        );
      else
        logger.warn(
          { login: ADMIN_LOGIN },
          `administrator account created: sign in as "${ADMIN_LOGIN}" with password ${password} (shown once; set ADMIN_PASSWORD to choose your own, or run npm run admin -- reset-password)`,
        );
    } else if (
      fromEnv &&
      !(administrator.passwordHash && (await verifyPassword(administrator.passwordHash, fromEnv)))
    ) {
      this.store.setPassword(administrator.id, await hashPassword(fromEnv), now);
      this.store.deleteSignInsOf(administrator.id);
      administrator = this.store.account(administrator.id) as AccountRow;
      logger.info({ login: administrator.login }, 'administrator password set from the environment');
    }
    if (fromEnv && passwordProblem(fromEnv))
      logger.warn('the administrator password from the environment is shorter than recommended');
    this.administrator = administrator.id;
    const adopted = this.store.adoptOrphans(administrator.id);
    if (adopted > 0)
      logger.info({ sessions: adopted }, 'sessions from before accounts now belong to the administrator');
    this.tokens.fromEnvironment(env.API_TOKEN, administrator.id);
    this.store.deleteExpiredSignIns(now);
    return { administrator, adopted };
  }
}
