import type { S3Client } from '@aws-sdk/client-s3';
import type { PiiCipher } from '../commons/pii';
import { type MonitoringWiring, monitoringServices } from '../monitoring';
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

/** The report service over the composition root's pieces (handler, tests and the bench start here). */
export function reportServices(
  root: MonitoringWiring,
  wiring: {
    s3?: S3Client;
    bucket?: string;
    cache?: ReportCache;
    onRender?: (key: string) => void;
  },
) {
  const cache =
    wiring.cache ?? (wiring.s3 && wiring.bucket ? s3ReportCache(wiring.s3, wiring.bucket) : undefined);
  if (!cache) throw new Error('reportServices: a cache (or an S3 client and bucket) is required');
  return createReportService({
    monitoring: monitoringServices(root, noCipher),
    // Judged by the stored user the router admitted (decision 0017).
    jurisdiction: root.access.staffJurisdiction,
    cache,
    ...(wiring.onRender ? { onRender: wiring.onRender } : {}),
  });
}
