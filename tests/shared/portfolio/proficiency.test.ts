// The proficiency formula of docs/roster.md, by hand: λ = 1/2 over the
// scored attempts, oldest first, on shares of each scenario's scale.
import { describe, expect, it } from 'vitest';
import { percent, recencyWeighted, shareOfScale } from '../../../shared/portfolio/proficiency.ts';

describe('proficiency', () => {
  it('puts a mean on its scale: 1–5, 0–10, P/S/M/U (4..1)', () => {
    expect(shareOfScale(3.5, { kind: 'range', min: 1, max: 5 })).toBe(0.625);
    expect(shareOfScale(9, { kind: 'range', min: 0, max: 10 })).toBe(0.9);
    expect(shareOfScale(3, { kind: 'psmu' })).toBeCloseTo(2 / 3, 10);
  });

  it('weighs each attempt half as much as the one after it', () => {
    expect(recencyWeighted([])).toBeNull();
    expect(recencyWeighted([0.4])).toBe(0.4);
    // (½·0 + 1·1) / 1.5 = 2/3; (¼·1 + ½·0 + 1·0) / 1.75 = 1/7.
    expect(recencyWeighted([0, 1])).toBeCloseTo(2 / 3, 10);
    expect(recencyWeighted([1, 0, 0])).toBeCloseTo(1 / 7, 10);
    expect(percent(1 / 7)).toBe(14.3);
  });
});
