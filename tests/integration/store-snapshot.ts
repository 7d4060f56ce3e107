import { createHash } from 'node:crypto';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { tableSpecs } from '@hongjia/infra/table-spec';
import { localDynamoClient, localTableName } from '../../local/dynamodb';

/**
 * Every table of the local runtime read raw (Scan, every page): per table the
 * item count and a hash of the items in canonical form (keys sorted, items
 * sorted), so "nothing was written" is one comparison. `skip` leaves items out
 * that are meant to change (rate-limit counters, if a suite counts refused
 * requests; none does today: limits count after the request parsed).
 */
export type StoreSnapshot = Record<string, { count: number; hash: string }>;

export async function scanAllTables(
  dynamoEndpoint: string,
): Promise<Record<string, Record<string, unknown>[]>> {
  const client = DynamoDBDocumentClient.from(localDynamoClient(dynamoEndpoint));
  try {
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const spec of tableSpecs) {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: localTableName(spec),
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...((page.Items ?? []) as Record<string, unknown>[]));
        start = page.LastEvaluatedKey;
      } while (start);
      tables[spec.id] = items;
    }
    return tables;
  } finally {
    client.destroy();
  }
}

export async function snapshotStore(
  dynamoEndpoint: string,
  skip: (table: string, item: Record<string, unknown>) => boolean = () => false,
): Promise<StoreSnapshot> {
  const snapshot: StoreSnapshot = {};
  for (const [table, items] of Object.entries(await scanAllTables(dynamoEndpoint))) {
    const kept = items
      .filter((item) => !skip(table, item))
      .map(canonical)
      .sort();
    const hash = createHash('sha256');
    for (const line of kept) hash.update(line).update('\n');
    snapshot[table] = { count: kept.length, hash: hash.digest('hex') };
  }
  return snapshot;
}

/** JSON with object keys sorted at every depth; sets and binaries as sorted arrays / base64. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(sortKeys).sort();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((name) => [name, sortKeys((value as Record<string, unknown>)[name])]),
    );
  }
  return value;
}
