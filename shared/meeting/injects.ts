// Injects: scheduled ones wait in `pending` until their time; manual and
// spare ones are fired by hand. Each firing is recorded with its response window.
import type { Scenario } from '../scenario/index.ts';
import type { InjectRecord, MeetingContext } from './context.ts';

/** Scheduled injects of an item that have not fired yet, due relative to the item's start. */
export function scheduleFor(scenario: Scenario, ctx: MeetingContext, itemId: string, start: number) {
  const fired = new Set(ctx.record.injects.map((r) => r.inject));
  return scenario.injects.flatMap((inject) =>
    inject.trigger.kind === 'scheduled' && inject.trigger.item === itemId && !fired.has(inject.id)
      ? [{ inject: inject.id, dueAt: start + inject.trigger.after * 1000 }]
      : [],
  );
}

export function fireInject(
  scenario: Scenario,
  ctx: MeetingContext,
  injectId: string,
  by: InjectRecord['by'],
  at: number,
): MeetingContext {
  const inject = scenario.injects.find((i) => i.id === injectId);
  if (!inject) return ctx;
  const itemId = ctx.item ? (scenario.agenda[ctx.item.index]?.id ?? null) : null;
  const record: InjectRecord = {
    inject: injectId,
    firedAt: at,
    by,
    item: itemId,
    ...(inject.respondWithin !== undefined && { respondBy: at + inject.respondWithin * 1000 }),
  };
  return {
    ...ctx,
    pending: ctx.pending.filter((p) => p.inject !== injectId),
    record: { ...ctx.record, injects: [...ctx.record.injects, record] },
  };
}

export function markResponded(ctx: MeetingContext, injectId: string, at: number): MeetingContext {
  return {
    ...ctx,
    record: {
      ...ctx.record,
      injects: ctx.record.injects.map((r) =>
        r.inject === injectId && r.respondedAt === undefined ? { ...r, respondedAt: at } : r,
      ),
    },
  };
}

export const hasFired = (ctx: MeetingContext, injectId: string): boolean =>
  ctx.record.injects.some((r) => r.inject === injectId);
