import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes, type SessionUser } from '@hongjia/shared';
import type { AuditTableName } from './dynamo';
import { Entity, type EntityItem } from './store/index';

/**
 * The audit trail of staff actions on a family's case outside the special-family
 * record (which keeps its own, read by the family as 谁查看了我的档案): who read
 * a registration's attachment, who voided an approval, who resolved a conflict.
 * Append-only: entries are created (conditionally), never updated, in the audit
 * table where functions may put and query but not update or delete (decision 0016).
 * Access patterns:
 * - bySubject: one case's trail, oldest first (a reviewer or an auditor reads it);
 * - byDistrict (gsi1): a district's entries by time, for the commission's own audit.
 * No personal data in an entry: ids, the office, the action and a short note.
 */
export function createAuditEntity(client: DynamoDBDocumentClient, table: AuditTableName) {
  return new Entity(
    {
      model: { entity: 'auditEntry', version: '1', service: 'hongjia' },
      attributes: {
        /** e.g. `registration`, `childcareSubsidy`, `birthBundle`, `institution`. */
        subjectType: { type: 'string', required: true, readOnly: true },
        subjectId: { type: 'string', required: true, readOnly: true },
        auditId: { type: 'string', required: true, readOnly: true },
        at: { type: 'string', required: true, readOnly: true },
        /** e.g. `read_attachment`, `void`, `resolve_conflict`. */
        action: { type: 'string', required: true, readOnly: true },
        actorUserId: { type: 'string', required: true, readOnly: true },
        actorRoles: { type: 'list', items: { type: 'string' }, required: true, readOnly: true },
        district: { type: [...districtCodes, 'city'] as const, required: true, readOnly: true },
        /** What was touched within the subject (an upload id, the other side of a conflict). */
        objectId: { type: 'string', readOnly: true },
        /** A short note without personal data (a void's category, a decision). */
        note: { type: 'string', readOnly: true },
        requestId: { type: 'string', readOnly: true },
        sourceIp: { type: 'string', readOnly: true },
      },
      indexes: {
        bySubject: {
          pk: { field: 'pk', composite: ['subjectType', 'subjectId'] },
          sk: { field: 'sk', composite: ['at', 'auditId'] },
        },
        byDistrict: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['district'] },
          sk: { field: 'gsi1sk', composite: ['at', 'auditId'] },
        },
      },
    },
    { client, table },
  );
}

export type AuditEntity = ReturnType<typeof createAuditEntity>;
export type AuditItem = EntityItem<AuditEntity>;

export interface AuditEvent {
  subjectType: string;
  subjectId: string;
  action: string;
  district: AuditItem['district'];
  objectId?: string;
  note?: string;
  requestId?: string;
  sourceIp?: string;
}

export function createAuditTrail(entity: AuditEntity) {
  return {
    /** Written before the answer leaves (and before the change it describes where there is one). */
    async record(actor: SessionUser, event: AuditEvent, now: Date): Promise<void> {
      await entity
        .create({
          ...event,
          auditId: randomBytes(8).toString('hex'),
          at: now.toISOString(),
          actorUserId: actor.id,
          actorRoles: [...actor.roles],
        })
        .go();
    },

    async ofSubject(subjectType: string, subjectId: string): Promise<AuditItem[]> {
      return (await entity.query.bySubject({ subjectType, subjectId }).go({ pages: 'all' })).data;
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
