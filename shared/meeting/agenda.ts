// Moving through the agenda: leaving an item closes what it had open (the
// floor, a ballot) and records it; entering one sets up its clock, its
// speakers list and its scheduled injects.
import type { Scenario } from '../scenario/index.ts';
import { countBallot, isBallotItem, newBallot } from './ballots.ts';
import { shiftClocks } from './clock.ts';
import type { ItemState, MeetingContext } from './context.ts';
import { initialQueue, isFloorItem, turnRecord } from './floor.ts';
import { scheduleFor } from './injects.ts';

export function leaveItem(scenario: Scenario, ctx: MeetingContext, at: number): MeetingContext {
  const state = ctx.item;
  const item = state ? scenario.agenda[state.index] : undefined;
  if (!state || !item) return ctx;
  let record = ctx.record;
  if (state.floor)
    record = { ...record, turns: [...record.turns, turnRecord(ctx, item.id, state.floor, at, 'moved_on')] };
  // A ballot still open is counted as it stands: moving on is the chair's call.
  if (isBallotItem(item) && state.ballot?.openedAt !== undefined && state.ballot.closedAt === undefined) {
    record = { ...record, ballots: [...record.ballots, countBallot(scenario, ctx, item, state.ballot, at)] };
  }
  const overtimeMs = state.deadline !== undefined ? Math.max(0, at - state.deadline) : 0;
  record = {
    ...record,
    items: [...record.items, { item: item.id, start: state.startedAt, end: at, overtimeMs }],
  };
  return {
    ...ctx,
    item: null,
    pending: ctx.pending.filter((p) => !itemOfPending(scenario, p.inject, item.id)),
    record,
  };
}

function itemOfPending(scenario: Scenario, injectId: string, itemId: string): boolean {
  const trigger = scenario.injects.find((i) => i.id === injectId)?.trigger;
  return trigger?.kind === 'scheduled' && trigger.item === itemId;
}

export function enterItem(
  scenario: Scenario,
  ctx: MeetingContext,
  index: number,
  at: number,
): MeetingContext {
  const left = leaveItem(scenario, ctx, at);
  const item = scenario.agenda[index];
  if (!item) return left;
  const state: ItemState = {
    index,
    startedAt: at,
    ...(item.duration !== undefined && { deadline: at + item.duration * 1000 }),
    queue: isFloorItem(item) ? initialQueue(scenario, left, item, at) : [],
    floor: null,
    turnsTaken: 0,
    ballot: isBallotItem(item) ? newBallot(item) : null,
  };
  return { ...left, item: state, pending: [...left.pending, ...scheduleFor(scenario, left, item.id, at)] };
}

export function closeMeeting(scenario: Scenario, ctx: MeetingContext, at: number): MeetingContext {
  // Time stood still while paused: clocks move on first, so the pause is not counted as overtime.
  const resumed = ctx.pausedAt === null ? ctx : shiftClocks(ctx, at - ctx.pausedAt);
  const left = leaveItem(scenario, resumed, at);
  // Ending a paused meeting ends its pause too.
  const pauses =
    left.pausedAt === null
      ? left.record.pauses
      : left.record.pauses.map((p, i, all) =>
          i === all.length - 1 && p.to === undefined ? { ...p, to: at } : p,
        );
  return { ...left, pending: [], pausedAt: null, record: { ...left.record, pauses, endedAt: at } };
}

export const itemIndex = (scenario: Scenario, itemId: string): number =>
  scenario.agenda.findIndex((i) => i.id === itemId);
