import { createAssistanceRoutes } from '../assistance/routes';
import { createVolunteerRoutes } from '../assistance/volunteers/routes';
import { piiResponseSealer } from '../commons/pii';
import { rootFromEnv, serve } from '../root';

const root = rootFromEnv();

export const handler = serve(root, [...createAssistanceRoutes(root), ...createVolunteerRoutes(root)], {
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  sealStoredResponses: piiResponseSealer,
});
