// npm run scenarios:check [files…] — validates scenario files, prints a table
// and every error with file:line:column, and exits 1 when any file is invalid.
import { resolve } from 'node:path';
import { type LibraryEntry, listScenarioFiles, loadScenarioFile } from '../server/scenarios/library.ts';
import { formatIssueIn } from '../shared/scenario/index.ts';
import { parseCli, usageError } from './cli.ts';

const { positionals: args, values } = parseCli({
  name: 'scenarios:check',
  usage: `usage: npm run scenarios:check [-- [--lang zh|en] file.yaml …]

Validates scenario files (the whole scenarios/ library when no file is named),
prints a table and every error with file:line:column; exits 1 when any is invalid.

  --lang zh|en   the messages' language (default en); the codes are the same in both
  -h, --help     this text`,
  positionals: true,
  options: { lang: { type: 'string', default: 'en' } },
});
const lang = values.lang;
if (lang !== 'zh' && lang !== 'en') usageError('scenarios:check', `--lang must be zh or en, found "${lang}"`);
const files = args.length > 0 ? args.map((f) => resolve(f)) : listScenarioFiles(resolve('scenarios'));
const entries = files.map((file) => loadScenarioFile(file));

function row(entry: LibraryEntry): string[] {
  if (entry.status === 'invalid')
    return [entry.id, '-', '-', '-', '-', '-', `INVALID (${entry.issues.length})`];
  const s = entry.scenario;
  const trainees = s.roles.filter((r) => !r.npc);
  const seats = `${trainees.reduce((n, r) => n + r.seats.min, 0)}–${trainees.reduce((n, r) => n + r.seats.max, 0)}`;
  return [
    s.id,
    s.meeting,
    String(s.roles.length),
    seats,
    String(s.agenda.length),
    String(s.injects.length),
    'ok',
  ];
}

const header = ['id', 'meeting', 'roles', 'seats', 'items', 'injects', 'status'];
const rows = [header, ...entries.map(row)];
const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const r of rows)
  console.log(
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );

// Warnings do not fail the check: the file is valid, but probably not what was meant.
for (const entry of entries) {
  if (entry.status !== 'valid' || !entry.warnings?.length) continue;
  console.log('');
  for (const warning of entry.warnings) console.log(`warning: ${formatIssueIn(warning, lang)}`);
}

const invalid = entries.filter((e) => e.status === 'invalid');
for (const entry of invalid) {
  if (entry.status !== 'invalid') continue;
  console.log('');
  for (const issue of entry.issues) console.log(formatIssueIn(issue, lang));
}
if (entries.length === 0) console.log('no scenario files found');
console.log(`\n${entries.length - invalid.length} valid, ${invalid.length} invalid`);
process.exitCode = invalid.length > 0 || entries.length === 0 ? 1 : 0;
