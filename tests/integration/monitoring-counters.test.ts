import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PiiCipher } from '@hongjia/functions/commons/pii/index';
import { createPiiCipher, localDataKeys } from '@hongjia/functions/commons/pii/index';
import type { MessageQueue } from '@hongjia/functions/commons/queue';
import { counterKeyOf, createCounterStore } from '@hongjia/functions/monitoring/counters';
import { createMonitoringEntities } from '@hongjia/functions/monitoring/entities';
import type { ImportFiles } from '@hongjia/functions/monitoring/import-run';
import { runImport } from '@hongjia/functions/monitoring/import-run';
import type { MonitoringMessage } from '@hongjia/functions/monitoring/messages';
import { figuresOf } from '@hongjia/functions/monitoring/record-builder';
import { runRegistrationMatching } from '@hongjia/functions/monitoring/registration-matching';
import { type MonitoringTuning, monitoringWorkerDeps } from '@hongjia/functions/monitoring/wiring';
import { handleMonitoringMessage } from '@hongjia/functions/monitoring/worker';
import { createRoot } from '@hongjia/functions/root';
import { mainTable } from '@hongjia/infra/table-spec';
import { addFigures, type DistrictCode, emptyFigures, type Figures } from '@hongjia/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTables, localDynamoClient, localTableName, startDynalite } from '../../local/dynamodb';
import { deliveriesCsv, idNumberOf } from './monitoring-fixtures';

/**
 * The counter protocol (decision 0020) against a real dynalite: after any
 * sequence of imports, overlapping re-imports, runs cut off at a random
 * DynamoDB call (before or after the call reached the store) and runs stopped
 * at their deadline, every district-month counter equals a recount of the
 * records, and the imports' `accepted` numbers add up to the records made.
 */
const districts: DistrictCode[] = ['360102', '360111', '360121'];
const months = ['2025-01', '2025-02', '2025-03'];

class Crash extends Error {}

/** ElectroDB wraps a client's error: a crash is one anywhere in the cause chain. */
function isCrash(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof Crash) return true;
  return false;
}

/** A document client that dies at its `crashAt`-th call, before or after the store saw it. */
function crashingClient(real: DynamoDBDocumentClient, crashAt: number | undefined, afterWrite: boolean) {
  let calls = 0;
  const client = {
    send: async (command: Parameters<DynamoDBDocumentClient['send']>[0], options?: unknown) => {
      calls += 1;
      if (calls === crashAt) {
        if (afterWrite) await real.send(command as never, options as never);
        throw new Crash(`cut off at call ${calls}`);
      }
      return real.send(command as never, options as never);
    },
  };
  return client as unknown as DynamoDBDocumentClient;
}

interface Delivery {
  deliveryId: string;
  motherIdNumber: string;
  motherName: string;
  district: DistrictCode;
  deliveryDate: string;
  childSex: 'M' | 'F';
  birthWeightG: number;
  parity: number;
}

const deliveryArb = fc.record({
  district: fc.constantFrom(...districts),
  month: fc.constantFrom(...months),
  day: fc.integer({ min: 1, max: 28 }),
  childSex: fc.constantFrom('M' as const, 'F' as const),
  birthWeightG: fc.constantFrom(900, 2500, 3300, 5200),
  parity: fc.integer({ min: 1, max: 5 }),
  motherAge: fc.integer({ min: 18, max: 44 }),
});

const importArb = fc.record({
  /** Indices into the run's pool of deliveries: overlapping files, repeated keys within one. */
  rows: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 10 }),
  /** Cut the first run off at this DynamoDB call (none: it runs through). */
  crashAt: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  afterWrite: fc.boolean(),
  /** A second cut-off in the resumed run. */
  secondCrashAt: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  /** Stop at the deadline after this many chunks (requeue and resume). */
  deadlineAfterChunks: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
});

/** The worker's deps over a root of this file's table, as the worker group builds them. */
const workerDeps = (
  wiring: {
    client: DynamoDBDocumentClient;
    table: string;
    cipher: PiiCipher;
    queue: MessageQueue;
    clock: () => Date;
    files: ImportFiles;
  },
  tuning: Partial<MonitoringTuning> = {},
) =>
  monitoringWorkerDeps(
    createRoot({ client: wiring.client, table: wiring.table, queue: wiring.queue, clock: wiring.clock }),
    wiring,
    tuning,
  );

/** A queued import of a city-wide staff member, as the create route stores it. */
const importItem = (importId: string, size: number, clockMs: number) => ({
  importId,
  scope: 'city' as const,
  userId: 'u_staff',
  source: 'hospital_delivery' as const,
  uploadId: `upl_${importId}`,
  fileName: 'deliveries.csv',
  contentType: 'text/csv',
  objectKey: `imports/${importId}`,
  size,
  dryRun: false,
  today: '2026-01-10',
  status: 'queued' as const,
  chunk: 0,
  rows: 0,
  accepted: 0,
  duplicates: 0,
  rejected: 0,
  errors: [],
  bytesRead: 0,
  createdAt: new Date(clockMs).toISOString(),
  everyImport: 'all',
});

describe('counters equal a recount of the records (dynalite)', () => {
  let dataDir: string;
  let close: () => Promise<void>;
  let client: DynamoDBDocumentClient;
  const table = localTableName(mainTable);
  const cipher = createPiiCipher(localDataKeys(Buffer.alloc(32, 7)), Buffer.alloc(32, 8));
  let sequence = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hongjia-counters-'));
    const dynalite = await startDynalite(dataDir);
    close = dynalite.close;
    const raw = localDynamoClient(dynalite.endpoint);
    await ensureTables(raw);
    client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  });

  afterAll(async () => {
    await close?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('after random imports, re-imports, crashes and deadlines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(deliveryArb, { minLength: 12, maxLength: 12 }),
        fc.array(importArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (poolSpecs, imports, prune) => {
          const run = ++sequence;
          const pool: Delivery[] = poolSpecs.map((spec, index) => ({
            deliveryId: `R${run}-D${index}`,
            motherIdNumber: idNumberOf('360102', `${2025 - spec.motherAge}-06-15`, run * 100 + index, 'F'),
            motherName: '李秀兰',
            district: spec.district,
            deliveryDate: `${spec.month}-${String(spec.day).padStart(2, '0')}`,
            childSex: spec.childSex,
            birthWeightG: spec.birthWeightG,
            parity: spec.parity,
          }));
          const files = new Map<string, Buffer>();
          const sent: { message: MonitoringMessage; delaySeconds?: number }[] = [];
          const queue: MessageQueue = {
            async send(message, options) {
              sent.push({ message: message as MonitoringMessage, delaySeconds: options?.delaySeconds });
            },
          };
          let clockMs = Date.parse('2026-01-10T02:00:00Z');
          const depsWith = (dbClient: DynamoDBDocumentClient) =>
            workerDeps(
              {
                client: dbClient,
                table,
                cipher,
                queue,
                clock: () => new Date(clockMs),
                files: {
                  async open(key) {
                    const bytes = files.get(key);
                    return bytes ? Readable.from([bytes]) : undefined;
                  },
                },
              },
              { chunkSize: 3, concurrency: 4 },
            );
          const entities = createMonitoringEntities(client, table);
          let acceptedTotal = 0;

          for (const [index, plan] of imports.entries()) {
            const importId = `imp_r${run}i${index}`;
            const csv = deliveriesCsv(plan.rows.map((row) => pool[row] as Delivery));
            files.set(`imports/${importId}`, Buffer.from(csv, 'utf8'));
            await entities.imports.create(importItem(importId, csv.length, clockMs)).go();

            const crashes = [plan.crashAt, plan.secondCrashAt];
            let outcome: string | undefined;
            for (
              let attempt = 0;
              attempt < 12 && outcome !== 'done' && outcome !== 'finished-before';
              attempt++
            ) {
              const crashAt = crashes[attempt];
              const deps = depsWith(crashingClient(client, crashAt, plan.afterWrite));
              let chunksLeft = attempt === 0 ? (plan.deadlineAfterChunks ?? Number.POSITIVE_INFINITY) : 99;
              try {
                outcome = await runImport(deps, importId, {
                  runId: `run${attempt}`,
                  // Plenty of time until the planned deadline, then none (the run stops and requeues).
                  remainingMs: () => (chunksLeft-- > 0 ? 600_000 : 0),
                });
              } catch (error) {
                if (!isCrash(error)) throw error;
                // The dead run's lease must run out before another may claim the import.
                clockMs += deps.leaseMs + 1_000;
              }
            }
            // finished-before: the run died after marking the import done (the next run queued its prune).
            expect(['done', 'finished-before']).toContain(outcome);
            const done = (await entities.imports.get({ importId }).go({ consistent: true })).data;
            expect(done).toMatchObject({ status: 'done', rows: plan.rows.length });
            expect((done?.accepted ?? 0) + (done?.duplicates ?? 0) + (done?.rejected ?? 0)).toBe(
              plan.rows.length,
            );
            acceptedTotal += done?.accepted ?? 0;
          }

          if (prune) {
            const deps = depsWith(client);
            for (const { message } of sent.filter((entry) => entry.message.kind === 'prune')) {
              await handleMonitoringMessage(deps, message, () => 600_000);
            }
          }

          // Recount: the records this run made, brute force, against the counters of every district-month.
          const recordsMade = new Set(
            imports.flatMap((plan) => plan.rows.map((row) => (pool[row] as Delivery).deliveryId)),
          );
          expect(acceptedTotal).toBe(recordsMade.size);
          const counters = createCounterStore(client, table);
          for (const district of districts) {
            const stored = await counters.read(district, months[0] as string, months.at(-1) as string);
            for (const month of months) {
              const recount = emptyFigures();
              const records = await entities.records.query.byPeriod({ district, month }).go({ pages: 'all' });
              for (const record of records.data) addFigures(recount, figuresOf(record));
              const counted: Figures =
                stored.find((entry) => entry.month === month)?.figures ?? emptyFigures();
              expect(counted, counterKeyOf(district, month)).toEqual(recount);
            }
          }
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  }, 600_000);

  it('looks again after the lease of a run that died, instead of leaving its import running', async () => {
    // Prepare: a run claims the import and dies right after (its lease lives on).
    const importId = 'imp_deadlease';
    const clockMs = Date.parse('2026-01-10T02:00:00Z');
    const sent: { message: unknown; delaySeconds?: number }[] = [];
    const deps = (dbClient: DynamoDBDocumentClient) =>
      workerDeps({
        client: dbClient,
        table,
        cipher,
        queue: { send: async (message, options) => void sent.push({ message, ...options }) },
        clock: () => new Date(clockMs),
        files: { open: async () => Readable.from([Buffer.from(deliveriesCsv([]))]) },
      });
    const entities = createMonitoringEntities(client, table);
    await entities.imports.create(importItem(importId, 100, clockMs)).go();
    await expect(
      runImport(deps(crashingClient(client, 3, false)), importId, {
        runId: 'dead',
        remainingMs: () => 600_000,
      }),
    ).rejects.toSatisfy(isCrash);

    // Act: SQS hands the message to another run before the lease is over.
    const outcome = await runImport(deps(client), importId, { runId: 'next', remainingMs: () => 600_000 });

    // Assess: busy now, and a look is queued for when the lease has run out.
    expect(outcome).toBe('busy');
    expect(sent).toEqual([
      { message: { kind: 'import', importId }, delaySeconds: Math.ceil(deps(client).leaseMs / 1000) + 1 },
    ]);
  });

  it('looks again after the lease of a registration match that died', async () => {
    // Prepare: an approved registration's fact; a matching run claims it and dies at once.
    const registrationId = 'reg_deadlease';
    const clockMs = Date.parse('2026-01-10T02:00:00Z');
    const sent: { message: unknown; delaySeconds?: number }[] = [];
    const deps = (dbClient: DynamoDBDocumentClient) =>
      workerDeps({
        client: dbClient,
        table,
        cipher,
        queue: { send: async (message, options) => void sent.push({ message, ...options }) },
        clock: () => new Date(clockMs),
        files: { open: async () => undefined },
      });
    await createMonitoringEntities(client, table)
      .facts.create({
        registrationId,
        receiptNo: 'SYDJ202601100001',
        motherIdHash: 'hash-of-nobody',
        motherIdMasked: '3601**********0021',
        district: '360102',
        pregnancyDate: '2026-03-01',
        hasDueDate: true,
        status: 'approved',
        version: 1,
        updatedAt: new Date(clockMs).toISOString(),
      })
      .go();
    await expect(
      runRegistrationMatching(deps(crashingClient(client, 3, false)), registrationId, 'dead'),
    ).rejects.toSatisfy(isCrash);

    // Act: the redelivered message finds the lease still live.
    const outcome = await runRegistrationMatching(deps(client), registrationId, 'next');

    // Assess
    expect(outcome).toBe('busy');
    expect(sent).toEqual([
      {
        message: { kind: 'registration', registrationId },
        delaySeconds: Math.ceil(deps(client).leaseMs / 1000) + 1,
      },
    ]);
  });
});
