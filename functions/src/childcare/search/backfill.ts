import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '../../commons/dynamo';
import { isConditionFailure } from '../../commons/guards';
import { searchPartitionOf } from '../../geo';
import type { InstitutionEntity, SlotEntity } from '../entities';

/**
 * Puts items written before the search index (decision 0032) into it: every
 * published institution (it has a `cell`) and every slot gets `cell4`, which
 * makes ElectroDB write its gsi4 keys. A one-off for a deployed table; the seed
 * and every write since set `cell4` themselves.
 *
 * Idempotent: an item that has `cell4` already is skipped, and each write is
 * conditional on it still being absent (a concurrent writer or a second run
 * wins harmlessly). Resumable: it walks the table one Scan page at a time and
 * reports after each page where the next one starts; handing that back as
 * `from` carries on from there (institutions first, then slots).
 */
export interface BackfillProgress {
  /** What the next page reads. */
  phase: 'institutions' | 'slots' | 'done';
  /** ElectroDB's cursor for that page; null: the phase's first. */
  cursor: string | null;
  updated: number;
  skipped: number;
}

export async function backfillSearchIndex(
  deps: { institutions: InstitutionEntity; slots: SlotEntity; client: DynamoDBDocumentClient; table: string },
  options: { from?: Pick<BackfillProgress, 'phase' | 'cursor'>; onPage?: (p: BackfillProgress) => void } = {},
): Promise<{ updated: number; skipped: number }> {
  const totals = { updated: 0, skipped: 0 };
  const count = async (write: () => Promise<unknown>) => {
    try {
      await write();
      totals.updated += 1;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      totals.skipped += 1; // set meanwhile (or gone): nothing to do
    }
  };
  const phases = ['institutions', 'slots', 'done'] as const;
  const start = options.from ? phases.indexOf(options.from.phase) : 0;
  for (const [index, phase] of phases.entries()) {
    if (index < start || phase === 'done') continue;
    let cursor: string | null = options.from?.phase === phase ? options.from.cursor : null;
    do {
      if (phase === 'institutions') {
        const page = await deps.institutions.scan.go({ cursor });
        for (const item of page.data) {
          if (!item.cell || item.cell4) {
            totals.skipped += 1;
            continue;
          }
          await count(() =>
            setCell4(
              deps,
              deps.institutions.put({ ...item, cell4: searchPartitionOf(item.geohash) }).params(),
            ),
          );
        }
        cursor = page.cursor;
      } else {
        const page = await deps.slots.scan.go({ cursor });
        for (const item of page.data) {
          if (item.cell4) {
            totals.skipped += 1;
            continue;
          }
          await count(() =>
            setCell4(deps, deps.slots.put({ ...item, cell4: searchPartitionOf(item.geohash) }).params()),
          );
        }
        cursor = page.cursor;
      }
      options.onPage?.({
        phase: cursor ? phase : (phases[index + 1] as BackfillProgress['phase']),
        cursor,
        ...totals,
      });
    } while (cursor);
  }
  return totals;
}

/**
 * Sets `cell4` and the search index keys as ElectroDB composes them for the item with `cell4`
 * (an ElectroDB patch would write the partition key alone: it leaves a sort key whose own
 * attributes did not change), only while `cell4` is still absent.
 */
async function setCell4(
  deps: { client: DynamoDBDocumentClient; table: string },
  params: { Item: Record<string, unknown> },
): Promise<void> {
  const { pk, sk, cell4, gsi4pk, gsi4sk } = params.Item;
  await deps.client.send(
    new UpdateCommand({
      TableName: deps.table,
      Key: { pk, sk },
      UpdateExpression: 'SET #cell4 = :cell4, #gsi4pk = :gsi4pk, #gsi4sk = :gsi4sk',
      ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#cell4)',
      ExpressionAttributeNames: { '#pk': 'pk', '#cell4': 'cell4', '#gsi4pk': 'gsi4pk', '#gsi4sk': 'gsi4sk' },
      ExpressionAttributeValues: { ':cell4': cell4, ':gsi4pk': gsi4pk, ':gsi4sk': gsi4sk },
    }),
  );
}
