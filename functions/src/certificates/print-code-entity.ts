import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity, type EntityItem } from '../commons/store/index';

/**
 * A one-time print code (打印码), keyed by its six digits so a code names at
 * most one live certificate: it is created with a conditional put that only
 * replaces an expired code. Redeeming is one conditional update
 * (`used = false AND expiresAt > now`), so a code prints once. `ttl` lets
 * DynamoDB delete it in the cloud; expiry is always checked on read.
 */
export function createPrintCodeEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'printCode', version: '1', service: 'hongjia' },
      attributes: {
        code: { type: 'string', required: true, readOnly: true },
        certificateId: { type: 'string', required: true },
        userId: { type: 'string', required: true },
        createdAt: { type: 'string', required: true },
        expiresAt: { type: 'string', required: true },
        used: { type: 'boolean', required: true, default: false },
        usedAt: { type: 'string' },
        pointId: { type: 'string' },
        terminalId: { type: 'string' },
        /** The request that claimed it (decision 0015): its retry answers with this code. */
        operationId: { type: 'string' },
        /** Epoch seconds, for DynamoDB TTL cleanup a day after expiry. */
        ttl: { type: 'number', required: true },
      },
      indexes: {
        byCode: {
          pk: { field: 'pk', composite: ['code'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
}

export type PrintCodeEntity = ReturnType<typeof createPrintCodeEntity>;
export type PrintCodeItem = EntityItem<PrintCodeEntity>;
