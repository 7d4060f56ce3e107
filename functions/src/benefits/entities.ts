import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity } from '../commons/store/index';

/** The benefit items of special families (decision 0010), in the single table. */

/**
 * A family enrolled in a policy. Keyed (familyId, policyId) and created
 * conditionally: re-running a screening or a bulk enrolment enrols nothing twice.
 * Payments made sit under the same partition (benefitPayment).
 * - byFamily: a family's enrolments (我的待遇, enrolment);
 * - byDistrict (gsi1): a district's enrolments in familyId order, so a screening
 *   page reads those of its families with one Query over their familyId range.
 */
export function createBenefitEnrolmentEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'benefitEnrolment', version: '1', service: 'hongjia' },
      attributes: {
        familyId: { type: 'string', required: true, readOnly: true },
        policyId: { type: 'string', required: true, readOnly: true },
        district: { type: districtCodes, required: true, readOnly: true },
        enrolledAt: { type: 'string', required: true, readOnly: true },
        enrolledBy: { type: 'string', required: true, readOnly: true },
        via: { type: ['screening', 'application'] as const, required: true, readOnly: true },
        /** The request that enrolled (decision 0015): its retry counts the enrolment as its own. */
        operationId: { type: 'string', readOnly: true },
      },
      indexes: {
        byFamily: {
          pk: { field: 'pk', composite: ['familyId'] },
          sk: { field: 'sk', composite: ['policyId'] },
        },
        byDistrict: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['district'] },
          sk: { field: 'gsi1sk', composite: ['familyId', 'policyId'] },
        },
      },
    },
    { client, table },
  );
}
export type BenefitEnrolmentEntity = ReturnType<typeof createBenefitEnrolmentEntity>;

export function createBenefitPaymentEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'benefitPayment', version: '1', service: 'hongjia' },
      attributes: {
        familyId: { type: 'string', required: true, readOnly: true },
        policyId: { type: 'string', required: true, readOnly: true },
        period: { type: 'string', required: true, readOnly: true },
        amountYuan: { type: 'number', required: true, readOnly: true },
        paidAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byFamily: {
          pk: { field: 'pk', composite: ['familyId'] },
          sk: { field: 'sk', composite: ['policyId', 'period'] },
        },
      },
    },
    { client, table },
  );
}
export type BenefitPaymentEntity = ReturnType<typeof createBenefitPaymentEntity>;

/**
 * A policy version added by an admin (a corrected amount from a later date).
 * All versions live in one small partition; the service reads them with the
 * seed data (shared seedPolicies) as the baseline.
 */
export function createPolicyVersionEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'policyVersion', version: '1', service: 'hongjia' },
      attributes: {
        policyId: { type: 'string', required: true, readOnly: true },
        effectiveFrom: { type: 'string', required: true, readOnly: true },
        /** The whole PolicyDefinition as JSON (validated with the shared schema on read). */
        definition: { type: 'string', required: true, readOnly: true },
        addedBy: { type: 'string', required: true, readOnly: true },
        addedAt: { type: 'string', required: true, readOnly: true },
        /** The request that added it (decision 0015): its retry answers with it instead of 409. */
        operationId: { type: 'string', readOnly: true },
      },
      indexes: {
        all: {
          pk: { field: 'pk', composite: [] },
          sk: { field: 'sk', composite: ['policyId', 'effectiveFrom'] },
        },
      },
    },
    { client, table },
  );
}
export type PolicyVersionEntity = ReturnType<typeof createPolicyVersionEntity>;

export interface BenefitEntities {
  enrolments: BenefitEnrolmentEntity;
  payments: BenefitPaymentEntity;
  policyVersions: PolicyVersionEntity;
}

export function createBenefitEntities(client: DynamoDBDocumentClient, table: string): BenefitEntities {
  return {
    enrolments: createBenefitEnrolmentEntity(client, table),
    payments: createBenefitPaymentEntity(client, table),
    policyVersions: createPolicyVersionEntity(client, table),
  };
}
