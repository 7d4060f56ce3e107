import { piiResponseSealer } from '../commons/pii';
import { createFamiliesRoutes } from '../families/routes';
import { rootFromEnv, serve } from '../root';

const root = rootFromEnv();

export const handler = serve(root, createFamiliesRoutes(root), {
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  sealStoredResponses: piiResponseSealer,
});
