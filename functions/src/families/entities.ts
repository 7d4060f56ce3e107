import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import type { AuditTableName } from '../commons/dynamo';
import { Entity, type EntityItem } from '../commons/store/index';

/**
 * The data of special families and real-name binding, in the single table
 * (decision 0010); benefits and help requests keep theirs in their own folders. Personal data is sealed with
 * the PII cipher (`…Sealed`, field name bound in), masked copies sit beside it
 * for lists, and `…Hash` is the keyed look-up hash (purpose `id-number`, the
 * same one registrations use) — never the number itself. What is sealed and
 * why: decision 0014.
 */

/**
 * A user's real-name binding. One per user (byUser); one user per person is the
 * `identity` guard on the ID hash, claimed before this item is written.
 * - byUser: my identity;
 * - byIdHash (gsi1): who is bound to this person (family records match members by it).
 */
export function createIdentityEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'identity', version: '1', service: 'hongjia' },
      attributes: {
        userId: { type: 'string', required: true, readOnly: true },
        idHash: { type: 'string', required: true, readOnly: true },
        nameSealed: { type: 'string', required: true },
        nameMasked: { type: 'string', required: true },
        idSealed: { type: 'string', required: true },
        idMasked: { type: 'string', required: true },
        /** Opened for the person's own view and for 我的待遇 (identityFacts). */
        birthDateSealed: { type: 'string', required: true },
        sex: { type: ['M', 'F'] as const, required: true },
        regionCode: { type: 'string', required: true },
        verifiedBy: { type: ['wechat_face', 'local'] as const, required: true },
        boundAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byUser: {
          pk: { field: 'pk', composite: ['userId'] },
          sk: { field: 'sk', composite: [] },
        },
        byIdHash: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['idHash'] },
          sk: { field: 'gsi1sk', composite: ['userId'] },
        },
      },
    },
    { client, table },
  );
}
export type IdentityEntity = ReturnType<typeof createIdentityEntity>;
export type IdentityItem = EntityItem<IdentityEntity>;

/**
 * A refused attempt to bind an ID number bound to someone else. `scope` is the
 * district of the number's region code when it is one of Nanchang's, else
 * `city` (only city staff see those).
 * - byScope (gsi1): a district's conflicts, newest first.
 */
export function createIdentityConflictEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'identityConflict', version: '1', service: 'hongjia' },
      attributes: {
        conflictId: { type: 'string', required: true, readOnly: true },
        scope: { type: 'string', required: true, readOnly: true },
        idMasked: { type: 'string', required: true, readOnly: true },
        idHash: { type: 'string', required: true, readOnly: true },
        attemptedByUserId: { type: 'string', required: true, readOnly: true },
        holderUserId: { type: 'string', required: true, readOnly: true },
        holderBoundAt: { type: 'string', required: true, readOnly: true },
        attemptedAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['conflictId'] },
          sk: { field: 'sk', composite: [] },
        },
        byScope: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['scope'] },
          sk: { field: 'gsi1sk', composite: ['attemptedAt', 'conflictId'] },
        },
      },
    },
    { client, table },
  );
}
export type IdentityConflictEntity = ReturnType<typeof createIdentityConflictEntity>;

const memberProperties = {
  role: { type: ['father', 'mother'] as const, required: true },
  nameSealed: { type: 'string', required: true },
  nameMasked: { type: 'string', required: true },
  idSealed: { type: 'string', required: true },
  idMasked: { type: 'string', required: true },
  idHash: { type: 'string', required: true },
  phoneSealed: { type: 'string', required: true },
  phoneMasked: { type: 'string', required: true },
  sex: { type: ['M', 'F'] as const, required: true },
  retiredOn: { type: 'string' },
} as const;

/**
 * A 计划生育特殊家庭 record. Members' names, ID numbers and phones are sealed;
 * so are the helpers' names and phones (contact person, doctor, green channel:
 * shown whole to the family to call, but none is kept in clear at rest, which
 * the at-rest scan test checks for every item). What the record says of the
 * family's loss — its kind, the event date, the children and their status,
 * the members' birth dates — is one sealed value, `factsSealed`
 * (sealed-record.ts): every reader that needs one of them needs them all (the
 * rules engine), and one value per family keeps a screening page's reads small.
 * - byId: the record (optimistic lock on `version`);
 * - byDistrict (gsi1): a district's records, for lists, coverage and screening.
 */
export function createSpecialFamilyEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'specialFamily', version: '1', service: 'hongjia' },
      attributes: {
        familyId: { type: 'string', required: true, readOnly: true },
        district: { type: districtCodes, required: true, readOnly: true },
        hukouType: { type: ['urban', 'rural'] as const, required: true },
        members: { type: 'list', required: true, items: { type: 'map', properties: memberProperties } },
        factsSealed: { type: 'string', required: true },
        contactPerson: {
          type: 'map',
          properties: {
            nameSealed: { type: 'string', required: true },
            phoneSealed: { type: 'string', required: true },
            userId: { type: 'string' },
          },
        },
        familyDoctor: {
          type: 'map',
          properties: {
            nameSealed: { type: 'string', required: true },
            phoneSealed: { type: 'string', required: true },
            institution: { type: 'string', required: true },
            signedOn: { type: 'string', required: true },
          },
        },
        greenChannel: {
          type: 'map',
          properties: { hospital: { type: 'string', required: true }, phoneSealed: { type: 'string' } },
        },
        /** 重大疾病综合商业保险 bought for the family (decision 0033); the policy number sealed. */
        criticalIllnessCover: {
          type: 'map',
          properties: {
            insurer: { type: 'string', required: true },
            policyNumberSealed: { type: 'string', required: true },
            policyNumberMasked: { type: 'string', required: true },
            from: { type: 'string', required: true },
            to: { type: 'string', required: true },
          },
        },
        /** Consent for the named contact person to act for the family; void once the contact changes. */
        proxyConsent: {
          type: 'map',
          properties: {
            contactUserId: { type: 'string', required: true },
            contactNameSealed: { type: 'string', required: true },
            grantedByUserId: { type: 'string', required: true },
            grantedByRole: { type: ['father', 'mother'] as const, required: true },
            grantedAt: { type: 'string', required: true },
          },
        },
        version: { type: 'number', required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['familyId'] },
          sk: { field: 'sk', composite: [] },
        },
        byDistrict: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['district'] },
          sk: { field: 'gsi1sk', composite: ['familyId'] },
        },
      },
    },
    { client, table },
  );
}
export type SpecialFamilyEntity = ReturnType<typeof createSpecialFamilyEntity>;
export type SpecialFamilyItem = EntityItem<SpecialFamilyEntity>;

/**
 * Person → family: one item per member's ID hash, created conditionally, so a
 * person is on one record only (a second record naming them gets 409). Written
 * before the family item; a link whose family does not exist is an orphan of a
 * crashed create and may be taken over.
 */
export function createFamilyMemberEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'familyMember', version: '1', service: 'hongjia' },
      attributes: {
        idHash: { type: 'string', required: true, readOnly: true },
        familyId: { type: 'string', required: true },
        role: { type: ['father', 'mother'] as const, required: true },
        linkedAt: { type: 'string', required: true },
      },
      indexes: {
        byIdHash: {
          pk: { field: 'pk', composite: ['idHash'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
}
export type FamilyMemberEntity = ReturnType<typeof createFamilyMemberEntity>;

/**
 * Every staff read or change of a family's record (SPEC §4). Append-only, in
 * the audit table (PutItem and Query only, decision 0016); the family reads its
 * own newest first.
 */
export function createRecordAuditEntity(client: DynamoDBDocumentClient, table: AuditTableName) {
  return new Entity(
    {
      model: { entity: 'recordAudit', version: '1', service: 'hongjia' },
      attributes: {
        familyId: { type: 'string', required: true, readOnly: true },
        auditId: { type: 'string', required: true, readOnly: true },
        at: { type: 'string', required: true, readOnly: true },
        action: {
          type: ['list', 'view', 'update', 'screening', 'enrol', 'proxy_request'] as const,
          required: true,
          readOnly: true,
        },
        staffUserId: { type: 'string', required: true, readOnly: true },
        /** The office shown to the family (users.displayName, else the district's commission). */
        viewer: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byFamily: {
          pk: { field: 'pk', composite: ['familyId'] },
          sk: { field: 'sk', composite: ['at', 'auditId'] },
        },
      },
    },
    { client, table },
  );
}
export type RecordAuditEntity = ReturnType<typeof createRecordAuditEntity>;

export interface FamilyEntities {
  identities: IdentityEntity;
  identityConflicts: IdentityConflictEntity;
  families: SpecialFamilyEntity;
  members: FamilyMemberEntity;
  audits: RecordAuditEntity;
}

export function createFamilyEntities(
  client: DynamoDBDocumentClient,
  table: string,
  auditTable: AuditTableName,
): FamilyEntities {
  return {
    identities: createIdentityEntity(client, table),
    identityConflicts: createIdentityConflictEntity(client, table),
    families: createSpecialFamilyEntity(client, table),
    members: createFamilyMemberEntity(client, table),
    audits: createRecordAuditEntity(client, auditTable),
  };
}
