// npm run admin -- reset-password [--login NAME] [--data-dir DIR] — see server/auth/admin-cli.ts.
import { runAdmin } from '../server/auth/admin-cli.ts';

process.exitCode = await runAdmin(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
