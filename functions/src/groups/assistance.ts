import { createAssistanceRoutes } from '../assistance/routes';
import { piiResponseSealer } from '../commons/pii';
import { assistanceEntities, rootFromEnv, serve } from '../root';

const root = rootFromEnv({}, assistanceEntities);

export const handler = serve(root, createAssistanceRoutes(root), {
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  sealStoredResponses: piiResponseSealer,
});
