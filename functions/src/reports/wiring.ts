import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PiiCipher } from '../commons/pii';
import { monitoringServices } from '../monitoring/wiring';
import { createAccessChecks } from '../staff/jurisdiction';
import { type ReportCache, s3ReportCache } from './cache';
import { createReportService } from './report-service';

/**
 * The report group never opens personal data: it lists only open gaps (whose
 * views carry masked references, no sealed note), so the cipher it hands to
 * monitoring refuses every use — a change that would need it fails loudly.
 */
const noCipher: PiiCipher = {
  seal: async () => {
    throw new Error('the reports group seals nothing');
  },
  open: async () => {
    throw new Error('the reports group opens nothing');
  },
  lookupHash: () => {
    throw new Error('the reports group hashes nothing');
  },
};

/** The reports group's composition root (handler, tests and the bench start here). */
export function reportServices(wiring: {
  client: DynamoDBDocumentClient;
  table: string;
  s3?: S3Client;
  bucket?: string;
  cache?: ReportCache;
  onRender?: (key: string) => void;
}) {
  const cache =
    wiring.cache ?? (wiring.s3 && wiring.bucket ? s3ReportCache(wiring.s3, wiring.bucket) : undefined);
  if (!cache) throw new Error('reportServices: a cache (or an S3 client and bucket) is required');
  // Judged by the stored user the router admitted (decision 0017).
  const access = createAccessChecks();
  return createReportService({
    monitoring: monitoringServices({ client: wiring.client, table: wiring.table, cipher: noCipher }),
    jurisdiction: access.staffJurisdiction,
    cache,
    ...(wiring.onRender ? { onRender: wiring.onRender } : {}),
  });
}
