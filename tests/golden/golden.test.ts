// The golden logs (golden.ts): each shipped scenario's recorded run must
// replay, under the current rules, to the recorded final state and minutes.
// A change that alters how a meeting runs fails here with the difference;
// if it is meant, bump ENGINE_VERSION where the rules changed
// (shared/log/engine-version.ts) and re-record with `npm run golden:record`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../shared/log/engine-version.ts';
import { replayLog } from '../../shared/log/replay.ts';
import {
  finalState,
  GOLDEN_DIR,
  type GoldenLog,
  goldenPaths,
  minutesOf,
  RERECORD,
  SCENARIOS_DIR,
  shippedScenario,
  staleness,
} from './golden.ts';

const scenarioFiles = readdirSync(SCENARIOS_DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const goldenIds = readdirSync(GOLDEN_DIR)
  .filter((name) => name.endsWith('.log.json'))
  .map((name) => name.replace(/\.log\.json$/, ''))
  .sort();

describe('golden logs', () => {
  it('every shipped scenario has one, and every one has its scenario', () => {
    const shipped = scenarioFiles.map((name) => name.replace(/\.ya?ml$/, ''));
    expect(shipped.length).toBeGreaterThanOrEqual(5);
    expect(
      shipped.filter((id) => !goldenIds.includes(id)),
      'scenarios without a golden log: record them with npm run golden:record',
    ).toEqual([]);
    expect(
      goldenIds.filter((id) => !shipped.includes(id)),
      'golden logs of scenarios no longer shipped',
    ).toEqual([]);
  });

  it.each(scenarioFiles)('%s replays to its recorded final state and minutes', (name) => {
    const current = shippedScenario(join(SCENARIOS_DIR, name));
    const paths = goldenPaths(current.id);
    if (!existsSync(paths.log))
      throw new Error(`no golden log for ${current.id}: record it with npm run golden:record`);
    const golden = JSON.parse(readFileSync(paths.log, 'utf8')) as GoldenLog;
    const stale = staleness(golden, current, ENGINE_VERSION);
    if (stale) throw new Error(stale);

    const outcome = replayLog(current.scenario, golden.entries);
    if (!outcome.ok) {
      const { seq, kind, code, message } = outcome.refusal;
      throw new Error(
        `the current rules refuse entry ${seq} of the golden log of ${current.id} (${code ?? kind}: ${message}). If the rules were meant to change, bump ENGINE_VERSION and ${RERECORD}`,
      );
    }
    try {
      expect(finalState(outcome.meeting), `final state of ${current.id}`).toEqual(
        JSON.parse(readFileSync(paths.final, 'utf8')),
      );
      const minutes = minutesOf(current.scenario, outcome.meeting);
      expect(`${minutes.zh.trimEnd()}\n`, `minutes (zh) of ${current.id}`).toBe(
        readFileSync(paths.minutesZh, 'utf8'),
      );
      expect(`${minutes.en.trimEnd()}\n`, `minutes (en) of ${current.id}`).toBe(
        readFileSync(paths.minutesEn, 'utf8'),
      );
    } finally {
      outcome.meeting.stop();
    }
  });

  it('says plainly when a scenario, its reading or the engine changed since recording', () => {
    const golden = { scenario: 'x', sourceHash: 'a', scenarioHash: 'b', engineVersion: 1 } as GoldenLog;
    expect(staleness(golden, { sourceHash: 'a', scenarioHash: 'b' }, 1)).toBeNull();
    expect(staleness(golden, { sourceHash: 'A', scenarioHash: 'b' }, 1)).toBe(
      'scenario x changed since its golden log was recorded: re-record with npm run golden:record if intended',
    );
    expect(staleness(golden, { sourceHash: 'a', scenarioHash: 'B' }, 1)).toMatch(
      /^scenario x reads differently/,
    );
    expect(staleness(golden, { sourceHash: 'a', scenarioHash: 'b' }, 2)).toBe(
      'the engine version changed from 1 to 2 since the golden log of x was recorded: re-record with npm run golden:record if intended',
    );
  });
});
