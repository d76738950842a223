// Every problem in a scenario file is reported with the exact line, column,
// path and code an instructor needs to find it. Reads the broken fixtures.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../server/scenarios/library.ts';
import {
  formatIssue,
  formatPath,
  SCENARIO_ISSUE,
  type ScenarioIssueCode,
} from '../../../shared/scenario/index.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/scenarios');
const BROKEN = join(FIXTURES, 'broken');

type Expected = [line: number, column: number, path: string, code: ScenarioIssueCode];

function located(name: string): Expected[] {
  const entry = loadScenarioFile(join(BROKEN, name), `broken/${name}`);
  if (entry.status !== 'invalid') throw new Error(`${name} loaded as valid`);
  for (const issue of entry.issues) expect(issue.file).toBe(`broken/${name}`);
  return entry.issues.map((i) => [i.line, i.column, formatPath(i.path), i.code]);
}

const cases: [file: string, issues: Expected[]][] = [
  ['unknown-key.yaml', [[22, 68, 'agenda[0].per_speakr', SCENARIO_ISSUE.unknownKey]]],
  ['bad-duration.yaml', [[7, 11, 'duration', SCENARIO_ISSUE.invalidValue]]],
  ['dangling-role.yaml', [[22, 67, 'agenda[0].speakers[1]', SCENARIO_ISSUE.unknownRole]]],
  ['two-chairs.yaml', [[17, 12, 'roles[1].chair', SCENARIO_ISSUE.twoChairs]]],
  ['id-mismatch.yaml', [[3, 5, 'id', SCENARIO_ISSUE.idMismatch]]],
  ['yaml-syntax.yaml', [[5, 10, '(top level)', SCENARIO_ISSUE.yamlSyntax]]],
  ['text-no-language.yaml', [[4, 8, 'title', SCENARIO_ISSUE.invalidValue]]],
  // An electorate that does not add up, one fixture per way.
  ['electorate-unknown-flat.yaml', [[16, 94, 'roles[2].stands_for[0]', SCENARIO_ISSUE.unknownFlat]]],
  ['electorate-unknown-proxy.yaml', [[16, 93, 'roles[2].proxy_for[0]', SCENARIO_ISSUE.unknownFlat]]],
  ['electorate-flat-twice.yaml', [[13, 15, 'electorate.flats[2].flat', SCENARIO_ISSUE.duplicateFlat]]],
  ['electorate-total-mismatch.yaml', [[13, 32, 'electorate.total.area_m2', SCENARIO_ISSUE.electorateTotal]]],
  [
    'several-errors.yaml',
    [
      [3, 5, 'id', SCENARIO_ISSUE.idMismatch],
      [5, 10, 'summary', SCENARIO_ISSUE.invalidValue],
      // A missing key points at the map that should hold it: the role starts on line 10.
      [10, 5, 'roles[0].brief', SCENARIO_ISSUE.missingKey],
      [14, 5, 'roles[0].biref', SCENARIO_ISSUE.unknownKey],
      [17, 12, 'roles[1].chair', SCENARIO_ISSUE.twoChairs],
      [22, 81, 'agenda[0].per_speaker', SCENARIO_ISSUE.invalidValue],
      [23, 55, 'agenda[1].answerers[0]', SCENARIO_ISSUE.unknownRole],
      [24, 88, 'agenda[2].rule', SCENARIO_ISSUE.unknownRule],
      [26, 5, 'injects[0]', SCENARIO_ISSUE.injectTrigger],
      [34, 17, 'injects[1].at.item', SCENARIO_ISSUE.unknownItem],
    ],
  ],
];

describe('broken fixtures: exact positions', () => {
  it.each(cases)('%s', (file, expected) => {
    expect(located(file)).toEqual(expected);
  });

  it('every fixture in broken/ has a case', () => {
    const files = readdirSync(BROKEN).filter((f) => f.endsWith('.yaml'));
    expect(files.sort()).toEqual(cases.map(([file]) => file).sort());
  });
});

describe('messages', () => {
  const messages = (name: string) => {
    const entry = loadScenarioFile(join(BROKEN, name), `broken/${name}`);
    return entry.status === 'invalid' ? entry.issues.map(formatIssue) : [];
  };

  it('say what was expected and what was found, as file:line:column: path: message [code]', () => {
    expect(messages('bad-duration.yaml')).toEqual([
      'broken/bad-duration.yaml:7:11: duration: expected a Duration: seconds as a number, or a string such as "90s", "2m", "1m30s", "1h", found "2mm" [scenario/invalid_value]',
    ]);
    expect(messages('dangling-role.yaml')).toEqual([
      'broken/dangling-role.yaml:22:67: agenda[0].speakers[1]: a speaker: expected a role id (one of secretary, resident), found "mayor" [scenario/unknown_role]',
    ]);
    expect(messages('id-mismatch.yaml')).toEqual([
      'broken/id-mismatch.yaml:3:5: id: expected the id to equal the file name "id-mismatch", found "stairwell-round-table" [scenario/id_mismatch]',
    ]);
  });

  it('suggest the key that was probably meant', () => {
    expect(messages('unknown-key.yaml')[0]).toContain(
      'unknown key "per_speakr" (did you mean "per_speaker"?)',
    );
    expect(messages('several-errors.yaml').join('\n')).toContain(
      'unknown key "biref" (did you mean "brief"?)',
    );
  });

  it('name the second chair and the first', () => {
    expect(messages('two-chairs.yaml')[0]).toContain(
      'found a second: "resident" (roles[0] "secretary" already chairs)',
    );
  });

  it('explain a Text with no language', () => {
    expect(messages('text-no-language.yaml')[0]).toContain(
      'expected a Text with zh or en (or both), found an empty map {}',
    );
  });

  it('say how an electorate fails to add up, and what to do', () => {
    expect(messages('electorate-unknown-flat.yaml')).toEqual([
      'broken/electorate-unknown-flat.yaml:16:94: roles[2].stands_for[0]: flat 103 is not in the electorate (its flats: 101, 102) [scenario/unknown_flat]',
    ]);
    expect(messages('electorate-unknown-proxy.yaml')).toEqual([
      'broken/electorate-unknown-proxy.yaml:16:93: roles[2].proxy_for[0]: a proxy for flat 602, which is not in the electorate (its flats: 101, 601) [scenario/unknown_flat]',
    ]);
    expect(messages('electorate-flat-twice.yaml')).toEqual([
      'broken/electorate-flat-twice.yaml:13:15: electorate.flats[2].flat: flat 102 is listed twice (first at electorate.flats[1]); a flat has one entry — write co-owners together as owner: [name, name] [scenario/duplicate_flat]',
    ]);
    // 71.8 + 52.3 = 124.1, not 124.6.
    expect(messages('electorate-total-mismatch.yaml')).toEqual([
      'broken/electorate-total-mismatch.yaml:13:32: electorate.total.area_m2: every one of the 2 owners is listed, and their flats add up to 124.1 m², not the 124.6 m² of total.area_m2 [scenario/electorate_total]',
    ]);
  });

  it('pass on the YAML parser message', () => {
    expect(messages('yaml-syntax.yaml')[0]).toContain('YAML syntax: Nested mappings are not allowed');
  });
});

describe('loadScenarioFile', () => {
  it('loads the minimal file from the format contract', () => {
    const entry = loadScenarioFile(join(FIXTURES, 'minimal-round-table.yaml'));
    expect(entry).toMatchObject({ id: 'minimal-round-table', status: 'valid' });
  });

  it('takes the expected id from the file name', () => {
    expect(loadScenarioFile(join(BROKEN, 'id-mismatch.yaml')).id).toBe('id-mismatch');
  });

  it('shows the path relative to the working directory by default', () => {
    const entry = loadScenarioFile(join(BROKEN, 'two-chairs.yaml'));
    expect(entry.file).toBe(join('tests/fixtures/scenarios/broken', 'two-chairs.yaml'));
  });

  it('reports a file it cannot read as unreadable at 1:1', () => {
    const entry = loadScenarioFile(join(BROKEN, 'does-not-exist.yaml'), 'does-not-exist.yaml');
    expect(entry).toMatchObject({
      id: 'does-not-exist',
      status: 'invalid',
      issues: [
        {
          code: SCENARIO_ISSUE.unreadable,
          path: [],
          line: 1,
          column: 1,
          file: 'does-not-exist.yaml',
          message: 'cannot read the file: ENOENT',
        },
      ],
    });
  });
});
