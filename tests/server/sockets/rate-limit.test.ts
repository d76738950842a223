// The token bucket on a controlled clock: what a burst gets, how it refills,
// and the retry hint, worked out by hand (20 a second, bursts of 40).
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../server/sockets/rate-limit.ts';

function bucket() {
  let now = 1_000_000;
  const b = new TokenBucket(20, 40, () => now);
  return { b, advance: (ms: number) => (now += ms) };
}

const takes = (b: TokenBucket, n: number) => Array.from({ length: n }, () => b.take()).filter(Boolean).length;

describe('TokenBucket', () => {
  it('lets a burst of 40 through at once and refuses the 41st', () => {
    const { b } = bucket();
    expect(takes(b, 40)).toBe(40);
    expect(b.take()).toBe(false);
    // One token comes back every 1000 / 20 = 50 ms.
    expect(b.retryAfterMs()).toBe(50);
  });

  it('refills at 20 a second: 49 ms gives nothing, 50 ms one token, 1 s twenty', () => {
    const { b, advance } = bucket();
    takes(b, 40);
    advance(49);
    expect(b.take()).toBe(false);
    // 0.98 of a token is back: 0.02 × 50 = 1 ms to go. The hint rounds up (floating point makes
    // it 2 here), so waiting as long as it says is always enough.
    const hint = b.retryAfterMs();
    expect(hint).toBeGreaterThanOrEqual(1);
    expect(hint).toBeLessThanOrEqual(2);
    advance(1);
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    advance(1000);
    expect(takes(b, 25)).toBe(20);
  });

  it('never holds more than the burst, however long it rests', () => {
    const { b, advance } = bucket();
    advance(60_000);
    expect(takes(b, 100)).toBe(40);
  });

  it('a flood of 200 at one instant after using 3: 37 accepted, 163 refused', () => {
    const { b } = bucket();
    takes(b, 3);
    expect(takes(b, 200)).toBe(37);
  });
});
