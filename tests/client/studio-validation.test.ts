// The studio's live check shows what `scenarios:check` prints, in Chinese and
// in English: the same lines (file:line:column: path: message [code]) for
// every broken fixture, through the module the studio renders from.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource, issueLine } from '../../client/src/studio/validation.ts';

const DIR = 'tests/fixtures/scenarios/broken';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => join(DIR, f));

/** The CLI's error lines for these files, in `lang`. */
function cliLines(lang: 'zh' | 'en'): string[] {
  let out = '';
  try {
    out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/scenarios-check.ts', '--lang', lang, ...files],
      {
        encoding: 'utf8',
      },
    );
  } catch (error) {
    // Exit code 1: the files are broken, as intended; the output is what counts.
    out = (error as { stdout: string }).stdout;
  }
  return out.split('\n').filter((line) => /:\d+:\d+: /.test(line));
}

describe.each(['zh', 'en'] as const)('the studio check in %s', (lang) => {
  const cli = cliLines(lang);

  it('prints an error line for every broken fixture', () => {
    for (const file of files)
      expect(
        cli.some((line) => line.startsWith(`${file}:`)),
        file,
      ).toBe(true);
  });

  it('says exactly what the CLI says, at the same lines and columns, with the same codes', () => {
    const studio = files.flatMap((file) => {
      const id = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
      return checkSource(id, readFileSync(file, 'utf8'), lang, file).errors.map((issue) =>
        issueLine(file, issue),
      );
    });
    expect(studio).toEqual(cli);
  });

  if (lang === 'zh')
    it('says it in Chinese, keeping only the file’s own words in English', () => {
      for (const line of cli) {
        const message = line.replace(/^[^ ]+ [^ ]+ /, '');
        expect(message, line).not.toMatch(/\b(expected|found|missing|unknown key)\b/);
      }
    });
});
