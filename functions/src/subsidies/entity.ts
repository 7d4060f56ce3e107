import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

/**
 * `checking` is internal: an application is written as `checking` before the
 * `childcare-subsidy` guard on its child is claimed, so a guard always names
 * an application that exists (application.ts, as decision 0008 does for
 * registrations). Nobody sees it. `conflict`: another applicant's application
 * holds the child, staff decide (decision 0013); the applicant sees it as
 * pending review, as any application. `voided`: staff decided for the other
 * side; the applicant sees it as not approved.
 */
export const subsidyStatuses = [
  'checking',
  'pending_review',
  'approved',
  'rejected',
  'conflict',
  'voided',
] as const;
export type SubsidyItemStatus = (typeof subsidyStatuses)[number];

/**
 * A 育儿补贴 application: one child, one applicant (the real-name-bound user).
 * The child's name and ID number are sealed (fields `subsidy.childName`,
 * `subsidy.childIdNumber`) with masked copies for every view; `childIdHash` is
 * the keyed look-up hash (purpose `id-number`) the one-per-child guard uses.
 * Months and amounts are a snapshot of the policy data on the day of applying.
 * Access patterns:
 * - byId: the application (optimistic lock on `version`);
 * - byUser (gsi1): 我的育儿补贴, newest first;
 * - byQueue (gsi2): (district, status) → submittedAt, the review queue oldest first;
 * - byRenewal (gsi3, sparse): renewal month YYYY-MM → (renewalDueOn, id), holding only
 *   approved applications not yet reminded for their current renewalDueOn, so the
 *   scheduled reminder reads just what is due (one Query per month, `renewalDueOn <` a day)
 *   and a reminded application leaves the index until it is renewed.
 */
export function createSubsidyEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'childcareSubsidy', version: '1', service: 'hongjia' },
      attributes: {
        subsidyId: { type: 'string', required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        status: { type: subsidyStatuses, required: true },
        version: { type: 'number', required: true },
        jurisdiction: { type: districtCodes, required: true, readOnly: true },
        childNameSealed: { type: 'string', required: true, readOnly: true },
        childNameMasked: { type: 'string', required: true, readOnly: true },
        childIdSealed: { type: 'string', required: true, readOnly: true },
        childIdMasked: { type: 'string', required: true, readOnly: true },
        childIdHash: { type: 'string', required: true, readOnly: true },
        childBirthDate: { type: 'string', required: true, readOnly: true },
        applicantNameMasked: { type: 'string', required: true, readOnly: true },
        /** effectiveFrom of the policy version the amounts were computed from. */
        policyEffectiveFrom: { type: 'string', required: true, readOnly: true },
        months: { type: 'number', required: true, readOnly: true },
        amountYuan: { type: 'number', required: true, readOnly: true },
        firstMonth: { type: 'string', required: true, readOnly: true },
        lastMonth: { type: 'string', required: true, readOnly: true },
        byYear: {
          type: 'list',
          required: true,
          readOnly: true,
          items: {
            type: 'map',
            properties: {
              year: { type: 'number', required: true },
              months: { type: 'number', required: true },
              amountYuan: { type: 'number', required: true },
            },
          },
        },
        submittedAt: { type: 'string', required: true, readOnly: true },
        /** The guardian's consent to process the child's data (PIPL art. 31), given with the application. */
        guardianConsentAt: { type: 'string', readOnly: true },
        /** The 隐私保护指引 version in force when it was given. */
        guardianConsentVersion: { type: 'string', readOnly: true },
        reviewDueBy: { type: 'string', required: true, readOnly: true },
        reviewedAt: { type: 'string' },
        /** The office that decided (never a person). */
        reviewedBy: { type: 'string' },
        comment: { type: 'string' },
        // The renewal fields are always present ('' = none): ElectroDB wants every composite of a
        // conditional index on each write. Every write sets the whole mutable state (records.move),
        // so the byRenewal condition always sees status, renewalDueOn and renewalRemindedFor.
        renewalDueOn: { type: 'string', required: true },
        /** renewalDueOn's month, the byRenewal partition ('' = none). */
        renewalMonth: { type: 'string', required: true },
        /** The renewalDueOn the applicant was last reminded of ('' = never). */
        renewalRemindedFor: { type: 'string', required: true },
        payments: {
          type: 'list',
          items: {
            type: 'map',
            properties: {
              year: { type: 'number', required: true },
              amountYuan: { type: 'number', required: true },
              paidAt: { type: 'string', required: true },
              /** The office that recorded it (never a person), as reviewedBy. */
              recordedBy: { type: 'string' },
              /** The request that recorded it: its retry answers from here instead of PAYMENT_EXISTS. */
              operationId: { type: 'string' },
            },
          },
        },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['subsidyId'] },
          sk: { field: 'sk', composite: [] },
        },
        byUser: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['userId'] },
          sk: { field: 'gsi1sk', composite: ['submittedAt', 'subsidyId'] },
        },
        byQueue: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['jurisdiction', 'status'] },
          sk: { field: 'gsi2sk', composite: ['submittedAt', 'subsidyId'] },
        },
        byRenewal: {
          index: 'gsi3',
          condition: (attr) =>
            attr.status === 'approved' &&
            Boolean(attr.renewalDueOn) &&
            attr.renewalRemindedFor !== attr.renewalDueOn,
          pk: { field: 'gsi3pk', composite: ['renewalMonth'] },
          sk: { field: 'gsi3sk', composite: ['renewalDueOn', 'subsidyId'] },
        },
      },
    },
    { client, table },
  );
}

export type SubsidyEntity = ReturnType<typeof createSubsidyEntity>;
export type SubsidyItem = EntityItem<SubsidyEntity>;
