import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccessChecks } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import { envNames, getOptionalStringFromEnv } from '../commons/env';
import type { PiiCipher } from '../commons/pii';
import { type MessageQueue, queueFromEnv } from '../commons/queue';
import { GetObjectCommand } from '../commons/s3';
import type { UploadEntity } from '../uploads';
import { createCounterStore } from './counters';
import type { MonitoringEntities } from './entities';
import { createGaps } from './gaps';
import type { ImportFiles } from './import-run';
import { createImportsService } from './imports-service';
import { createIndicatorsService } from './indicators-service';
import { createReconciliationService } from './reconciliation-service';
import { createRegistrationMonitoringHook } from './registration-hook';
import { createSourceMatching } from './source-matching';
import type { WorkerDeps } from './worker';

/**
 * Monitoring's services over the composition root's pieces (functions/src/root.ts):
 * the route group (groups/monitoring.ts), the worker (groups/monitoring-worker.ts),
 * the registration hook, the report group, the seed, tests and benches all start here.
 * The queue is the root's when it names one (tests, the seed), else MONITORING_QUEUE_URL's.
 */
export interface MonitoringWiring {
  client: DynamoDBDocumentClient;
  table: string;
  entities: { monitoring: MonitoringEntities; uploads: UploadEntity };
  access: AccessChecks;
  audit: AuditTrail;
  queue: MessageQueue | undefined;
  clock: () => Date;
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

const queueOf = (wiring: Pick<MonitoringWiring, 'queue'>) =>
  wiring.queue ?? queueFromEnv(envNames.monitoringQueueUrl);

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

/**
 * The staff routes' services (imports, indicators, reconciliation). `cipher` opens a gap's
 * sealed note: the monitoring group's loads on first use (lazyCipher), the report group's
 * refuses every use.
 */
export function monitoringServices(wiring: MonitoringWiring, cipher: PiiCipher) {
  const { client, table } = wiring;
  const entities = wiring.entities.monitoring;
  const gaps = createGaps(entities.gaps, client, table);
  // Judged by the stored user the router admitted (decision 0017): no second read.
  const jurisdiction = wiring.access.staffJurisdiction;
  return {
    imports: createImportsService({
      entities,
      uploads: wiring.entities.uploads,
      queue: queueOf(wiring),
      jurisdiction,
    }),
    indicators: createIndicatorsService({ counters: createCounterStore(client, table), gaps, jurisdiction }),
    // The audit trail only when a resolution writes it: the report group holds no Audit table.
    reconciliation: createReconciliationService({
      gaps,
      gapEntity: entities.gaps,
      cipher,
      audit: { record: (...args) => wiring.audit.record(...args) },
      jurisdiction,
    }),
  };
}

/** What the worker (imports, registration matching, prunes) runs with. */
export function monitoringWorkerDeps(
  wiring: Omit<MonitoringWiring, 'access' | 'audit'>,
  { cipher, files }: { cipher: PiiCipher; files: ImportFiles },
  tuning: Partial<MonitoringTuning> = {},
): WorkerDeps {
  const { client, table } = wiring;
  const entities = wiring.entities.monitoring;
  const gaps = createGaps(entities.gaps, client, table);
  return {
    entities,
    counters: createCounterStore(client, table),
    gaps,
    matching: createSourceMatching({ records: entities.records, facts: entities.facts, gaps, cipher }),
    cipher,
    files,
    queue: queueOf(wiring),
    clock: wiring.clock,
    ...monitoringTuning,
    ...tuning,
  };
}

/** The hook the registration path calls on approval and void (registration-hook.ts). */
export function registrationMonitoringHook(wiring: Pick<MonitoringWiring, 'entities' | 'queue'>) {
  return createRegistrationMonitoringHook({
    facts: wiring.entities.monitoring.facts,
    queue: queueOf(wiring),
    delaySeconds: isLocalStage() ? 0 : 30,
  });
}
