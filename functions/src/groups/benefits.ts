import { createBenefitsRoutes } from '../benefits/routes';
import { documentClient, mainTableName } from '../commons/dynamo';
import { piiResponseSealer } from '../commons/pii';
import { createHttpHandler } from '../commons/router';
import { notifierFromEnv } from '../notifications/from-env';

const table = mainTableName();

export const handler = createHttpHandler(
  createBenefitsRoutes({ client: documentClient, table, notifier: notifierFromEnv(documentClient, table) }),
  // Responses carry personal data whole: the idempotency table keeps them sealed.
  { sealStoredResponses: piiResponseSealer },
);
