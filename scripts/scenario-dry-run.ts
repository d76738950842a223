// npm run scenario:dry-run -- <file> [--seed N] [--lang zh|en] [--json]
// Runs a scenario start to finish with simulated participants and prints its
// minutes (or one JSON object); exits 1 when the scenario cannot be completed.
import { resolve } from 'node:path';
import { loadScenarioFile } from '../server/scenarios/library.ts';
import { minutesFromContext } from '../shared/meeting/minutes.ts';
import { electorateSummary } from '../shared/meeting/minutes-electorate.ts';
import { simulateMeeting } from '../shared/meeting/simulate.ts';
import { formatIssue } from '../shared/scenario/index.ts';
import { integerOption, parseCli, usageError } from './cli.ts';

const NAME = 'scenario:dry-run';
const { values, positionals } = parseCli({
  name: NAME,
  usage: `usage: npm run scenario:dry-run -- <file.yaml> [--seed N] [--lang zh|en] [--json]

Runs a scenario start to finish with simulated participants and prints its
minutes; exits 1 when the scenario cannot be completed.

  --seed N       the random seed (default 1): the same seed gives the same meeting
  --lang zh|en   the minutes' language (default zh)
  --json         one JSON object instead of the minutes
  -h, --help     this text`,
  positionals: true,
  options: {
    seed: { type: 'string', default: '1' },
    lang: { type: 'string', default: 'zh' },
    json: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file) usageError(NAME, 'which scenario file? e.g. scenarios/elevator-coordination.yaml');
if (positionals.length > 1) usageError(NAME, `one file at a time, found ${positionals.length}`);
const seed = integerOption(NAME, 'seed', values.seed);
if (values.lang !== 'zh' && values.lang !== 'en')
  usageError(NAME, `--lang must be zh or en, found "${values.lang}"`);

const entry = loadScenarioFile(resolve(file));
if (entry.status === 'invalid') {
  for (const issue of entry.issues) console.error(formatIssue(issue));
  console.error(`\n${entry.file} is not a valid scenario (${entry.issues.length} errors); nothing was run`);
  process.exit(1);
}

const run = simulateMeeting(entry.scenario, { seed, lang: values.lang === 'en' ? 'en' : 'zh' });
if (values.json) {
  const report = {
    scenario: entry.scenario.id,
    seed,
    completed: run.completed,
    problems: run.problems,
    itemsReached: run.itemsReached,
    electorate: entry.scenario.electorate
      ? {
          owners: entry.scenario.electorate.total.owners,
          area_m2: entry.scenario.electorate.total.area_m2,
          flatsListed: entry.scenario.electorate.owners.reduce((n, o) => n + o.flats.length, 0),
          unlisted: entry.scenario.electorate.unlisted,
        }
      : null,
    ballots: run.ballots.map((b) => ({
      item: b.item,
      kind: b.kind,
      ballot: b.ballot,
      outcome: b.outcome,
      ...(b.participation && { participation: b.participation }),
    })),
    injectsFired: run.injectsFired,
    totals: run.totals,
  };
  console.log(JSON.stringify(report, null, 2));
} else {
  const minutes = minutesFromContext(entry.scenario, run.session.context);
  // The base of every owners' vote first, so the figures can be checked against the register.
  console.log(`${electorateSummary(entry.scenario.electorate, values.lang)}\n`);
  console.log(values.lang === 'zh' ? minutes.zh : minutes.en);
}
if (!run.completed) {
  for (const p of run.problems)
    console.error(`cannot complete: ${p.item ? `item "${p.item}": ` : ''}${p.message}`);
  process.exitCode = 1;
}
