import { createBirthBundleRoutes } from '../birth-bundles/routes';
import { piiResponseSealer } from '../commons/pii';
import { s3Client, uploadBucketName } from '../commons/s3';
import { createRegistrationRoutes } from '../registration/routes';
import { birthBundleEntities, registrationEntities, rootFromEnv, serve, uploadEntities } from '../root';
import { createUploadRoutes } from '../uploads/routes';

/** The registration group: attachments, registrations and their review, 出生一件事. */
const root = rootFromEnv(
  { s3: s3Client, bucket: uploadBucketName() },
  uploadEntities,
  registrationEntities,
  birthBundleEntities,
);

export const handler = serve(
  root,
  [...createUploadRoutes(root), ...createRegistrationRoutes(root), ...createBirthBundleRoutes(root)],
  // Stored responses hold presigned upload URLs (a credential for 15 minutes), receipt numbers,
  // a void's parents and a bundle's masked child: the idempotency table keeps them sealed.
  { sealStoredResponses: piiResponseSealer },
);
