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
  deps: { institutions: InstitutionEntity; slots: SlotEntity },
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
            deps.institutions
              .patch({ institutionId: item.institutionId })
              .composite({ geohash: item.geohash })
              .set({ cell4: searchPartitionOf(item.geohash) })
              .where((attr, op) => `${op.notExists(attr.cell4)} AND ${op.exists(attr.cell)}`)
              .go(),
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
            deps.slots
              .patch({ slotId: item.slotId })
              .composite({
                date: item.date,
                geohash: item.geohash,
                institutionId: item.institutionId,
                ageClass: item.ageClass,
                session: item.session,
              })
              .set({ cell4: searchPartitionOf(item.geohash) })
              .where((attr, op) => op.notExists(attr.cell4))
              .go(),
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
