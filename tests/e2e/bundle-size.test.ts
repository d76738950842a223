// What a trainee's phone downloads, from the built client's manifest: the
// first load (the join page and the trainee screen, with everything they
// import, before the phone shows the seat and its owner can act), and the
// screens it fetches later (trainee/moments.tsx: the ballot, the chair's
// controls, the end), which the phone needs before it can vote or close the
// meeting. Both have a budget; the later screens count in the whole.
import { describe, expect, it } from 'vitest';
import {
  routeWeights,
  TRAINEE_BUDGET_BYTES,
  TRAINEE_INITIAL_BUDGET_BYTES,
} from '../../scripts/bundle-size.ts';
import { BUILT_CLIENT_DIR } from '../global-setup.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('what a trainee’s phone downloads', () => {
  const weights = routeWeights(BUILT_CLIENT_DIR);
  const trainee = weights.trainee;
  if (!trainee) throw new Error('no trainee route in the measurement');
  console.log(
    Object.entries(weights)
      .map(([route, w]) => `${route} ${kb(w.initial)} first, ${kb(w.total)} in all`)
      .join('; '),
    `| trainee later: ${Object.entries(trainee.later)
      .map(([screen, bytes]) => `${screen} +${kb(bytes)}`)
      .join(', ')}`,
  );

  it(`loads at most ${TRAINEE_INITIAL_BUDGET_BYTES / 1024} KB of JavaScript, gzipped, before the trainee's seat shows`, () => {
    expect(trainee.initial).toBeGreaterThan(50 * 1024); // React alone is more: the measurement is real
    expect(trainee.initial).toBeLessThanOrEqual(TRAINEE_INITIAL_BUDGET_BYTES);
  });

  it('counts the screens loaded later (trainee/later.ts: the ballot, the chair’s controls, the end)', () => {
    expect(Object.keys(trainee.later)).toContain('src/trainee/later.ts');
    for (const bytes of Object.values(trainee.later)) expect(bytes).toBeGreaterThan(1024);
    // Each later screen adds to the whole; the whole holds the first load too.
    expect(trainee.total).toBeGreaterThanOrEqual(trainee.initial + Math.max(...Object.values(trainee.later)));
  });

  it(`stays within ${TRAINEE_BUDGET_BYTES / 1024} KB in all, the first load with every screen loaded later`, () => {
    expect(trainee.total).toBeLessThanOrEqual(TRAINEE_BUDGET_BYTES);
  });
});
