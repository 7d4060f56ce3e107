import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../../commons/store/index';
import { ageClasses } from '../entities';

const attachmentList = {
  type: 'list',
  items: {
    type: 'map',
    properties: {
      id: { type: 'string', required: true },
      fileName: { type: 'string', required: true },
    },
  },
} as const;

/**
 * A 普惠托育 programme application (普惠项目申报) of one published institution. Access patterns:
 * - byId: the decision;
 * - byProvider (gsi2): a provider's own applications;
 * - byDistrict (gsi3): a district's applications by status, for review.
 * The institution item holds the open or approved application's id (its single-item
 * conditional writes keep one at a time); this item is the application's record.
 */
export function createAffordableApplicationEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'affordableApplication', version: '1', service: 'hongjia' },
      attributes: {
        applicationId: { type: 'string', required: true, readOnly: true },
        institutionId: { type: 'string', required: true, readOnly: true },
        institutionName: { type: 'string', required: true, readOnly: true },
        providerId: { type: 'string', required: true, readOnly: true },
        district: { type: districtCodes, required: true, readOnly: true },
        feeCapYuan: { type: 'number', required: true, readOnly: true },
        monthlyFeeYuan: { type: 'number', required: true, readOnly: true },
        places: {
          type: 'list',
          required: true,
          readOnly: true,
          items: {
            type: 'map',
            properties: {
              ageClass: { type: ageClasses, required: true },
              places: { type: 'number', required: true },
            },
          },
        },
        attachments: { ...attachmentList, required: true, readOnly: true },
        note: { type: 'string', readOnly: true },
        status: { type: ['pending_review', 'approved', 'rejected'] as const, required: true },
        reviewReason: { type: 'string' },
        reviewerId: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
        decidedAt: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['applicationId'] },
          sk: { field: 'sk', composite: [] },
        },
        byProvider: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['providerId'] },
          sk: { field: 'gsi2sk', composite: ['createdAt', 'applicationId'] },
        },
        byDistrict: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['district'] },
          sk: { field: 'gsi3sk', composite: ['status', 'createdAt', 'applicationId'] },
        },
      },
    },
    { client, table },
  );
}

export type AffordableApplicationEntity = ReturnType<typeof createAffordableApplicationEntity>;
export type AffordableApplicationItem = EntityItem<AffordableApplicationEntity>;

/**
 * A safety inspection (安全检查) of an institution. `state`: `closed` (合格, nothing to
 * rectify), `awaiting_rectification`, `rectified` (the provider reported it). `dueOn` is the
 * rectification deadline, or the inspection date when there is none, so the district index
 * sorts what is awaiting by deadline and the overdue list is one range Query. Access patterns:
 * - byId; byInstitution (gsi1): an institution's inspections by date;
 * - byDistrict (gsi3): a district's inspections by state and deadline.
 */
export function createInspectionEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'inspection', version: '1', service: 'hongjia' },
      attributes: {
        inspectionId: { type: 'string', required: true, readOnly: true },
        institutionId: { type: 'string', required: true, readOnly: true },
        institutionName: { type: 'string', required: true, readOnly: true },
        providerId: { type: 'string', required: true, readOnly: true },
        district: { type: districtCodes, required: true, readOnly: true },
        date: { type: 'string', required: true, readOnly: true },
        inspector: { type: 'string', required: true, readOnly: true },
        result: { type: ['pass', 'rectify', 'fail'] as const, required: true, readOnly: true },
        findings: { type: 'string', required: true, readOnly: true },
        rectifyBy: { type: 'string', readOnly: true },
        dueOn: { type: 'string', required: true, readOnly: true },
        state: { type: ['closed', 'awaiting_rectification', 'rectified'] as const, required: true },
        rectificationNote: { type: 'string' },
        rectificationAttachments: attachmentList,
        rectifiedAt: { type: 'string' },
        recordedBy: { type: 'string', required: true, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['inspectionId'] },
          sk: { field: 'sk', composite: [] },
        },
        byInstitution: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['institutionId'] },
          sk: { field: 'gsi1sk', composite: ['date', 'inspectionId'] },
        },
        byDistrict: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['district'] },
          sk: { field: 'gsi3sk', composite: ['state', 'dueOn', 'inspectionId'] },
        },
      },
    },
    { client, table },
  );
}

export type InspectionEntity = ReturnType<typeof createInspectionEntity>;
export type InspectionItem = EntityItem<InspectionEntity>;

/**
 * A known childcare operator of a district (托育机构底册), the denominator of 登记备案率.
 * Keyed by district and credit code: entering or importing it again writes the same item.
 * byDistrict (gsi3): the district's list.
 */
export function createKnownOperatorEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'knownOperator', version: '1', service: 'hongjia' },
      attributes: {
        district: { type: districtCodes, required: true, readOnly: true },
        creditCode: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        address: { type: 'string' },
        addedBy: { type: 'string', required: true, readOnly: true },
        addedAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byKey: {
          pk: { field: 'pk', composite: ['district', 'creditCode'] },
          sk: { field: 'sk', composite: [] },
        },
        byDistrict: {
          index: 'gsi3',
          pk: { field: 'gsi3pk', composite: ['district'] },
          sk: { field: 'gsi3sk', composite: ['creditCode'] },
        },
      },
    },
    { client, table },
  );
}

export type KnownOperatorEntity = ReturnType<typeof createKnownOperatorEntity>;
export type KnownOperatorItem = EntityItem<KnownOperatorEntity>;

export interface ProgrammeEntities {
  applications: AffordableApplicationEntity;
  inspections: InspectionEntity;
  operators: KnownOperatorEntity;
}

export function createProgrammeEntities(client: DynamoDBDocumentClient, table: string): ProgrammeEntities {
  return {
    applications: createAffordableApplicationEntity(client, table),
    inspections: createInspectionEntity(client, table),
    operators: createKnownOperatorEntity(client, table),
  };
}
