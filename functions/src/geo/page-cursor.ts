import { createHash } from 'node:crypto';
import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { validationFailed } from '../commons/errors';
import type { NearbyPosition } from './order';

/**
 * Nearby cursors carry the last item's exact position and a fingerprint of
 * the query they belong to, signed by commons/cursor. The fingerprint makes a
 * cursor from another search (another origin, radius or filter) a 400 instead
 * of a silently wrong page; the signature makes an edited one a 400.
 * JSON keeps a double's exact value, so the distance survives the round trip.
 */
const NearbyCursor = z.object({
  v: z.literal(1),
  d: z.number().nonnegative(),
  i: z.string().min(1),
  q: z.string(),
});

/** A short stable hash of everything that defines a search except its page size and cursor. */
export function queryFingerprint(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}

export async function encodeNearbyCursor(position: NearbyPosition | undefined, fingerprint: string) {
  if (!position) return null;
  return encodeCursor({ v: 1, d: position.distanceM, i: position.id, q: fingerprint });
}

export async function decodeNearbyCursor(
  cursor: string | undefined,
  fingerprint: string,
): Promise<NearbyPosition | undefined> {
  const decoded = await decodeCursor(cursor);
  if (decoded === undefined) return undefined;
  // Other lists sign their cursors with the same key, so a verified cursor may still not be ours.
  const parsed = NearbyCursor.safeParse(decoded);
  if (!parsed.success || parsed.data.q !== fingerprint) {
    throw validationFailed('分页游标与当前查询条件不符，请从第一页重新加载', [
      { path: 'query.cursor', message: '游标不属于当前查询' },
    ]);
  }
  return { distanceM: parsed.data.d, id: parsed.data.i };
}
