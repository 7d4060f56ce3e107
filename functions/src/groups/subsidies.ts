import { piiResponseSealer } from '../commons/pii';
import { rootFromEnv, serve, subsidyEntities } from '../root';
import { createSubsidiesRoutes } from '../subsidies/routes';

const root = rootFromEnv({}, subsidyEntities);

export const handler = serve(root, createSubsidiesRoutes(root), {
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  sealStoredResponses: piiResponseSealer,
});
