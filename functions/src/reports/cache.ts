import type { S3Client } from '@aws-sdk/client-s3';
import { GetObjectCommand, PutObjectCommand } from '../commons/s3';
import { uploadKeyPrefixes } from '../uploads';

/** Rendered reports by key; a cache, so a lost object only costs a render. */
export interface ReportCache {
  get(key: string): Promise<Buffer | undefined>;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
}

/** Where reports are kept in the upload bucket (its lifecycle rule expires them, infra/lib/storage.ts). */
export const reportKeyPrefix = uploadKeyPrefixes.reports;

/**
 * The cache in the upload bucket under `reports/` (s3rver locally, the same
 * code): a key names its data version, so an object is never overwritten
 * with different bytes and needs no invalidation — changed figures make a
 * new key, and the old objects expire.
 */
export function s3ReportCache(s3: S3Client, bucket: string): ReportCache {
  return {
    async get(key) {
      try {
        const object = await s3.send(
          new GetObjectCommand({ Bucket: bucket, Key: `${reportKeyPrefix}${key}` }),
        );
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound'))
          return undefined;
        throw error;
      }
    },
    async put(key, bytes, contentType) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: `${reportKeyPrefix}${key}`,
          Body: bytes,
          ContentType: contentType,
        }),
      );
    },
  };
}
