// The administrator's command line (npm run admin -- …), for what cannot be
// done on a screen: a locked-out or forgotten administrator password. It
// works on the data directory directly, with the server running or not.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteStorage } from '../storage/sqlite-storage.ts';
import { AccountStore } from './account-store.ts';
import { normalizeLogin } from './auth-context.ts';
import { generatePassword, hashPassword } from './passwords.ts';

export const ADMIN_HELP = `Usage: npm run admin -- <command> [options]

Commands:
  reset-password    gives an account a new password, printed once; unlocks (and
                    re-enables) the account and ends every sign-in it has

Options:
  --login <name>    the account to reset (default: the first administrator)
  --data-dir <dir>  the server's data directory (default: DATA_DIR, or ./data)
  -h, --help        this help

With ADMIN_PASSWORD (or FACILITATOR_PASSWORD) set, the server applies that
password again at its next start.`;

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs one command; returns the exit code (0 done, 1 failed, 2 wrong usage). */
export async function runAdmin(argv: string[], env: NodeJS.ProcessEnv, io: CliOutput): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`admin: ${usageProblem(error as Error & { code?: string })} (see --help)`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(ADMIN_HELP);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (!command) {
    io.err('admin: name a command, e.g. reset-password (see --help)');
    return 2;
  }
  if (command !== 'reset-password') {
    io.err(`admin: unknown command "${command}" (see --help)`);
    return 2;
  }
  if (extra.length > 0) {
    io.err(`admin: unexpected argument "${extra[0]}" (see --help)`);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? env.DATA_DIR ?? 'data');
  const file = join(dataDir, 'civic-rehearsal.sqlite');
  if (!existsSync(file)) {
    io.err(`admin: no database at ${file}; start the server once, or pass --data-dir`);
    return 1;
  }
  const storage = SqliteStorage.open(file);
  try {
    const store = new AccountStore(storage.connection);
    const account = values.login
      ? store.accountByLogin(normalizeLogin(values.login))
      : store.firstAdministrator();
    if (!account) {
      io.err(
        values.login
          ? `admin: no account "${values.login}"`
          : 'admin: no administrator yet; start the server once',
      );
      return 1;
    }
    const password = generatePassword();
    const hash = await hashPassword(password);
    store.transaction(() => {
      // Also clears the wrong-password count and the lock, and re-activates a disabled account.
      store.setPassword(account.id, hash, Date.now());
      store.deleteSignInsOf(account.id);
    });
    io.out(`New password for "${account.login}" (${account.name}): ${password}`);
    io.out('Shown once: note it now. The account is unlocked and its sign-ins have ended.');
    if (env.ADMIN_PASSWORD || env.FACILITATOR_PASSWORD)
      io.out(
        'ADMIN_PASSWORD/FACILITATOR_PASSWORD is set here: the server applies it again at its next start.',
      );
    return 0;
  } finally {
    storage.close();
  }
}

/** parseArgs' complaint in one short line. */
function usageProblem(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option "${option}"`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `"${option}" needs a value`;
  return (error.message.split('\n')[0] ?? 'wrong usage').replace(/\.$/, '');
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      login: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
