import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { GetObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { fileSignatureLength } from '@hongjia/shared';
import { GetObjectCommand } from '../commons/s3';

/** What an object in the bucket is, as read from its bytes (not from what anyone declared). */
export interface StoredObject {
  size: number;
  contentType: string;
  /** base64 SHA-256 of the bytes, as S3 writes checksums. */
  sha256: string;
  /** The first bytes, for the file-signature check. */
  head: Uint8Array;
  /** The exact version read (S3 with versioning; s3rver has none), so a copy takes these bytes and no later ones. */
  versionId?: string;
  etag?: string;
}

const isMissing = (error: unknown) =>
  error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound');

/**
 * Reads one object through, hashing as it streams (≤ 10 MB, never held whole).
 * Undefined when there is no such object. When it is larger than `maxBytes`
 * the body is not read: the size alone refuses it.
 */
export async function readStoredObject(
  s3: S3Client,
  bucket: string,
  key: string,
  maxBytes: number,
): Promise<StoredObject | undefined> {
  let object: GetObjectCommandOutput;
  try {
    object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  // In Node the SDK's body is a Readable (an IncomingMessage with the SDK's helpers mixed in).
  const body = object.Body as Readable | undefined;
  const meta = {
    contentType: object.ContentType ?? '',
    ...(object.VersionId ? { versionId: object.VersionId } : {}),
    ...(object.ETag ? { etag: object.ETag } : {}),
  };
  if (!body || (object.ContentLength ?? 0) > maxBytes) {
    body?.destroy();
    return { ...meta, size: object.ContentLength ?? -1, sha256: '', head: new Uint8Array() };
  }
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
    if (head.length < fileSignatureLength) {
      head = Buffer.concat([head, chunk.subarray(0, fileSignatureLength - head.length)]);
    }
  }
  return { ...meta, size, sha256: hash.digest('base64'), head };
}
