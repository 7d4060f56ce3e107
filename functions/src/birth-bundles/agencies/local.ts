import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mulberry32 } from '@hongjia/shared';
import { Entity } from 'electrodb';
import { isConditionFailure } from '../../commons/guards';
import type { BundleItemKind } from '../entities';
import { type AgencyAdapter, AgencyError } from './types';

/**
 * Simulated agencies for the local runtime and tests. Each accepted hand-off
 * is recorded under its idempotency key (conditional create), as a real
 * agency's dedupe would: a repeat gets the first reference back and bumps
 * `repeats`, so tests can prove one submission per key. Delay, random
 * failures (seeded, so runs repeat) and a full outage of some agencies are
 * configurable.
 */
export function createAgencySubmissionEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'agencySubmission', version: '1', service: 'hongjia' },
      attributes: {
        idempotencyKey: { type: 'string', required: true, readOnly: true },
        kind: { type: 'string', required: true, readOnly: true },
        reference: { type: 'string', required: true, readOnly: true },
        receivedAt: { type: 'string', required: true, readOnly: true },
        repeats: { type: 'number', required: true, default: 0 },
      },
      indexes: {
        byKey: {
          pk: { field: 'pk', composite: ['idempotencyKey'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
}

export type AgencySubmissionEntity = ReturnType<typeof createAgencySubmissionEntity>;

export interface LocalAgencyOptions {
  /** Share of calls that fail (0–1), drawn from a seeded generator. */
  failureRate?: number;
  delayMs?: number;
  /** Agencies that are down: every call fails. */
  outage?: ReadonlySet<BundleItemKind>;
  seed?: number;
}

const agencyCodes: Record<BundleItemKind, string> = {
  household_registration: 'GA',
  medical_insurance: 'YB',
  social_security_card: 'SB',
  vaccination_record: 'JK',
};

export function createLocalAgencies(
  submissions: AgencySubmissionEntity,
  options: LocalAgencyOptions = {},
): AgencyAdapter {
  // Seeded: simulated failures repeat from one seed.
  const random = mulberry32(options.seed ?? 20210601);
  let counter = 0;
  return {
    async submit(kind, _payload, idempotencyKey) {
      if (options.delayMs) await new Promise((done) => setTimeout(done, options.delayMs));
      if (options.outage?.has(kind)) throw new AgencyError(`${kind} agency unavailable (simulated outage)`);
      if (options.failureRate && random() < options.failureRate) {
        throw new AgencyError(`${kind} agency timed out (simulated)`);
      }
      counter += 1;
      const reference = `${agencyCodes[kind]}${Date.now().toString(36).toUpperCase()}${counter}`;
      try {
        await submissions
          .create({ idempotencyKey, kind, reference, receivedAt: new Date().toISOString(), repeats: 0 })
          .go();
        return { reference };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { data } = await submissions
          .patch({ idempotencyKey })
          .add({ repeats: 1 })
          .go({ response: 'all_new' });
        return { reference: String(data.reference) };
      }
    },
  };
}
