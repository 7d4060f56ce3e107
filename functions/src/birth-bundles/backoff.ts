/**
 * When a failed hand-off is tried again: 30 s × 2^(attempts − 1), capped at
 * one hour, with ±20 % jitter so items that failed together (an agency
 * outage) do not all come back in the same second. After `maxAttempts`
 * (about nine hours of trying) the item is `failed` and the family is told.
 */
export const backoffBaseMs = 30_000;
export const backoffCapMs = 3600_000;
export const maxAttempts = 12;
/** How long a worker may hold an item in `sending` before another worker may take it over. */
export const leaseMs = 60_000;

export function backoffDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
