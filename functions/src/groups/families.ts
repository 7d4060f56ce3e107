import { piiResponseSealer } from '../commons/pii';
import { createFamiliesRoutes } from '../families/routes';
import { familyEntities, rootFromEnv, serve } from '../root';

const root = rootFromEnv({}, familyEntities);

export const handler = serve(root, createFamiliesRoutes(root), {
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  sealStoredResponses: piiResponseSealer,
});
