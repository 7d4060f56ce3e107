import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { envNames, getOptionalStringFromEnv, getStringFromEnv } from '../../commons/env';
import { type BundleItemKind, bundleItemKinds } from '../entities';
import { createHttpAgencies } from './http';
import { createAgencySubmissionEntity, createLocalAgencies } from './local';
import type { AgencyAdapter } from './types';

/**
 * Local stages (`local`, `test`) talk to simulated agencies, tuned by
 * AGENCY_FAILURE_RATE, AGENCY_DELAY_MS, AGENCY_OUTAGE (comma-separated kinds)
 * and AGENCY_SEED; deployed stages to the gateways in AGENCY_ENDPOINT_<KIND>
 * (e.g. AGENCY_ENDPOINT_MEDICAL_INSURANCE). Chosen by stage, so a local run
 * can never reach a real agency.
 */
export function agenciesFromEnv(client: DynamoDBDocumentClient, table: string): AgencyAdapter {
  const stage = getStringFromEnv(envNames.stage);
  if (stage === 'local' || stage === 'test') {
    const outage = (getOptionalStringFromEnv('AGENCY_OUTAGE') ?? '')
      .split(',')
      .map((kind) => kind.trim())
      .filter((kind): kind is BundleItemKind => (bundleItemKinds as readonly string[]).includes(kind));
    return createLocalAgencies(createAgencySubmissionEntity(client, table), {
      failureRate: Number(getOptionalStringFromEnv('AGENCY_FAILURE_RATE') ?? 0),
      delayMs: Number(getOptionalStringFromEnv('AGENCY_DELAY_MS') ?? 0),
      outage: new Set(outage),
      seed: Number(getOptionalStringFromEnv('AGENCY_SEED') ?? 20210601),
    });
  }
  const endpoints: Partial<Record<BundleItemKind, string>> = {};
  for (const kind of bundleItemKinds) {
    const url = getOptionalStringFromEnv(`AGENCY_ENDPOINT_${kind.toUpperCase()}`);
    if (url) endpoints[kind] = url;
  }
  return createHttpAgencies({ endpoints });
}
