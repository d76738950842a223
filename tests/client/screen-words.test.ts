// @vitest-environment happy-dom
// The words the roster, portfolio and studio screens show, in Chinese and in
// English: every key those screens name exists in both; every refusal the
// roster's and the studio's endpoints can send has words in both; and the
// studio says a refusal, or why a form edit could not be made, in the
// screen's language instead of the server's (English) message.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/account/api.ts';
import { i18next } from '../../client/src/i18n/index.ts';
import { accountErrors } from '../../client/src/i18n/locales/accounts.ts';
import { common } from '../../client/src/i18n/locales/common.ts';
import { portfolio } from '../../client/src/i18n/locales/portfolio.ts';
import { roster } from '../../client/src/i18n/locales/roster.ts';
import { studio } from '../../client/src/i18n/locales/studio.ts';
import { studioForm } from '../../client/src/i18n/locales/studio-form.ts';
import { studioRefusal } from '../../client/src/studio/api.ts';
import '../../client/src/studio/strings.ts';
import { ROSTER_ERRORS } from '../../shared/roster/errors.ts';
import { STUDIO_ERRORS } from '../../shared/studio/api.ts';

const ROOT = resolve(import.meta.dirname, '../..');
type Tree = { [key: string]: string | Tree };
const LANGS = ['zh', 'en'] as const;

/** What the screens of these areas can look a key up in. */
const catalogue = (lang: (typeof LANGS)[number]): Tree => ({
  ...(common[lang] as unknown as Tree),
  errors: { ...(common[lang].errors as Tree), ...(accountErrors[lang] as Tree) },
  roster: roster[lang] as unknown as Tree,
  portfolio: portfolio[lang] as unknown as Tree,
  studio: studio[lang] as unknown as Tree,
  studioForm: studioForm[lang] as unknown as Tree,
});
const has = (tree: Tree, key: string) =>
  typeof key.split('.').reduce<Tree | string | undefined>((node, part) => {
    if (node === undefined || typeof node === 'string') return undefined;
    return node[part] ?? node[`${part}_one`];
  }, tree) === 'string';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });

describe('the keys the roster, portfolio and studio screens name', () => {
  const used = ['client/src/roster', 'client/src/portfolio', 'client/src/studio'].flatMap((dir) =>
    sources(join(ROOT, dir)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)].map(
        (m) => [file.slice(ROOT.length + 1), m[1] as string] as const,
      ),
    ),
  );

  it('are many (the walk finds them)', () => {
    expect(used.length).toBeGreaterThan(150);
  });

  it.each(LANGS)('all have words in %s', (lang) => {
    const tree = catalogue(lang);
    expect(used.filter(([, key]) => !has(tree, key)).map(([file, key]) => `${file}: ${key}`)).toEqual([]);
  });

  it.each(LANGS)('and so do the keys they build from a status (%s)', (lang) => {
    const tree = catalogue(lang);
    const built = [
      ...['met', 'not_met', 'open'].map((s) => `portfolio.status.${s}`),
      ...['no_name', 'duplicate_in_file', 'already_on_roster', 'invalid'].map(
        (k) => `roster.people.problem.${k}`,
      ),
    ];
    expect(built.filter((key) => !has(tree, key))).toEqual([]);
  });
});

describe('refusals', () => {
  it.each(LANGS)("every roster error code has words in %s (the roster's own, or the common ones)", (lang) => {
    const tree = catalogue(lang);
    const missing = Object.values(ROSTER_ERRORS).filter(
      (code) => !(tree.errors as Tree)[code] && !((tree.roster as Tree).refusals as Tree)[code],
    );
    expect(missing).toEqual([]);
  });

  it.each(LANGS)('every studio error code has words in %s', (lang) => {
    const refusals = (studio[lang] as unknown as { refusals: Tree }).refusals;
    expect(Object.values(STUDIO_ERRORS).filter((code) => !refusals[code])).toEqual([]);
  });

  it('the studio says a refusal in the screen’s language, not the server’s message', async () => {
    const serverMessage = "the request is larger than the studio's limit of 1 MB";
    const refusal = new ApiError(413, STUDIO_ERRORS.tooLarge, serverMessage);
    await i18next.changeLanguage('zh');
    const zh = studioRefusal(i18next.t, refusal);
    expect(zh).toBe(studio.zh.refusals['studio/too_large']);
    await i18next.changeLanguage('en');
    expect(studioRefusal(i18next.t, refusal)).toBe(studio.en.refusals['studio/too_large']);
    // A code nobody has words for keeps the server's message; a failure without a code its own.
    expect(studioRefusal(i18next.t, new ApiError(500, 'nobody/knows', 'boom'))).toBe('boom');
    expect(studioRefusal(i18next.t, new Error('offline'))).toBe('offline');
  });

  it.each(LANGS)('every reason a form edit can fail has words in %s', (lang) => {
    // The reasons as yaml-edit.ts throws them, read from its source so a new one cannot be missed.
    const source = readFileSync(join(ROOT, 'shared/studio/yaml-edit.ts'), 'utf8');
    const reasons = [
      ...new Set([...source.matchAll(/new YamlEditError\('(\w+)'/g)].map((m) => m[1] as string)),
    ];
    expect(reasons.length).toBeGreaterThan(0);
    const words = (studioForm[lang] as unknown as { editProblem?: Tree }).editProblem ?? {};
    expect(reasons.filter((r) => !words[r])).toEqual([]);
  });
});
