import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

/**
 * `checking` is internal: a clean submission is written as `checking` before
 * its pregnancy guard is claimed, so a guard always names a registration that
 * exists (decision 0008). Clients never see it (shown as pending_review).
 * `voided`: an approval staff undid (decision 0011).
 */
export const registrationStatuses = [
  'checking',
  'approved',
  'pending_review',
  'returned',
  'rejected',
  'voided',
] as const;
export type RegistrationItemStatus = (typeof registrationStatuses)[number];

const changeProperties = {
  status: { type: ['approved', 'pending_review', 'returned', 'rejected', 'voided'] as const, required: true },
  at: { type: 'string', required: true },
  by: { type: ['family', 'system', 'staff'] as const, required: true },
  byName: { type: 'string' },
  comment: { type: 'string' },
} as const;

/**
 * A birth registration (生育登记) or re-approval application (再生育审批).
 * Access patterns:
 * - byId: the family's and the reviewer's detail;
 * - byUser (gsi1): 我的登记, newest first;
 * - byJurisdiction (gsi2): a district's queue by status, oldest first;
 * - byMother (gsi3): keyed hash of the mother's ID number → her registrations,
 *   one Query for "children on record" and "same pregnancy" (never a scan).
 * `version` is the optimistic lock: every move is conditional on it.
 */
export function createRegistrationEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'registration', version: '1', service: 'hongjia' },
      attributes: {
        registrationId: { type: 'string', required: true, readOnly: true },
        receiptNo: { type: 'string', required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        kind: { type: ['registration', 'reapproval'] as const, required: true },
        parity: { type: 'number', required: true },
        status: { type: registrationStatuses, required: true },
        version: { type: 'number', required: true },
        jurisdiction: { type: districtCodes, required: true },
        // Names, ID numbers, phones and birth dates sealed with the PII cipher (field names in
        // intake.ts), masked copies beside names, numbers and phones for every view; `…IdHash` is the
        // keyed look-up hash (purpose `id-number`) used by the duplicate checks (decision 0014).
        motherNameSealed: { type: 'string', required: true },
        motherNameMasked: { type: 'string', required: true },
        motherIdSealed: { type: 'string', required: true },
        motherIdMasked: { type: 'string', required: true },
        motherIdHash: { type: 'string', required: true },
        motherPhoneSealed: { type: 'string', required: true },
        motherPhoneMasked: { type: 'string', required: true },
        motherHukou: { type: districtCodes, required: true },
        motherBirthDateSealed: { type: 'string', required: true },
        fatherNameSealed: { type: 'string', required: true },
        fatherNameMasked: { type: 'string', required: true },
        fatherIdSealed: { type: 'string', required: true },
        fatherIdMasked: { type: 'string', required: true },
        fatherIdHash: { type: 'string', required: true },
        fatherPhoneSealed: { type: 'string', required: true },
        fatherPhoneMasked: { type: 'string', required: true },
        fatherHukou: { type: districtCodes, required: true },
        fatherBirthDateSealed: { type: 'string', required: true },
        marriageDate: { type: 'string', required: true },
        /** The children declared (names, birth dates, sexes) as one sealed JSON list; opened for the detail. */
        existingChildrenSealed: { type: 'string', required: true },
        expectedDueDate: { type: 'string' },
        /** Due date, or the submission day without one: the date the 180-day duplicate window is measured from. */
        pregnancyDate: { type: 'string', required: true },
        /** The family's free-text explanation, sealed. */
        reasonSealed: { type: 'string' },
        attachments: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              id: { type: 'string', required: true },
              fileName: { type: 'string', required: true },
              contentType: { type: 'string', required: true },
              size: { type: 'number', required: true },
              // The checked SHA-256 and the permanent copy (attachments/<registrationId>/<uploadId>);
              // absent on attachments claimed before uploads were copied.
              sha256: { type: 'string' },
              key: { type: 'string' },
            },
          },
        },
        reasons: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              code: { type: 'string', required: true },
              message: { type: 'string', required: true },
              relatedRegistrationId: { type: 'string' },
            },
          },
        },
        history: { type: 'list', required: true, items: { type: 'map', properties: changeProperties } },
        certificateId: { type: 'string' },
        submittedAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['registrationId'] },
          sk: { field: 'sk', composite: [] },
        },
        byUser: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['userId'] },
          sk: { field: 'gsi1sk', composite: ['submittedAt', 'registrationId'] },
        },
        byJurisdiction: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['jurisdiction', 'status'] },
          sk: { field: 'gsi2sk', composite: ['submittedAt', 'registrationId'] },
        },
        byMother: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['motherIdHash'] },
          sk: { field: 'gsi3sk', composite: ['registrationId'] },
        },
      },
    },
    { client, table },
  );
}

export type RegistrationEntity = ReturnType<typeof createRegistrationEntity>;
export type RegistrationItem = EntityItem<RegistrationEntity>;

/**
 * The second duplicate look-up: parents' birth dates (from their ID numbers)
 * under a keyed hash → the registrations filed for such a couple, with the
 * names to compare (sealed as on the registration; the check opens the
 * candidates' names, a handful). Catches a second filing under a mistyped or
 * other ID number with near-identical names. Written before its registration;
 * a probe whose registration is missing or no longer matches is ignored.
 */
export function createRegistrationProbeEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'registrationProbe', version: '1', service: 'hongjia' },
      attributes: {
        probeKey: { type: 'string', required: true, readOnly: true },
        registrationId: { type: 'string', required: true, readOnly: true },
        motherNameSealed: { type: 'string', required: true, readOnly: true },
        fatherNameSealed: { type: 'string', required: true, readOnly: true },
        pregnancyDate: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byKey: {
          pk: { field: 'pk', composite: ['probeKey'] },
          sk: { field: 'sk', composite: ['registrationId'] },
        },
      },
    },
    { client, table },
  );
}

export type RegistrationProbeEntity = ReturnType<typeof createRegistrationProbeEntity>;

/** Per district and day, the last receipt sequence handed out (an atomic counter). */
export function createReceiptCounterEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'receiptCounter', version: '1', service: 'hongjia' },
      attributes: {
        district: { type: districtCodes, required: true, readOnly: true },
        day: { type: 'string', required: true, readOnly: true },
        seq: { type: 'number', required: true, default: 0 },
      },
      indexes: {
        byDay: {
          pk: { field: 'pk', composite: ['district', 'day'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
}

export type ReceiptCounterEntity = ReturnType<typeof createReceiptCounterEntity>;
