// The agenda as a timeline for the studio's preview: each item's time box
// (as written, or for a statement its speakers × time per speaker, so the
// instructor sees what the file implies), laid end to end against the
// scenario's total, with the scheduled injects where they fire.
import type { Item, Scenario } from '../scenario/index.ts';

export interface TimelineSlot {
  id: string;
  index: number;
  start: number;
  seconds: number;
  /** No duration written: estimated (statements) or unknown (0). */
  estimated: boolean;
}

export interface TimelineInject {
  id: string;
  index: number;
  at: number;
}

export interface AgendaTimeline {
  slots: TimelineSlot[];
  injects: TimelineInject[];
  /** The items' time added up, against the scenario's `duration`. */
  planned: number;
  total: number;
}

function estimate(item: Item): number | null {
  if (item.kind === 'statement' && item.perSpeaker !== undefined)
    return item.speakers.length * item.perSpeaker;
  if (item.kind === 'speakers' && Array.isArray(item.order) && item.perSpeaker !== undefined)
    return item.order.length * item.rounds * item.perSpeaker;
  return null;
}

export function agendaTimeline(scenario: Scenario): AgendaTimeline {
  let start = 0;
  const slots = scenario.agenda.map((item, index) => {
    const guess = item.duration === undefined ? estimate(item) : null;
    const seconds = item.duration ?? guess ?? 0;
    const slot = { id: item.id, index, start, seconds, estimated: item.duration === undefined };
    start += seconds;
    return slot;
  });
  const injects = scenario.injects.flatMap((inject, index) => {
    if (inject.trigger.kind !== 'scheduled') return [];
    const { item, after } = inject.trigger;
    const slot = slots.find((s) => s.id === item);
    return slot ? [{ id: inject.id, index, at: slot.start + after }] : [];
  });
  return { slots, injects, planned: start, total: scenario.duration };
}
