// The electorate in the scenario file: every owner of a building or an estate
// who may vote on an owners' matter, flat by flat or as a total with the flats
// the cards stand for, and the written ballots collected before the meeting.
// Structure only, like schema.ts; electorate-check.ts checks that it adds up.
import { z } from 'zod';
import { BALLOT_OPTIONS, textSchema } from './primitives.ts';

/** A flat's number as the register writes it: "101", "12-602" (a bare number is read as its digits). */
export const flatIdSchema = z
  .union([z.string().min(1).max(40), z.number().int().nonnegative()], {
    error: 'expected a flat number such as "101" (quote it if it starts with 0)',
  })
  .meta({ id: 'Flat', description: 'A flat number such as "101"; quote numbers with a leading 0' });
export type FlatId = z.infer<typeof flatIdSchema>;

const ownerNameSchema = z.union([textSchema, z.array(textSchema).min(1)], {
  error: 'expected an owner: a name, or a list of names for co-owners of the flat',
});

const flatSchema = z
  .strictObject({
    flat: flatIdSchema,
    owner: ownerNameSchema
      .optional()
      .meta({ description: 'The owner as on the register; the same name on several flats is one owner' }),
    area_m2: z.number().positive().meta({ description: 'Exclusive-part area (专有部分面积) in m²' }),
    developer: z
      .boolean()
      .optional()
      .meta({ description: 'Unsold or undelivered: every developer flat together counts as one owner' }),
  })
  .meta({ id: 'ElectorateFlat', description: 'One flat of the electorate' });

const measureSchema = z.strictObject({
  owners: z.number().int().min(0),
  area_m2: z.number().min(0),
});

export const electorateSchema = z
  .strictObject({
    title: textSchema.optional(),
    flats: z.array(flatSchema).min(1, { error: 'expected at least one flat' }),
    total: z
      .strictObject({ owners: z.number().int().min(1), area_m2: z.number().positive() })
      .optional()
      .meta({
        description:
          'The whole electorate (owners as art. 9 counts them, and area) when not every flat is listed; a check when they are',
      }),
  })
  .meta({
    id: 'Electorate',
    description: 'Every owner who may vote on an owners’ matter: the base of the art. 278 quorum',
  });
export type ElectorateInput = z.infer<typeof electorateSchema>;

export const writtenBallotsSchema = z
  .strictObject({
    flats: z
      .array(z.strictObject({ flat: flatIdSchema, choice: z.enum(BALLOT_OPTIONS) }))
      .min(1)
      .optional(),
    tally: z
      .strictObject({
        yes: measureSchema.optional(),
        no: measureSchema.optional(),
        abstain: measureSchema.optional(),
      })
      .optional()
      .meta({ description: 'Ballots of owners not listed by flat, counted by choice' }),
  })
  .meta({
    id: 'WrittenBallots',
    description:
      'Signed ballots (书面征求意见) already returned before the meeting, counted when the vote opens',
  });
export type WrittenBallotsInput = z.infer<typeof writtenBallotsSchema>;

/** Candidates are named by their role id; a ballot naming nobody is blank. */
const namedSchema = z
  .array(z.string().min(1))
  .meta({ description: 'The candidates (role ids) a ballot names' });

export const electionWrittenBallotsSchema = z
  .strictObject({
    flats: z
      .array(z.strictObject({ flat: flatIdSchema, choices: namedSchema }))
      .min(1)
      .optional(),
    tally: z
      .strictObject({
        ballots: measureSchema.meta({ description: 'Every written ballot of owners not listed by flat' }),
        blank: measureSchema.optional().meta({ description: 'Of those, ballots naming nobody' }),
        candidates: z
          .record(z.string(), measureSchema)
          .meta({ description: 'Candidate (role id) → the ballots naming them' }),
      })
      .optional()
      .meta({ description: 'Ballots of owners not listed by flat, counted per candidate' }),
  })
  .meta({
    id: 'ElectionWrittenBallots',
    description:
      'Signed election ballots (书面表决票) already returned before the meeting, counted when the election opens',
  });
export type ElectionWrittenBallotsInput = z.infer<typeof electionWrittenBallotsSchema>;
