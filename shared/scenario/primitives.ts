// The small value types of the scenario format (Text, Duration, Id, Fraction,
// Filter): their zod schemas for the file as written, and the pure functions
// that turn what an instructor wrote into what the engine uses.
import { z } from 'zod';

/** The choices on a yes/no ballot. */
export const BALLOT_OPTIONS = ['yes', 'no', 'abstain'] as const;
export type BallotOption = (typeof BALLOT_OPTIONS)[number];

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text after normalisation: always both languages (one falls back to the other). */
export interface LocalText {
  zh: string;
  en: string;
}

const ID_PATTERN = /^[a-z][a-z0-9_-]{0,47}$/;
export const idSchema = z
  .string({ error: 'expected an id (a lowercase slug such as "owner_a")' })
  .regex(ID_PATTERN, { error: 'expected an id: a lowercase letter, then up to 47 of a-z 0-9 _ -' });

const textMapSchema = z
  .strictObject({ zh: z.string().optional(), en: z.string().optional() })
  .refine((t) => t.zh !== undefined || t.en !== undefined, {
    error: 'expected a Text with zh or en (or both)',
  });

export const textSchema = z
  .union([z.string(), textMapSchema], { error: 'expected a Text: a string, or a map { zh: "…", en: "…" }' })
  .meta({ id: 'Text', description: 'Markdown text: one string for every language, or { zh: "…", en: "…" }' });
export type TextInput = z.input<typeof textSchema>;

export function normalizeText(text: TextInput): LocalText {
  if (typeof text === 'string') return { zh: text, en: text };
  const zh = text.zh ?? text.en ?? '';
  return { zh, en: text.en ?? zh };
}

/** "1h", "2m", "90s", "1m30s" — parts in that order, at least one. */
const DURATION_PATTERN = /^(?=\d)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

const DURATION_EXPECTED =
  'expected a Duration: seconds as a number, or a string such as "90s", "2m", "1m30s", "1h"';
export const durationSchema = z
  .union([z.number().nonnegative(), z.string().regex(DURATION_PATTERN, { error: DURATION_EXPECTED })], {
    error: DURATION_EXPECTED,
  })
  .meta({ id: 'Duration', description: 'Seconds, or "90s", "2m", "1m30s", "1h"' });
export type DurationInput = z.input<typeof durationSchema>;

export function durationToSeconds(duration: DurationInput): number {
  if (typeof duration === 'number') return duration;
  const match = DURATION_PATTERN.exec(duration);
  if (!match) throw new RangeError(`not a duration: ${duration}`);
  const [, h = '0', m = '0', s = '0'] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/**
 * An exact rational threshold. `strict` means "more than", otherwise "at least".
 * Kept as integers so that exactly 2/3 or 3/4 is never lost to floating point.
 */
export interface Fraction {
  num: number;
  den: number;
  strict: boolean;
}

const FRACTION_PATTERN = /^\s*(>)?\s*(\d+)\s*\/\s*(\d+)\s*$/;

const FRACTION_EXPECTED =
  'expected a Fraction in (0, 1]: "2/3", "3/4", ">1/2" (more than half) or a number such as 0.75';
export const fractionSchema = z
  .union(
    [
      z.number().gt(0, { error: FRACTION_EXPECTED }).lte(1, { error: FRACTION_EXPECTED }),
      z
        .string()
        .regex(FRACTION_PATTERN, { error: FRACTION_EXPECTED })
        .refine(
          (s) => {
            const m = FRACTION_PATTERN.exec(s);
            return m !== null && Number(m[3]) > 0 && Number(m[2]) > 0 && Number(m[2]) <= Number(m[3]);
          },
          { error: FRACTION_EXPECTED },
        ),
    ],
    { error: FRACTION_EXPECTED },
  )
  .meta({ id: 'Fraction', description: '"2/3" means at least two thirds; ">1/2" means more than half' });
export type FractionInput = z.input<typeof fractionSchema>;

export function parseFraction(input: FractionInput): Fraction {
  if (typeof input === 'number') {
    // 0.75 → 75/100: decimals written by hand are exact in base ten.
    // Tiny numbers print in exponent form (1e-7): count the exponent's places too,
    // or the threshold would round to 0 and every vote would meet it.
    const [mantissa = '', exponent = '0'] = String(input).split('e');
    const decimals = Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exponent));
    const den = 10 ** decimals;
    return { num: Math.round(input * den), den, strict: false };
  }
  const m = FRACTION_PATTERN.exec(input);
  if (!m) throw new RangeError(`not a fraction: ${input}`);
  return { num: Number(m[2]), den: Number(m[3]), strict: m[1] === '>' };
}

/** Does part/whole meet the threshold? Exact integer arithmetic; an empty whole never does. */
export function meetsFraction(part: number, whole: number, threshold: Fraction): boolean {
  if (whole <= 0) return false;
  const lhs = part * threshold.den;
  const rhs = whole * threshold.num;
  return threshold.strict ? lhs > rhs : lhs >= rhs;
}

export function formatFraction(f: Fraction): string {
  return `${f.strict ? '>' : '≥'}${f.num}/${f.den}`;
}

export const ATTRIBUTE_NAMES = ['owner', 'area_m2', 'building', 'unit', 'floor', 'weight'] as const;
export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];

export const filterSchema = z
  .union(
    [
      z.literal('all'),
      z.array(idSchema).min(1),
      z.strictObject({
        attribute: z.enum(ATTRIBUTE_NAMES),
        equals: z.union([z.string(), z.number(), z.boolean()]),
      }),
    ],
    {
      error: 'expected a Filter: all, a list of role ids, or { attribute: owner, equals: true }',
    },
  )
  .meta({
    id: 'Filter',
    description: 'Who may vote: all trainees, a list of role ids, or an attribute match',
  });
export type FilterInput = z.input<typeof filterSchema>;

export type Filter =
  | { kind: 'all' }
  | { kind: 'roles'; roles: string[] }
  | { kind: 'attribute'; attribute: AttributeName; equals: string | number | boolean };

export function normalizeFilter(input: FilterInput): Filter {
  if (input === 'all') return { kind: 'all' };
  if (Array.isArray(input)) return { kind: 'roles', roles: input };
  return { kind: 'attribute', attribute: input.attribute, equals: input.equals };
}
