// loadScenarioSource: YAML text → Scenario, or every problem located in the text.
import { describe, expect, it } from 'vitest';
import {
  formatIssue,
  formatPath,
  loadScenarioSource,
  SCENARIO_ISSUE,
} from '../../../shared/scenario/index.ts';

const MINIMAL = `schema: 1
id: t
title: { zh: 标题, en: Title }
summary: S
meeting: round_table
duration: 20m
background: B
roles:
  - id: secretary
    name: 书记
    chair: true
    public: P
    brief: B
  - id: resident
    name: 居民
    public: P
    brief: B
agenda:
  - id: open
    title: 开场
    kind: statement
    speakers: [secretary]
`;

const located = (text: string, expectedId?: string) => {
  const result = loadScenarioSource(text, 'x.yaml', expectedId);
  if (result.ok) throw new Error('expected problems');
  return result.issues.map((i) => [i.line, i.column, formatPath(i.path), i.code]);
};

describe('loadScenarioSource', () => {
  it('loads a valid text', () => {
    const result = loadScenarioSource(MINIMAL, 'x.yaml', 't');
    expect(result.ok).toBe(true);
  });

  it('points an unknown key at the key itself', () => {
    const text = MINIMAL.replace('    brief: B\nagenda', '    brief: B\n    colour: red\nagenda');
    expect(located(text)).toEqual([[18, 5, 'roles[1].colour', SCENARIO_ISSUE.unknownKey]]);
  });

  it('points a wrong value at the value', () => {
    expect(located(MINIMAL.replace('duration: 20m', 'duration: 20 min'))).toEqual([
      [6, 11, 'duration', SCENARIO_ISSUE.invalidValue],
    ]);
  });

  it('points a missing key at the map that should hold it', () => {
    expect(located(MINIMAL.replace('    kind: statement\n', ''))).toEqual([
      [19, 5, 'agenda[0].kind', SCENARIO_ISSUE.missingKey],
    ]);
  });

  it('sorts problems by position and reports all of them', () => {
    const text = MINIMAL.replace('speakers: [secretary]', 'speakers: [chair]').replace(
      'meeting: round_table',
      'meeting: party',
    );
    expect(located(text, 'other')).toEqual([
      [2, 5, 'id', SCENARIO_ISSUE.idMismatch],
      [5, 10, 'meeting', SCENARIO_ISSUE.invalidValue],
      [22, 16, 'agenda[0].speakers[0]', SCENARIO_ISSUE.unknownRole],
    ]);
  });

  it('reports a duplicate key as a YAML error', () => {
    expect(located(MINIMAL.replace('summary: S\n', 'summary: S\nsummary: T\n'))).toEqual([
      [5, 1, '(top level)', SCENARIO_ISSUE.yamlSyntax],
    ]);
  });

  it('reports an empty file at 1:1', () => {
    expect(located('')).toEqual([[1, 1, '(top level)', SCENARIO_ISSUE.invalidValue]]);
  });

  it('formats an issue as file:line:column: path: message [code]', () => {
    const result = loadScenarioSource(MINIMAL.replace('duration: 20m', 'duration: 2mm'), 'scenarios/t.yaml');
    if (result.ok) throw new Error('expected problems');
    expect(result.issues.map(formatIssue)).toEqual([
      'scenarios/t.yaml:6:11: duration: expected a Duration: seconds as a number, or a string such as "90s", "2m", "1m30s", "1h", found "2mm" [scenario/invalid_value]',
    ]);
  });
});

describe('formatPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(formatPath(['roles', 2, 'seats', 'max'])).toBe('roles[2].seats.max');
    expect(formatPath(['injects', 0])).toBe('injects[0]');
    expect(formatPath(['rules', 'estate', 'pass'])).toBe('rules.estate.pass');
    expect(formatPath([])).toBe('(top level)');
  });
});
