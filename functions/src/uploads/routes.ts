import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import { createUploadServices } from './services';

/** POST /v1/uploads: a presigned PUT for one attachment. */
export function createUploadRoutes(deps: {
  client: DynamoDBDocumentClient;
  table: string;
  s3: S3Client;
  bucket: string;
}): RouteImplementation[] {
  const uploads = createUploadServices(deps);
  return [
    implement(api.createUpload, ({ caller, body, now, operationId }) =>
      uploads.create(caller, body, now, operationId),
    ),
  ];
}
