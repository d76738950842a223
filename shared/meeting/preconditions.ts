// What must be true of the meeting's data for a command to make sense:
// the card has a free seat, the ballot is open, the voter is eligible…
// Rights are checked before (rights.ts); whether the command fits the current
// state of the machine is checked after, by the machine itself.
import type { Item, Scenario } from '../scenario/index.ts';
import type { Actor, Command, CommandOf, Speaker } from './commands.ts';
import type { MeetingContext } from './context.ts';
import { sameSpeaker } from './context.ts';
import { MEETING_ERRORS as E, type MeetingError, refuse } from './errors.ts';
import { isFloorItem, isQueued, mayBeCalled, orderedQueue } from './floor.ts';
import { hasFired } from './injects.ts';
import { castTargets, checkElectionChoices, checkPaper } from './paper-ballots.ts';
import { hasFreeSeat, holdersOf, missingCards } from './seats.ts';
import { isStandIn, mayStandIn } from './stand-ins.ts';

export function currentItem(scenario: Scenario, ctx: MeetingContext): Item | undefined {
  return ctx.item ? scenario.agenda[ctx.item.index] : undefined;
}

const selfSpeaker = (actor: Actor): Speaker | undefined =>
  actor.kind === 'participant' ? { kind: 'participant', id: actor.id } : undefined;

function checkCard(
  scenario: Scenario,
  ctx: MeetingContext,
  participantId: string,
  roleId: string,
): MeetingError | null {
  const role = scenario.roles.find((r) => r.id === roleId);
  if (!role) return refuse(E.unknownRole, `no role card "${roleId}" in this scenario`);
  if (role.npc) return refuse(E.npcCard, `"${roleId}" is voiced by the experts, not held by a trainee`);
  if (ctx.participants[participantId]?.roleId === roleId) return null;
  if (!hasFreeSeat(role, ctx))
    return refuse(E.cardFull, `every seat of "${roleId}" is taken (${role.seats.max})`);
  return null;
}

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
  if (already && item.ballot === 'secret')
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

function checkFloorGive(scenario: Scenario, ctx: MeetingContext, command: CommandOf<'floor.give'>) {
  const item = currentItem(scenario, ctx);
  if (!isFloorItem(item) || !ctx.item) return refuse(E.wrongState, 'this agenda item has no floor');
  if (ctx.item.floor)
    return refuse(E.floorBusy, 'someone holds the floor; cut off or wait for them to yield');
  const to = command.to ?? orderedQueue(item, ctx.item.queue, ctx.record)[0]?.speaker;
  if (!to) return refuse(E.floorEmpty, 'the speakers list is empty');
  if (to.kind === 'participant' && !ctx.participants[to.id]?.roleId) {
    return refuse(E.unknownParticipant, 'that participant has no card in this meeting');
  }
  if (to.kind === 'npc' && !scenario.roles.some((r) => r.id === to.roleId && r.npc)) {
    return refuse(E.notNpc, `"${to.roleId}" is not an npc card`);
  }
  if (!mayBeCalled(scenario, ctx, item, to))
    return refuse(E.notListed, 'this item has a fixed speakers list; that speaker is not on it');
  return null;
}

export function checkPreconditions(
  scenario: Scenario,
  ctx: MeetingContext,
  actor: Actor,
  command: Command,
): MeetingError | null {
  const queue = ctx.item?.queue ?? [];
  switch (command.type) {
    case 'card.take':
      return actor.kind === 'participant' ? checkCard(scenario, ctx, actor.id, command.roleId) : null;
    case 'card.assign':
      // Own keys only: "__proto__" or "constructor" must not find an inherited object.
      if (!Object.hasOwn(ctx.participants, command.participantId))
        return refuse(E.unknownParticipant, 'no such participant');
      if (isStandIn(ctx.participants[command.participantId]))
        return refuse(E.standIn, 'an expert plays this seat: take the card back from the expert instead');
      return command.roleId === null ? null : checkCard(scenario, ctx, command.participantId, command.roleId);
    case 'card.assign_expert': {
      const role = scenario.roles.find((r) => r.id === command.roleId);
      if (!role) return refuse(E.unknownRole, `no role card "${command.roleId}" in this scenario`);
      if (role.npc) return refuse(E.npcCard, `"${command.roleId}" is voiced by the experts already`);
      if (!hasFreeSeat(role, ctx))
        return refuse(E.cardFull, `every seat of "${command.roleId}" is taken (${role.seats.max})`);
      return mayStandIn(role, holdersOf(ctx, role.id).length)
        ? null
        : refuse(
            E.cardHeld,
            `"${command.roleId}" is held already; an expert stands in only for a card nobody holds or one short of its minimum`,
          );
    }
    case 'card.release_expert': {
      const p = Object.hasOwn(ctx.participants, command.participantId)
        ? ctx.participants[command.participantId]
        : undefined;
      return p && isStandIn(p) && p.roleId !== null
        ? null
        : refuse(E.notStandIn, 'no card played by an expert has this seat');
    }
    case 'meeting.start': {
      const missing = missingCards(scenario, ctx);
      if (missing.length === 0) return null;
      const list = missing.map((m) => `${m.roleId} (${m.held}/${m.needed})`).join(', ');
      return refuse(E.requiredCards, `cards still needed before the meeting can start: ${list}`);
    }
    case 'item.goto':
      return scenario.agenda.some((i) => i.id === command.itemId)
        ? null
        : refuse(E.unknownItem, `no agenda item "${command.itemId}"`);
    case 'hand.raise':
    case 'point_of_order': {
      const me = selfSpeaker(actor);
      if (!me) return null;
      if (ctx.item?.floor && sameSpeaker(ctx.item.floor.speaker, me))
        return refuse(E.alreadyQueued, 'you hold the floor');
      const mine = queue.filter((e) => sameSpeaker(e.speaker, me));
      if (command.type === 'point_of_order') {
        return mine.some((e) => e.pointOfOrder)
          ? refuse(E.alreadyQueued, 'your point of order is already waiting')
          : null;
      }
      if (mine.length > 0) return refuse(E.alreadyQueued, 'you are already on the speakers list');
      const item = currentItem(scenario, ctx);
      if (item?.kind === 'speakers' && item.order === 'queue') {
        const taken = ctx.record.turns.filter(
          (t) => t.item === item.id && sameSpeaker(t.speaker, me) && !t.pointOfOrder,
        );
        if (taken.length >= item.rounds)
          return refuse(E.noMoreTurns, `each speaker has ${item.rounds} turn(s) in this item`);
      }
      return null;
    }
    case 'hand.lower': {
      const me = selfSpeaker(actor);
      return me && !isQueued(queue, me) ? refuse(E.notQueued, 'you are not on the speakers list') : null;
    }
    case 'floor.give':
      return checkFloorGive(scenario, ctx, command);
    case 'floor.yield':
    case 'floor.cut':
    case 'floor.extend':
      return ctx.item?.floor ? null : refuse(E.floorEmpty, 'nobody holds the floor');
    case 'npc.say':
      return scenario.roles.some((r) => r.id === command.roleId && r.npc)
        ? null
        : refuse(E.notNpc, `"${command.roleId}" is not an npc card`);
    case 'candidate.nominate': {
      const item = currentItem(scenario, ctx);
      if (
        item?.kind !== 'election' ||
        item.candidates !== 'nominate' ||
        ctx.item?.ballot?.openedAt !== undefined
      ) {
        return refuse(E.notNominating, 'nominations are not open');
      }
      if (!ctx.participants[command.participantId]?.roleId)
        return refuse(E.unknownParticipant, 'that participant has no card');
      if (ctx.item?.ballot?.nominations.includes(command.participantId))
        return refuse(E.alreadyNominated, 'already nominated');
      return null;
    }
    case 'vote.open': {
      const ballot = ctx.item?.ballot;
      if (!ballot) return refuse(E.wrongState, 'this agenda item is not a vote');
      if (ballot.closedAt !== undefined) return refuse(E.closed, 'the vote is closed');
      const item = currentItem(scenario, ctx);
      if (item?.kind === 'election' && item.candidates === 'nominate' && ballot.nominations.length === 0) {
        return refuse(E.noCandidates, 'nobody has been nominated');
      }
      return null;
    }
    case 'vote.cast':
    case 'election.cast':
      return checkCast(scenario, ctx, actor, command);
    case 'vote.close':
      return ctx.item?.ballot ? checkBallotOpen(ctx) : refuse(E.wrongState, 'this agenda item is not a vote');
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
    case 'signup.commit':
    case 'signup.withdraw': {
      const item = currentItem(scenario, ctx);
      if (item?.kind !== 'signup' || command.ask >= item.asks.length)
        return refuse(E.unknownAsk, 'no such sign-up list here');
      return null;
    }
    case 'action.record':
      return command.who === undefined || scenario.roles.some((r) => r.id === command.who)
        ? null
        : refuse(E.unknownRole, `no role "${command.who}"`);
    case 'inject.fire':
      if (!scenario.injects.some((i) => i.id === command.injectId))
        return refuse(E.unknownInject, `no inject "${command.injectId}"`);
      return hasFired(ctx, command.injectId) ? refuse(E.injectFired, 'this inject has already fired') : null;
    case 'inject.respond':
      return hasFired(ctx, command.injectId) ? null : refuse(E.injectNotFired, 'this inject has not fired');
    default:
      return null;
  }
}
