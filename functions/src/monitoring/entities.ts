import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes, monitoringSources, reconciliationKinds } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

/**
 * The stored shapes of population monitoring (decision 0020). The counter
 * items (one per district and month) are written by counters.ts with plain
 * UpdateItem calls, because their applied-marker attributes have names no
 * schema can list.
 */
export const importStatuses = ['queued', 'running', 'done', 'failed'] as const;
const scopes = [...districtCodes, 'city'] as const;

/**
 * One import of one uploaded file. `chunk` is the checkpoint: the chunks
 * before it are fully applied (records, counters, gaps, report), and the
 * report's numbers and first errors are written together with it, in the one
 * conditional update that moves it on. `leaseOwner`/`leaseUntil`: the run
 * that may move it. `counterKeys`: every district-month it added to (what the
 * prune after it removes its markers from).
 * Access patterns: byId; byScope (gsi1) a district's imports newest first;
 * all (gsi2) every import, for city staff.
 */
export function createImportEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'monitoringImport', version: '1', service: 'hongjia' },
      attributes: {
        importId: { type: 'string', required: true, readOnly: true },
        scope: { type: scopes, required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        source: { type: monitoringSources, required: true, readOnly: true },
        uploadId: { type: 'string', required: true, readOnly: true },
        fileName: { type: 'string', required: true, readOnly: true },
        contentType: { type: 'string', required: true, readOnly: true },
        objectKey: { type: 'string', required: true, readOnly: true },
        size: { type: 'number', required: true, readOnly: true },
        dryRun: { type: 'boolean', required: true, readOnly: true },
        /** The Asia/Shanghai day rows are validated against, fixed at creation so a resumed run judges alike. */
        today: { type: 'string', required: true, readOnly: true },
        status: { type: importStatuses, required: true },
        chunk: { type: 'number', required: true },
        rows: { type: 'number', required: true },
        accepted: { type: 'number', required: true },
        duplicates: { type: 'number', required: true },
        rejected: { type: 'number', required: true },
        errors: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              row: { type: 'number', required: true },
              field: { type: 'string', required: true },
              message: { type: 'string', required: true },
            },
          },
        },
        bytesRead: { type: 'number', required: true },
        failureMessage: { type: 'string' },
        counterKeys: { type: 'set', items: 'string' },
        leaseOwner: { type: 'string' },
        leaseUntil: { type: 'number' },
        runs: { type: 'number' },
        createdAt: { type: 'string', required: true, readOnly: true },
        startedAt: { type: 'string' },
        finishedAt: { type: 'string' },
        prunedAt: { type: 'string' },
        /** Constant partition of the city-wide list (gsi2). */
        everyImport: { type: 'string', required: true, readOnly: true, default: 'all' },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['importId'] }, sk: { field: 'sk', composite: [] } },
        byScope: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['scope'] },
          sk: { field: 'gsi1sk', composite: ['createdAt', 'importId'] },
        },
        all: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['everyImport'] },
          sk: { field: 'gsi2sk', composite: ['createdAt', 'importId'] },
        },
      },
    },
    { client, table },
  );
}
export type ImportEntity = ReturnType<typeof createImportEntity>;
export type ImportItem = EntityItem<ImportEntity>;

/** Every rejected row of one chunk of an import (errors.csv reads them in chunk order). */
export function createImportErrorsEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'monitoringImportErrors', version: '1', service: 'hongjia' },
      attributes: {
        importId: { type: 'string', required: true, readOnly: true },
        chunk: { type: 'number', required: true, readOnly: true },
        /** JSON list of {row, field, message}: one attribute, whatever the count (≤ chunk size × columns). */
        errors: { type: 'string', required: true },
      },
      indexes: {
        byImport: {
          pk: { field: 'pk', composite: ['importId'] },
          sk: { field: 'sk', composite: ['chunk'] },
        },
      },
    },
    { client, table },
  );
}
export type ImportErrorsEntity = ReturnType<typeof createImportErrorsEntity>;

/**
 * One imported record, keyed by its source and natural key (deliveryId,
 * recordId, certNo): created once, conditionally, so a key imported again is
 * a duplicate. `createdBy` (`<importId>#<chunk>`) tells a resumed chunk which
 * records it wrote itself. `figures` is what the record adds to its
 * district-month (counted when created); `registrationId`/`linkedBy`: the
 * 生育登记 a delivery was matched to, and which writer matched it (set once).
 * Personal data: the whole row sealed in `detailSealed` (family
 * `monitoring`), masked copies for lists, keyed hashes for matching:
 * `personHash` (the mother's ID number; the person's for migration, purpose
 * `id-number` as registrations use), `childKey` (mother + birth day), `nameHash`.
 * Access patterns: byKey; byPerson (gsi1) every record of one mother, by
 * source; byPeriod (gsi2) the records of a district-month (recounts, benches).
 */
export function createRecordEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'monitoringRecord', version: '1', service: 'hongjia' },
      attributes: {
        source: { type: monitoringSources, required: true, readOnly: true },
        key: { type: 'string', required: true, readOnly: true },
        district: { type: districtCodes, required: true, readOnly: true },
        month: { type: 'string', required: true, readOnly: true },
        createdBy: { type: 'string', required: true, readOnly: true },
        personHash: { type: 'string', required: true, readOnly: true },
        personMasked: { type: 'string', required: true, readOnly: true },
        childKey: { type: 'string', readOnly: true },
        nameHash: { type: 'string', readOnly: true },
        nameMasked: { type: 'string', readOnly: true },
        childSex: { type: ['M', 'F'] as const, readOnly: true },
        hospital: { type: 'string', readOnly: true },
        detailSealed: { type: 'string', required: true, readOnly: true },
        figuresJson: { type: 'string', required: true, readOnly: true },
        registrationId: { type: 'string' },
        linkedBy: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byKey: { pk: { field: 'pk', composite: ['source', 'key'] }, sk: { field: 'sk', composite: [] } },
        byPerson: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['personHash'] },
          sk: { field: 'gsi1sk', composite: ['source', 'key'] },
        },
        byPeriod: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['district', 'month'] },
          sk: { field: 'gsi2sk', composite: ['source', 'key'] },
        },
      },
    },
    { client, table },
  );
}
export type RecordEntity = ReturnType<typeof createRecordEntity>;
export type RecordItem = EntityItem<RecordEntity>;

export const gapStatuses = ['open', 'resolved', 'closed'] as const;

/**
 * One reconciliation item (a gap between the sources). Its id derives from
 * what it is about, so finding it again is a conditional create that fails.
 * `closed`: the gap disappeared (the missing record arrived) — kept, never
 * listed, and it wins over a late "open" (created only if absent).
 * `visibleFrom`: gaps that are gaps only after a while (overdue, no
 * vaccination after a month) are stored at once and counted from that day.
 * Access pattern byPeriod (gsi1): a district-month's items by status and kind
 * (open counts are one COUNT Query per kind, bounded by that month's gaps).
 */
export function createGapEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'monitoringGap', version: '1', service: 'hongjia' },
      attributes: {
        gapId: { type: 'string', required: true, readOnly: true },
        kind: { type: reconciliationKinds, required: true, readOnly: true },
        district: { type: districtCodes, required: true, readOnly: true },
        month: { type: 'string', required: true, readOnly: true },
        status: { type: gapStatuses, required: true },
        visibleFrom: { type: 'string', required: true, readOnly: true },
        references: {
          type: 'list',
          required: true,
          readOnly: true,
          items: {
            type: 'map',
            properties: {
              label: { type: 'string', required: true },
              value: { type: 'string', required: true },
            },
          },
        },
        detail: { type: 'string', required: true, readOnly: true },
        version: { type: 'number', required: true },
        noteSealed: { type: 'string' },
        resolvedAt: { type: 'string' },
        resolvedBy: { type: 'string' },
        closedAt: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['gapId'] }, sk: { field: 'sk', composite: [] } },
        byPeriod: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['district', 'month'] },
          sk: { field: 'gsi1sk', composite: ['status', 'kind', 'gapId'] },
        },
      },
    },
    { client, table },
  );
}
export type GapEntity = ReturnType<typeof createGapEntity>;
export type GapItem = EntityItem<GapEntity>;

/**
 * What monitoring knows of a 生育登记, written by the registration path
 * through `registration-hook.ts` (never by reading the registration's own
 * items): the mother's keyed hash, the pregnancy date, the district, whether
 * it stands. `runs`/`countedRun`/lease: the matching job of this registration
 * (matching.ts) is a writer of counters like an import.
 * Access patterns: byId; byMother (gsi1) a mother's registrations.
 */
export function createRegistrationFactEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'monitoringRegistration', version: '1', service: 'hongjia' },
      attributes: {
        registrationId: { type: 'string', required: true, readOnly: true },
        receiptNo: { type: 'string', required: true },
        motherIdHash: { type: 'string', required: true },
        motherIdMasked: { type: 'string', required: true },
        district: { type: districtCodes, required: true },
        pregnancyDate: { type: 'string', required: true },
        hasDueDate: { type: 'boolean', required: true },
        status: { type: ['approved', 'voided'] as const, required: true },
        /** The registration's version the fact reflects: an older hook call never overwrites a newer one. */
        version: { type: 'number', required: true },
        runs: { type: 'number' },
        countedRun: { type: 'number' },
        leaseOwner: { type: 'string' },
        leaseUntil: { type: 'number' },
        counterKeys: { type: 'set', items: 'string' },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['registrationId'] }, sk: { field: 'sk', composite: [] } },
        byMother: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['motherIdHash'] },
          sk: { field: 'gsi1sk', composite: ['registrationId'] },
        },
      },
    },
    { client, table },
  );
}
export type RegistrationFactEntity = ReturnType<typeof createRegistrationFactEntity>;
export type RegistrationFactItem = EntityItem<RegistrationFactEntity>;

export interface MonitoringEntities {
  imports: ImportEntity;
  importErrors: ImportErrorsEntity;
  records: RecordEntity;
  gaps: GapEntity;
  facts: RegistrationFactEntity;
}

export function createMonitoringEntities(client: DynamoDBDocumentClient, table: string): MonitoringEntities {
  return {
    imports: createImportEntity(client, table),
    importErrors: createImportErrorsEntity(client, table),
    records: createRecordEntity(client, table),
    gaps: createGapEntity(client, table),
    facts: createRegistrationFactEntity(client, table),
  };
}
