// A seeded generator for simulated meetings and bots: the same seed gives the
// same meeting, so a dry run or a load test can be replayed exactly.

/** mulberry32: a small, well-known seeded generator; the same seed gives the same meeting. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
