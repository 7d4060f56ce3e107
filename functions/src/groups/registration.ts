import { createBirthBundleRoutes } from '../birth-bundles/routes';
import { documentClient, mainTableName } from '../commons/dynamo';
import { piiResponseSealer } from '../commons/pii';
import { createHttpHandler } from '../commons/router';
import { s3Client, uploadBucketName } from '../commons/s3';
import { notifierFromEnv } from '../notifications/from-env';
import { createRegistrationRoutes } from '../registration/routes';
import { createUploadRoutes } from '../uploads/routes';

/** The registration group: attachments, registrations and their review, 出生一件事. */
const table = mainTableName();
const deps = {
  client: documentClient,
  table,
  s3: s3Client,
  bucket: uploadBucketName(),
  notifier: notifierFromEnv(documentClient, table),
};

export const handler = createHttpHandler(
  [...createUploadRoutes(deps), ...createRegistrationRoutes(deps), ...createBirthBundleRoutes(deps)],
  // Stored responses hold presigned upload URLs (a credential for 15 minutes), receipt numbers,
  // a void's parents and a bundle's masked child: the idempotency table keeps them sealed.
  { sealStoredResponses: piiResponseSealer },
);
