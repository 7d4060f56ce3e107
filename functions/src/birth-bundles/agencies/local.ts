import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { idNumberCheckCharacter, mulberry32 } from '@hongjia/shared';
import { isConditionFailure } from '../../commons/guards';
import { Entity } from '../../commons/store/index';
import type { BundleItemKind } from '../entities';
import { type AgencyAdapter, AgencyError, type AgencyPayload } from './types';

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
        /** Household registration: the child's ID number issued (a repeat answers it again). */
        childIdNumber: { type: 'string', readOnly: true },
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
  birth_certificate: 'CS',
  vaccination_certificate: 'JZ',
  maternity_allowance: 'JT',
  maternity_medical: 'YL',
  childcare_subsidy: 'YE',
};

/**
 * The ID number the simulated 公安 issues: the household district, the birth date, a
 * sequence drawn from the idempotency key (so a repeat would issue the same) with the sex
 * digit's parity, and the check character. Real ones come from the agency.
 */
export function simulatedChildIdNumber(payload: AgencyPayload, idempotencyKey: string): string | undefined {
  const district = String(payload.householdDistrict ?? '');
  const birthDate = String(payload.birthDate ?? '').replaceAll('-', '');
  if (!/^\d{6}$/.test(district) || !/^\d{8}$/.test(birthDate)) return undefined;
  const hash = createHash('sha256').update(idempotencyKey).digest().readUInt32BE(0);
  const sequence = String(hash % 100).padStart(2, '0');
  const sexDigit = 2 * (Math.floor(hash / 100) % 5) + (payload.sex === 'M' ? 1 : 0);
  const first17 = `${district}${birthDate}${sequence}${sexDigit}`;
  const check = idNumberCheckCharacter(first17);
  return check ? `${first17}${check}` : undefined;
}

export function createLocalAgencies(
  submissions: AgencySubmissionEntity,
  options: LocalAgencyOptions = {},
): AgencyAdapter {
  // Seeded: simulated failures repeat from one seed.
  const random = mulberry32(options.seed ?? 20210601);
  let counter = 0;
  return {
    async submit(kind, payload, idempotencyKey) {
      if (options.delayMs) await new Promise((done) => setTimeout(done, options.delayMs));
      if (options.outage?.has(kind)) throw new AgencyError(`${kind} agency unavailable (simulated outage)`);
      if (options.failureRate && random() < options.failureRate) {
        throw new AgencyError(`${kind} agency timed out (simulated)`);
      }
      counter += 1;
      const reference = `${agencyCodes[kind]}${Date.now().toString(36).toUpperCase()}${counter}`;
      const childIdNumber =
        kind === 'household_registration' ? simulatedChildIdNumber(payload, idempotencyKey) : undefined;
      try {
        await submissions
          .create({
            idempotencyKey,
            kind,
            reference,
            receivedAt: new Date().toISOString(),
            repeats: 0,
            ...(childIdNumber ? { childIdNumber } : {}),
          })
          .go();
        return { reference, ...(childIdNumber ? { childIdNumber } : {}) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const { data } = await submissions
          .patch({ idempotencyKey })
          .add({ repeats: 1 })
          .go({ response: 'all_new' });
        return {
          reference: String(data.reference),
          ...(data.childIdNumber ? { childIdNumber: String(data.childIdNumber) } : {}),
        };
      }
    },
  };
}
