// Speaking time per speaker: the attempt's totals the live view carries
// (over every recorded turn, not only the recent ones it holds) plus the
// turn running now.
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
  for (const [key, total] of Object.entries(live.record.speaking)) {
    if (total.turns === 0) continue; // lines spoken without a turn (an NPC's) add no time
    totals.set(key, {
      ms: total.speakingMs,
      turns: total.turns,
      overtimeMs: total.overtimeMs,
      pointsOfOrder: total.pointsOfOrder,
    });
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
