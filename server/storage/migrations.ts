// Versioned schema migrations for the SQLite store. The schema version lives
// in `PRAGMA user_version` (part of the database header, so it commits or
// rolls back together with the migration that set it). Migrations are only
// ever appended to this list: an applied migration is never edited, because
// databases in the field already ran it.
import type Database from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3… with no gaps; the database's user_version after it has run. */
  version: number;
  name: string;
  /** SQL run as one script inside the migration's transaction. */
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'sessions, seats, log, snapshots, receipts, settings',
    // STRICT tables so a number stored as text (or the reverse) is an error
    // here rather than a silent mismatch in a later comparison.
    up: `
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL,
        join_code TEXT NOT NULL,
        observer_token_hash TEXT NOT NULL,
        facilitator_token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('live', 'ended', 'deleted')),
        title TEXT NOT NULL
      ) STRICT;
      -- Trainees type the join code: it must name exactly one session.
      CREATE UNIQUE INDEX sessions_join_code ON sessions (join_code);

      CREATE TABLE seats (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        participant_id TEXT NOT NULL,
        name TEXT NOT NULL,
        resume_token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (session_id, participant_id)
      ) STRICT;
      -- A returning trainee is found by their resume token alone.
      CREATE UNIQUE INDEX seats_resume_token_hash ON seats (resume_token_hash);
      -- Seats of a session in arrival order, without a sort.
      CREATE INDEX seats_by_session ON seats (session_id, created_at);

      -- The source of truth: every accepted command, replayed to rebuild a
      -- session. seq is gap-free per session (checked on append).
      CREATE TABLE log (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        at INTEGER NOT NULL,
        actor TEXT NOT NULL CHECK (json_valid(actor)),
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        PRIMARY KEY (session_id, seq)
      ) STRICT;
      -- Append-only: history is never rewritten. (A future purge feature
      -- would drop these triggers in its own migration.)
      CREATE TRIGGER log_no_update BEFORE UPDATE ON log
        BEGIN SELECT RAISE(ABORT, 'log is append-only'); END;
      CREATE TRIGGER log_no_delete BEFORE DELETE ON log
        BEGIN SELECT RAISE(ABORT, 'log is append-only'); END;

      -- Replay starts from the latest snapshot instead of seq 1.
      CREATE TABLE snapshots (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
      ) STRICT;

      CREATE TABLE receipts (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        sender TEXT NOT NULL,
        command_id TEXT NOT NULL,
        result TEXT NOT NULL,
        PRIMARY KEY (session_id, sender, command_id)
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'debrief scores',
    // One row per (attempt, observer, trainee, competency): an observer's
    // latest rubric score, upserted as they revise it during the debrief.
    up: `
      CREATE TABLE scores (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        attempt INTEGER NOT NULL CHECK (attempt >= 1),
        observer_id TEXT NOT NULL,
        participant_id TEXT NOT NULL,
        competency TEXT NOT NULL,
        score TEXT NOT NULL,
        note TEXT,
        marker_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(marker_ids)),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (session_id, attempt, observer_id, participant_id, competency)
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'versioned state: engine version on log rows and snapshots, scenario hash and attention on sessions',
    // Rows from before this migration were all written by engine version 1.
    // Which scenario a session ran is not knowable for them: scenario_hash
    // stays NULL ("unknown; replay to check"), and their first restore
    // replays the whole log under the current rules (docs/architecture.md).
    // attention: why a session could not be restored (JSON), or NULL.
    up: `
      ALTER TABLE log ADD COLUMN engine_version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE snapshots ADD COLUMN engine_version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE snapshots ADD COLUMN scenario_hash TEXT;
      ALTER TABLE sessions ADD COLUMN scenario_hash TEXT;
      ALTER TABLE sessions ADD COLUMN attention TEXT CHECK (attention IS NULL OR json_valid(attention));
    `,
  },
  {
    version: 4,
    name: 'accounts, sign-ins, invitations, API tokens, session owners and shares',
    // Accounts sit beside the sessions rather than in their table: a session
    // row stays what it was, and who owns it is a row of its own. Sessions
    // made before accounts have no owner row; the server gives them to the
    // first administrator at start (server/auth/accounts.ts). Secrets are
    // stored as hashes only: argon2id for passwords, SHA-256 for random tokens.
    up: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        -- What the person types to sign in: lower case, unique.
        login TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('administrator', 'instructor', 'expert')),
        -- NULL until an invitation is accepted.
        password_hash TEXT,
        status TEXT NOT NULL CHECK (status IN ('invited', 'active', 'disabled')),
        created_at INTEGER NOT NULL,
        created_by TEXT,
        password_changed_at INTEGER,
        -- Wrong passwords in a row, and until when signing in is refused.
        failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
        last_failed_at INTEGER,
        locked_until INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX accounts_login ON accounts (login);

      -- Cookie sessions: the cookie holds a random token, this table its hash.
      CREATE TABLE sign_ins (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sign_ins_by_account ON sign_ins (account_id);

      -- One-time links: an invitation sets the first password, a reset a new one.
      CREATE TABLE invitations (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts (id),
        purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_at INTEGER
      ) STRICT;
      CREATE INDEX invitations_by_account ON invitations (account_id);

      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL,
        label TEXT NOT NULL,
        -- 'environment': made at start from API_TOKEN; 'administrator': made on the accounts screen.
        source TEXT NOT NULL CHECK (source IN ('administrator', 'environment')),
        created_by TEXT REFERENCES accounts (id),
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);

      CREATE TABLE session_owners (
        session_id TEXT PRIMARY KEY REFERENCES sessions (id),
        owner_id TEXT NOT NULL REFERENCES accounts (id)
      ) STRICT;
      CREATE INDEX session_owners_by_owner ON session_owners (owner_id);

      CREATE TABLE session_shares (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        account_id TEXT NOT NULL REFERENCES accounts (id),
        shared_at INTEGER NOT NULL,
        PRIMARY KEY (session_id, account_id)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'the studio: scenarios stored as versions; the version a session was created from',
    // A studio scenario is a row in studio_scenarios and one row per save in
    // scenario_versions (the YAML as written, so comments and key order
    // survive). Shipped files stay on disk and are never written here.
    // sessions.scenario_version: NULL for a session made from a shipped file
    // (and for every session stored before this migration); otherwise the
    // version it was created from, which it keeps when the scenario changes.
    up: `
      CREATE TABLE studio_scenarios (
        id TEXT PRIMARY KEY,
        origin TEXT NOT NULL CHECK (json_valid(origin)),
        created_at INTEGER NOT NULL,
        published_version INTEGER,
        archived_at INTEGER
      ) STRICT;
      CREATE TABLE scenario_versions (
        scenario_id TEXT NOT NULL REFERENCES studio_scenarios (id),
        version INTEGER NOT NULL CHECK (version >= 1),
        source TEXT NOT NULL,
        author TEXT NOT NULL CHECK (json_valid(author)),
        saved_at INTEGER NOT NULL,
        issue_count INTEGER NOT NULL CHECK (issue_count >= 0),
        scenario_hash TEXT,
        PRIMARY KEY (scenario_id, version)
      ) STRICT;
      ALTER TABLE sessions ADD COLUMN scenario_version INTEGER;
      -- Which sessions use a scenario (archive instead of delete).
      CREATE INDEX sessions_by_scenario ON sessions (scenario_id, scenario_version);
    `,
  },
  {
    version: 6,
    name: 'roster: people, courses, cohorts, sessions by course and cohort, released scores, personal keys',
    // People live beside the log, never in it: a roster trainee's seat points
    // at their person id, and what identifies them (name, community, phone)
    // is here, where deleting them can erase it (docs/roster.md). Each person
    // has a key of their own; free text they wrote is stored encrypted with it
    // (person_texts), so destroying the key makes it unreadable.
    up: `
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        -- 居民区/村 and 街镇: two people of the same name are told apart by community.
        community TEXT NOT NULL,
        town TEXT NOT NULL DEFAULT '',
        position TEXT NOT NULL DEFAULT '',
        phone TEXT,
        note TEXT NOT NULL DEFAULT '',
        -- The 6-digit personal code printed on their badge (docs/roster.md says why it is kept as is).
        personal_code TEXT NOT NULL,
        failed_codes INTEGER NOT NULL DEFAULT 0 CHECK (failed_codes >= 0),
        locked_until INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX people_name_community ON people (name, community);

      CREATE TABLE courses (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX courses_name ON courses (name);

      CREATE TABLE cohorts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        course_id TEXT REFERENCES courses (id),
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX cohorts_name ON cohorts (name);

      CREATE TABLE cohort_members (
        cohort_id TEXT NOT NULL REFERENCES cohorts (id),
        person_id TEXT NOT NULL REFERENCES people (id),
        PRIMARY KEY (cohort_id, person_id)
      ) STRICT;
      CREATE INDEX cohort_members_by_person ON cohort_members (person_id);

      -- Which course and cohort a session belongs to (either may be absent).
      CREATE TABLE session_groups (
        session_id TEXT PRIMARY KEY REFERENCES sessions (id),
        course_id TEXT REFERENCES courses (id),
        cohort_id TEXT REFERENCES cohorts (id)
      ) STRICT;
      CREATE INDEX session_groups_by_course ON session_groups (course_id);
      CREATE INDEX session_groups_by_cohort ON session_groups (cohort_id);

      -- The seat a roster person took (NULL: a guest who typed a name).
      CREATE TABLE seat_people (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        participant_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        PRIMARY KEY (session_id, participant_id)
      ) STRICT;
      CREATE INDEX seat_people_by_person ON seat_people (person_id);

      -- Staged release: trainees see scores and plan items of attempts up to this one.
      CREATE TABLE score_releases (
        session_id TEXT PRIMARY KEY REFERENCES sessions (id),
        through_attempt INTEGER NOT NULL CHECK (through_attempt >= 1),
        released_at INTEGER NOT NULL,
        released_by TEXT NOT NULL
      ) STRICT;

      -- One AES-256-GCM key per person; deleting the person deletes the key.
      CREATE TABLE person_keys (
        person_id TEXT PRIMARY KEY,
        key BLOB NOT NULL
      ) STRICT;
    `,
  },
];

/**
 * Brings the database up to the last migration; returns its version.
 * Each migration runs in its own IMMEDIATE transaction (the write lock is
 * taken before user_version is read), so two processes opening the same file
 * at once cannot both run a migration, and a failing migration leaves the
 * database at the previous version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration "${m.name}" should be version ${i + 1}`);
  });
  const latest = migrations.length;
  const current = () => db.pragma('user_version', { simple: true }) as number;
  if (current() > latest) {
    // Refuse rather than run old code against a schema it does not know.
    throw new Error(`database schema version ${current()} is newer than this build (${latest})`);
  }
  for (const m of migrations) {
    if (current() >= m.version) continue; // the usual case on reopen: no write lock taken
    db.transaction(() => {
      if (current() >= m.version) return; // another process migrated meanwhile
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return current();
}
