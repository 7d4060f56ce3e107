import { createCertificateRoutes } from '../certificates/routes';
import { documentClient, mainTableName } from '../commons/dynamo';
import { piiResponseSealer } from '../commons/pii';
import { createHttpHandler } from '../commons/router';
import { createServicePointRoutes } from '../service-points/routes';

/** Certificates group: certificates, verification, print codes, nearest service points. */
const table = mainTableName();

export const handler = createHttpHandler(
  [
    ...createCertificateRoutes({ client: documentClient, table }),
    ...createServicePointRoutes({ client: documentClient, table }),
  ],
  // A stored print-code response is a live code for 24 h: the idempotency table keeps it sealed.
  { sealStoredResponses: piiResponseSealer },
);
