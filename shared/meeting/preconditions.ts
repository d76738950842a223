// What must be true of the meeting's data for a command to make sense:
// the card has a free seat, the ballot is open, the voter is eligible…
// Rights are checked before (rights.ts); whether the command fits the current
// state of the machine is checked after, by the machine itself.
import type { Item, Scenario } from '../scenario/index.ts';
import { ballotIsFinal, isBallotItem } from './ballots.ts';
import type { Actor, Command, CommandOf, Speaker } from './commands.ts';
import type { MeetingContext } from './context.ts';
import { sameSpeaker } from './context.ts';
import { MEETING_ERRORS as E, type MeetingError, refuse } from './errors.ts';
import { contextFacts } from './facts.ts';
import { checkFacts } from './may-send.ts';
import { castTargets, checkElectionChoices, checkPaper } from './paper-ballots.ts';

export function currentItem(scenario: Scenario, ctx: MeetingContext): Item | undefined {
  return ctx.item ? scenario.agenda[ctx.item.index] : undefined;
}

const selfSpeaker = (actor: Actor): Speaker | undefined =>
  actor.kind === 'participant' ? { kind: 'participant', id: actor.id } : undefined;

function checkBallotOpen(ctx: MeetingContext): MeetingError | null {
  const ballot = ctx.item?.ballot;
  if (!ballot || ballot.openedAt === undefined) return refuse(E.notOpen, 'the vote is not open');
  if (ballot.closedAt !== undefined) return refuse(E.closed, 'the vote is closed');
  return null;
}

function checkCast(
  scenario: Scenario,
  ctx: MeetingContext,
  actor: Actor,
  command: CommandOf<'vote.cast' | 'election.cast'>,
) {
  const item = currentItem(scenario, ctx);
  const ballot = ctx.item?.ballot;
  const wanted = command.type === 'vote.cast' ? 'vote' : 'election';
  if (item?.kind !== wanted || !ballot) return refuse(E.wrongState, `there is no ${wanted} under way`);
  const open = checkBallotOpen(ctx);
  if (open) return open;
  const seat = actor.kind === 'participant' ? actor.id : '';
  if (!ballot.voters.includes(seat)) return refuse(E.notEligible, 'your card is not eligible in this vote');
  // A vote of the electorate: one ballot per owner the seat sits for.
  if (ballot.electorate) {
    const wrong = checkChoices(item, ballot, command);
    if (wrong) return wrong;
    const targets = castTargets(scenario, item, ballot.electorate, seat, command.flats);
    return Array.isArray(targets) ? null : targets;
  }
  if (command.flats !== undefined)
    return refuse(E.noElectorate, 'this vote counts the cards in the room: a card casts one ballot');
  const already = seat in ballot.votes || seat in ballot.choices;
  if (isBallotItem(item) && ballotIsFinal(item, already))
    return refuse(E.ballotFinal, 'a secret ballot cannot be changed once cast');
  return checkChoices(item, ballot, command);
}

function checkChoices(
  item: Item,
  ballot: NonNullable<MeetingContext['item']>['ballot'] & object,
  command: CommandOf<'vote.cast' | 'election.cast'>,
): MeetingError | null {
  if (command.type === 'vote.cast') {
    if (item.kind === 'vote' && !item.options.includes(command.choice)) {
      return refuse(E.invalidOption, `"${command.choice}" is not an option in this vote`);
    }
    return null;
  }
  return item.kind === 'election' ? checkElectionChoices(item, ballot, command.choices) : null;
}

/**
 * The data checks of a command. What every view's facts carry is checked by
 * may-send.ts's `checkFacts` (the screens ask the same function); what follows
 * needs the full state.
 */
export function checkPreconditions(
  scenario: Scenario,
  ctx: MeetingContext,
  actor: Actor,
  command: Command,
): MeetingError | null {
  const facts = contextFacts(scenario, ctx);
  const shared = checkFacts(facts, actor, command);
  if (shared) return shared;
  switch (command.type) {
    case 'hand.raise': {
      // A speakers list in turns: each speaker's regular turns in this item are counted.
      const me = selfSpeaker(actor);
      const item = currentItem(scenario, ctx);
      if (me && item?.kind === 'speakers' && item.order === 'queue') {
        const taken = ctx.record.turns.filter(
          (t) => t.item === item.id && sameSpeaker(t.speaker, me) && !t.pointOfOrder,
        );
        if (taken.length >= item.rounds)
          return refuse(E.noMoreTurns, `each speaker has ${item.rounds} turn(s) in this item`);
      }
      return null;
    }
    case 'vote.cast':
    case 'election.cast':
      return checkCast(scenario, ctx, actor, command);
    case 'ballot.paper.enter':
    case 'ballot.paper.correct':
    case 'ballot.tally.enter':
    case 'ballot.tally.correct': {
      const item = currentItem(scenario, ctx);
      const ballot = ctx.item?.ballot;
      if ((item?.kind !== 'vote' && item?.kind !== 'election') || !ballot)
        return refuse(E.wrongState, 'there is no vote under way');
      return checkBallotOpen(ctx) ?? checkPaper(scenario, item, ballot, command);
    }
    default:
      return null;
  }
}
