import { createCertificateRoutes } from '../certificates/routes';
import { piiResponseSealer } from '../commons/pii';
import { certificateEntities, rootFromEnv, serve } from '../root';
import { createServicePointRoutes } from '../service-points/routes';

/** Certificates group: certificates, verification, print codes, nearest service points. */
const root = rootFromEnv({}, certificateEntities);

export const handler = serve(root, [...createCertificateRoutes(root), ...createServicePointRoutes(root)], {
  // A stored print-code response is a live code for 24 h: the idempotency table keeps it sealed.
  sealStoredResponses: piiResponseSealer,
});
