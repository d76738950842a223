// The phone-load script's command line, run as a person runs it: --help
// answers with the usage, a wrong option with one line and exit code 2.
// (The measurement itself runs by hand only; docs/benchmarks.md.)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { median, PROFILES, parsePhoneLoadArgs } from '../../scripts/phone-load.ts';

const run = promisify(execFile);

async function phoneLoad(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/phone-load.ts',
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run phone-load', () => {
  it('answers --help with its usage', async () => {
    const { code, stdout } = await phoneLoad(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run phone-load/);
    expect(stdout).toContain('--profile');
  });

  it('answers a wrong option with one line and exit code 2', async () => {
    const { code, stderr, stdout } = await phoneLoad(['--runs', 'many']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'phone-load: --runs must be a whole number ≥ 1, found "many" (see --help)',
    ]);
  });

  it('reads the options', () => {
    expect(parsePhoneLoadArgs([])).toEqual({
      options: { runs: 5, profiles: [PROFILES.slow4g, PROFILES['3g']], clientDir: undefined },
    });
    expect(parsePhoneLoadArgs(['--runs', '3', '--profile', '3g'])).toMatchObject({
      options: { runs: 3, profiles: [PROFILES['3g']] },
    });
    expect(parsePhoneLoadArgs(['--profile', 'wifi'])).toEqual({
      error: '--profile must be slow4g, 3g or all, found "wifi"',
    });
    expect(parsePhoneLoadArgs(['--bogus'])).toMatchObject({ error: expect.stringContaining('--bogus') });
    expect(parsePhoneLoadArgs(['-h'])).toEqual({ help: true });
  });

  it('takes the profiles the issue names', () => {
    expect(PROFILES.slow4g).toMatchObject({ downBps: 1_600_000, upBps: 750_000, rttMs: 150, cpuSlowdown: 4 });
    expect(PROFILES['3g']).toMatchObject({ downBps: 400_000, rttMs: 400, cpuSlowdown: 6 });
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
