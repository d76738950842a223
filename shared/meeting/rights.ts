// Who may send which command. Chair powers belong to the holder of the chair
// card; the facilitator may do anything procedural; observers coach; a
// trainee acts for their own seat only; an expert playing a stand-in card acts
// for that seat (card.play), with that seat's rights and no more.
import type { Scenario } from '../scenario/index.ts';
import type { Actor, Command, CommandType } from './commands.ts';
import type { MeetingContext } from './context.ts';
import { MEETING_ERRORS, type MeetingError, refuse } from './errors.ts';
import { contextFacts, type DataFacts, type MeetingFacts, roleById, seatOf } from './facts.ts';

type Right =
  | 'facilitator'
  | 'system'
  | 'chair'
  | 'seat'
  | 'joined'
  | 'observer'
  | 'floor_holder'
  | 'injector'
  | 'player';

/** Each command's senders (any one suffices). The facilitator holds every procedural right. */
const RIGHTS: Record<CommandType, readonly Right[]> = {
  'participant.join': ['system', 'facilitator'],
  'card.take': ['joined'],
  'card.release': ['seat'],
  'card.assign': ['facilitator'],
  'card.assign_expert': ['facilitator'],
  'card.release_expert': ['facilitator'],
  'card.play': ['player'],
  'meeting.start': ['facilitator'],
  'meeting.begin': ['facilitator', 'chair'],
  'meeting.pause': ['facilitator'],
  'meeting.resume': ['facilitator'],
  'meeting.end': ['facilitator'],
  'meeting.open_debrief': ['facilitator'],
  'meeting.retake': ['facilitator'],
  'item.next': ['facilitator', 'chair'],
  'item.goto': ['facilitator', 'chair'],
  'item.extend': ['facilitator', 'chair'],
  'hand.raise': ['seat'],
  'hand.lower': ['seat'],
  point_of_order: ['seat'],
  'floor.give': ['facilitator', 'chair'],
  'floor.yield': ['floor_holder', 'facilitator'],
  'floor.cut': ['facilitator', 'chair'],
  'floor.extend': ['facilitator', 'chair'],
  'statement.post': ['floor_holder'],
  'npc.say': ['observer', 'facilitator'],
  'mood.show': ['seat'],
  'candidate.nominate': ['seat', 'facilitator'],
  'vote.open': ['facilitator', 'chair'],
  'vote.cast': ['seat'],
  'election.cast': ['seat'],
  'vote.close': ['facilitator', 'chair'],
  // The returning officer's console: paper ballots and tallies.
  'ballot.paper.enter': ['facilitator'],
  'ballot.paper.correct': ['facilitator'],
  'ballot.tally.enter': ['facilitator'],
  'ballot.tally.correct': ['facilitator'],
  'signup.commit': ['seat'],
  'signup.withdraw': ['seat'],
  'action.record': ['facilitator', 'chair'],
  'inject.fire': ['facilitator', 'injector'],
  'inject.respond': ['facilitator', 'observer'],
  'settings.update': ['facilitator'],
  'minutes.details': ['facilitator'],
};

/** Does the facilitator let this observer fire injects? (All observers, or the ones named.) */
export function mayFireInjects(
  settings: MeetingFacts['settings'] | undefined,
  observerId: string | undefined,
): boolean {
  // A snapshot from before per-observer choices has no list: every observer then.
  return (
    settings?.observersMayFireInjects === true &&
    (!settings.injectors || (observerId !== undefined && settings.injectors.includes(observerId)))
  );
}

function holds(right: Right, facts: DataFacts, actor: Actor, command: Command): boolean {
  switch (right) {
    case 'facilitator':
      return actor.kind === 'facilitator';
    case 'system':
      return actor.kind === 'system';
    case 'observer':
      return actor.kind === 'observer';
    case 'injector':
      return actor.kind === 'observer' && mayFireInjects(facts.settings, actor.id);
    case 'joined':
      return actor.kind === 'participant' && seatOf(facts, actor.id) !== undefined;
    case 'seat':
      return actor.kind === 'participant' && seatOf(facts, actor.id)?.roleId != null;
    case 'chair':
      return actor.kind === 'participant' && roleById(facts, seatOf(facts, actor.id)?.roleId)?.chair === true;
    case 'player': {
      // The observer the facilitator handed this card to, while the card is in play.
      if (command.type !== 'card.play' || actor.kind !== 'observer') return false;
      const seat = seatOf(facts, command.participantId);
      return seat?.playedBy === actor.id && seat.roleId != null;
    }
    case 'floor_holder': {
      const holder = facts.item?.floor?.speaker;
      if (!holder) return false;
      return holder.kind === 'participant'
        ? actor.kind === 'participant' && actor.id === holder.id
        : actor.kind === 'observer' || actor.kind === 'facilitator';
    }
  }
}

/** Who may send it, over the facts both the meeting and each viewer's view carry. */
export function authorizeFacts(facts: DataFacts, actor: Actor, command: Command): MeetingError | null {
  const rights = RIGHTS[command.type];
  if (rights.some((right) => holds(right, facts, actor, command))) return null;
  if (rights.includes('player'))
    return refuse(MEETING_ERRORS.notYourCard, 'only the expert the facilitator handed this card to plays it');
  if (actor.kind === 'participant') {
    if (rights.includes('chair'))
      return refuse(MEETING_ERRORS.notChair, 'only the chair (or the facilitator) may do this');
    if (rights.includes('floor_holder'))
      return refuse(MEETING_ERRORS.notFloorHolder, 'only the speaker holding the floor may do this');
    if (rights.includes('seat') || rights.includes('joined')) {
      return seatOf(facts, actor.id)
        ? refuse(MEETING_ERRORS.noCard, 'take a role card first')
        : refuse(MEETING_ERRORS.unknownParticipant, 'you have not joined this session');
    }
  }
  if (rights.includes('floor_holder') && (actor.kind === 'observer' || actor.kind === 'facilitator')) {
    return refuse(MEETING_ERRORS.notFloorHolder, 'only the speaker holding the floor may do this');
  }
  return refuse(MEETING_ERRORS.forbidden, `${actor.kind} may not send ${command.type}`);
}

export function authorize(
  scenario: Scenario,
  ctx: MeetingContext,
  actor: Actor,
  command: Command,
): MeetingError | null {
  return authorizeFacts(contextFacts(scenario, ctx), actor, command);
}

/**
 * What a card's own holder does, an expert playing it may do for it: the
 * seat's, the chair's and the floor holder's commands. Not the card itself:
 * only the facilitator hands it over and takes it back.
 */
const PLAYABLE: ReadonlySet<CommandType> = new Set(
  (Object.entries(RIGHTS) as [CommandType, readonly Right[]][])
    .filter(
      ([type, rights]) =>
        type !== 'card.release' && rights.some((r) => r === 'seat' || r === 'chair' || r === 'floor_holder'),
    )
    .map(([type]) => type),
);

export const mayBePlayed = (type: CommandType): boolean => PLAYABLE.has(type);

export type Acting = { ok: true; actor: Actor; command: Command } | { ok: false; error: MeetingError };

/**
 * Who a command really comes from. `card.play` from the card's expert becomes
 * the command it carries, sent by the stand-in's seat: checked, applied and
 * logged exactly as if that seat had sent it. Anything else is as sent.
 */
export function actingAs(scenario: Scenario, ctx: MeetingContext, actor: Actor, command: Command): Acting {
  if (command.type !== 'card.play') return { ok: true, actor, command };
  const error = authorize(scenario, ctx, actor, command);
  if (error) return { ok: false, error };
  if (!mayBePlayed(command.command.type))
    return {
      ok: false,
      error: refuse(
        MEETING_ERRORS.notPlayable,
        `a card played by an expert cannot send ${command.command.type}`,
      ),
    };
  return { ok: true, actor: { kind: 'participant', id: command.participantId }, command: command.command };
}
