import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

export const ageClasses = ['infant', 'toddler', 'preschool'] as const;
/**
 * `checking`: written, its credit code not yet claimed (the provider's retry finishes it);
 * `conflict`: another provider's filing holds the code, staff decide (decision 0013);
 * `voided`: staff decided for the other side. The provider sees the first two as
 * pending review and a voided filing as not approved (views.ts).
 */
export const institutionStatuses = [
  'pending_review',
  'published',
  'rejected',
  'checking',
  'conflict',
  'voided',
] as const;

/**
 * A childcare institution (托育机构) filed by a provider. Access patterns:
 * - byId: the detail page;
 * - byCell (gsi1): nearby search. `cell` is set only once published, so
 *   pending and rejected filings never appear in search (a sparse index);
 * - byProvider (gsi2): a provider's own filings;
 * - byDistrict (gsi3): a district's filings by status, for review and stats;
 * - bySearchCell (gsi4, the search index): nearby search. Partitioned by the
 *   precision-4 cell `cell4` (set with `cell`, so sparse too) and projecting only
 *   what the filters read, so one Query covers ≈ 39 × 20 km and a 1 MB page holds
 *   several times more places (decision 0032). The page found is then read whole
 *   by key.
 */
export function createInstitutionEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'institution', version: '1', service: 'hongjia' },
      attributes: {
        institutionId: { type: 'string', required: true, readOnly: true },
        providerId: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        creditCode: { type: 'string', required: true },
        address: { type: 'string', required: true },
        district: { type: districtCodes, required: true },
        lat: { type: 'number', required: true },
        lng: { type: 'number', required: true },
        geohash: { type: 'string', required: true },
        cell: { type: 'string' },
        /** The search partition (precision-4 cell): present exactly when `cell` is (decision 0032). */
        cell4: { type: 'string' },
        affordable: { type: 'boolean', required: true },
        monthlyFeeYuan: { type: 'number', required: true },
        classes: {
          type: 'list',
          required: true,
          items: {
            type: 'map',
            properties: {
              ageClass: { type: ageClasses, required: true },
              capacity: { type: 'number', required: true },
              caregivers: { type: 'number', required: true },
            },
          },
        },
        status: { type: institutionStatuses, required: true },
        reviewReason: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
        publishedAt: { type: 'string' },
        // 普惠 programme (programmes/affordable.ts): the application that holds the
        // institution (one open or approved at a time), its state, and once approved the
        // places it made affordable per class and the fee cap later fees stay within.
        affordableApplicationId: { type: 'string' },
        affordableState: { type: ['applied', 'approved', 'rejected'] as const },
        affordablePlaces: {
          type: 'list',
          items: {
            type: 'map',
            properties: {
              ageClass: { type: ageClasses, required: true },
              places: { type: 'number', required: true },
            },
          },
        },
        affordableFeeCapYuan: { type: 'number' },
        /** 示范机构 (programmes/model.ts): one more attribute the search filter reads. */
        modelLevel: { type: ['provincial', 'municipal'] as const },
        modelYear: { type: 'number' },
        /** The latest inspection's date and result, the public part of 安全监管 (programmes/inspections.ts). */
        lastInspectionDate: { type: 'string' },
        lastInspectionResult: { type: ['pass', 'rectify', 'fail'] as const },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['institutionId'] },
          sk: { field: 'sk', composite: [] },
        },
        byCell: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['cell'] },
          // geohash first: a search reads sub-cells with begins_with, so a crowded
          // 5 km cell costs only the part of it near the origin.
          sk: { field: 'gsi1sk', composite: ['geohash', 'institutionId'] },
        },
        byProvider: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['providerId'] },
          sk: { field: 'gsi2sk', composite: ['createdAt', 'institutionId'] },
        },
        byDistrict: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['district'] },
          sk: { field: 'gsi3sk', composite: ['status', 'createdAt', 'institutionId'] },
        },
        bySearchCell: {
          index: 'gsi4',
          pk: { field: 'gsi4pk', composite: ['cell4'] },
          sk: { field: 'gsi4sk', composite: ['geohash', 'institutionId'] },
        },
      },
    },
    { client, table },
  );
}

export type InstitutionEntity = ReturnType<typeof createInstitutionEntity>;
export type InstitutionItem = EntityItem<InstitutionEntity>;

/**
 * A bookable session of one class on one date. `confirmed` and `waitlisted`
 * are counters changed only by conditional updates on this single item, which
 * is what keeps capacity exact under concurrency on DynamoDB and dynalite alike.
 * `waitlistSeq` hands out FIFO waitlist tickets. Access patterns:
 * - byInstitution (gsi1): an institution's slots by date;
 * - byCellDate (gsi2): the slots of one geohash cell on one date;
 * - bySearchCellDate (gsi4, the search index): the same by precision-4 cell,
 *   which is what nearby search reads to filter by free places without reading
 *   each institution (decision 0032). `cell4` is optional only for slots written
 *   before it existed, until the backfill (childcare/search/backfill.ts) sets it.
 */
export function createSlotEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'slot', version: '1', service: 'hongjia' },
      attributes: {
        slotId: { type: 'string', required: true, readOnly: true },
        institutionId: { type: 'string', required: true, readOnly: true },
        ageClass: { type: ageClasses, required: true, readOnly: true },
        date: { type: 'string', required: true, readOnly: true },
        session: { type: ['full_day', 'morning', 'afternoon'] as const, required: true, readOnly: true },
        /** The institution's geohash cell and full geohash (copied: slots exist only for published institutions). */
        cell: { type: 'string', required: true, readOnly: true },
        geohash: { type: 'string', required: true, readOnly: true },
        cell4: { type: 'string' },
        capacity: { type: 'number', required: true },
        confirmed: { type: 'number', required: true, default: 0 },
        waitlisted: { type: 'number', required: true, default: 0 },
        waitlistSeq: { type: 'number', required: true, default: 0 },
        createdAt: { type: 'string', required: true, readOnly: true },
        /** What the slot's places cost a month, when the provider says (within a 普惠 cap). */
        monthlyFeeYuan: { type: 'number', readOnly: true },
        /** The request that published it: its retry answers with this slot instead of 409. */
        operationId: { type: 'string', readOnly: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['slotId'] },
          sk: { field: 'sk', composite: [] },
        },
        byInstitution: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['institutionId'] },
          sk: { field: 'gsi1sk', composite: ['date', 'session', 'ageClass'] },
        },
        byCellDate: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['cell', 'date'] },
          sk: { field: 'gsi2sk', composite: ['geohash', 'institutionId', 'ageClass', 'session'] },
        },
        bySearchCellDate: {
          index: 'gsi4',
          pk: { field: 'gsi4pk', composite: ['cell4', 'date'] },
          sk: { field: 'gsi4sk', composite: ['geohash', 'institutionId', 'ageClass', 'session'] },
        },
      },
    },
    { client, table },
  );
}

export type SlotEntity = ReturnType<typeof createSlotEntity>;
export type SlotItem = EntityItem<SlotEntity>;
