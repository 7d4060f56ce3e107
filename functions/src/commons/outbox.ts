/**
 * What the two outboxes share — the 出生一件事 hand-offs (workers/bundle-outbox.ts) and the
 * WeChat pushes (notifications/push-outbox.ts), decision 0009: the due items read across the
 * shards of a sparse due index, the lease a claim holds, and the backoff of a retry.
 */

/**
 * When a failed attempt is tried again: 30 s × 2^(attempts − 1), capped at one hour, with
 * ±20 % jitter so items that failed together (an outage) do not all come back in the same second.
 */
export const backoffBaseMs = 30_000;
export const backoffCapMs = 3600_000;
/** How long a worker may hold an item in `sending` before another worker may take it over. */
export const leaseMs = 60_000;

export function backoffDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/** Up to `limit` due items, one Query per shard in order, reading only what is still wanted. */
export async function dueAcross<S, T>(
  shards: readonly S[],
  limit: number,
  read: (shard: S, limit: number) => Promise<T[]>,
): Promise<T[]> {
  const due: T[] = [];
  for (const shard of shards) {
    if (due.length >= limit) break;
    due.push(...(await read(shard, limit - due.length)));
  }
  return due;
}
