// What each accepted command does to the meeting's context: pure functions
// from (scenario, context, event) to the next context. The machine
// (machine.ts) decides WHEN one applies; these say WHAT changes.
import type { Scenario } from '../scenario/index.ts';
import { countBallot, isBallotItem, openBallot } from './ballots.ts';
import { shiftClocks } from './clock.ts';
import type { MeetingEvent } from './commands.ts';
import { emptyRecord, type ItemState, initialContext, type MeetingContext, sameSpeaker } from './context.ts';
import { isFloorItem, orderedQueue, turnFor, turnRecord } from './floor.ts';
import { applyElectorateCast, applyPaper, type PaperCommand } from './paper-ballots.ts';
import { currentItem } from './preconditions.ts';

type EventOf<T extends MeetingEvent['type']> = Extract<MeetingEvent, { type: T }>;

const withItem = (ctx: MeetingContext, update: (item: ItemState) => ItemState): MeetingContext =>
  ctx.item ? { ...ctx, item: update(ctx.item) } : ctx;

// --- Lifecycle and clocks ---

export function pause(ctx: MeetingContext, at: number): MeetingContext {
  return { ...ctx, pausedAt: at, record: { ...ctx.record, pauses: [...ctx.record.pauses, { from: at }] } };
}

/** Every running clock moves on by the time the meeting stood still. */
export function resume(ctx: MeetingContext, at: number): MeetingContext {
  const shifted = shiftClocks(ctx, at - (ctx.pausedAt ?? at));
  const pauses = shifted.record.pauses.map((p, i, all) => (i === all.length - 1 ? { ...p, to: at } : p));
  return { ...shifted, pausedAt: null, record: { ...shifted.record, pauses } };
}

/** More time for the item (or the speaker): the deadline moves, a recorded time-up is cleared. */
export function extendItem(ctx: MeetingContext, event: EventOf<'item.extend'>): MeetingContext {
  return withItem(ctx, (item) => {
    const { timeUpAt: _, ...rest } = item;
    return { ...rest, deadline: Math.max(item.deadline ?? event.at, event.at) + event.seconds * 1000 };
  });
}

export function extendFloor(ctx: MeetingContext, event: EventOf<'floor.extend'>): MeetingContext {
  return withItem(ctx, (item) => {
    if (!item.floor) return item;
    const { timeUpAt: _, ...floor } = item.floor;
    return {
      ...item,
      floor: { ...floor, deadline: Math.max(floor.deadline ?? event.at, event.at) + event.seconds * 1000 },
    };
  });
}

/** Attempt n+1: the record starts empty, the earlier attempt is kept whole, cards kept or cleared. */
export function retake(ctx: MeetingContext, event: EventOf<'meeting.retake'>): MeetingContext {
  const cards = Object.fromEntries(Object.values(ctx.participants).map((p) => [p.id, p.roleId]));
  const participants = Object.fromEntries(
    Object.values(ctx.participants).map((p) => [
      p.id,
      { ...p, mood: null, roleId: event.cards === 'keep' ? p.roleId : null },
    ]),
  );
  return {
    ...initialContext(event.at),
    attempt: ctx.attempt + 1,
    participants,
    observersMayFireInjects: ctx.observersMayFireInjects,
    injectors: ctx.injectors ?? null,
    ...(ctx.minutesDetails && { minutesDetails: ctx.minutesDetails }),
    record: emptyRecord(),
    earlierAttempts: [...ctx.earlierAttempts, { attempt: ctx.attempt, record: ctx.record, cards }],
  };
}

// --- The floor ---

export function raiseHand(
  ctx: MeetingContext,
  event: EventOf<'hand.raise' | 'point_of_order'>,
): MeetingContext {
  const { actor } = event;
  if (actor.kind !== 'participant') return ctx;
  const entry = {
    speaker: { kind: 'participant', id: actor.id } as const,
    pointOfOrder: event.type === 'point_of_order',
    raisedAt: event.at,
  };
  return withItem(ctx, (item) => ({ ...item, queue: [...item.queue, entry] }));
}

export function lowerHand(ctx: MeetingContext, event: EventOf<'hand.lower'>): MeetingContext {
  const { actor } = event;
  if (actor.kind !== 'participant') return ctx;
  const me = { kind: 'participant', id: actor.id } as const;
  return withItem(ctx, (item) => ({ ...item, queue: item.queue.filter((e) => !sameSpeaker(e.speaker, me)) }));
}

export function giveFloor(
  scenario: Scenario,
  ctx: MeetingContext,
  event: EventOf<'floor.give'>,
): MeetingContext {
  const item = currentItem(scenario, ctx);
  const state = ctx.item;
  if (!isFloorItem(item) || !state) return ctx;
  const queue = orderedQueue(item, state.queue, ctx.record);
  const { to } = event;
  // Calling a speaker by name takes their point of order first, if one is waiting.
  const entry = to
    ? (queue.find((e) => sameSpeaker(e.speaker, to)) ?? {
        speaker: to,
        pointOfOrder: false,
        raisedAt: event.at,
      })
    : queue[0];
  if (!entry) return ctx;
  return {
    ...ctx,
    item: {
      ...state,
      // Only the entry called: a fixed list with several rounds keeps the speaker's later turns.
      // A regular turn also answers the speaker's own waiting point of order.
      queue: state.queue.filter(
        (e) =>
          e !== entry && !(!entry.pointOfOrder && e.pointOfOrder && sameSpeaker(e.speaker, entry.speaker)),
      ),
      floor: turnFor(item, entry.speaker, event.at, entry.pointOfOrder),
    },
  };
}

export function endTurn(
  scenario: Scenario,
  ctx: MeetingContext,
  at: number,
  endedBy: 'yield' | 'cut',
): MeetingContext {
  const state = ctx.item;
  const item = currentItem(scenario, ctx);
  if (!state?.floor || !item) return ctx;
  const turn = turnRecord(ctx, item.id, state.floor, at, endedBy);
  return {
    ...ctx,
    item: { ...state, floor: null, turnsTaken: state.turnsTaken + 1 },
    record: { ...ctx.record, turns: [...ctx.record.turns, turn] },
  };
}

/** A statement by the floor holder, or an NPC line voiced from the observer side. */
export function postStatement(
  scenario: Scenario,
  ctx: MeetingContext,
  event: EventOf<'statement.post' | 'npc.say'>,
): MeetingContext {
  const speaker =
    event.type === 'npc.say' ? ({ kind: 'npc', roleId: event.roleId } as const) : ctx.item?.floor?.speaker;
  if (!speaker) return ctx;
  const roleId = speaker.kind === 'npc' ? speaker.roleId : (ctx.participants[speaker.id]?.roleId ?? null);
  const statement = {
    item: currentItem(scenario, ctx)?.id ?? null,
    speaker,
    roleId,
    text: event.text,
    at: event.at,
  };
  return { ...ctx, record: { ...ctx.record, statements: [...ctx.record.statements, statement] } };
}

export function showMood(ctx: MeetingContext, event: EventOf<'mood.show'>): MeetingContext {
  const p = event.actor.kind === 'participant' ? ctx.participants[event.actor.id] : undefined;
  return p ? { ...ctx, participants: { ...ctx.participants, [p.id]: { ...p, mood: event.mood } } } : ctx;
}

// --- Votes and elections ---

export function nominate(ctx: MeetingContext, event: EventOf<'candidate.nominate'>): MeetingContext {
  return withItem(ctx, (item) =>
    item.ballot
      ? {
          ...item,
          ballot: { ...item.ballot, nominations: [...item.ballot.nominations, event.participantId] },
        }
      : item,
  );
}

export function openCurrentBallot(scenario: Scenario, ctx: MeetingContext, at: number): MeetingContext {
  const item = currentItem(scenario, ctx);
  if (!isBallotItem(item)) return ctx;
  return withItem(ctx, (state) =>
    state.ballot ? { ...state, ballot: openBallot(scenario, ctx, item, state.ballot, at) } : state,
  );
}

export function castBallot(
  scenario: Scenario,
  ctx: MeetingContext,
  event: EventOf<'vote.cast' | 'election.cast'>,
): MeetingContext {
  const seat = event.actor.kind === 'participant' ? event.actor.id : '';
  const agendaItem = currentItem(scenario, ctx);
  return withItem(ctx, (item) => {
    if (!item.ballot) return item;
    if (item.ballot.electorate && isBallotItem(agendaItem)) {
      return {
        ...item,
        ballot: applyElectorateCast(scenario, agendaItem, item.ballot, seat, event, event.at),
      };
    }
    return event.type === 'vote.cast'
      ? { ...item, ballot: { ...item.ballot, votes: { ...item.ballot.votes, [seat]: event.choice } } }
      : {
          ...item,
          ballot: { ...item.ballot, choices: { ...item.ballot.choices, [seat]: [...event.choices] } },
        };
  });
}

/** A paper ballot, a correction or a tally entered at the console. */
export function enterPaper(
  scenario: Scenario,
  ctx: MeetingContext,
  event: EventOf<PaperCommand['type']>,
): MeetingContext {
  const { actor, at, ...command } = event;
  return withItem(ctx, (item) =>
    item.ballot ? { ...item, ballot: applyPaper(scenario, item.ballot, command, actor, at) } : item,
  );
}

/** Closing counts the ballots under the item's rule and records the outcome with its arithmetic. */
export function closeCurrentBallot(scenario: Scenario, ctx: MeetingContext, at: number): MeetingContext {
  const item = currentItem(scenario, ctx);
  const ballot = ctx.item?.ballot;
  if (!isBallotItem(item) || !ballot || !ctx.item) return ctx;
  const counted = countBallot(scenario, ctx, item, ballot, at);
  return {
    ...ctx,
    item: { ...ctx.item, ballot: { ...ballot, closedAt: at } },
    record: { ...ctx.record, ballots: [...ctx.record.ballots, counted] },
  };
}

// --- Sign-ups, decisions and action items ---

export function commitSignup(
  scenario: Scenario,
  ctx: MeetingContext,
  event: EventOf<'signup.commit'>,
): MeetingContext {
  const item = currentItem(scenario, ctx);
  if (event.actor.kind !== 'participant' || !item) return ctx;
  const signup = { item: item.id, ask: event.ask, participant: event.actor.id, at: event.at };
  const others = ctx.record.signups.filter(
    (s) => !(s.item === item.id && s.ask === event.ask && s.participant === signup.participant),
  );
  return { ...ctx, record: { ...ctx.record, signups: [...others, signup] } };
}

export function withdrawSignup(
  scenario: Scenario,
  ctx: MeetingContext,
  event: EventOf<'signup.withdraw'>,
): MeetingContext {
  const item = currentItem(scenario, ctx);
  const who = event.actor.kind === 'participant' ? event.actor.id : '';
  const signups = ctx.record.signups.filter(
    (s) => !(s.item === item?.id && s.ask === event.ask && s.participant === who),
  );
  return { ...ctx, record: { ...ctx.record, signups } };
}

export function recordAction(
  scenario: Scenario,
  ctx: MeetingContext,
  event: EventOf<'action.record'>,
): MeetingContext {
  const action = {
    item: currentItem(scenario, ctx)?.id ?? null,
    kind: event.kind,
    what: event.what,
    ...(event.who !== undefined && { who: event.who }),
    ...(event.due !== undefined && { due: event.due }),
    at: event.at,
  };
  return { ...ctx, record: { ...ctx.record, actions: [...ctx.record.actions, action] } };
}
