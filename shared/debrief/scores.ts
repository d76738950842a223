// Rubric score aggregates: per trainee and competency, the mean, the spread
// and how far the experts agree. Pure.
import type { Score } from '../coaching/state.ts';

export type ScoreValue = Score['score'];

/** P/S/M/U read as 4..1 so the psmu scale can be averaged and compared too. */
const PSMU: Record<string, number> = { P: 4, S: 3, M: 2, U: 1 };
export const numeric = (value: ScoreValue): number =>
  typeof value === 'number' ? value : (PSMU[value] ?? 0);

export interface ScoreAggregate {
  participantId: string;
  competency: string;
  attempt: number;
  /**
   * One per expert. A trainee's debrief has no expert's id, only `expert`: the
   * expert's number in the session (1, 2, … in the order they joined), the
   * same in every row, so "Expert 2"'s notes are one person's.
   */
  scores: { observerId?: string; expert?: number; score: ScoreValue; note?: string; markerIds: string[] }[];
  mean: number;
  /** Highest minus lowest. */
  spread: number;
  /**
   * Share of expert pairs whose scores are within one step of each other
   * (1 with a single expert; null with none).
   */
  agreement: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function aggregateScores(scores: readonly Score[]): ScoreAggregate[] {
  const groups = new Map<string, Score[]>();
  for (const s of scores) {
    const key = `${s.attempt}\u0000${s.participantId}\u0000${s.competency}`;
    const group = groups.get(key) ?? [];
    group.push(s);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Score;
    const values = group.map((s) => numeric(s.score));
    let pairs = 0;
    let close = 0;
    for (let i = 0; i < values.length; i++) {
      for (let j = i + 1; j < values.length; j++) {
        pairs++;
        if (Math.abs((values[i] ?? 0) - (values[j] ?? 0)) <= 1) close++;
      }
    }
    return {
      participantId: first.participantId,
      competency: first.competency,
      attempt: first.attempt,
      scores: group.map((s) => ({
        observerId: s.observerId,
        score: s.score,
        ...(s.note && { note: s.note }),
        markerIds: s.markerIds,
      })),
      mean: round2(values.reduce((a, b) => a + b, 0) / values.length),
      spread: Math.max(...values) - Math.min(...values),
      agreement: values.length === 1 ? 1 : round2(close / pairs),
    };
  });
}
