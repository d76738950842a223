// What every scenario has without writing it: the built-in voting rules and
// the four competencies the training exists for.
import type { Fraction, LocalText } from './primitives.ts';
import type { Competency, Rule } from './types.ts';

const atLeast = (num: number, den: number): Fraction => ({ num, den, strict: false });
const moreThan = (num: number, den: number): Fraction => ({ num, den, strict: true });

const builtin = (id: string, rule: Omit<Rule, 'id' | 'builtin'>): Rule => ({ id, builtin: true, ...rule });

/** PRC Civil Code art. 278: owners holding ≥ 2/3 of the area and ≥ 2/3 of the owners take part. */
const ART_278_QUORUM = { area: atLeast(2, 3), headcount: atLeast(2, 3) };

export const BUILTIN_RULES: Readonly<Record<string, Rule>> = {
  simple_majority: builtin('simple_majority', {
    kind: 'threshold',
    quorum: {},
    pass: { headcount: moreThan(1, 2), of: 'cast' },
  }),
  absolute_majority: builtin('absolute_majority', {
    kind: 'threshold',
    quorum: {},
    pass: { headcount: moreThan(1, 2), of: 'eligible' },
  }),
  two_thirds: builtin('two_thirds', {
    kind: 'threshold',
    quorum: {},
    pass: { headcount: atLeast(2, 3), of: 'cast' },
  }),
  consensus: builtin('consensus', { kind: 'consensus', quorum: {}, pass: { of: 'cast' } }),
  owners_ordinary: builtin('owners_ordinary', {
    kind: 'threshold',
    quorum: ART_278_QUORUM,
    pass: { area: moreThan(1, 2), headcount: moreThan(1, 2), of: 'participating' },
  }),
  owners_special: builtin('owners_special', {
    kind: 'threshold',
    quorum: ART_278_QUORUM,
    pass: { area: atLeast(3, 4), headcount: atLeast(3, 4), of: 'participating' },
  }),
};

export const DEFAULT_RULE_ID = 'simple_majority';

const t = (zh: string, en: string): LocalText => ({ zh, en });

export const DEFAULT_COMPETENCIES: readonly Competency[] = [
  { id: 'mass_work', title: t('群众工作能力', 'Working with residents'), indicators: [] },
  { id: 'emergency', title: t('应急处突能力', 'Handling emergencies'), indicators: [] },
  { id: 'coordination', title: t('组织协调能力', 'Organisation and coordination'), indicators: [] },
  { id: 'resolution', title: t('解决问题能力', 'Resolving problems'), indicators: [] },
];

export const DEFAULT_SCALE = { kind: 'range', min: 1, max: 5 } as const;
export const DEFAULT_OPTIONS = ['yes', 'no', 'abstain'] as const;
