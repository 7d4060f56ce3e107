import { createHash } from 'node:crypto';
import { type BundleItemKind, outboxShards } from './entities';

/** Spreads outbox items over the due-index shards by a hash of their identity. */
export function shardOf(bundleId: string, kind: BundleItemKind) {
  const byte = createHash('sha256').update(`${bundleId}:${kind}`).digest()[0] ?? 0;
  return outboxShards[byte % outboxShards.length] ?? 's0';
}
