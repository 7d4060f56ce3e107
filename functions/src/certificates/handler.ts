import { documentClient, mainTableName } from '../commons/dynamo';
import { createHttpHandler } from '../commons/router';
import { createServicePointRoutes } from '../service-points/routes';
import { createCertificateRoutes } from './routes';

/** Certificates group: certificates, verification, print codes, nearest service points. */
const table = mainTableName();

export const handler = createHttpHandler([
  ...createCertificateRoutes({ client: documentClient, table }),
  ...createServicePointRoutes({ client: documentClient, table }),
]);
