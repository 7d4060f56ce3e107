import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes, factClaimKinds } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

/**
 * A fact a special family sent with its proof (decision 0039). The dated value, the child it
 * names, the note and the attachments' names are special-family facts: one sealed JSON value
 * (`factSealed`, field `specialFamily.factClaim`). In clear: what a queue sorts and filters by.
 * Access patterns:
 * - byId: the decision and the attachment read;
 * - byFamily (gsi2): a family's own claims, newest first;
 * - byDistrict (gsi3): a district's claims by status, for review.
 * `status` moves from `pending_review` once, by a conditional write: one decision only.
 * `appliedAt` says the approved fact is on the record (a retried approval finishes it).
 */
export function createFactClaimEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'factClaim', version: '1', service: 'hongjia' },
      attributes: {
        claimId: { type: 'string', required: true, readOnly: true },
        familyId: { type: 'string', required: true, readOnly: true },
        district: { type: districtCodes, required: true, readOnly: true },
        /** 失独家庭 张**、李**: masked, as the family lists show it. */
        familyLabel: { type: 'string', required: true, readOnly: true },
        kind: { type: factClaimKinds, required: true, readOnly: true },
        factSealed: { type: 'string', required: true, readOnly: true },
        submittedBy: { type: 'string', required: true, readOnly: true },
        status: { type: ['pending_review', 'approved', 'rejected'] as const, required: true },
        reviewReason: { type: 'string' },
        reviewerId: { type: 'string' },
        decidedAt: { type: 'string' },
        appliedAt: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['claimId'] },
          sk: { field: 'sk', composite: [] },
        },
        byFamily: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['familyId'] },
          sk: { field: 'gsi2sk', composite: ['createdAt', 'claimId'] },
        },
        byDistrict: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['district'] },
          sk: { field: 'gsi3sk', composite: ['status', 'createdAt', 'claimId'] },
        },
      },
    },
    { client, table },
  );
}

export type FactClaimEntity = ReturnType<typeof createFactClaimEntity>;
export type FactClaimItem = EntityItem<FactClaimEntity>;
