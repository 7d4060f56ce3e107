import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

export const conflictKinds = ['childcare_subsidy', 'birth_bundle', 'credit_code'] as const;
export const conflictStatuses = ['open', 'resolved'] as const;

const sideProperties = {
  recordId: { type: 'string', required: true },
  userId: { type: 'string', required: true },
  applicantNameMasked: { type: 'string', required: true },
  /** What the side filed, in two or three masked words (李**, an institution's name): for messages. */
  label: { type: 'string', required: true },
  filedAt: { type: 'string', required: true },
  facts: {
    type: 'list',
    required: true,
    items: {
      type: 'map',
      properties: { label: { type: 'string', required: true }, value: { type: 'string', required: true } },
    },
  },
  evidence: { type: 'list', required: true, items: { type: 'string' } },
  /**
   * What is personal beyond the masked copies (a birth date, a hospital, evidence naming a
   * due date): `{facts, evidence}` as JSON sealed with the PII cipher (field `conflict.side`),
   * added to the clear ones when staff read the conflict.
   */
  sealed: { type: 'string' },
} as const;

/**
 * Two filings that claim one thing (a child's 育儿补贴, a birth certificate's
 * 出生一件事, an institution's credit code), put before a person instead of
 * letting the first filer win (decision 0013). `first` held the claim (its
 * guard) when `second` was filed; `second` waits on hold. Each side keeps a
 * masked snapshot of what it filed and the evidence found when the conflict was
 * recorded (what is personal sealed); the records' statuses are read live. The id derives from the two
 * records, so recording it again (a retry) finds it. Access patterns:
 * - byId: the conflict (optimistic lock on `version`);
 * - byQueue (gsi1): (kind, district, status) → createdAt, a district's queue oldest first;
 * - bySubject (gsi2): (kind, subjectKey) → createdAt, the open conflicts on one child,
 *   certificate or credit code, which hold the claimed record's ordinary review.
 * `subjectKey` is the guard's key: a keyed hash for children and certificates, the
 * credit code (an organisation's public number) for filings. No personal data in clear.
 */
export function createConflictEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'filingConflict', version: '1', service: 'hongjia' },
      attributes: {
        conflictId: { type: 'string', required: true, readOnly: true },
        kind: { type: conflictKinds, required: true, readOnly: true },
        district: { type: districtCodes, required: true, readOnly: true },
        status: { type: conflictStatuses, required: true },
        version: { type: 'number', required: true },
        subjectKey: { type: 'string', required: true, readOnly: true },
        subjectMasked: { type: 'string', required: true, readOnly: true },
        first: { type: 'map', required: true, readOnly: true, properties: sideProperties },
        second: { type: 'map', required: true, readOnly: true, properties: sideProperties },
        createdAt: { type: 'string', required: true, readOnly: true },
        updatedAt: { type: 'string', required: true },
        standing: { type: ['first', 'second'] as const },
        resolvedAt: { type: 'string' },
        /** The office that resolved it (never a person; the audit trail names the account). */
        resolvedBy: { type: 'string' },
        comment: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['conflictId'] },
          sk: { field: 'sk', composite: [] },
        },
        byQueue: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['kind', 'district', 'status'] },
          sk: { field: 'gsi1sk', composite: ['createdAt', 'conflictId'] },
        },
        bySubject: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['kind', 'subjectKey'] },
          sk: { field: 'gsi2sk', composite: ['createdAt', 'conflictId'] },
        },
      },
    },
    { client, table },
  );
}

export type ConflictEntity = ReturnType<typeof createConflictEntity>;
export type ConflictItem = EntityItem<ConflictEntity>;
export type ConflictSideItem = ConflictItem['first'];
