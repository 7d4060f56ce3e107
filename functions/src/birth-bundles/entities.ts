import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

export const bundleItemKinds = [
  'household_registration',
  'medical_insurance',
  'social_security_card',
  'vaccination_record',
  // Issue 15 (decision 0035): the rest of Guangdong's nine items.
  'birth_certificate',
  'vaccination_certificate',
  'maternity_allowance',
  'maternity_medical',
  'childcare_subsidy',
] as const;
/** Every item but 育儿补贴, which needs the guardian's consent given with the bundle. */
export const itemKindsWithoutConsent = bundleItemKinds.filter((kind) => kind !== 'childcare_subsidy');
export type BundleItemKind = (typeof bundleItemKinds)[number];
export const bundleItemStatuses = ['queued', 'sending', 'accepted', 'retrying', 'failed', 'waiting'] as const;
/**
 * `checking`: written, its certificate not yet claimed (a crash here is finished by the retry);
 * `active`: the certificate is its own, its items go to the agencies; `held`: another family
 * holds the certificate, staff decide (decision 0013); `voided`: staff decided for the other
 * side. A bundle written before statuses existed has none and is active.
 */
export const bundleStatuses = ['checking', 'active', 'held', 'voided'] as const;
export type BundleStatus = (typeof bundleStatuses)[number];
/** The PII cipher's field name of a bundle's sealed details (the worker and the conflict evidence open it). */
export const bundleDetailsField = 'birthBundle.details';
export type BundleItemStatus = (typeof bundleItemStatuses)[number];

/**
 * 出生一件事: one application after a birth. The child's details are the
 * sensitive data of a child under 14 (PIPL art. 28): everything personal is
 * sealed in one field (`sealedDetails`, PII cipher) that only the outbox
 * worker opens to hand to the agencies; the family's view shows the masked
 * name only. One active bundle per birth is the `birth-bundle` guard on the
 * keyed hash of the birth medical certificate number (`certificateHash`); the
 * id comes from the request's operation id, so a retry finds its bundle.
 * Access patterns:
 * - byId: the bundle;
 * - byUser (gsi1): a family's bundles, for the evidence a conflict's reviewer sees.
 */
export function createBundleEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'birthBundle', version: '1', service: 'hongjia' },
      attributes: {
        bundleId: { type: 'string', required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        registrationId: { type: 'string', readOnly: true },
        householdDistrict: { type: districtCodes, required: true, readOnly: true },
        childNameMasked: { type: 'string', required: true, readOnly: true },
        sealedDetails: { type: 'string', required: true, readOnly: true },
        kinds: { type: 'set', items: bundleItemKinds, required: true, readOnly: true },
        /** Keyed hash (purpose `birth-bundle`) of the certificate number: the guard's key. */
        certificateHash: { type: 'string', readOnly: true },
        /** The certificate number masked (R*****6789), for the conflict queue. */
        certificateMasked: { type: 'string', readOnly: true },
        status: { type: bundleStatuses },
        /** The guardian's consent to file 育儿补贴 from the bundle (decision 0035), given at submission. */
        subsidyConsentAt: { type: 'string', readOnly: true },
        subsidyConsentVersion: { type: 'string', readOnly: true },
        /**
         * The child's ID number as the household-registration item returned it (sealed under
         * `birthBundle.childIdNumber`): what the 育儿补贴 item files with.
         */
        childIdSealed: { type: 'string' },
        /** Staff's neutral word to the family after a check (a voided bundle). */
        notice: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['bundleId'] },
          sk: { field: 'sk', composite: [] },
        },
        byUser: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['userId'] },
          sk: { field: 'gsi1sk', composite: ['createdAt', 'bundleId'] },
        },
      },
    },
    { client, table },
  );
}

/**
 * One agency hand-off of a bundle: the outbox item. Access patterns:
 * - byBundle: a bundle's items (one Query on its partition), for the view;
 * - byDue (gsi1, sparse): items still to deliver, by `dueAt`, so "what is
 *   due now" is one Query per shard. `dueAt` is the next attempt for
 *   queued/retrying and the lease end for sending, so an item whose worker
 *   crashed mid-send becomes due again by itself. Delivered (accepted) and
 *   given-up (failed) items leave the index (the index condition).
 * Shards spread the due index over a few partitions (hot-key safety at scale).
 */
export const outboxShards = ['s0', 's1', 's2', 's3'] as const;
const pendingStatuses: readonly string[] = ['queued', 'retrying', 'sending', 'waiting'];

export function createOutboxEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'bundleOutbox', version: '1', service: 'hongjia' },
      attributes: {
        bundleId: { type: 'string', required: true, readOnly: true },
        kind: { type: bundleItemKinds, required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        shard: { type: outboxShards, required: true, readOnly: true },
        status: { type: bundleItemStatuses, required: true },
        attempts: { type: 'number', required: true, default: 0 },
        dueAt: { type: 'string', required: true },
        /** Who holds the current `sending` lease; only its holder may record the outcome. */
        leaseId: { type: 'string' },
        agencyReference: { type: 'string' },
        lastError: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        byBundle: {
          pk: { field: 'pk', composite: ['bundleId'] },
          sk: { field: 'sk', composite: ['kind'] },
        },
        byDue: {
          index: 'gsi1',
          condition: (attr) => pendingStatuses.includes(String(attr.status)),
          pk: { field: 'gsi1pk', composite: ['shard'] },
          sk: { field: 'gsi1sk', composite: ['dueAt', 'bundleId', 'kind'] },
        },
      },
    },
    { client, table },
  );
}

export type BundleEntity = ReturnType<typeof createBundleEntity>;
export type BundleItem = EntityItem<BundleEntity>;
export type OutboxEntity = ReturnType<typeof createOutboxEntity>;
export type OutboxItem = EntityItem<OutboxEntity>;
