import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createUploadEntity } from './entity';
import { createUploadService, type UploadServiceDeps } from './service';

export function createUploadServices(deps: {
  client: DynamoDBDocumentClient;
  table: string;
  s3: S3Client;
  bucket: string;
  holderExists?: UploadServiceDeps['holderExists'];
}) {
  return createUploadService({
    uploads: createUploadEntity(deps.client, deps.table),
    s3: deps.s3,
    bucket: deps.bucket,
    ...(deps.holderExists ? { holderExists: deps.holderExists } : {}),
  });
}
