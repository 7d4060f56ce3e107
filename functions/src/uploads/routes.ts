import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import { createUploadServices, type UploadDeps } from './services';

/** POST /v1/uploads: a presigned PUT for one attachment. */
export function createUploadRoutes(deps: UploadDeps): RouteImplementation[] {
  const uploads = createUploadServices(deps);
  return [
    implement(api.createUpload, ({ caller, body, now, operationId }) =>
      uploads.create(caller, body, now, operationId),
    ),
  ];
}
