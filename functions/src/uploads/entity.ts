import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { importContentTypes, uploadContentTypes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

/**
 * One attachment a user announced with POST /v1/uploads, with the SHA-256 it
 * declared. `pending` until a domain write takes it (`attached`, naming what it
 * is attached to); the move is conditional, so one upload cannot end up on two
 * registrations. The claim then copies the checked bytes to `permanentKey`
 * (`copiedAt` says it is done, so a resubmission does not copy again).
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
        contentType: {
          type: [...uploadContentTypes, ...importContentTypes] as const,
          required: true,
          readOnly: true,
        },
        size: { type: 'number', required: true, readOnly: true },
        /** Declared base64 SHA-256 (absent on uploads announced before digests were required). */
        sha256: { type: 'string', readOnly: true },
        /** Object key in the upload bucket where the presigned PUT writes (`pending/…`, or `imports/…` for a monitoring import). */
        key: { type: 'string', required: true, readOnly: true },
        status: { type: uploadStatuses, required: true },
        attachedTo: { type: 'string' },
        attachedAt: { type: 'string' },
        /** The server's copy of the checked bytes (`attachments/<holder>/<uploadId>`) once made. */
        permanentKey: { type: 'string' },
        copiedAt: { type: 'string' },
        createdAt: { type: 'string', required: true, readOnly: true },
        /** When the presigned URL stops working (renewed when a retried request signs it again). */
        expiresAt: { type: 'string', required: true },
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
