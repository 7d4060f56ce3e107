import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAuditEntity, createAuditTrail } from '../commons/audit';
import { auditTableName } from '../commons/dynamo';
import { envNames, getOptionalStringFromEnv } from '../commons/env';
import type { PiiCipher } from '../commons/pii';
import { type MessageQueue, queueFromEnv } from '../commons/queue';
import { createAccessChecks } from '../staff/jurisdiction';
import { createUploadEntity } from '../uploads/entity';
import { createCounterStore } from './counters';
import { createMonitoringEntities, createRegistrationFactEntity } from './entities';
import { createGaps } from './gaps';
import type { ImportFiles } from './import-run';
import { createImportsService } from './imports-service';
import { createIndicatorsService } from './indicators-service';
import { createReconciliationService } from './reconciliation-service';
import { createRegistrationMonitoringHook } from './registration-hook';
import { createSourceMatching } from './source-matching';
import type { WorkerDeps } from './worker';

/**
 * Monitoring's composition root: everything the capability is made of, wired
 * once from a DynamoDB client, the table, the bucket and the queue. The route
 * group (handler.ts), the worker (worker-handler.ts), the registration hook,
 * the local runtime, tests and benches all start here, so moving the
 * capability (issue 10's layout) moves this file and nothing else changes.
 */
export interface MonitoringWiring {
  client: DynamoDBDocumentClient;
  table: string;
  queue?: MessageQueue;
  clock?: () => Date;
}

/** Worker timeout (manifest) and the lease and prune delay that must exceed it (decision 0020). */
export const workerTimeoutSeconds = 300;
export interface MonitoringTuning {
  chunkSize: number;
  concurrency: number;
  leaseMs: number;
  pruneDelaySeconds: number;
}
export const monitoringTuning: Readonly<MonitoringTuning> = {
  chunkSize: 500,
  concurrency: 16,
  leaseMs: (workerTimeoutSeconds + 60) * 1000,
  pruneDelaySeconds: 900,
};

const queueOf = (wiring: MonitoringWiring) => wiring.queue ?? queueFromEnv(envNames.monitoringQueueUrl);

function isLocalStage(): boolean {
  const stage = getOptionalStringFromEnv(envNames.stage);
  return stage === 'local' || stage === 'test';
}

export function s3ImportFiles(s3: S3Client, bucket: string): ImportFiles {
  return {
    async open(objectKey) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }));
        return object.Body as Readable | undefined;
      } catch (error) {
        if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound'))
          return undefined;
        throw error;
      }
    },
  };
}

/** The staff routes' services (imports, indicators, reconciliation). */
export function monitoringServices(wiring: MonitoringWiring & { cipher: PiiCipher }) {
  const { client, table } = wiring;
  const entities = createMonitoringEntities(client, table);
  const gaps = createGaps(entities.gaps, client, table);
  // Judged by the stored user the router admitted (decision 0017): no second read.
  const access = createAccessChecks();
  const jurisdiction = access.staffJurisdiction;
  return {
    imports: createImportsService({
      entities,
      uploads: createUploadEntity(client, table),
      queue: queueOf(wiring),
      jurisdiction,
    }),
    indicators: createIndicatorsService({ counters: createCounterStore(client, table), gaps, jurisdiction }),
    reconciliation: createReconciliationService({
      gaps,
      gapEntity: entities.gaps,
      cipher: wiring.cipher,
      audit: createAuditTrail(createAuditEntity(client, auditTableName())),
      jurisdiction,
    }),
  };
}

/** What the worker (imports, registration matching, prunes) runs with. */
export function monitoringWorkerDeps(
  wiring: MonitoringWiring & { cipher: PiiCipher; files: ImportFiles },
  tuning: Partial<MonitoringTuning> = {},
): WorkerDeps {
  const { client, table, cipher } = wiring;
  const entities = createMonitoringEntities(client, table);
  const gaps = createGaps(entities.gaps, client, table);
  return {
    entities,
    counters: createCounterStore(client, table),
    gaps,
    matching: createSourceMatching({ records: entities.records, facts: entities.facts, gaps, cipher }),
    cipher,
    files: wiring.files,
    queue: queueOf(wiring),
    clock: wiring.clock ?? (() => new Date()),
    ...monitoringTuning,
    ...tuning,
  };
}

/** The hook the registration path calls on approval and void (registration-hook.ts). */
export function registrationMonitoringHook(wiring: MonitoringWiring) {
  return createRegistrationMonitoringHook({
    facts: createRegistrationFactEntity(wiring.client, wiring.table),
    queue: queueOf(wiring),
    delaySeconds: isLocalStage() ? 0 : 30,
  });
}
