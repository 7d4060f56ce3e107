import { createBenefitsRoutes } from '../benefits/routes';
import { piiResponseSealer } from '../commons/pii';
import { benefitEntities, rootFromEnv, serve } from '../root';

const root = rootFromEnv({}, benefitEntities);

export const handler = serve(root, createBenefitsRoutes(root), {
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  sealStoredResponses: piiResponseSealer,
});
