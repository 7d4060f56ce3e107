import type { Readable } from 'node:stream';
import {
  checkHeader,
  columnNames,
  districtByCode,
  type Figures,
  type ImportRowError,
  importErrorsShown,
  type MonitoringRow,
  type RowError,
  validateRow,
} from '@hongjia/shared';
import { isConditionFailure } from '../commons/guards';
import { logger } from '../commons/logger';
import type { PiiCipher } from '../commons/pii';
import type { MessageQueue } from '../commons/queue';
import { type CounterKey, type CounterStore, counterKeyOf } from './counters';
import type { ImportItem, MonitoringEntities, RecordItem } from './entities';
import { type FileRow, readFileRows, UnreadableFile } from './file-rows';
import type { MonitoringMessage } from './messages';
import { buildRecord, figuresOf } from './record-builder';
import type { SourceMatching } from './source-matching';

/**
 * One run of an import (the worker's job for a `{kind: 'import'}` message):
 * claims the import's lease, streams the file from the start, skips the rows
 * of the chunks already checkpointed, and processes the rest chunk by chunk.
 * Each chunk (decision 0020, "counter protocol"):
 *  1. validates its rows (and the importer's jurisdiction over each);
 *  2. creates each new record conditionally, marked `createdBy = import#chunk`
 *     — a record already there is a duplicate, unless this very chunk wrote
 *     it in an interrupted run (then it is this chunk's, as before);
 *  3. adds the chunk's records to their district-month counters, one
 *     conditional update per counter item, marked with (import, chunk);
 *  4. opens and closes the reconciliation items its records imply;
 *  5. writes its rejected rows, then the checkpoint and the report's numbers in
 *     one update conditional on (chunk, lease).
 * A run cut off anywhere repeats at most the chunk it was in, and every step
 * of a chunk is idempotent for that chunk: nothing is counted twice. Before
 * its deadline, a run releases the lease and queues the next run.
 * A dry run does 1, looks records up instead of 2, skips 3 and 4.
 */
export interface ImportFiles {
  /** The object's bytes as a stream, or undefined when there is no such object. */
  open(objectKey: string): Promise<Readable | undefined>;
}

export interface ImportRunDeps {
  entities: MonitoringEntities;
  counters: CounterStore;
  matching: SourceMatching;
  cipher: PiiCipher;
  files: ImportFiles;
  queue: MessageQueue;
  clock: () => Date;
  /** Rows per chunk (checkpoint granularity). */
  chunkSize: number;
  /** Records written at once within a chunk. */
  concurrency: number;
  /** How long a run's claim lasts: longer than the worker's timeout, so a live run is never overtaken. */
  leaseMs: number;
  /** Delay of the prune message after the import finished: longer than any run of it can live. */
  pruneDelaySeconds: number;
}

export type RunOutcome = 'done' | 'failed' | 'requeued' | 'busy' | 'finished-before';

interface Report {
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: ImportRowError[];
}

type Classified =
  | { kind: 'rejected'; errors: RowError[] }
  | { kind: 'duplicate' }
  | { kind: 'valid'; row: MonitoringRow; fileRow: FileRow };

const minimumReserveMs = 5_000;

export async function runImport(
  deps: ImportRunDeps,
  importId: string,
  run: { runId: string; remainingMs: () => number },
): Promise<RunOutcome> {
  const { entities, clock } = deps;
  const { imports } = entities;

  // ---- claim ----
  const seen = (await imports.get({ importId }).go({ consistent: true })).data;
  if (!seen) {
    logger.warn('import message for an unknown import', { importId });
    return 'finished-before';
  }
  if (seen.status === 'done' || seen.status === 'failed') {
    // A run that died between marking the import done and queueing its prune: queue it now.
    if (seen.status === 'done' && !seen.prunedAt) await sendPrune(deps, seen, seen.chunk);
    return 'finished-before';
  }
  const claimedAt = clock();
  let item: ImportItem;
  try {
    item = (
      await imports
        .patch({ importId })
        .set({
          status: 'running',
          leaseOwner: run.runId,
          leaseUntil: claimedAt.getTime() + deps.leaseMs,
          startedAt: seen.startedAt ?? claimedAt.toISOString(),
        })
        .add({ runs: 1 })
        .where(
          (attr, op) =>
            `(${op.eq(attr.status, 'queued')} OR ${op.eq(attr.status, 'running')}) AND (${op.notExists(attr.leaseUntil)} OR ${op.lt(attr.leaseUntil, claimedAt.getTime())} OR ${op.eq(attr.leaseOwner, run.runId)})`,
        )
        .go({ response: 'all_new' })
    ).data as ImportItem;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    await watchLease(deps, importId);
    return 'busy';
  }

  const lost = () => new Error('lease lost');
  const fail = async (message: string): Promise<RunOutcome> => {
    try {
      await imports
        .patch({ importId })
        .set({ status: 'failed', failureMessage: message, finishedAt: clock().toISOString(), leaseUntil: 0 })
        .where((attr, op) => op.eq(attr.leaseOwner, run.runId))
        .go();
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return 'busy';
    }
    return 'failed';
  };

  const body = await deps.files.open(item.objectKey);
  if (!body) return fail('导入文件尚未上传完成，请重新上传后再导入');

  const report: Report = {
    rows: item.rows,
    accepted: item.accepted,
    duplicates: item.duplicates,
    rejected: item.rejected,
    errors: [...item.errors],
  };
  let chunk = item.chunk;
  let bytesRead = 0;
  let slowestChunkMs = 0;
  const skip = chunk * deps.chunkSize;
  /** Keys of this run's dry chunks: a dry run writes no record to find duplicates within the file by. */
  const dryKeys = new Set<string>();
  let header: string[] | undefined;
  let dataRows = 0;
  let buffer: FileRow[] = [];

  const timeToStop = () => run.remainingMs() < Math.max(minimumReserveMs, slowestChunkMs * 2);

  const flush = async (): Promise<'ok' | 'stopped'> => {
    if (timeToStop()) return 'stopped';
    const started = Date.now();
    await processChunk(deps, item, chunk, buffer, header ?? [], dryKeys, report);
    chunk += 1;
    try {
      await imports
        .patch({ importId })
        .set({
          chunk,
          rows: report.rows,
          accepted: report.accepted,
          duplicates: report.duplicates,
          rejected: report.rejected,
          errors: report.errors.slice(0, importErrorsShown),
          bytesRead,
          leaseUntil: clock().getTime() + deps.leaseMs,
        })
        .where((attr, op) => `${op.eq(attr.chunk, chunk - 1)} AND ${op.eq(attr.leaseOwner, run.runId)}`)
        .go();
    } catch (error) {
      if (isConditionFailure(error)) throw lost();
      throw error;
    }
    buffer = [];
    slowestChunkMs = Math.max(slowestChunkMs, Date.now() - started);
    return 'ok';
  };

  const stop = async (): Promise<RunOutcome> => {
    // Hand over: the next run may claim at once, and the message that starts it goes out now.
    await imports
      .patch({ importId })
      .set({ leaseUntil: 0 })
      .where((attr, op) => op.eq(attr.leaseOwner, run.runId))
      .go();
    const message: MonitoringMessage = { kind: 'import', importId };
    await deps.queue.send(message);
    return 'requeued';
  };

  try {
    const rows = readFileRows(body, item.contentType, (bytes) => {
      bytesRead += bytes;
    });
    try {
      for await (const fileRow of rows) {
        if (!header) {
          const check = checkHeader(item.source, fileRow.cells);
          if (!check.ok) return await fail(check.message);
          header = [...check.columns];
          continue;
        }
        dataRows += 1;
        if (dataRows <= skip) continue;
        buffer.push(fileRow);
        if (buffer.length >= deps.chunkSize && (await flush()) === 'stopped') return await stop();
      }
    } finally {
      await rows.return(undefined);
    }
    if (!header) return await fail('文件为空：第一行应为表头');
    if (buffer.length > 0 && (await flush()) === 'stopped') return await stop();
  } catch (error) {
    if (error instanceof UnreadableFile) return fail(error.message);
    if (error instanceof Error && error.message === 'lease lost') return 'busy';
    throw error;
  }

  // ---- finish ----
  const finishedAt = clock();
  let finished: ImportItem;
  try {
    finished = (
      await imports
        .patch({ importId })
        .set({ status: 'done', finishedAt: finishedAt.toISOString(), bytesRead: item.size, leaseUntil: 0 })
        .where((attr, op) => `${op.eq(attr.chunk, chunk)} AND ${op.eq(attr.leaseOwner, run.runId)}`)
        .go({ response: 'all_new' })
    ).data as ImportItem;
  } catch (error) {
    if (isConditionFailure(error)) return 'busy';
    throw error;
  }
  await sendPrune(deps, finished, chunk);
  return 'done';
}

/** Queues the removal of a finished import's markers (never for a dry run, which has none). */
async function sendPrune(deps: ImportRunDeps, item: ImportItem, step: number): Promise<void> {
  const keys = [...(item.counterKeys ?? [])];
  if (item.dryRun || keys.length === 0) return;
  const prune: MonitoringMessage = {
    kind: 'prune',
    writer: item.importId,
    step,
    counterKeys: keys,
    importId: item.importId,
  };
  try {
    await deps.queue.send(prune, { delaySeconds: deps.pruneDelaySeconds });
  } catch (error) {
    // Markers left behind cost bytes, never correctness.
    logger.warn('prune message not sent', { importId: item.importId, error });
  }
}

/** SQS's longest message delay. */
const maxDelaySeconds = 900;

/**
 * Another run holds the lease. It may be alive (a duplicate delivery) or dead
 * (its Lambda crashed after its last checkpoint renewed the lease, and SQS
 * redelivered its message before the lease ran out): consuming this message
 * silently would leave a dead run's import "running" forever. So look again
 * once the lease has run out; a live run has then finished or renewed it (and
 * the look is a no-op or one more look).
 */
async function watchLease(deps: ImportRunDeps, importId: string): Promise<void> {
  const item = (await deps.entities.imports.get({ importId }).go({ consistent: true })).data;
  if (!item || item.status === 'done' || item.status === 'failed') return;
  const waitMs = Math.max(0, (item.leaseUntil ?? 0) - deps.clock().getTime());
  const message: MonitoringMessage = { kind: 'import', importId };
  await deps.queue.send(message, {
    delaySeconds: Math.min(maxDelaySeconds, Math.ceil(waitMs / 1000) + 1),
  });
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

function jurisdictionError(item: ImportItem, row: MonitoringRow): RowError | undefined {
  if (item.scope === 'city' || row.district === item.scope) return undefined;
  const field =
    row.source === 'household_migration'
      ? row.direction === 'in'
        ? 'toDistrict'
        : 'fromDistrict'
      : 'district';
  return {
    row: 0,
    field,
    message: `该记录属于${districtByCode(row.district).name}，本账号只能导入${districtByCode(item.scope).name}的记录，请由所属县区导入`,
  };
}

/** Steps 1–5 of one chunk (see runImport). Adds the chunk's outcome to `report`. */
async function processChunk(
  deps: ImportRunDeps,
  item: ImportItem,
  chunk: number,
  fileRows: readonly FileRow[],
  header: readonly string[],
  dryKeys: Set<string>,
  report: Report,
): Promise<void> {
  const { entities, cipher, matching, counters } = deps;
  const now = deps.clock();
  const createdBy = `${item.importId}#${chunk}`;

  // 1. Validate, and de-duplicate within the chunk (the first occurrence of a key is the one).
  const inChunk = new Set<string>();
  const classified: Classified[] = fileRows.map((fileRow) => {
    if (fileRow.cells.length !== header.length && fileRow.cells.some((cell) => cell.trim() !== '')) {
      if (
        fileRow.cells.length > header.length &&
        fileRow.cells.slice(header.length).every((c) => c.trim() === '')
      ) {
        // Trailing empty cells (Excel leaves them) are not a different layout.
      } else {
        return {
          kind: 'rejected',
          errors: [
            {
              row: fileRow.row,
              field: 'row',
              message: `该行有 ${fileRow.cells.length} 列，表头有 ${header.length} 列`,
            },
          ],
        };
      }
    }
    const cells = Object.fromEntries(header.map((name, index) => [name, fileRow.cells[index] ?? '']));
    const result = validateRow(item.source, cells, item.today);
    if (!result.ok) {
      return { kind: 'rejected', errors: result.errors.map((error) => ({ ...error, row: fileRow.row })) };
    }
    const outside = jurisdictionError(item, result.row);
    if (outside) return { kind: 'rejected', errors: [{ ...outside, row: fileRow.row }] };
    if (inChunk.has(result.row.key)) return { kind: 'duplicate' };
    inChunk.add(result.row.key);
    return { kind: 'valid', row: result.row, fileRow };
  });

  // 2. Records: look them up (one batch read), create the missing ones conditionally.
  const valid = classified.filter(
    (entry): entry is Extract<Classified, { kind: 'valid' }> => entry.kind === 'valid',
  );
  const stored = new Map<string, RecordItem>();
  if (valid.length > 0) {
    const found = await entities.records
      .get(valid.map((entry) => ({ source: item.source, key: entry.row.key })))
      .go({ consistent: true });
    for (const record of found.data) stored.set(record.key, record);
    for (const missing of found.unprocessed) {
      const record = (await entities.records.get(missing).go({ consistent: true })).data;
      if (record) stored.set(record.key, record);
    }
  }
  const ours: { record: RecordItem; row: MonitoringRow }[] = [];
  await mapLimited(valid, deps.concurrency, async (entry) => {
    const { row } = entry;
    let record = stored.get(row.key);
    if (item.dryRun) {
      if (record || dryKeys.has(row.key)) {
        (entry as unknown as { kind: string }).kind = 'duplicate';
      } else dryKeys.add(row.key);
      return;
    }
    if (!record) {
      const fact =
        row.source === 'hospital_delivery'
          ? await matching.registrationFor(row, cipher.lookupHash(row.motherIdNumber, 'id-number'))
          : undefined;
      const built = await buildRecord(cipher, row, createdBy, now, fact?.registrationId);
      try {
        await entities.records.create(built).go();
        record = built as RecordItem;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        record = (await entities.records.get({ source: row.source, key: row.key }).go({ consistent: true }))
          .data as RecordItem;
      }
    }
    if (record.createdBy === createdBy) ours.push({ record, row });
    else (entry as unknown as { kind: string }).kind = 'duplicate';
  });

  if (!item.dryRun) {
    // 3. Counters: this chunk's records per district-month, each item once for (import, chunk).
    const deltas = new Map<CounterKey, Partial<Figures>>();
    for (const { record } of ours) {
      const key = counterKeyOf(record.district, record.month);
      const into = deltas.get(key) ?? {};
      for (const [field, value] of Object.entries(figuresOf(record)) as [keyof Figures, number][]) {
        into[field] = (into[field] ?? 0) + value;
      }
      deltas.set(key, into);
    }
    const keys = [...deltas.keys()];
    if (keys.length > 0) {
      // Named on the import before they change, so the prune after it finds every marker.
      await entities.imports.patch({ importId: item.importId }).add({ counterKeys: keys }).go();
    }
    for (const [key, delta] of deltas) await counters.apply(key, delta, item.importId, chunk + 1);

    // 4. Reconciliation items of the new records.
    await mapLimited(ours, deps.concurrency, ({ record, row }) => matching.afterCreate(record, row, now));
  }

  // 5. Rejected rows, then the report's numbers (the caller checkpoints them with the chunk).
  const errors = classified.flatMap((entry) => (entry.kind === 'rejected' ? entry.errors : []));
  if (errors.length > 0) {
    await entities.importErrors.put({ importId: item.importId, chunk, errors: JSON.stringify(errors) }).go();
  }
  report.rows += fileRows.length;
  report.rejected += classified.filter((entry) => entry.kind === 'rejected').length;
  report.duplicates += classified.filter((entry) => (entry as { kind: string }).kind === 'duplicate').length;
  report.accepted += classified.filter((entry) => (entry as { kind: string }).kind === 'valid').length;
  if (report.errors.length < importErrorsShown)
    report.errors.push(...errors.slice(0, importErrorsShown - report.errors.length));
}

export { columnNames };
