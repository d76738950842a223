// Every npm script that takes arguments answers --help with its usage (exit
// 0) and a wrong option or value with one line on stderr (exit 2), never a
// stack trace; run as child processes, as `npm run x -- …` runs them.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}.ts`, ...args],
      { cwd: ROOT, timeout: 120_000, env: { ...process.env, NODE_ENV: 'production' } },
      (error, stdout, stderr) => done({ code: error ? (error.code as number | null) : 0, stdout, stderr }),
    );
  });
}

/** npm script name → its file under scripts/. */
const SCRIPTS: Record<string, string> = {
  bot: 'bot',
  'scenario:dry-run': 'scenario-dry-run',
  bench: 'bench',
  'scenarios:check': 'scenarios-check',
  'scenarios:schema': 'scenarios-schema',
  screenshots: 'screenshots',
  'bundle-size': 'bundle-size',
};

/** Runs each script with `args`, two at a time (the machine has two cores). */
async function runAll(args: string[]): Promise<Run[]> {
  const files = Object.values(SCRIPTS);
  const out: Run[] = new Array(files.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < files.length; i = next++) out[i] = await run(files[i] as string, args);
  };
  await Promise.all([lane(), lane()]);
  return out;
}

const oneLine = (r: Run) => r.stderr.trim().split('\n');
const STACK = /^\s+at /m;

describe('every script answers --help and refuses what it does not know', () => {
  it('prints its usage for --help and exits 0, doing nothing else', { timeout: 300_000 }, async () => {
    const runs = await runAll(['--help']);
    for (const [i, name] of Object.keys(SCRIPTS).entries()) {
      const r = runs[i] as Run;
      expect(r.stderr, name).toBe('');
      expect(r.code, name).toBe(0);
      expect(r.stdout.startsWith(`usage: npm run ${name}`), `${name}: ${r.stdout.slice(0, 80)}`).toBe(true);
      expect(r.stdout, name).toContain('--help');
    }
    // scenarios:check used to read "--help" as a file name and report it invalid.
    expect(runs[3]?.stdout).not.toMatch(/INVALID|valid, /);
  });

  it('ends a wrong option in one line and exit code 2', { timeout: 300_000 }, async () => {
    const runs = await runAll(['--bogus']);
    for (const [i, name] of Object.keys(SCRIPTS).entries()) {
      const r = runs[i] as Run;
      expect(r.code, name).toBe(2);
      expect(r.stdout, name).toBe('');
      expect(oneLine(r), name).toEqual([`${name}: Unknown option '--bogus' (see --help)`]);
      expect(r.stderr, name).not.toMatch(STACK);
    }
  });

  it('names the option whose value is wrong, and what it wants', { timeout: 180_000 }, async () => {
    const [bot, noCode, dryRun, noFile, lang] = await Promise.all([
      run('bot', ['--code', 'ABC123', '--trainees', 'many']),
      run('bot', ['--trainees', '3']),
      run('scenario-dry-run', ['scenarios/elevator-coordination.yaml', '--seed', '1.5']),
      run('scenario-dry-run', []),
      run('scenario-dry-run', ['scenarios/elevator-coordination.yaml', '--lang', 'fr']),
    ]);
    expect(oneLine(bot)).toEqual([
      'bot: --trainees must be a whole number of at least 1, found "many" (see --help)',
    ]);
    expect(oneLine(noCode)).toEqual([
      'bot: --code is required: the join code shown on the console (see --help)',
    ]);
    expect(oneLine(dryRun)).toEqual([
      'scenario:dry-run: --seed must be a whole number, found "1.5" (see --help)',
    ]);
    expect(oneLine(noFile)).toEqual([
      'scenario:dry-run: which scenario file? e.g. scenarios/elevator-coordination.yaml (see --help)',
    ]);
    expect(oneLine(lang)).toEqual(['scenario:dry-run: --lang must be zh or en, found "fr" (see --help)']);
    for (const r of [bot, noCode, dryRun, noFile, lang]) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});
