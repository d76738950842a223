// No internal name in what the shipped scenarios give people to read, nor in
// what a run of them writes: every text of every scenario file (its author's
// words reach the screens as they are), and the minutes and Markdown reports
// of a simulated run, in Chinese and English, hold no card, item, inject,
// rule or competency id, no snake_case or dotted name, and no lowercase Latin
// word in Chinese (tests/support/internal-names.ts says what counts).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioFiles, loadScenarioFile } from '../../server/scenarios/library.ts';
import { emptyCoaching } from '../../shared/coaching/state.ts';
import { buildDebrief } from '../../shared/debrief/build.ts';
import { debriefMarkdown } from '../../shared/debrief/markdown.ts';
import type { LogEntry } from '../../shared/log/entry.ts';
import type { MeetingContext } from '../../shared/meeting/context.ts';
import { minutesFromContext } from '../../shared/meeting/minutes.ts';
import { simulateMeeting } from '../../shared/meeting/simulate.ts';
import type { Scenario } from '../../shared/scenario/index.ts';
import { inContext, nameScanner, type ScanLanguage, scenarioIds } from '../support/internal-names.ts';

const scenarios: Scenario[] = listScenarioFiles(resolve(import.meta.dirname, '../../scenarios')).map(
  (file) => {
    const entry = loadScenarioFile(file);
    if (entry.status !== 'valid') throw new Error(`${file} is not valid`);
    return entry.scenario;
  },
);

/** Every {zh, en} text in the scenario, with where it is. */
function texts(value: unknown, path = ''): { path: string; zh: string; en: string }[] {
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o.zh === 'string' && typeof o.en === 'string') return [{ path, zh: o.zh, en: o.en }];
  return Object.entries(o).flatMap(([key, v]) => texts(v, path ? `${path}.${key}` : key));
}

/**
 * The run with what people would have typed in their own words: the simulator
 * names trainees after their cards ("chair-p1") and speaks in English
 * placeholders, neither of which is the app's to answer for.
 */
function typedInWords(ctx: MeetingContext): MeetingContext {
  const participants = Object.fromEntries(
    Object.values(ctx.participants).map((p, i) => [p.id, { ...p, name: `学员${i + 1}` }]),
  );
  const record = {
    ...ctx.record,
    statements: ctx.record.statements.map((s) => ({ ...s, text: '我说几句。' })),
    actions: ctx.record.actions.map((a) => ({ ...a, what: '会后跟进', ...(a.due && { due: '下周五前' }) })),
  };
  return { ...ctx, participants, record };
}

function findings(scenario: Scenario, text: string, lang: ScanLanguage): string[] {
  return inContext(text, nameScanner(scenarioIds(scenario))(text, lang));
}

describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
  it('says everything in words: no internal name in any of its texts', () => {
    const all = texts(scenario);
    expect(all.length).toBeGreaterThan(50);
    const found = all.flatMap(({ path, zh, en }) => [
      ...findings(scenario, zh, 'zh').map((f) => `${path} (zh): ${f}`),
      ...findings(scenario, en, 'en').map((f) => `${path} (en): ${f}`),
    ]);
    expect(found).toEqual([]);
  });

  it('writes minutes and reports of a run with none either, in both languages', () => {
    const run = simulateMeeting(scenario, { seed: 1 });
    const log: LogEntry[] = run.events.map((e, i) => ({
      sessionId: 's',
      seq: i + 1,
      at: e.at,
      actor: e.actor,
      payload: { kind: 'meeting', command: e.command, item: null },
    }));
    const context = typedInWords(run.session.context);
    const input = {
      scenario,
      context,
      state: run.session.state,
      coaching: emptyCoaching(),
      log,
    };
    const someone = Object.values(context.participants).find((p) => p.roleId)?.id ?? '';
    const minutes = minutesFromContext(scenario, context);
    const reports = (['zh', 'en'] as const).flatMap((lang) => [
      { what: `minutes (${lang})`, lang, text: minutes[lang] },
      {
        what: `report (${lang})`,
        lang,
        text: debriefMarkdown(buildDebrief(input, { audience: 'facilitator' }), scenario, lang),
      },
      {
        what: `a trainee's report (${lang})`,
        lang,
        text: debriefMarkdown(
          buildDebrief(input, { audience: 'trainee', participantId: someone }),
          scenario,
          lang,
          someone,
        ),
      },
    ]);
    for (const r of reports) expect(r.text.length, r.what).toBeGreaterThan(500);
    expect(reports.flatMap((r) => findings(scenario, r.text, r.lang).map((f) => `${r.what}: ${f}`))).toEqual(
      [],
    );
  });
});
