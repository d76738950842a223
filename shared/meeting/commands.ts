// Every command that can change a meeting, as zod schemas (validated at the
// edge) and one discriminated union (used everywhere inside).
import { z } from 'zod';

const id = z.string().min(1).max(64);
const text = z.string().trim().min(1).max(2000);
const seconds = z.number().int().min(1).max(3600);
/** A flat of the electorate, as its number. */
const flat = z.string().trim().min(1).max(40);
/** Casting for some of the owners a seat votes for (a split crowd card); absent: for all of them. */
const flats = z.array(flat).min(1).max(500).optional();
const choice = z.enum(['yes', 'no', 'abstain']);
const choices = z.array(id).max(50);

/** Who speaks or is queued: a trainee's seat, or an NPC card voiced from the observer side. */
export const speakerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant'), id }),
  z.object({ kind: z.literal('npc'), roleId: id }),
]);
export type Speaker = z.infer<typeof speakerSchema>;

/** Every command but `card.play`, which wraps one of these. */
const baseCommands = [
  // Seats and cards (lobby, and late arrivals).
  z.object({
    type: z.literal('participant.join'),
    participantId: id,
    name: z.string().trim().min(1).max(40),
  }),
  z.object({ type: z.literal('card.take'), roleId: id }),
  z.object({ type: z.literal('card.release') }),
  z.object({ type: z.literal('card.assign'), participantId: id, roleId: id.nullable() }),
  // An expert (an observer) stands in for a card no trainee holds; the facilitator hands it over and takes it back.
  z.object({ type: z.literal('card.assign_expert'), roleId: id, observerId: id }),
  z.object({ type: z.literal('card.release_expert'), participantId: id }),
  // Lifecycle.
  z.object({ type: z.literal('meeting.start') }),
  z.object({ type: z.literal('meeting.begin') }),
  z.object({ type: z.literal('meeting.pause') }),
  z.object({ type: z.literal('meeting.resume') }),
  z.object({ type: z.literal('meeting.end') }),
  z.object({ type: z.literal('meeting.open_debrief') }),
  z.object({ type: z.literal('meeting.retake'), cards: z.enum(['keep', 'clear']) }),
  z.object({ type: z.literal('item.next') }),
  z.object({ type: z.literal('item.goto'), itemId: id }),
  z.object({ type: z.literal('item.extend'), seconds }),
  // Floor.
  z.object({ type: z.literal('hand.raise') }),
  z.object({ type: z.literal('hand.lower') }),
  z.object({ type: z.literal('point_of_order') }),
  z.object({ type: z.literal('floor.give'), to: speakerSchema.optional() }),
  z.object({ type: z.literal('floor.yield') }),
  z.object({ type: z.literal('floor.cut') }),
  z.object({ type: z.literal('floor.extend'), seconds }),
  z.object({ type: z.literal('statement.post'), text }),
  z.object({ type: z.literal('npc.say'), roleId: id, text }),
  z.object({ type: z.literal('mood.show'), mood: z.enum(['agree', 'unsure', 'disagree']).nullable() }),
  // Votes and elections.
  z.object({ type: z.literal('candidate.nominate'), participantId: id }),
  z.object({ type: z.literal('vote.open') }),
  z.object({ type: z.literal('vote.cast'), choice, flats }),
  z.object({ type: z.literal('election.cast'), choices, flats }),
  z.object({ type: z.literal('vote.close') }),
  // Paper ballots of the electorate, entered at the console while a vote is open.
  z.object({
    type: z.literal('ballot.paper.enter'),
    flat,
    choice: choice.optional(),
    choices: choices.optional(),
  }),
  z.object({
    type: z.literal('ballot.paper.correct'),
    flat,
    choice: choice.optional(),
    choices: choices.optional(),
    /** The ballot was entered for the wrong flat: take it back out. */
    withdraw: z.literal(true).optional(),
  }),
  z.object({
    type: z.literal('ballot.tally.enter'),
    choice,
    owners: z.number().int().min(1).max(1_000_000),
    area_m2: z.number().min(0).max(100_000_000),
  }),
  z.object({
    type: z.literal('ballot.tally.correct'),
    entry: z.number().int().min(0).max(10_000),
    owners: z.number().int().min(0).max(1_000_000),
    area_m2: z.number().min(0).max(100_000_000),
  }),
  // Sign-ups, decisions and action items.
  z.object({ type: z.literal('signup.commit'), ask: z.number().int().min(0) }),
  z.object({ type: z.literal('signup.withdraw'), ask: z.number().int().min(0) }),
  z.object({
    type: z.literal('action.record'),
    kind: z.enum(['decision', 'action']),
    what: text,
    who: id.optional(),
    due: z.string().trim().max(40).optional(),
  }),
  // Injects.
  z.object({ type: z.literal('inject.fire'), injectId: id }),
  z.object({ type: z.literal('inject.respond'), injectId: id }),
  z.object({
    type: z.literal('settings.update'),
    observersMayFireInjects: z.boolean(),
    /** Which observers may fire injects; absent: every observer. */
    injectors: z.array(id).max(50).optional(),
  }),
  // The minutes' heading: where the meeting is held and who takes the minutes.
  z.object({
    type: z.literal('minutes.details'),
    venue: z.string().trim().min(1).max(80).optional(),
    recorder: z.string().trim().min(1).max(40).optional(),
  }),
] as const;

/**
 * The observer who plays a stand-in card acts for it: `command` is checked and
 * logged as that seat's own (rights.ts decides which commands a card may play).
 */
const cardPlaySchema = z.object({
  type: z.literal('card.play'),
  participantId: id,
  command: z.discriminatedUnion('type', baseCommands),
});

export const commandSchema = z.discriminatedUnion('type', [...baseCommands, cardPlaySchema]);

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
/** What `card.play` may carry: any command but itself. */
export type PlayedCommand = z.infer<typeof cardPlaySchema>['command'];

/** Who sent a command. The server decides this from the socket, never from the payload. */
export type Actor =
  | { kind: 'facilitator' }
  | { kind: 'observer'; id: string }
  | { kind: 'participant'; id: string }
  | { kind: 'system' };

/** What the machine receives: a command, who sent it and when (ms since the epoch). */
export type MeetingEvent = (Command | { type: 'clock.tick' }) & { actor: Actor; at: number };
