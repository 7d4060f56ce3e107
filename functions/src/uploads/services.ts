import type { S3Client } from '@aws-sdk/client-s3';
import type { UploadEntity } from './entity';
import { createUploadService, type UploadServiceDeps } from './service';

/** What attachments take from the composition root (functions/src/root.ts). */
export interface UploadDeps {
  entities: { uploads: UploadEntity };
  s3: S3Client;
  bucket: string;
}

export function createUploadServices(deps: UploadDeps, holderExists?: UploadServiceDeps['holderExists']) {
  return createUploadService({
    uploads: deps.entities.uploads,
    s3: deps.s3,
    bucket: deps.bucket,
    ...(holderExists ? { holderExists } : {}),
  });
}
