// The electorate as the engine reads it: flats grouped into owners the way
// art. 278 counts heads (SPC interpretation art. 9), areas added up exactly,
// and the owners not listed by flat kept as one whole. Pure.
import { type LocalText, normalizeText, type TextInput } from './primitives.ts';
import type {
  ElectionWrittenBallotsInput,
  ElectorateInput,
  FlatId,
  WrittenBallotsInput,
} from './schema-electorate.ts';
import type { ElectionWrittenBallots, Electorate, ElectorateOwner, WrittenBallots } from './types.ts';

/** Areas are added in 1/10,000 m², so 71.8 + 52.3 is exactly 124.1. */
export const AREA_UNITS_PER_M2 = 10_000;
export const toAreaUnits = (m2: number): number => Math.round(m2 * AREA_UNITS_PER_M2);
export const fromAreaUnits = (units: number): number => units / AREA_UNITS_PER_M2;

export const flatKey = (flat: FlatId): string => String(flat).trim();

const DEVELOPER_NAME: LocalText = {
  zh: '建设单位（未售或未交付）',
  en: 'the developer (unsold or undelivered)',
};
const DEFAULT_TITLE: LocalText = { zh: '全体业主', en: 'all owners' };

type FlatInput = ElectorateInput['flats'][number];

function ownerNames(owner: FlatInput['owner']): LocalText[] {
  if (owner === undefined) return [];
  return (Array.isArray(owner) ? owner : [owner]).map((n) => normalizeText(n as TextInput));
}

/**
 * Who a flat belongs to, for counting heads: the developer's flats are one
 * owner; otherwise the same names (one person, or the same co-owners) are one owner.
 */
export function ownerKey(flat: FlatInput): string {
  if (flat.developer) return 'developer';
  return ownerNames(flat.owner)
    .map((n) => n.zh.trim())
    .sort()
    .join('\u0000');
}

function joinNames(names: LocalText[]): LocalText {
  return {
    zh: names.map((n) => n.zh).join('、'),
    en: names.length <= 2 ? names.map((n) => n.en).join(' and ') : names.map((n) => n.en).join(', '),
  };
}

export function normalizeElectorate(input: ElectorateInput): Electorate {
  const byKey = new Map<string, { owner: ElectorateOwner; units: number }>();
  for (const flat of input.flats) {
    const key = ownerKey(flat);
    const id = flatKey(flat.flat);
    const known = byKey.get(key);
    if (known) {
      known.owner.flats.push(id);
      known.units += toAreaUnits(flat.area_m2);
      continue;
    }
    const names = ownerNames(flat.owner);
    byKey.set(key, {
      owner: {
        id,
        name: flat.developer && names.length === 0 ? DEVELOPER_NAME : joinNames(names),
        flats: [id],
        area_m2: 0,
        developer: flat.developer ?? false,
      },
      units: toAreaUnits(flat.area_m2),
    });
  }
  const owners = [...byKey.values()].map(({ owner, units }) => ({ ...owner, area_m2: fromAreaUnits(units) }));
  const listedUnits = [...byKey.values()].reduce((sum, o) => sum + o.units, 0);
  const total = input.total
    ? { owners: input.total.owners, area_m2: input.total.area_m2 }
    : { owners: owners.length, area_m2: fromAreaUnits(listedUnits) };
  return {
    title: input.title === undefined ? DEFAULT_TITLE : normalizeText(input.title),
    owners,
    unlisted: {
      owners: Math.max(0, total.owners - owners.length),
      area_m2: fromAreaUnits(Math.max(0, toAreaUnits(total.area_m2) - listedUnits)),
    },
    total,
  };
}

/** The owner (by id) a flat belongs to, if the electorate lists it. */
export function ownerOfFlat(electorate: Electorate, flat: FlatId): ElectorateOwner | undefined {
  const key = flatKey(flat);
  return electorate.owners.find((o) => o.flats.includes(key));
}

/** Flats named on a card → the owners they belong to, each once, in the order named. */
export function ownersOfFlats(
  electorate: Electorate | undefined,
  flats: readonly FlatId[] | undefined,
): string[] {
  if (!electorate || !flats) return [];
  const ids: string[] = [];
  for (const flat of flats) {
    const owner = ownerOfFlat(electorate, flat);
    if (owner && !ids.includes(owner.id)) ids.push(owner.id);
  }
  return ids;
}

export function normalizeWrittenBallots(
  electorate: Electorate | undefined,
  input: WrittenBallotsInput | undefined,
): WrittenBallots | undefined {
  if (!input || !electorate) return undefined;
  const flats: WrittenBallots['flats'] = [];
  for (const entry of input.flats ?? []) {
    const owner = ownerOfFlat(electorate, entry.flat);
    if (owner && !flats.some((f) => f.owner === owner.id))
      flats.push({ owner: owner.id, flat: flatKey(entry.flat), choice: entry.choice });
  }
  const tally: WrittenBallots['tally'] = {};
  for (const choice of ['yes', 'no', 'abstain'] as const) {
    const t = input.tally?.[choice];
    if (t) tally[choice] = { owners: t.owners, area_m2: t.area_m2 };
  }
  return { flats, tally };
}

export function normalizeElectionWrittenBallots(
  electorate: Electorate | undefined,
  input: ElectionWrittenBallotsInput | undefined,
): ElectionWrittenBallots | undefined {
  if (!input || !electorate) return undefined;
  const flats: ElectionWrittenBallots['flats'] = [];
  for (const entry of input.flats ?? []) {
    const owner = ownerOfFlat(electorate, entry.flat);
    if (owner && !flats.some((f) => f.owner === owner.id))
      flats.push({ owner: owner.id, flat: flatKey(entry.flat), choices: [...new Set(entry.choices)] });
  }
  const t = input.tally;
  const measure = (m: { owners: number; area_m2: number }) => ({ owners: m.owners, area_m2: m.area_m2 });
  return {
    flats,
    ...(t && {
      tally: {
        ballots: measure(t.ballots),
        blank: t.blank ? measure(t.blank) : { owners: 0, area_m2: 0 },
        candidates: Object.fromEntries(Object.entries(t.candidates).map(([id, m]) => [id, measure(m)])),
      },
    }),
  };
}
