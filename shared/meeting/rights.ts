// Who may send which command. Chair powers belong to the holder of the chair
// card; the facilitator may do anything procedural; observers coach; a
// trainee acts for their own seat only.
import type { Scenario } from '../scenario/index.ts';
import type { Actor, Command, CommandType } from './commands.ts';
import type { MeetingContext } from './context.ts';
import { MEETING_ERRORS, type MeetingError, refuse } from './errors.ts';
import { isChair } from './seats.ts';

type Right =
  | 'facilitator'
  | 'system'
  | 'chair'
  | 'seat'
  | 'joined'
  | 'observer'
  | 'floor_holder'
  | 'injector';

/** Each command's senders (any one suffices). The facilitator holds every procedural right. */
const RIGHTS: Record<CommandType, readonly Right[]> = {
  'participant.join': ['system', 'facilitator'],
  'card.take': ['joined'],
  'card.release': ['seat'],
  'card.assign': ['facilitator'],
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
};

function holds(right: Right, scenario: Scenario, ctx: MeetingContext, actor: Actor): boolean {
  switch (right) {
    case 'facilitator':
      return actor.kind === 'facilitator';
    case 'system':
      return actor.kind === 'system';
    case 'observer':
      return actor.kind === 'observer';
    case 'injector':
      // A snapshot from before per-observer choices has no list: every observer then.
      return (
        actor.kind === 'observer' &&
        ctx.observersMayFireInjects &&
        (!ctx.injectors || ctx.injectors.includes(actor.id))
      );
    case 'joined':
      return actor.kind === 'participant' && ctx.participants[actor.id] !== undefined;
    case 'seat':
      return actor.kind === 'participant' && ctx.participants[actor.id]?.roleId != null;
    case 'chair':
      return actor.kind === 'participant' && isChair(scenario, ctx, actor.id);
    case 'floor_holder': {
      const holder = ctx.item?.floor?.speaker;
      if (!holder) return false;
      return holder.kind === 'participant'
        ? actor.kind === 'participant' && actor.id === holder.id
        : actor.kind === 'observer' || actor.kind === 'facilitator';
    }
  }
}

export function authorize(
  scenario: Scenario,
  ctx: MeetingContext,
  actor: Actor,
  command: Command,
): MeetingError | null {
  const rights = RIGHTS[command.type];
  if (rights.some((right) => holds(right, scenario, ctx, actor))) return null;
  if (actor.kind === 'participant') {
    if (rights.includes('chair'))
      return refuse(MEETING_ERRORS.notChair, 'only the chair (or the facilitator) may do this');
    if (rights.includes('floor_holder'))
      return refuse(MEETING_ERRORS.notFloorHolder, 'only the speaker holding the floor may do this');
    if (rights.includes('seat') || rights.includes('joined')) {
      return ctx.participants[actor.id]
        ? refuse(MEETING_ERRORS.noCard, 'take a role card first')
        : refuse(MEETING_ERRORS.unknownParticipant, 'you have not joined this session');
    }
  }
  if (rights.includes('floor_holder') && (actor.kind === 'observer' || actor.kind === 'facilitator')) {
    return refuse(MEETING_ERRORS.notFloorHolder, 'only the speaker holding the floor may do this');
  }
  return refuse(MEETING_ERRORS.forbidden, `${actor.kind} may not send ${command.type}`);
}
