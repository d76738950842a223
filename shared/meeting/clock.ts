// Time. Deadlines are absolute times in the context, never timers inside the
// machine: the host sends clock.tick when the next one is due, a restored
// snapshot simply has them, and pausing shifts them all.
import type { Scenario } from '../scenario/index.ts';
import type { MeetingContext } from './context.ts';
import { fireInject } from './injects.ts';

/** The earliest moment something is due, or null when nothing is (or the meeting is paused). */
export function nextDeadline(ctx: MeetingContext): number | null {
  if (ctx.pausedAt !== null) return null;
  const times: number[] = ctx.pending.map((p) => p.dueAt);
  const item = ctx.item;
  if (item?.deadline !== undefined && item.timeUpAt === undefined) times.push(item.deadline);
  if (item?.floor?.deadline !== undefined && item.floor.timeUpAt === undefined)
    times.push(item.floor.deadline);
  return times.length === 0 ? null : Math.min(...times);
}

export function isDue(ctx: MeetingContext, at: number): boolean {
  const next = nextDeadline(ctx);
  return next !== null && next <= at;
}

/** Applies everything due by `at`, each at its own deadline so late ticks change nothing. */
export function advanceClock(scenario: Scenario, ctx: MeetingContext, at: number): MeetingContext {
  let next = ctx;
  const due = [...next.pending].filter((p) => p.dueAt <= at).sort((a, b) => a.dueAt - b.dueAt);
  for (const p of due) next = fireInject(scenario, next, p.inject, 'schedule', p.dueAt);
  const item = next.item;
  if (!item) return next;
  const itemDue = item.deadline !== undefined && item.timeUpAt === undefined && item.deadline <= at;
  const floor = item.floor;
  const floorDue = floor?.deadline !== undefined && floor.timeUpAt === undefined && floor.deadline <= at;
  if (!itemDue && !floorDue) return next;
  return {
    ...next,
    item: {
      ...item,
      ...(itemDue && { timeUpAt: item.deadline }),
      floor: floor && floorDue ? { ...floor, timeUpAt: floor.deadline } : floor,
    },
  };
}

const shift = (t: number | undefined, by: number) => (t === undefined ? undefined : t + by);

/** Resuming after a pause: every running clock moves on by the time the meeting stood still. */
export function shiftClocks(ctx: MeetingContext, by: number): MeetingContext {
  const item = ctx.item;
  return {
    ...ctx,
    pending: ctx.pending.map((p) => ({ ...p, dueAt: p.dueAt + by })),
    item: item && {
      ...item,
      ...(item.deadline !== undefined && item.timeUpAt === undefined && { deadline: item.deadline + by }),
      floor: item.floor && {
        ...item.floor,
        since: item.floor.since + by,
        ...(item.floor.deadline !== undefined &&
          item.floor.timeUpAt === undefined && { deadline: shift(item.floor.deadline, by) }),
      },
    },
    record: {
      ...ctx.record,
      injects: ctx.record.injects.map((r) =>
        r.respondBy !== undefined && r.respondedAt === undefined ? { ...r, respondBy: r.respondBy + by } : r,
      ),
    },
  };
}
