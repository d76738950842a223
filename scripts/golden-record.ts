// npm run golden:record [-- <scenario id>…]
// Records the golden logs (tests/golden): a full simulated run of every
// shipped scenario (or the ones named), the log a server would store for
// it, and what replaying it gives: the final state and the minutes in zh
// and en. Deliberate: run it when a change to a scenario or to the rules
// is meant to change how a meeting runs, and commit the diff with it.
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENGINE_VERSION } from '../shared/log/engine-version.ts';
import { logFromEvents } from '../shared/log/from-events.ts';
import { replayLogOrThrow } from '../shared/log/replay.ts';
import { simulateMeeting } from '../shared/meeting/simulate.ts';
import {
  finalState,
  GOLDEN_SEED,
  type GoldenLog,
  goldenPaths,
  logText,
  minutesOf,
  SCENARIOS_DIR,
  shippedScenario,
} from '../tests/golden/golden.ts';

const only = new Set(process.argv.slice(2));
const files = readdirSync(SCENARIOS_DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => join(SCENARIOS_DIR, name))
  .filter((file) => only.size === 0 || [...only].some((id) => file.endsWith(`/${id}.yaml`)));
let failed = false;
for (const file of files) {
  const { id, scenario, sourceHash, scenarioHash } = shippedScenario(file);
  const run = simulateMeeting(scenario, { seed: GOLDEN_SEED });
  if (!run.completed) {
    console.error(
      `${id}: the simulated run did not complete: ${run.problems.map((p) => p.message).join('; ')}`,
    );
    failed = true;
    continue;
  }
  run.session.stop();
  const golden: GoldenLog = {
    scenario: id,
    file: relative(join(SCENARIOS_DIR, '..'), file),
    sourceHash,
    scenarioHash,
    engineVersion: ENGINE_VERSION,
    seed: GOLDEN_SEED,
    entries: logFromEvents(scenario, `golden-${id}`, run.events),
  };
  // What the test will compare against comes from replaying the log, as the test does.
  const replayed = replayLogOrThrow(scenario, golden.entries);
  const minutes = minutesOf(scenario, replayed.meeting);
  const paths = goldenPaths(id);
  writeFileSync(paths.log, logText(golden));
  writeFileSync(paths.final, `${JSON.stringify(finalState(replayed.meeting), null, 2)}\n`);
  writeFileSync(paths.minutesZh, minutes.zh.endsWith('\n') ? minutes.zh : `${minutes.zh}\n`);
  writeFileSync(paths.minutesEn, minutes.en.endsWith('\n') ? minutes.en : `${minutes.en}\n`);
  replayed.meeting.stop();
  console.log(
    `${id}: ${golden.entries.length} entries, ${replayed.meeting.state} (engine ${ENGINE_VERSION}, ${scenarioHash})`,
  );
}
if (failed) process.exitCode = 1;
