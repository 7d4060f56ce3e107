import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../../commons/store/index';

/**
 * 社会组织 (decision 0035), in the single table:
 * - organisation: the record city staff registered (its contact sealed); all of them sit in
 *   one gsi1 partition — a city has dozens, and the staff list reads them whole;
 * - account: user id → organisation, created conditionally, so one account works for one
 *   organisation; every volunteer request starts from it (and sign-in grants the role from it);
 * - assignment: organisation → the requests assigned to it, newest first. Written before the
 *   request item names the organisation (no transactions): a reader keeps only the requests
 *   whose `assignedOrgId` is still this organisation.
 */
export function createVolunteerOrganisationEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'volunteerOrganisation', version: '1', service: 'hongjia' },
      attributes: {
        orgId: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        creditCode: { type: 'string', required: true, readOnly: true },
        contactNameSealed: { type: 'string', required: true },
        contactPhoneSealed: { type: 'string', required: true },
        contactPhoneMasked: { type: 'string', required: true },
        districts: { type: 'set', items: districtCodes, required: true },
        accountUserId: { type: 'string', required: true, readOnly: true },
        registeredAt: { type: 'string', required: true, readOnly: true },
        registeredBy: { type: 'string', required: true, readOnly: true },
        /** Deactivated by city staff (decision 0040): no new assignment, the account sees nothing. */
        deactivatedAt: { type: 'string' },
        deactivatedBy: { type: 'string' },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['orgId'] }, sk: { field: 'sk', composite: [] } },
        all: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: [] },
          sk: { field: 'gsi1sk', composite: ['registeredAt', 'orgId'] },
        },
      },
    },
    { client, table },
  );
}

export function createVolunteerAccountEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'volunteerAccount', version: '1', service: 'hongjia' },
      attributes: {
        userId: { type: 'string', required: true, readOnly: true },
        orgId: { type: 'string', required: true, readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byUser: { pk: { field: 'pk', composite: ['userId'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    { client, table },
  );
}

export function createVolunteerAssignmentEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'volunteerAssignment', version: '1', service: 'hongjia' },
      attributes: {
        orgId: { type: 'string', required: true, readOnly: true },
        requestId: { type: 'string', required: true, readOnly: true },
        assignedAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byOrg: {
          pk: { field: 'pk', composite: ['orgId'] },
          sk: { field: 'sk', composite: ['assignedAt', 'requestId'] },
        },
      },
    },
    { client, table },
  );
}

export type VolunteerOrganisationEntity = ReturnType<typeof createVolunteerOrganisationEntity>;
export type VolunteerOrganisationItem = EntityItem<VolunteerOrganisationEntity>;
export type VolunteerAccountEntity = ReturnType<typeof createVolunteerAccountEntity>;
export type VolunteerAssignmentEntity = ReturnType<typeof createVolunteerAssignmentEntity>;

export interface VolunteerEntities {
  organisations: VolunteerOrganisationEntity;
  accounts: VolunteerAccountEntity;
  assignments: VolunteerAssignmentEntity;
}

export function createVolunteerEntities(client: DynamoDBDocumentClient, table: string): VolunteerEntities {
  return {
    organisations: createVolunteerOrganisationEntity(client, table),
    accounts: createVolunteerAccountEntity(client, table),
    assignments: createVolunteerAssignmentEntity(client, table),
  };
}

/** The organisation an account works for, or undefined (sign-in and every volunteer request). */
export async function organisationIdOf(accounts: VolunteerAccountEntity, userId: string) {
  return (await accounts.get({ userId }).go()).data?.orgId;
}
