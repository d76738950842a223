// The shipped scenario library: every file is valid and meets the content bar
// the product promises instructors (both languages, a real cast, guidance for
// observers, injects of every kind, rules that can be computed).
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listScenarioFiles, loadScenarioFile } from '../../server/scenarios/library.ts';
import {
  type Filter,
  formatIssue,
  ITEM_KINDS,
  type Role,
  type Scenario,
} from '../../shared/scenario/index.ts';

const SCENARIOS = resolve(import.meta.dirname, '../../scenarios');
const files = listScenarioFiles(SCENARIOS);

const loaded = files.map((file) => {
  const entry = loadScenarioFile(file);
  const raw: unknown = parse(readFileSync(file, 'utf8'));
  return { name: basename(file), entry, raw };
});

function scenarioOf(name: string): Scenario {
  const found = loaded.find((l) => l.name === name);
  if (found?.entry.status !== 'valid') throw new Error(`${name} is not valid`);
  return found.entry.scenario;
}

/** The trainee roles a filter admits (npc cards never vote). */
function eligible(roles: Role[], filter: Filter): Role[] {
  const trainees = roles.filter((r) => !r.npc);
  switch (filter.kind) {
    case 'all':
      return trainees;
    case 'roles':
      return trainees.filter((r) => filter.roles.includes(r.id));
    case 'attribute':
      return trainees.filter((r) => r.attributes[filter.attribute] === filter.equals);
  }
}

/** Keys whose value is a Text, and keys whose value is a list of Text, anywhere in a scenario. */
const TEXT_KEYS = new Set([
  'title',
  'summary',
  'background',
  'name',
  'affiliation',
  'public',
  'brief',
  'motion',
  'guidance',
  'body',
  'expect',
  'label',
  'value',
]);
const TEXT_LIST_KEYS = new Set(['goals', 'secrets', 'red_lines', 'asks', 'indicators', 'questions']);

/** Every problem with Text in the raw YAML, as "path: problem". */
function textProblems(node: unknown, path = ''): string[] {
  const problems: string[] = [];
  const isBilingual = (value: unknown) =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as Record<string, unknown>).zh === 'string' &&
    typeof (value as Record<string, unknown>).en === 'string';
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      problems.push(...textProblems(child, `${path}[${i}]`));
    });
    return problems;
  }
  if (node === null || typeof node !== 'object') return problems;
  const map = node as Record<string, unknown>;
  if ('zh' in map || 'en' in map) {
    for (const lang of ['zh', 'en']) {
      const text = map[lang];
      if (typeof text !== 'string' || text.trim() === '') problems.push(`${path}: ${lang} missing or empty`);
    }
    return problems;
  }
  for (const [key, value] of Object.entries(map)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (TEXT_KEYS.has(key) && !isBilingual(value)) problems.push(`${at}: expected { zh, en }`);
    if (TEXT_LIST_KEYS.has(key) && Array.isArray(value)) {
      value.forEach((entry, i) => {
        if (!isBilingual(entry)) problems.push(`${at}[${i}]: expected { zh, en }`);
      });
    }
    problems.push(...textProblems(value, at));
  }
  return problems;
}

describe('the shipped library', () => {
  it('has at least five scenarios', () => {
    expect(loaded.length).toBeGreaterThanOrEqual(5);
  });

  it('uses every item kind at least once', () => {
    const kinds = new Set(
      loaded.flatMap((l) => (l.entry.status === 'valid' ? l.entry.scenario.agenda.map((i) => i.kind) : [])),
    );
    expect([...kinds].sort()).toEqual([...ITEM_KINDS].sort());
  });

  it('(the Text check itself catches plain strings, a missing language and empty text)', () => {
    const bad = {
      title: 'x',
      roles: [{ name: { zh: '甲' }, goals: ['g'] }],
      agenda: [{ guidance: { zh: '', en: 'e' } }],
    };
    expect(textProblems(bad)).toEqual([
      'title: expected { zh, en }',
      'roles[0].name: expected { zh, en }',
      'roles[0].name: en missing or empty',
      'roles[0].goals[0]: expected { zh, en }',
      'agenda[0].guidance: zh missing or empty',
    ]);
  });

  it('covers every meeting kind', () => {
    const meetings = new Set(loaded.map((l) => (l.entry.status === 'valid' ? l.entry.scenario.meeting : '')));
    expect([...meetings].sort()).toEqual([
      'assembly',
      'coordination',
      'hearing',
      'mobilization',
      'round_table',
    ]);
  });
});

describe.each(loaded.map((l) => l.name))('%s', (name) => {
  const { entry, raw } = loaded.find((l) => l.name === name) ?? { entry: undefined, raw: undefined };

  it('is valid', () => {
    const problems = entry?.status === 'invalid' ? entry.issues.map(formatIssue) : [];
    expect(problems).toEqual([]);
    expect(entry?.status).toBe('valid');
  });

  it('gives every Text in both languages, as a { zh, en } map', () => {
    expect(textProblems(raw)).toEqual([]);
  });

  it('has 6–12 roles, exactly one chair, at least one npc', () => {
    const s = scenarioOf(name);
    expect(s.roles.length).toBeGreaterThanOrEqual(6);
    expect(s.roles.length).toBeLessThanOrEqual(12);
    expect(s.roles.filter((r) => r.chair)).toHaveLength(1);
    expect(s.roles.filter((r) => r.npc).length).toBeGreaterThanOrEqual(1);
  });

  it('has a crowd role with a seat range', () => {
    const s = scenarioOf(name);
    const rawRoles = (raw as { roles: { id: string; seats?: unknown }[] }).roles;
    const crowds = s.roles.filter(
      (r) =>
        !r.npc && r.seats.min < r.seats.max && typeof rawRoles.find((x) => x.id === r.id)?.seats === 'object',
    );
    expect(crowds.length).toBeGreaterThanOrEqual(1);
  });

  it('gives observers guidance on every agenda item', () => {
    const s = scenarioOf(name);
    expect(s.agenda.filter((i) => !i.guidance?.zh || !i.guidance?.en).map((i) => i.id)).toEqual([]);
  });

  it('has at least three injects: scheduled, manual and spare, each with expect and competency', () => {
    const s = scenarioOf(name);
    expect(s.injects.length).toBeGreaterThanOrEqual(3);
    const triggers = new Set(s.injects.map((i) => i.trigger.kind));
    expect([...triggers].sort()).toEqual(['manual', 'scheduled', 'spare']);
    for (const inject of s.injects) {
      expect(inject.expect?.en, `${inject.id}.expect`).toBeTruthy();
      expect(inject.competency, `${inject.id}.competency`).toBeTruthy();
    }
  });

  it('has debrief questions', () => {
    expect(scenarioOf(name).debrief.questions.length).toBeGreaterThan(0);
  });

  it('gives an area to every role eligible for a vote under an area rule', () => {
    const s = scenarioOf(name);
    for (const item of s.agenda) {
      if (item.kind !== 'vote' && item.kind !== 'election') continue;
      const rule = s.rules[item.rule];
      expect(rule, `${item.id}: rule ${item.rule}`).toBeDefined();
      if (!rule?.quorum.area && !rule?.pass.area) continue;
      const voters = eligible(s.roles, item.eligible);
      expect(voters.length, `${item.id}: voters`).toBeGreaterThan(0);
      for (const voter of voters) {
        expect(voter.attributes.area_m2, `${item.id}: ${voter.id}.attributes.area_m2`).toBeGreaterThan(0);
      }
    }
  });
});
