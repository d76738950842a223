// Golden logs: for every shipped scenario, the log of a full simulated run
// (shared/meeting/simulate.ts, seed 1) as the server would store it, with
// what replaying it must give: the final state in figures and the minutes
// in Chinese and English. `npm run golden:record` writes them
// (scripts/golden-record.ts); golden.test.ts replays them under the
// current rules and compares. Each records the scenario (its file's hash
// and its normalised hash) and the engine version it was made with.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadScenarioFile } from '../../server/scenarios/library.ts';
import { scenarioHash } from '../../server/scenarios/scenario-hash.ts';
import type { LogEntry } from '../../shared/log/entry.ts';
import { minutesFromContext } from '../../shared/meeting/minutes.ts';
import type { MeetingSession } from '../../shared/meeting/session.ts';
import { speakingBySpeaker } from '../../shared/meeting/speaking.ts';
import type { Scenario } from '../../shared/scenario/index.ts';

export const GOLDEN_DIR = resolve(import.meta.dirname);
export const SCENARIOS_DIR = resolve(import.meta.dirname, '../../scenarios');
export const GOLDEN_SEED = 1;

export interface GoldenLog {
  scenario: string;
  /** The scenario file, relative to the repository. */
  file: string;
  /** SHA-256 of the file's text when recorded. */
  sourceHash: string;
  /** The normalised scenario's hash (server/scenarios/scenario-hash.ts), what sessions store. */
  scenarioHash: string;
  engineVersion: number;
  seed: number;
  entries: LogEntry[];
}

export const goldenPaths = (id: string) => ({
  log: join(GOLDEN_DIR, `${id}.log.json`),
  final: join(GOLDEN_DIR, `${id}.final.json`),
  minutesZh: join(GOLDEN_DIR, `${id}.minutes.zh.md`),
  minutesEn: join(GOLDEN_DIR, `${id}.minutes.en.md`),
});

export const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** A shipped scenario as the golden files refer to it. */
export function shippedScenario(file: string): {
  id: string;
  scenario: Scenario;
  sourceHash: string;
  scenarioHash: string;
} {
  const entry = loadScenarioFile(file);
  if (entry.status === 'invalid')
    throw new Error(`${basename(file)} does not load: ${entry.issues[0]?.message}`);
  return {
    id: entry.id,
    scenario: entry.scenario,
    sourceHash: sha256(readFileSync(file, 'utf8')),
    scenarioHash: scenarioHash(entry.scenario),
  };
}

/** The final state in figures: what the meeting came to, without anything that is only presentation. */
export function finalState(meeting: MeetingSession) {
  const ctx = meeting.context;
  const { record } = ctx;
  return {
    state: meeting.state,
    seq: meeting.lastSeq,
    attempt: ctx.attempt,
    participants: Object.values(ctx.participants).map((p) => ({ id: p.id, name: p.name, roleId: p.roleId })),
    items: record.items,
    turns: record.turns.length,
    statements: record.statements.length,
    // The four figures the golden files were recorded with (turns only, not statements).
    speaking: Object.fromEntries(
      Object.entries(speakingBySpeaker(record))
        .filter(([, s]) => s.turns > 0)
        .map(([key, { speakingMs, turns, overtimeMs, pointsOfOrder }]) => [
          key,
          { speakingMs, turns, overtimeMs, pointsOfOrder },
        ]),
    ),
    ballots: record.ballots,
    injects: record.injects,
    signups: record.signups,
    actions: record.actions,
    pauses: record.pauses,
  };
}

export function minutesOf(scenario: Scenario, meeting: MeetingSession) {
  return minutesFromContext(scenario, meeting.context);
}

/** One entry per line, so a re-recording shows in a diff entry by entry. */
export function logText(golden: GoldenLog): string {
  const { entries, ...head } = golden;
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  return `${JSON.stringify(head, null, 2).replace(/\n}$/, '')},\n  "entries": [\n${lines}\n  ]\n}\n`;
}

export const RERECORD = 're-record with npm run golden:record if intended';

/** Why a golden log cannot be compared at all, in a sentence that says what to do; null when it can. */
export function staleness(
  golden: GoldenLog,
  now: { sourceHash: string; scenarioHash: string },
  engineVersion: number,
): string | null {
  if (golden.sourceHash !== now.sourceHash)
    return `scenario ${golden.scenario} changed since its golden log was recorded: ${RERECORD}`;
  if (golden.scenarioHash !== now.scenarioHash)
    return `scenario ${golden.scenario} reads differently since its golden log was recorded (the scenario loader changed what it makes of the file): ${RERECORD}`;
  if (golden.engineVersion !== engineVersion)
    return `the engine version changed from ${golden.engineVersion} to ${engineVersion} since the golden log of ${golden.scenario} was recorded: ${RERECORD}`;
  return null;
}
