/**
 * mulberry32: a tiny seeded generator of numbers in [0, 1). Not for secrets: for what must
 * come out the same on every run from one seed — the demo city, a simulated agency's
 * failures, a fault-injection test that a failing seed replays.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
