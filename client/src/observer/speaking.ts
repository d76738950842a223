// Speaking time per speaker: the recorded turns plus the turn running now.
// Derived, never stored, like the minutes derive it.
import { speakerKey } from '../../../shared/meeting/context.ts';
import type { LiveView } from '../../../shared/views/types.ts';

export interface SpeakingRow {
  ms: number;
  turns: number;
  overtimeMs: number;
  pointsOfOrder: number;
}

export function speakingTotals(live: LiveView, now: number): Map<string, SpeakingRow> {
  const totals = new Map<string, SpeakingRow>();
  const add = (key: string, ms: number, overtimeMs: number, pointOfOrder: boolean) => {
    const row = totals.get(key) ?? { ms: 0, turns: 0, overtimeMs: 0, pointsOfOrder: 0 };
    row.ms += Math.max(0, ms);
    row.turns += 1;
    row.overtimeMs += Math.max(0, overtimeMs);
    if (pointOfOrder) row.pointsOfOrder += 1;
    totals.set(key, row);
  };
  for (const turn of live.record.turns) {
    add(speakerKey(turn.speaker), turn.end - turn.start, turn.overtimeMs, turn.pointOfOrder);
  }
  const floor = live.item?.floor;
  if (floor) {
    add(
      speakerKey(floor.speaker),
      now - floor.since,
      floor.deadline === undefined ? 0 : now - floor.deadline,
      floor.pointOfOrder,
    );
  }
  return totals;
}
