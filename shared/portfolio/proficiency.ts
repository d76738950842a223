// The recency-weighted proficiency of one competency, and how an attempt's
// score is put on a common footing across scenarios. Pure. The formula is
// stated in docs/roster.md ("The proficiency") and implemented exactly here:
//
//   f_i = (m_i − low) / (high − low)          m_i: the experts' mean in attempt i,
//                                              low/high: that scenario's scale (P/S/M/U read 4..1)
//   P   = Σ_{i=1..n} λ^(n−i) · f_i / Σ_{i=1..n} λ^(n−i),   λ = 1/2
//
// over the n attempts in which the competency was scored, oldest first. With
// λ = 1/2 the half-life is one attempt: each attempt weighs half as much as
// the one after it, so the latest counts about as much as all earlier ones together.
import type { RubricScale } from '../scenario/types.ts';

/** λ: the weight of an attempt relative to the one after it. */
export const RECENCY_LAMBDA = 0.5;

/** The low and high end of a scale as numbers (P/S/M/U are read 4..1, as scores.ts averages them). */
export function scaleBounds(scale: RubricScale): { low: number; high: number } {
  return scale.kind === 'psmu' ? { low: 1, high: 4 } : { low: scale.min, high: scale.max };
}

/** A mean on its scale as a share of the scale, 0..1 (clamped; a one-point scale counts as its top). */
export function shareOfScale(mean: number, scale: RubricScale): number {
  const { low, high } = scaleBounds(scale);
  if (high <= low) return 1;
  return Math.min(1, Math.max(0, (mean - low) / (high - low)));
}

/** P over shares of scale, oldest first; null with none. */
export function recencyWeighted(shares: readonly number[], lambda = RECENCY_LAMBDA): number | null {
  const n = shares.length;
  if (n === 0) return null;
  let weighted = 0;
  let weights = 0;
  shares.forEach((f, i) => {
    const w = lambda ** (n - 1 - i);
    weighted += w * f;
    weights += w;
  });
  return weighted / weights;
}

/** A share as the percentage screens show, to one decimal. */
export const percent = (share: number): number => Math.round(share * 1000) / 10;
