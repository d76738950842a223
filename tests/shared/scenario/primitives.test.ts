// The small value types of the scenario format: Duration, Text, Fraction, Filter.
import { describe, expect, it } from 'vitest';
import { eligibleRoles } from '../../../shared/scenario/crossrefs.ts';
import {
  type DurationInput,
  durationSchema,
  durationToSeconds,
  type FilterInput,
  filterSchema,
  formatFraction,
  fractionSchema,
  idSchema,
  meetsFraction,
  normalizeFilter,
  normalizeText,
  parseFraction,
  textSchema,
} from '../../../shared/scenario/index.ts';
import type { RoleInput } from '../../../shared/scenario/schema.ts';

describe('Duration', () => {
  it.each<[DurationInput, number]>([
    [90, 90],
    [0, 0],
    ['90s', 90],
    ['2m', 120],
    ['1m30s', 90],
    ['1h', 3600],
    ['1h2m3s', 3723],
    ['1h30s', 3630],
  ])('%j is %i seconds', (input, seconds) => {
    expect(durationSchema.safeParse(input).success).toBe(true);
    expect(durationToSeconds(input)).toBe(seconds);
  });

  it.each<unknown>(['2mm', '', 'm', '1s30m', '90', '1.5m', ' 2m', '2M', -1, null, true])(
    '%j is not a Duration',
    (input) => {
      expect(durationSchema.safeParse(input).success).toBe(false);
    },
  );

  it('durationToSeconds refuses a string that is not a Duration', () => {
    expect(() => durationToSeconds('2mm')).toThrow(RangeError);
    expect(() => durationToSeconds('')).toThrow(RangeError);
    expect(() => durationToSeconds('1s30m')).toThrow(RangeError);
  });
});

describe('Text', () => {
  it('a plain string is used for both languages', () => {
    expect(normalizeText('开场')).toEqual({ zh: '开场', en: '开场' });
  });

  it('zh only falls back to zh in English', () => {
    expect(normalizeText({ zh: '居民' })).toEqual({ zh: '居民', en: '居民' });
  });

  it('en only falls back to en in Chinese', () => {
    expect(normalizeText({ en: 'Resident' })).toEqual({ zh: 'Resident', en: 'Resident' });
  });

  it('both languages are kept as written', () => {
    expect(normalizeText({ zh: '居民', en: 'Resident' })).toEqual({ zh: '居民', en: 'Resident' });
  });

  it('accepts a string or a map with zh and/or en', () => {
    for (const ok of ['x', { zh: 'x' }, { en: 'x' }, { zh: 'x', en: 'y' }]) {
      expect(textSchema.safeParse(ok).success, JSON.stringify(ok)).toBe(true);
    }
  });

  it('refuses a map with neither language, another language, or a non-string', () => {
    for (const bad of [{}, { fr: 'x' }, { zh: 'x', fr: 'y' }, 5, null, ['x'], { zh: 5 }]) {
      expect(textSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('Id', () => {
  it('is a lowercase slug of at most 48 characters', () => {
    for (const ok of ['a', 'owner_a', 'owners-3-5', `a${'b'.repeat(47)}`])
      expect(idSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', 'Owner', '3rd', '_a', 'a b', 'a.b', `a${'b'.repeat(48)}`])
      expect(idSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('Fraction', () => {
  it.each<[string | number, { num: number; den: number; strict: boolean }]>([
    ['2/3', { num: 2, den: 3, strict: false }],
    ['3/4', { num: 3, den: 4, strict: false }],
    ['1/2', { num: 1, den: 2, strict: false }],
    ['>1/2', { num: 1, den: 2, strict: true }],
    ['> 1 / 2', { num: 1, den: 2, strict: true }],
    ['1/1', { num: 1, den: 1, strict: false }],
    [0.75, { num: 75, den: 100, strict: false }],
    [1, { num: 1, den: 1, strict: false }],
    [0.5, { num: 5, den: 10, strict: false }],
    // Exponent notation must not round a tiny threshold down to zero.
    [1e-7, { num: 1, den: 10_000_000, strict: false }],
  ])('%j parses exactly', (input, fraction) => {
    expect(fractionSchema.safeParse(input).success).toBe(true);
    expect(parseFraction(input)).toEqual(fraction);
  });

  it.each<unknown>(['4/3', 0, '0/3', 1.5, 'abc', '2/0', '-1/2', '<1/2', '1/2/3', -0.5, null])(
    '%j is not a Fraction',
    (input) => {
      expect(fractionSchema.safeParse(input).success).toBe(false);
    },
  );

  it('a plain fraction means "at least", ">" means "more than"', () => {
    expect(formatFraction(parseFraction('2/3'))).toBe('≥2/3');
    expect(formatFraction(parseFraction('>1/2'))).toBe('>1/2');
  });
});

describe('meetsFraction', () => {
  const twoThirds = parseFraction('2/3');
  const threeQuarters = parseFraction('3/4');
  const moreThanHalf = parseFraction('>1/2');
  const atLeastHalf = parseFraction('1/2');

  it('exactly 2/3 meets "2/3" (no floating point loss)', () => {
    expect(meetsFraction(2, 3, twoThirds)).toBe(true);
    expect(meetsFraction(200, 300, twoThirds)).toBe(true);
    expect(meetsFraction(1999, 3000, twoThirds)).toBe(false);
    // 0.6666666666666666 * 3 would round in floating point; integers do not.
    expect(meetsFraction(6, 9, twoThirds)).toBe(true);
  });

  it('exactly 3/4 meets "3/4", and one short does not', () => {
    expect(meetsFraction(6, 8, threeQuarters)).toBe(true);
    expect(meetsFraction(5, 8, threeQuarters)).toBe(false);
    expect(meetsFraction(0.75, 1, parseFraction(0.75))).toBe(true);
  });

  it('">1/2" is not met at exactly half, "1/2" is', () => {
    expect(meetsFraction(2, 4, moreThanHalf)).toBe(false);
    expect(meetsFraction(3, 4, moreThanHalf)).toBe(true);
    expect(meetsFraction(2, 4, atLeastHalf)).toBe(true);
  });

  it('an empty whole never meets a threshold', () => {
    expect(meetsFraction(0, 0, atLeastHalf)).toBe(false);
    expect(meetsFraction(0, 0, moreThanHalf)).toBe(false);
  });

  it('works on areas in square metres', () => {
    // Four flats of 52.3, 52.3, 71.8 and 71.8 m² hold 248.2 m²; two thirds of that is 165.47 m².
    expect(meetsFraction(156.9, 248.2, twoThirds)).toBe(false);
    expect(meetsFraction(176.4, 248.2, twoThirds)).toBe(true);
  });
});

describe('Filter', () => {
  it.each<[FilterInput, ReturnType<typeof normalizeFilter>]>([
    ['all', { kind: 'all' }],
    [['owner_a', 'owner_b'], { kind: 'roles', roles: ['owner_a', 'owner_b'] }],
    [
      { attribute: 'owner', equals: true },
      { kind: 'attribute', attribute: 'owner', equals: true },
    ],
    [
      { attribute: 'building', equals: '12' },
      { kind: 'attribute', attribute: 'building', equals: '12' },
    ],
  ])('%j normalises', (input, filter) => {
    expect(filterSchema.safeParse(input).success).toBe(true);
    expect(normalizeFilter(input)).toEqual(filter);
  });

  it.each<unknown>([
    'none',
    [],
    ['Owner'],
    { attribute: 'colour', equals: 'red' },
    { attribute: 'owner' },
    { attribute: 'owner', equals: true, extra: 1 },
  ])('%j is not a Filter', (input) => {
    expect(filterSchema.safeParse(input).success).toBe(false);
  });

  const role = (id: string, extra: Partial<RoleInput> = {}): RoleInput => ({
    id,
    name: id,
    public: 'p',
    brief: 'b',
    ...extra,
  });
  const roles = [
    role('chair', { chair: true, attributes: { owner: false } }),
    role('owner_a', { attributes: { owner: true, area_m2: 70 } }),
    role('tenant', { attributes: { owner: false } }),
    role('expert', { npc: true, attributes: { owner: true, area_m2: 50 } }),
  ];
  const ids = (filter: FilterInput) => eligibleRoles(roles, filter).map((r) => r.id);

  it('admits trainee roles only: an npc card never votes', () => {
    expect(ids('all')).toEqual(['chair', 'owner_a', 'tenant']);
    expect(ids(['owner_a', 'expert'])).toEqual(['owner_a']);
    expect(ids({ attribute: 'owner', equals: true })).toEqual(['owner_a']);
    expect(ids({ attribute: 'owner', equals: false })).toEqual(['chair', 'tenant']);
    expect(ids({ attribute: 'floor', equals: 3 })).toEqual([]);
  });
});
