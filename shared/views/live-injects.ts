// Injects in the live view: the ones a trainee's card (or the projector) has
// received, in their public words; and for the single-sided screen every
// inject with its trigger, schedule and response.
import type { MeetingContext } from '../meeting/context.ts';
import type { Scenario } from '../scenario/index.ts';
import type { InjectStatus, ReceivedInject } from './types.ts';

/** Injects a trainee holding `roleId` (or, with null, the projector) has received. */
export function receivedInjects(
  scenario: Scenario,
  ctx: MeetingContext,
  roleId: string | null,
): ReceivedInject[] {
  return ctx.record.injects.flatMap((fired) => {
    const inject = scenario.injects.find((i) => i.id === fired.inject);
    if (!inject || inject.to === 'observers') return [];
    if (inject.to !== 'all' && (roleId === null || !inject.to.includes(roleId))) return [];
    return [{ id: inject.id, title: inject.title, body: inject.body, firedAt: fired.firedAt }];
  });
}

export function injectStatuses(scenario: Scenario, ctx: MeetingContext): InjectStatus[] {
  return scenario.injects.map((inject) => {
    const fired = ctx.record.injects.find((r) => r.inject === inject.id);
    const due = ctx.pending.find((p) => p.inject === inject.id)?.dueAt;
    return {
      id: inject.id,
      title: inject.title,
      body: inject.body,
      firedAt: fired?.firedAt ?? 0,
      to: inject.to,
      trigger: inject.trigger.kind,
      ...(inject.expect && { expect: inject.expect }),
      ...(inject.competency && { competency: inject.competency }),
      ...(due !== undefined && { dueAt: due }),
      fired: fired !== undefined,
      ...(fired && { firedBy: fired.by }),
      ...(fired?.respondBy !== undefined && { respondBy: fired.respondBy }),
      ...(fired?.respondedAt !== undefined && { respondedAt: fired.respondedAt }),
    };
  });
}
