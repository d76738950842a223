// npm run scenarios:check, run as a real process the way instructors run it.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SHIPPED = [
  'charging-piles-hearing',
  'elevator-coordination',
  'micro-renewal-round-table',
  'owners-committee-election',
  'parking-mobilization',
];

function check(...files: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scenarios-check.ts', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scenarios:check', () => {
  it('exits 1 on a broken file and prints file:line:column for each problem', () => {
    const { code, stdout } = check('tests/fixtures/scenarios/broken/two-chairs.yaml');
    expect(code).toBe(1);
    expect(stdout).toContain(
      'tests/fixtures/scenarios/broken/two-chairs.yaml:17:12: roles[1].chair: expected at most one chair',
    );
    expect(stdout).toMatch(/^two-chairs\s+-\s+-\s+-\s+-\s+-\s+INVALID \(1\)$/m);
    expect(stdout).toContain('0 valid, 1 invalid');
  });

  it('prints every problem of a file with several', () => {
    const { code, stdout } = check('tests/fixtures/scenarios/broken/several-errors.yaml');
    expect(code).toBe(1);
    const located = stdout.match(/^tests\/fixtures\/scenarios\/broken\/several-errors\.yaml:\d+:\d+: /gm);
    expect(located).toHaveLength(10);
    expect(stdout).toContain('INVALID (10)');
  });

  it('exits 1 when one of several files is broken', () => {
    const { code, stdout } = check(
      'tests/fixtures/scenarios/minimal-round-table.yaml',
      'tests/fixtures/scenarios/broken/yaml-syntax.yaml',
    );
    expect(code).toBe(1);
    expect(stdout).toContain(
      'tests/fixtures/scenarios/broken/yaml-syntax.yaml:5:10: (top level): YAML syntax',
    );
    expect(stdout).toContain('1 valid, 1 invalid');
  });

  it('exits 0 on the shipped library and prints the table', () => {
    const { code, stdout } = check();
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^id\s+meeting\s+roles\s+seats\s+items\s+injects\s+status$/);
    for (const id of SHIPPED)
      expect(stdout).toMatch(new RegExp(`^${id}\\s+\\w+\\s+\\d+\\s+\\d+–\\d+\\s+\\d+\\s+\\d+\\s+ok$`, 'm'));
    expect(stdout).toContain(`${SHIPPED.length} valid, 0 invalid`);
    expect(stdout).not.toContain('INVALID');
  });
});
