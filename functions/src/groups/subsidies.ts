import { piiResponseSealer } from '../commons/pii';
import { rootFromEnv, serve } from '../root';
import { createSubsidiesRoutes } from '../subsidies/routes';

const root = rootFromEnv();

export const handler = serve(root, createSubsidiesRoutes(root), {
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  sealStoredResponses: piiResponseSealer,
});
