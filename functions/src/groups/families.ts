import { piiResponseSealer } from '../commons/pii';
import { s3Client, uploadBucketName } from '../commons/s3';
import { createFactClaimRoutes } from '../fact-claims/routes';
import { createFamiliesRoutes } from '../families/routes';
import { factClaimEntities, familyEntities, rootFromEnv, serve } from '../root';

// The upload bucket: family-supplied proof is checked, kept and read back here (decision 0039).
const root = rootFromEnv({ s3: s3Client, bucket: uploadBucketName() }, familyEntities, factClaimEntities);

export const handler = serve(root, [...createFamiliesRoutes(root), ...createFactClaimRoutes(root)], {
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  sealStoredResponses: piiResponseSealer,
});
