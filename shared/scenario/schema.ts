// The scenario file as an instructor writes it (format version 1), as zod
// schemas. Structure only: cross-references are checked in crossrefs.ts and
// defaults are filled in by normalize.ts, so that this schema also reads as
// the JSON Schema editors use.
import { z } from 'zod';
import {
  ATTRIBUTE_NAMES,
  BALLOT_OPTIONS,
  durationSchema,
  filterSchema,
  fractionSchema,
  idSchema,
  textSchema,
} from './primitives.ts';
import {
  electionWrittenBallotsSchema,
  electorateSchema,
  flatIdSchema,
  writtenBallotsSchema,
} from './schema-electorate.ts';

/**
 * The fewest entries a scenario's lists may hold: the schema checks them,
 * and the studio's form hides "remove" at them (the one rule, both places).
 */
export const FEWEST = { roles: 2, agenda: 1, asks: 1 } as const;

export const MEETING_KINDS = ['hearing', 'round_table', 'mobilization', 'coordination', 'assembly'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ITEM_KINDS = [
  'statement',
  'speakers',
  'open_floor',
  'qa',
  'vote',
  'election',
  'signup',
  'actions',
  'break',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export { BALLOT_OPTIONS, type BallotOption } from './primitives.ts';

const attributesSchema = z.strictObject({
  owner: z.boolean().optional(),
  area_m2: z.number().positive().optional(),
  building: z.union([z.string(), z.number()]).optional(),
  unit: z.union([z.string(), z.number()]).optional(),
  floor: z.number().int().optional(),
  weight: z.number().positive().optional(),
});
// Keep the attribute list and the schema in step.
const _attributeKeysMatch: (keyof z.infer<typeof attributesSchema>)[] = [...ATTRIBUTE_NAMES];
void _attributeKeysMatch;

const seatsSchema = z.union(
  [z.number().int().min(1), z.strictObject({ min: z.number().int().min(0), max: z.number().int().min(1) })],
  { error: 'expected seats: a whole number ≥ 1, or { min: ≥ 0, max: ≥ 1 }' },
);

export const roleSchema = z
  .strictObject({
    id: idSchema,
    name: textSchema,
    affiliation: textSchema.optional(),
    chair: z.boolean().optional(),
    seats: seatsSchema.optional(),
    required: z.boolean().optional(),
    npc: z.boolean().optional(),
    public: textSchema,
    brief: textSchema,
    goals: z.array(textSchema).optional(),
    secrets: z.array(textSchema).optional(),
    red_lines: z.array(textSchema).optional(),
    attributes: attributesSchema.optional(),
    stands_for: z.array(flatIdSchema).min(1).optional().meta({
      description: 'The electorate flats whose owners this card is (one owner, or a crowd of owners)',
    }),
    proxy_for: z.array(flatIdSchema).min(1).optional().meta({
      description: "Absent owners (by flat) whose written proxy (委托书) this card's holder carries",
    }),
  })
  .meta({ id: 'Role', description: 'A community role card' });

const itemCommon = {
  id: idSchema,
  title: textSchema,
  duration: durationSchema.optional(),
  guidance: textSchema.optional(),
};

const roleList = z.array(idSchema).min(1);

export const itemSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        ...itemCommon,
        kind: z.literal('statement'),
        speakers: roleList,
        per_speaker: durationSchema.optional(),
      }),
      z.strictObject({
        ...itemCommon,
        kind: z.literal('speakers'),
        order: z.union([z.literal('queue'), roleList]).optional(),
        per_speaker: durationSchema.optional(),
        rounds: z.number().int().min(1).optional(),
      }),
      z.strictObject({
        ...itemCommon,
        kind: z.literal('open_floor'),
        per_speaker: durationSchema.optional(),
        balance: z.boolean().optional(),
      }),
      z.strictObject({
        ...itemCommon,
        kind: z.literal('qa'),
        answerers: roleList,
        per_speaker: durationSchema.optional(),
      }),
      z.strictObject({
        ...itemCommon,
        kind: z.literal('vote'),
        motion: textSchema,
        options: z
          .array(z.enum(BALLOT_OPTIONS))
          .min(2)
          .refine((options) => new Set(options).size === options.length, {
            error: 'expected each of yes, no, abstain at most once',
          })
          .optional(),
        ballot: z.enum(['open', 'secret']).optional(),
        eligible: filterSchema.optional(),
        rule: idSchema.optional(),
        amendable: z.boolean().optional(),
        written_ballots: writtenBallotsSchema.optional(),
      }),
      z.strictObject({
        ...itemCommon,
        kind: z.literal('election'),
        seats: z.number().int().min(1),
        candidates: z.union([z.literal('nominate'), roleList]),
        ballot: z.enum(['open', 'secret']).optional(),
        eligible: filterSchema.optional(),
        rule: idSchema.optional(),
        max_choices: z.number().int().min(1).optional(),
        written_ballots: electionWrittenBallotsSchema.optional(),
      }),
      z.strictObject({
        ...itemCommon,
        kind: z.literal('signup'),
        asks: z.array(textSchema).min(FEWEST.asks),
      }),
      z.strictObject({ ...itemCommon, kind: z.literal('actions') }),
      z.strictObject({ ...itemCommon, kind: z.literal('break') }),
    ],
    { error: `expected an item kind: one of ${ITEM_KINDS.join(', ')}` },
  )
  .meta({ id: 'Item', description: 'One agenda item; its kind decides the other keys' });

const thresholdsSchema = z.strictObject({
  area: fractionSchema.optional(),
  headcount: fractionSchema.optional(),
});

export const ruleSchema = z
  .strictObject({
    quorum: thresholdsSchema.optional(),
    pass: z.strictObject({
      area: fractionSchema.optional(),
      headcount: fractionSchema.optional(),
      of: z.enum(['participating', 'eligible', 'cast']).optional(),
    }),
    weight: z.enum(ATTRIBUTE_NAMES).optional(),
  })
  .meta({
    id: 'Rule',
    description: 'A custom voting rule: quorum and pass thresholds by area and headcount',
  });

export const injectSchema = z
  .strictObject({
    id: idSchema,
    title: textSchema,
    body: textSchema,
    to: z.union([z.literal('all'), z.literal('observers'), roleList]).optional(),
    at: z.strictObject({ item: idSchema, after: durationSchema }).optional(),
    manual: z.boolean().optional(),
    spare: z.boolean().optional(),
    expect: textSchema.optional(),
    competency: idSchema.optional(),
    respond_within: durationSchema.optional(),
  })
  .meta({
    id: 'Inject',
    description: 'Something that happens to the meeting: fires at a time, by hand, or held spare',
  });

const scaleSchema = z.union([z.literal('psmu'), z.tuple([z.number().int(), z.number().int()])], {
  error: 'expected a scale: [low, high] whole numbers, or psmu',
});

export const rubricSchema = z.strictObject({
  scale: scaleSchema.optional(),
  competencies: z
    .array(
      z.strictObject({
        id: idSchema,
        title: textSchema.optional(),
        indicators: z.array(textSchema).optional(),
      }),
    )
    .optional(),
});

export const scenarioFileSchema = z.strictObject({
  schema: z.literal(1, { error: 'expected schema: 1 (the format version)' }),
  id: idSchema,
  title: textSchema,
  summary: textSchema,
  meeting: z.enum(MEETING_KINDS),
  tags: z.array(z.string()).optional(),
  duration: durationSchema,
  background: textSchema,
  venue: textSchema
    .optional()
    .meta({ description: "Where the meeting is held (the minutes' 地点), unless the session says" }),
  recorder: textSchema
    .optional()
    .meta({ description: 'Who takes the minutes (记录人), e.g. 居委会干事, unless the session says' }),
  facts: z.array(z.strictObject({ label: textSchema, value: textSchema })).optional(),
  handouts: z
    .array(
      z.strictObject({
        id: idSchema,
        title: textSchema,
        body: textSchema,
        to: z.union([z.literal('all'), roleList]).optional(),
      }),
    )
    .optional(),
  roles: z.array(roleSchema).min(FEWEST.roles, { error: `expected at least ${FEWEST.roles} roles` }),
  agenda: z.array(itemSchema).min(FEWEST.agenda, { error: `expected at least ${FEWEST.agenda} agenda item` }),
  rules: z.record(idSchema, ruleSchema).optional(),
  electorate: electorateSchema.optional(),
  injects: z.array(injectSchema).optional(),
  rubric: rubricSchema.optional(),
  debrief: z
    .strictObject({ questions: z.array(textSchema).optional(), reveal_secrets: z.boolean().optional() })
    .optional(),
});

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type RoleInput = z.infer<typeof roleSchema>;
export type ItemInput = z.infer<typeof itemSchema>;
export type RuleInput = z.infer<typeof ruleSchema>;
export type InjectInput = z.infer<typeof injectSchema>;
export type {
  ElectionWrittenBallotsInput,
  ElectorateInput,
  FlatId,
  WrittenBallotsInput,
} from './schema-electorate.ts';
