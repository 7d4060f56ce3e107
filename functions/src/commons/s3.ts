import type { S3Client } from '@aws-sdk/client-s3';
import { classAtFirstUse, clientS3, s3RequestPresigner } from './aws-sdk';
import { envNames, getOptionalStringFromEnv, getStringFromEnv } from './env';
import { lazyClient } from './lazy-client';

/**
 * The one S3 client of a process. Locally S3_ENDPOINT points at s3rver, which
 * serves buckets by path (`http://127.0.0.1:port/bucket/key`), hence
 * forcePathStyle; deployed it is unset and the SDK uses the regional endpoint
 * (virtual-hosted style, which aws-cn supports too). Built at its first use
 * (commons/lazy-client.ts), which is also when S3_ENDPOINT is read and the SDK
 * module loaded (commons/aws-sdk.ts).
 */
export const s3Client: S3Client = lazyClient(() => {
  const endpoint = getOptionalStringFromEnv(envNames.s3Endpoint);
  return new (clientS3().S3Client)({
    // s3rver knows one fixed account; the local runtime's AWS_* variables are dynalite's dummies.
    ...(endpoint
      ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
      : {}),
    // The SDK's default CRC32 would put the checksum of an EMPTY body into presigned PUT URLs,
    // and S3 would refuse every real upload against it. The upload's own SHA-256 (declared by the
    // client, signed as x-amz-checksum-sha256) is what S3 checks the body against (decision 0012).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    maxAttempts: 5,
  });
});

export function uploadBucketName(): string {
  return getStringFromEnv(envNames.uploadBucket);
}

/** S3's commands, as the SDK's own classes once the first is made (no SDK load at import). */
export const GetObjectCommand = classAtFirstUse(() => clientS3().GetObjectCommand);
export const PutObjectCommand = classAtFirstUse(() => clientS3().PutObjectCommand);
export const CopyObjectCommand = classAtFirstUse(() => clientS3().CopyObjectCommand);

/** A presigned URL (s3-request-presigner, loaded at the first URL). */
export const getSignedUrl: typeof import('@aws-sdk/s3-request-presigner').getSignedUrl = (...args) =>
  s3RequestPresigner().getSignedUrl(...args);
