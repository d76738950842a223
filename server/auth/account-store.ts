// The accounts' tables (migration 4) in the server's SQLite file: accounts,
// cookie sign-ins, one-time links, API tokens, and who owns and shares each
// session. SQL only; the rules live in accounts.ts and shared/access.
import type Database from 'better-sqlite3';
import type { AccountRole } from '../../shared/access/rights.ts';

export type AccountStatus = 'invited' | 'active' | 'disabled';

export interface AccountRow {
  id: string;
  login: string;
  name: string;
  role: AccountRole;
  passwordHash: string | null;
  status: AccountStatus;
  createdAt: number;
  createdBy: string | null;
  passwordChangedAt: number | null;
  failedLogins: number;
  lastFailedAt: number | null;
  lockedUntil: number | null;
}

export interface SignInRow {
  tokenHash: string;
  accountId: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

export type LinkPurpose = 'invite' | 'reset';

export interface InvitationRow {
  tokenHash: string;
  accountId: string;
  purpose: LinkPurpose;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface ApiTokenRow {
  id: string;
  tokenHash: string;
  label: string;
  source: 'administrator' | 'environment';
  createdBy: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const ACCOUNT_COLUMNS = `id, login, name, role, password_hash AS passwordHash, status, created_at AS createdAt,
  created_by AS createdBy, password_changed_at AS passwordChangedAt, failed_logins AS failedLogins,
  last_failed_at AS lastFailedAt, locked_until AS lockedUntil`;
const SIGN_IN_COLUMNS = `token_hash AS tokenHash, account_id AS accountId, created_at AS createdAt,
  expires_at AS expiresAt, last_seen_at AS lastSeenAt`;
const INVITATION_COLUMNS = `token_hash AS tokenHash, account_id AS accountId, purpose, created_at AS createdAt,
  expires_at AS expiresAt, used_at AS usedAt`;
const TOKEN_COLUMNS = `id, token_hash AS tokenHash, label, source, created_by AS createdBy,
  created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt`;

function prepareAll(db: Database.Database) {
  return {
    insertAccount: db.prepare<[AccountRow], void>(
      `INSERT INTO accounts (id, login, name, role, password_hash, status, created_at, created_by,
         password_changed_at, failed_logins, last_failed_at, locked_until)
       VALUES (@id, @login, @name, @role, @passwordHash, @status, @createdAt, @createdBy,
         @passwordChangedAt, @failedLogins, @lastFailedAt, @lockedUntil)`,
    ),
    account: db.prepare<[string], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`),
    accountByLogin: db.prepare<[string], AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE login = ?`,
    ),
    accounts: db.prepare<[], AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at, id`),
    firstAdministrator: db.prepare<[], AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE role = 'administrator' ORDER BY created_at, id LIMIT 1`,
    ),
    setPassword: db.prepare<[string, number, string], void>(
      `UPDATE accounts SET password_hash = ?, password_changed_at = ?, status = 'active',
         failed_logins = 0, last_failed_at = NULL, locked_until = NULL WHERE id = ?`,
    ),
    setStatus: db.prepare<[AccountStatus, string], void>('UPDATE accounts SET status = ? WHERE id = ?'),
    recordFailure: db.prepare<[number, number | null, string], void>(
      `UPDATE accounts SET failed_logins = failed_logins + 1, last_failed_at = ?, locked_until = ?
       WHERE id = ?`,
    ),
    clearFailures: db.prepare<[string], void>(
      'UPDATE accounts SET failed_logins = 0, last_failed_at = NULL, locked_until = NULL WHERE id = ?',
    ),

    insertSignIn: db.prepare<[SignInRow], void>(
      `INSERT INTO sign_ins (token_hash, account_id, created_at, expires_at, last_seen_at)
       VALUES (@tokenHash, @accountId, @createdAt, @expiresAt, @lastSeenAt)`,
    ),
    signIn: db.prepare<[string], SignInRow>(`SELECT ${SIGN_IN_COLUMNS} FROM sign_ins WHERE token_hash = ?`),
    touchSignIn: db.prepare<[number, string], void>(
      'UPDATE sign_ins SET last_seen_at = ? WHERE token_hash = ?',
    ),
    deleteSignIn: db.prepare<[string], void>('DELETE FROM sign_ins WHERE token_hash = ?'),
    deleteSignInsOf: db.prepare<[string], void>('DELETE FROM sign_ins WHERE account_id = ?'),
    deleteOtherSignIns: db.prepare<[string, string], void>(
      'DELETE FROM sign_ins WHERE account_id = ? AND token_hash <> ?',
    ),
    deleteExpiredSignIns: db.prepare<[number], void>('DELETE FROM sign_ins WHERE expires_at <= ?'),

    insertInvitation: db.prepare<[InvitationRow], void>(
      `INSERT INTO invitations (token_hash, account_id, purpose, created_at, expires_at, used_at)
       VALUES (@tokenHash, @accountId, @purpose, @createdAt, @expiresAt, @usedAt)`,
    ),
    invitation: db.prepare<[string], InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM invitations WHERE token_hash = ?`,
    ),
    useInvitation: db.prepare<[number, string], void>(
      'UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
    ),
    // A new link replaces the account's earlier unused ones.
    retireInvitationsOf: db.prepare<[number, string], void>(
      'UPDATE invitations SET used_at = ? WHERE account_id = ? AND used_at IS NULL',
    ),
    openInvitationOf: db.prepare<[string, number], InvitationRow>(
      `SELECT ${INVITATION_COLUMNS} FROM invitations
       WHERE account_id = ? AND used_at IS NULL AND expires_at > ? ORDER BY created_at DESC LIMIT 1`,
    ),

    insertToken: db.prepare<[ApiTokenRow], void>(
      `INSERT INTO api_tokens (id, token_hash, label, source, created_by, created_at, last_used_at, revoked_at)
       VALUES (@id, @tokenHash, @label, @source, @createdBy, @createdAt, @lastUsedAt, @revokedAt)`,
    ),
    tokenByHash: db.prepare<[string], ApiTokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = ?`,
    ),
    token: db.prepare<[string], ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = ?`),
    tokens: db.prepare<[], ApiTokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY created_at, id`),
    touchToken: db.prepare<[number, string], void>('UPDATE api_tokens SET last_used_at = ? WHERE id = ?'),
    revokeToken: db.prepare<[number, string], void>(
      'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
    ),
    revokeEnvironmentTokensExcept: db.prepare<[number, string], void>(
      `UPDATE api_tokens SET revoked_at = ?
       WHERE source = 'environment' AND revoked_at IS NULL AND token_hash <> ?`,
    ),

    setOwner: db.prepare<[string, string], void>(
      'INSERT INTO session_owners (session_id, owner_id) VALUES (?, ?)',
    ),
    ownerOf: db.prepare<[string], { ownerId: string }>(
      'SELECT owner_id AS ownerId FROM session_owners WHERE session_id = ?',
    ),
    adoptOrphans: db.prepare<[string], void>(
      `INSERT INTO session_owners (session_id, owner_id)
       SELECT id, ? FROM sessions WHERE id NOT IN (SELECT session_id FROM session_owners)`,
    ),
    share: db.prepare<[string, string, number], void>(
      `INSERT INTO session_shares (session_id, account_id, shared_at) VALUES (?, ?, ?)
       ON CONFLICT (session_id, account_id) DO NOTHING`,
    ),
    unshare: db.prepare<[string, string], void>(
      'DELETE FROM session_shares WHERE session_id = ? AND account_id = ?',
    ),
    sharesOf: db.prepare<[string], { accountId: string }>(
      'SELECT account_id AS accountId FROM session_shares WHERE session_id = ? ORDER BY shared_at, account_id',
    ),
  };
}

export class AccountStore {
  private readonly stmt: ReturnType<typeof prepareAll>;

  constructor(private readonly db: Database.Database) {
    this.stmt = prepareAll(db);
  }

  /** Runs `work` in one transaction. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  insertAccount(row: AccountRow): void {
    this.stmt.insertAccount.run(row);
  }
  account(id: string): AccountRow | undefined {
    return this.stmt.account.get(id);
  }
  accountByLogin(login: string): AccountRow | undefined {
    return this.stmt.accountByLogin.get(login);
  }
  accounts(): AccountRow[] {
    return this.stmt.accounts.all();
  }
  firstAdministrator(): AccountRow | undefined {
    return this.stmt.firstAdministrator.get();
  }
  /** Sets the password, activates the account and clears its wrong-password count. */
  setPassword(id: string, hash: string, at: number): void {
    this.stmt.setPassword.run(hash, at, id);
  }
  setStatus(id: string, status: AccountStatus): void {
    this.stmt.setStatus.run(status, id);
  }
  recordFailure(id: string, at: number, lockedUntil: number | null): void {
    this.stmt.recordFailure.run(at, lockedUntil, id);
  }
  clearFailures(id: string): void {
    this.stmt.clearFailures.run(id);
  }

  insertSignIn(row: SignInRow): void {
    this.stmt.insertSignIn.run(row);
  }
  signIn(tokenHash: string): SignInRow | undefined {
    return this.stmt.signIn.get(tokenHash);
  }
  touchSignIn(tokenHash: string, at: number): void {
    this.stmt.touchSignIn.run(at, tokenHash);
  }
  deleteSignIn(tokenHash: string): void {
    this.stmt.deleteSignIn.run(tokenHash);
  }
  deleteSignInsOf(accountId: string): void {
    this.stmt.deleteSignInsOf.run(accountId);
  }
  deleteOtherSignIns(accountId: string, keepTokenHash: string): void {
    this.stmt.deleteOtherSignIns.run(accountId, keepTokenHash);
  }
  deleteExpiredSignIns(now: number): void {
    this.stmt.deleteExpiredSignIns.run(now);
  }

  insertInvitation(row: InvitationRow): void {
    this.stmt.insertInvitation.run(row);
  }
  invitation(tokenHash: string): InvitationRow | undefined {
    return this.stmt.invitation.get(tokenHash);
  }
  /** Marks a link used; false when it was used already (two tabs racing). */
  useInvitation(tokenHash: string, at: number): boolean {
    return this.stmt.useInvitation.run(at, tokenHash).changes === 1;
  }
  retireInvitationsOf(accountId: string, at: number): void {
    this.stmt.retireInvitationsOf.run(at, accountId);
  }
  openInvitationOf(accountId: string, now: number): InvitationRow | undefined {
    return this.stmt.openInvitationOf.get(accountId, now);
  }

  insertToken(row: ApiTokenRow): void {
    this.stmt.insertToken.run(row);
  }
  tokenByHash(hash: string): ApiTokenRow | undefined {
    return this.stmt.tokenByHash.get(hash);
  }
  token(id: string): ApiTokenRow | undefined {
    return this.stmt.token.get(id);
  }
  tokens(): ApiTokenRow[] {
    return this.stmt.tokens.all();
  }
  touchToken(id: string, at: number): void {
    this.stmt.touchToken.run(at, id);
  }
  revokeToken(id: string, at: number): boolean {
    return this.stmt.revokeToken.run(at, id).changes === 1;
  }
  revokeEnvironmentTokensExcept(hash: string, at: number): void {
    this.stmt.revokeEnvironmentTokensExcept.run(at, hash);
  }

  setOwner(sessionId: string, ownerId: string): void {
    this.stmt.setOwner.run(sessionId, ownerId);
  }
  ownerOf(sessionId: string): string | undefined {
    return this.stmt.ownerOf.get(sessionId)?.ownerId;
  }
  /** Gives every session without an owner to `ownerId`; returns how many. */
  adoptOrphans(ownerId: string): number {
    return this.stmt.adoptOrphans.run(ownerId).changes;
  }
  share(sessionId: string, accountId: string, at: number): void {
    this.stmt.share.run(sessionId, accountId, at);
  }
  unshare(sessionId: string, accountId: string): void {
    this.stmt.unshare.run(sessionId, accountId);
  }
  sharesOf(sessionId: string): string[] {
    return this.stmt.sharesOf.all(sessionId).map((r) => r.accountId);
  }
}
