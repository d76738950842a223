// The UI's own words, as people read them: Chinese strings in Chinese (no
// internal names, no English words slipped in), addressing the trainee as
// 你, naming experts 专家 and the instructor 培训师; English strings in
// English; and every refusal the server can send has words in both.
import { describe, expect, it } from 'vitest';
import { coachingErrors } from '../../client/src/i18n/locales/coaching.ts';
import { common } from '../../client/src/i18n/locales/common.ts';
import { debrief } from '../../client/src/i18n/locales/debrief.ts';
import { debriefLinks } from '../../client/src/i18n/locales/debrief-links.ts';
import { facilitator } from '../../client/src/i18n/locales/facilitator.ts';
import { observer } from '../../client/src/i18n/locales/observer.ts';
import { projector } from '../../client/src/i18n/locales/projector.ts';
import { roster } from '../../client/src/i18n/locales/roster.ts';
import { trainee } from '../../client/src/i18n/locales/trainee.ts';
import { traineeMoments } from '../../client/src/i18n/locales/trainee-moments.ts';
import { turnout } from '../../client/src/i18n/locales/turnout.ts';
import { COACHING_ERRORS } from '../../shared/coaching/errors.ts';
import { MEETING_ERRORS } from '../../shared/meeting/errors.ts';
import { ERROR_CODES } from '../../shared/protocol/errors.ts';

type Tree = { [key: string]: string | Tree };
const LOCALES: Record<string, { zh: Tree; en: Tree }> = {
  common: common as unknown as { zh: Tree; en: Tree },
  coaching: { zh: { errors: coachingErrors.zh }, en: { errors: coachingErrors.en } } as never,
  debrief: { zh: { debrief: debrief.zh }, en: { debrief: debrief.en } } as unknown as { zh: Tree; en: Tree },
  debriefLinks: { zh: { debrief: debriefLinks.zh }, en: { debrief: debriefLinks.en } } as never,
  facilitator: { zh: { facilitator: facilitator.zh }, en: { facilitator: facilitator.en } } as never,
  observer: { zh: { observer: observer.zh }, en: { observer: observer.en } } as never,
  projector: { zh: { projector: projector.zh }, en: { projector: projector.en } } as never,
  roster: { zh: { roster: roster.zh }, en: { roster: roster.en } } as never,
  trainee: { zh: { trainee: trainee.zh }, en: { trainee: trainee.en } } as never,
  traineeMoments: { zh: { trainee: traineeMoments.zh }, en: { trainee: traineeMoments.en } } as never,
  turnout: { zh: { turnout: turnout.zh }, en: { turnout: turnout.en } } as never,
};

function strings(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : strings(value, `${prefix}${key}.`),
  );
}

const all = (lang: 'zh' | 'en') => Object.values(LOCALES).flatMap((l) => strings(l[lang]));
/** Interpolations ({{name}}) are filled in at run time: not words of the string. */
const words = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '');

/**
 * Latin words a Chinese string may contain, each for a reason: the English
 * language button names itself; file formats keep their names; the P/S/M/U
 * scale is written in its letters; keys are named as printed on them.
 */
const LATIN_IN_CHINESE = new Set([
  'English',
  'JSON',
  'Markdown',
  'Excel',
  'CSV',
  'P',
  'S',
  'M',
  'U',
  'Ctrl',
  'Enter',
]);
/**
 * Whole strings that quote what a person types or looks for: the command that
 * checks scenario files, the scenario file to mend, the PUBLIC_URL setting,
 * the pinyin initials the roster's filter takes.
 */
const QUOTES_A_COMMAND = new Set([
  'facilitator.library.checkHint',
  'facilitator.problem.scenario_unavailable',
  'facilitator.join.noLanFix',
  // The roster's filter: the pinyin initials one types (wxh for 王小华).
  'roster.people.filterHint',
]);
/** English strings that name the Chinese language in Chinese, as a language menu does. */
const NAMES_CHINESE = new Set(['language.zh', 'debrief.export.mdZh']);

describe('the Chinese strings', () => {
  const zh = all('zh');

  it('are many (the walk finds them)', () => {
    expect(zh.length).toBeGreaterThan(400);
  });

  it('hold no Latin words but a few named ones, and never a lowercase one (an id or an English word)', () => {
    const found = zh.flatMap(([key, text]) =>
      [...words(QUOTES_A_COMMAND.has(key) ? '' : text).matchAll(/[A-Za-z][A-Za-z0-9_.-]*/g)]
        .map((m) => m[0])
        .filter((w) => !LATIN_IN_CHINESE.has(w))
        .map((w) => `${key}: ${w}`),
    );
    expect(found).toEqual([]);
  });

  it('address the trainee as 你, never 您', () => {
    expect(zh.filter(([, text]) => text.includes('您')).map(([key]) => key)).toEqual([]);
  });

  it('call the experts 专家 and the instructor 培训师, as every screen does', () => {
    expect(zh.filter(([, text]) => /观察员|引导员|主讲人|讲师/.test(text)).map(([key]) => key)).toEqual([]);
  });
});

describe('the English strings', () => {
  it('hold no Chinese, but the Chinese language button naming itself', () => {
    const found = all('en')
      .filter(([key, text]) => /\p{Script=Han}/u.test(words(text)) && !NAMES_CHINESE.has(key))
      .map(([key, text]) => `${key}: ${text}`);
    expect(found).toEqual([]);
  });
});

describe('refusals', () => {
  const codes = [
    ...Object.values(ERROR_CODES),
    ...Object.values(MEETING_ERRORS),
    ...Object.values(COACHING_ERRORS),
  ];

  it.each(['zh', 'en'] as const)('every error code the server sends has words in %s', (lang) => {
    // The coaching refusals common.ts lacks are registered by the screens that coach (locales/coaching.ts).
    const errors: Record<string, string> = { ...common[lang].errors, ...coachingErrors[lang] };
    expect(codes.filter((code) => !errors[code])).toEqual([]);
  });
});
