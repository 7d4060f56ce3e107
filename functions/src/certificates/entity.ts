import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

export const certificateTypes = ['birth_registration_receipt', 'reapproval_decision'] as const;

/**
 * An e-certificate issued on approval of a registration. Access patterns:
 * - byId: the family's detail, staff revocation;
 * - byUser (gsi1): 我的证件, newest first;
 * - byVerifyCode (gsi2): public verification by the code printed on it.
 * `verifyCode` is random (unguessable, 12 characters of an unambiguous
 * alphabet); printing state lives on the item: `printCount`, and the day's
 * print-code allowance (`printCodesDay`, `printCodesToday`, and the requests
 * that took it, `printCodeOps`) changed by conditional updates only.
 */
export function createCertificateEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'certificate', version: '1', service: 'hongjia' },
      attributes: {
        certificateId: { type: 'string', required: true, readOnly: true },
        registrationId: { type: 'string', required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        type: { type: certificateTypes, required: true, readOnly: true },
        title: { type: 'string', required: true, readOnly: true },
        receiptNo: { type: 'string', required: true, readOnly: true },
        verifyCode: { type: 'string', required: true, readOnly: true },
        /** Both parents' names masked (王* / 李**): what a verifier may see. */
        holderMasked: { type: 'string', required: true, readOnly: true },
        parity: { type: 'number', required: true, readOnly: true },
        jurisdiction: { type: districtCodes, required: true, readOnly: true },
        issuedAt: { type: 'string', required: true, readOnly: true },
        revoked: { type: 'boolean', required: true, default: false },
        revokedAt: { type: 'string' },
        revokedReason: { type: 'string' },
        revokedBy: { type: 'string' },
        printCount: { type: 'number', required: true, default: 0 },
        printCodesDay: { type: 'string' },
        printCodesToday: { type: 'number', required: true, default: 0 },
        /** The operation ids that took today's allowance: a retried request takes it once (decision 0015). */
        printCodeOps: { type: 'set', items: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['certificateId'] },
          sk: { field: 'sk', composite: [] },
        },
        byUser: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['userId'] },
          sk: { field: 'gsi1sk', composite: ['issuedAt', 'certificateId'] },
        },
        byVerifyCode: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['verifyCode'] },
          sk: { field: 'gsi2sk', composite: [] },
        },
      },
    },
    { client, table },
  );
}

export type CertificateEntity = ReturnType<typeof createCertificateEntity>;
export type CertificateItem = EntityItem<CertificateEntity>;
