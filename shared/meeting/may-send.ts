// The one answer to "may this viewer send this command now, and if not, why
// not", over MeetingFacts (facts.ts): the server's dispatch asks it before
// the engine's own checks, and every button, hint and menu of the screens
// asks it on the facts of their projected view. No xstate and no zod here:
// the trainee's phone loads this file.
//
// Three parts, in order: the state the machine must be in (ACCEPTED_IN, kept
// equal to the machine's transitions by a test), who may send it (rights.ts),
// and what the facts must allow (checkFacts). What only the full state
// knows — a speaker's turns in this item, an owner's ballot in a vote of the
// electorate — the engine checks after (preconditions.ts).
import type { Actor, Command, CommandOf, CommandType, Speaker } from './commands.ts';
import { sameSpeaker } from './context.ts';
import { MEETING_ERRORS as E, type MeetingError, refuse } from './errors.ts';
import { currentAgendaItem, type DataFacts, type MeetingFacts, roleById, seatOf } from './facts.ts';
import { hasFloor, mayCall, takesHands } from './floor.ts';
import { authorizeFacts, mayBePlayed } from './rights.ts';
import { missingCardsAmong } from './seats.ts';
import { mayStandIn } from './stand-ins.ts';

/** Where the machine takes each command: state paths (a state and everything inside it); '' is anywhere. */
export const ACCEPTED_IN: Record<Exclude<CommandType, 'card.play'>, readonly string[]> = {
  'participant.join': [''],
  'mood.show': [''],
  'settings.update': [''],
  'minutes.details': [''],
  'inject.respond': [''],
  'card.take': ['lobby', 'briefing'],
  'card.release': ['lobby', 'briefing'],
  'card.assign': ['lobby', 'briefing', 'meeting'],
  'card.assign_expert': ['lobby', 'briefing'],
  'card.release_expert': ['lobby', 'briefing'],
  'meeting.start': ['lobby'],
  'meeting.begin': ['briefing'],
  'meeting.end': ['briefing', 'meeting'],
  'meeting.pause': ['meeting.running'],
  'meeting.resume': ['meeting.paused'],
  'item.next': ['meeting.running'],
  'item.goto': ['meeting.running'],
  'item.extend': ['meeting.running'],
  'npc.say': ['meeting.running'],
  'action.record': ['meeting.running'],
  'inject.fire': ['meeting.running'],
  'hand.raise': ['meeting.running.floor'],
  'hand.lower': ['meeting.running.floor'],
  point_of_order: ['meeting.running.floor'],
  'floor.give': ['meeting.running.floor.idle'],
  'floor.yield': ['meeting.running.floor.speaking'],
  'floor.cut': ['meeting.running.floor.speaking'],
  'floor.extend': ['meeting.running.floor.speaking'],
  'statement.post': ['meeting.running.floor.speaking'],
  'candidate.nominate': ['meeting.running.ballot.pending'],
  'vote.open': ['meeting.running.ballot.pending'],
  'vote.cast': ['meeting.running.ballot.open'],
  'election.cast': ['meeting.running.ballot.open'],
  'vote.close': ['meeting.running.ballot.open'],
  'ballot.paper.enter': ['meeting.running.ballot.open'],
  'ballot.paper.correct': ['meeting.running.ballot.open'],
  'ballot.tally.enter': ['meeting.running.ballot.open'],
  'ballot.tally.correct': ['meeting.running.ballot.open'],
  'signup.commit': ['meeting.running.signup'],
  'signup.withdraw': ['meeting.running.signup'],
  'meeting.open_debrief': ['closed'],
  'meeting.retake': ['closed', 'debrief'],
};

const within = (state: string, path: string) => path === '' || state === path || state.startsWith(`${path}.`);

/** Does the machine take this command in this state at all? */
export function acceptedIn(state: string, type: Exclude<CommandType, 'card.play'>): boolean {
  return ACCEPTED_IN[type].some((path) => within(state, path));
}

const mine = (actor: Actor): Speaker | undefined =>
  actor.kind === 'participant' ? { kind: 'participant', id: actor.id } : undefined;

/** Raising a hand or a point of order: not while holding the floor, not twice. */
function checkHand(facts: DataFacts, actor: Actor, command: CommandOf<'hand.raise' | 'point_of_order'>) {
  const me = mine(actor);
  if (!me) return null;
  const item = facts.item;
  if (item?.floor && sameSpeaker(item.floor.speaker, me))
    return refuse(E.alreadyQueued, 'you hold the floor');
  const entries = (item?.queue ?? []).filter((e) => sameSpeaker(e.speaker, me));
  if (command.type === 'point_of_order')
    return entries.some((e) => e.pointOfOrder)
      ? refuse(E.alreadyQueued, 'your point of order is already waiting')
      : null;
  return entries.length > 0 ? refuse(E.alreadyQueued, 'you are already on the speakers list') : null;
}

function checkFloorGive(facts: DataFacts, command: CommandOf<'floor.give'>): MeetingError | null {
  const item = currentAgendaItem(facts);
  const state = facts.item;
  if (!hasFloor(item) || !state) return refuse(E.wrongState, 'this agenda item has no floor');
  if (state.floor) return refuse(E.floorBusy, 'someone holds the floor; cut off or wait for them to yield');
  const to = command.to ?? state.queue[0]?.speaker;
  if (!to) return refuse(E.floorEmpty, 'the speakers list is empty');
  if (to.kind === 'participant' && !seatOf(facts, to.id)?.roleId)
    return refuse(E.unknownParticipant, 'that participant has no card in this meeting');
  if (to.kind === 'npc' && roleById(facts, to.roleId)?.npc !== true)
    return refuse(E.notNpc, `"${to.roleId}" is not an npc card`);
  if (!mayCall(item, { roles: facts.roles, participants: facts.participants, queue: state.queue }, to))
    return refuse(E.notListed, 'this item has a fixed speakers list; that speaker is not on it');
  return null;
}

/** May this seat hold this card? (Taking one, or the facilitator handing it over.) */
export function checkCard(facts: DataFacts, participantId: string, roleId: string): MeetingError | null {
  const role = roleById(facts, roleId);
  if (!role) return refuse(E.unknownRole, `no role card "${roleId}" in this scenario`);
  if (role.npc) return refuse(E.npcCard, `"${roleId}" is voiced by the experts, not held by a trainee`);
  if (seatOf(facts, participantId)?.roleId === roleId) return null;
  const held = facts.participants.filter((p) => p.roleId === roleId).length;
  if (held >= role.seats.max)
    return refuse(E.cardFull, `every seat of "${roleId}" is taken (${role.seats.max})`);
  return null;
}

/** Handing a card over, taking one back, and a card for an expert to play: over the seats every console view carries. */
function checkSeats(
  facts: DataFacts,
  command: CommandOf<'card.assign' | 'card.assign_expert' | 'card.release_expert'>,
): MeetingError | null {
  switch (command.type) {
    case 'card.assign': {
      const seat = seatOf(facts, command.participantId);
      if (!seat) return refuse(E.unknownParticipant, 'no such participant');
      if (seat.playedBy !== undefined)
        return refuse(E.standIn, 'an expert plays this seat: take the card back from the expert instead');
      return command.roleId === null ? null : checkCard(facts, command.participantId, command.roleId);
    }
    case 'card.assign_expert': {
      // Whether the observer has joined is the host's to say (isKnownExpert): observers are not in the facts.
      const role = roleById(facts, command.roleId);
      if (!role) return refuse(E.unknownRole, `no role card "${command.roleId}" in this scenario`);
      if (role.npc) return refuse(E.npcCard, `"${command.roleId}" is voiced by the experts already`);
      const held = facts.participants.filter((p) => p.roleId === role.id).length;
      if (held >= role.seats.max)
        return refuse(E.cardFull, `every seat of "${command.roleId}" is taken (${role.seats.max})`);
      return mayStandIn(role, held)
        ? null
        : refuse(
            E.cardHeld,
            `"${command.roleId}" is held already; an expert stands in only for a card nobody holds or one short of its minimum`,
          );
    }
    case 'card.release_expert': {
      const seat = seatOf(facts, command.participantId);
      return seat && seat.playedBy !== undefined && seat.roleId !== null
        ? null
        : refuse(E.notStandIn, 'no card played by an expert has this seat');
    }
  }
}

function checkBallotOpen(facts: DataFacts): MeetingError | null {
  const ballot = facts.item?.ballot;
  if (!ballot || (!ballot.open && !ballot.closed)) return refuse(E.notOpen, 'the vote is not open');
  if (ballot.closed) return refuse(E.closed, 'the vote is closed');
  return null;
}

/**
 * What the facts must allow, for the commands whose data every view carries.
 * The engine's preconditions (preconditions.ts) ask this first for the same
 * commands, so these rules are written once; it adds only what needs the full
 * state. Null when the facts allow the command.
 */
export function checkFacts(facts: DataFacts, actor: Actor, command: Command): MeetingError | null {
  switch (command.type) {
    case 'card.take':
      return actor.kind === 'participant' ? checkCard(facts, actor.id, command.roleId) : null;
    case 'card.assign':
    case 'card.assign_expert':
    case 'card.release_expert':
      return checkSeats(facts, command);
    case 'meeting.start': {
      const missing = missingCardsAmong(facts, facts.participants);
      if (missing.length === 0) return null;
      const list = missing.map((m) => `${m.roleId} (${m.held}/${m.needed})`).join(', ');
      return refuse(E.requiredCards, `cards still needed before the meeting can start: ${list}`);
    }
    case 'item.goto':
      return facts.agenda.some((i) => i.id === command.itemId)
        ? null
        : refuse(E.unknownItem, `no agenda item "${command.itemId}"`);
    case 'hand.raise':
    case 'point_of_order':
      return checkHand(facts, actor, command);
    case 'hand.lower': {
      const me = mine(actor);
      return me && !(facts.item?.queue ?? []).some((e) => sameSpeaker(e.speaker, me))
        ? refuse(E.notQueued, 'you are not on the speakers list')
        : null;
    }
    case 'floor.give':
      return checkFloorGive(facts, command);
    case 'floor.yield':
    case 'floor.cut':
    case 'floor.extend':
      return facts.item?.floor ? null : refuse(E.floorEmpty, 'nobody holds the floor');
    case 'npc.say':
      return roleById(facts, command.roleId)?.npc === true
        ? null
        : refuse(E.notNpc, `"${command.roleId}" is not an npc card`);
    case 'candidate.nominate': {
      const item = currentAgendaItem(facts);
      const ballot = facts.item?.ballot;
      if (item?.kind !== 'election' || item.candidates !== 'nominate' || ballot?.open || ballot?.closed)
        return refuse(E.notNominating, 'nominations are not open');
      if (!seatOf(facts, command.participantId)?.roleId)
        return refuse(E.unknownParticipant, 'that participant has no card');
      if (ballot?.nominations.includes(command.participantId))
        return refuse(E.alreadyNominated, 'already nominated');
      return null;
    }
    case 'vote.open': {
      const ballot = facts.item?.ballot;
      if (!ballot) return refuse(E.wrongState, 'this agenda item is not a vote');
      if (ballot.closed) return refuse(E.closed, 'the vote is closed');
      const item = currentAgendaItem(facts);
      if (item?.kind === 'election' && item.candidates === 'nominate' && ballot.nominations.length === 0)
        return refuse(E.noCandidates, 'nobody has been nominated');
      return null;
    }
    case 'vote.cast':
    case 'election.cast': {
      const wanted = command.type === 'vote.cast' ? 'vote' : 'election';
      const item = currentAgendaItem(facts);
      if (item?.kind !== wanted || !facts.item?.ballot)
        return refuse(E.wrongState, `there is no ${wanted} under way`);
      const open = checkBallotOpen(facts);
      if (open) return open;
      const seat = actor.kind === 'participant' ? actor.id : '';
      if (!facts.item.ballot.voters.includes(seat))
        return refuse(E.notEligible, 'your card is not eligible in this vote');
      if (command.type === 'vote.cast' && item.kind === 'vote' && !item.options.includes(command.choice))
        return refuse(E.invalidOption, `"${command.choice}" is not an option in this vote`);
      return null;
    }
    case 'vote.close':
      return facts.item?.ballot
        ? checkBallotOpen(facts)
        : refuse(E.wrongState, 'this agenda item is not a vote');
    case 'signup.commit':
    case 'signup.withdraw': {
      const item = currentAgendaItem(facts);
      return item?.kind === 'signup' && command.ask < item.asks.length
        ? null
        : refuse(E.unknownAsk, 'no such sign-up list here');
    }
    case 'action.record':
      return command.who === undefined || roleById(facts, command.who)
        ? null
        : refuse(E.unknownRole, `no role "${command.who}"`);
    case 'inject.fire': {
      const inject = facts.injects?.find((i) => i.id === command.injectId);
      if (facts.injects && !inject) return refuse(E.unknownInject, `no inject "${command.injectId}"`);
      return inject?.fired ? refuse(E.injectFired, 'this inject has already fired') : null;
    }
    case 'inject.respond': {
      const inject = facts.injects?.find((i) => i.id === command.injectId);
      return facts.injects && !inject?.fired ? refuse(E.injectNotFired, 'this inject has not fired') : null;
    }
    default:
      return null;
  }
}

/**
 * Rules for live commands only, tighter than what the engine replays: a
 * log written before a rule was tightened still replays (the engine's checks
 * are unchanged), while nobody can send it any more.
 */
function liveRules(facts: DataFacts, command: Command): MeetingError | null {
  // A fixed speakers list calls only its own speakers: a raised hand there would wait for nothing.
  if (command.type === 'hand.raise' && !takesHands(currentAgendaItem(facts)))
    return refuse(E.notListed, 'this item has a fixed speakers list; hands are not taken');
  return null;
}

/**
 * A live rule asked before the data's own checks, so that its reason, the
 * more basic one, is the one given: a rehearsal with nobody in it (every card
 * may be optional, but there is no one to rehearse), rather than the list of
 * every card still to take.
 */
function nobodyJoined(facts: DataFacts, command: Command): MeetingError | null {
  return command.type === 'meeting.start' && facts.participants.length === 0
    ? refuse(E.nobodyJoined, 'no trainee has joined yet')
    : null;
}

/** The state's part of the answer, in words a refusal can carry. */
function checkState(state: string, type: Exclude<CommandType, 'card.play'>): MeetingError | null {
  return acceptedIn(state, type)
    ? null
    : refuse(E.wrongState, `"${type}" is not possible now (the meeting is at ${state})`);
}

/**
 * May `actor` send `command` now? Null when it may; otherwise the refusal the
 * server would answer with (code and message). An expert's `card.play` is
 * answered for the seat it plays, as the server logs it.
 */
export function maySend(facts: MeetingFacts, actor: Actor, command: Command): MeetingError | null {
  if (command.type === 'card.play') {
    const error = authorizeFacts(facts, actor, command);
    if (error) return error;
    if (!mayBePlayed(command.command.type))
      return refuse(E.notPlayable, `a card played by an expert cannot send ${command.command.type}`);
    return maySend(facts, { kind: 'participant', id: command.participantId }, command.command);
  }
  // The engine's order (rights, data, state), so both give the same reason.
  return (
    authorizeFacts(facts, actor, command) ??
    nobodyJoined(facts, command) ??
    checkFacts(facts, actor, command) ??
    checkState(facts.state, command.type) ??
    liveRules(facts, command)
  );
}
