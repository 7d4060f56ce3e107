import { createAssistanceRoutes } from '../assistance/routes';
import { createVolunteerRoutes } from '../assistance/volunteers/routes';
import { piiResponseSealer } from '../commons/pii';
import { assistanceEntities, consentEntities, rootFromEnv, serve, volunteerEntities } from '../root';

const root = rootFromEnv({}, assistanceEntities, volunteerEntities, consentEntities);

export const handler = serve(root, [...createAssistanceRoutes(root), ...createVolunteerRoutes(root)], {
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  sealStoredResponses: piiResponseSealer,
});
