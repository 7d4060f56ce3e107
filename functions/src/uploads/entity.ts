import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { uploadContentTypes } from '@hongjia/shared';
import { Entity, type EntityItem } from 'electrodb';

/**
 * One attachment a user announced with POST /v1/uploads. `pending` until a
 * domain write takes it (`attached`, naming what it is attached to); the move
 * is conditional, so one upload cannot end up on two registrations.
 * Access pattern: byId only (a registration names its upload ids).
 */
export const uploadStatuses = ['pending', 'attached'] as const;

export function createUploadEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'upload', version: '1', service: 'hongjia' },
      attributes: {
        uploadId: { type: 'string', required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        fileName: { type: 'string', required: true, readOnly: true },
        contentType: { type: uploadContentTypes, required: true, readOnly: true },
        size: { type: 'number', required: true, readOnly: true },
        /** Object key in the upload bucket. */
        key: { type: 'string', required: true, readOnly: true },
        status: { type: uploadStatuses, required: true },
        attachedTo: { type: 'string' },
        attachedAt: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
        /** When the presigned URL stops working. */
        expiresAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['uploadId'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
}

export type UploadEntity = ReturnType<typeof createUploadEntity>;
export type UploadItem = EntityItem<UploadEntity>;
