import { describe, expect, it } from 'vitest';
import { routeSizes, TRAINEE_BUDGET_BYTES } from '../../scripts/bundle-size.ts';
import { BUILT_CLIENT_DIR } from '../global-setup.ts';

describe('what a trainee’s phone downloads', () => {
  it(`stays within ${TRAINEE_BUDGET_BYTES / 1024} KB of JavaScript, gzipped, for the trainee route`, () => {
    const sizes = routeSizes(BUILT_CLIENT_DIR);
    console.log(
      Object.entries(sizes)
        .map(([route, bytes]) => `${route} ${(bytes / 1024).toFixed(1)} KB`)
        .join(', '),
    );
    expect(sizes.trainee).toBeGreaterThan(50 * 1024); // React alone is more: the measurement is real
    expect(sizes.trainee).toBeLessThanOrEqual(TRAINEE_BUDGET_BYTES);
  });
});
