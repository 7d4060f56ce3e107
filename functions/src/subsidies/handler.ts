import { documentClient, mainTableName } from '../commons/dynamo';
import { createHttpHandler } from '../commons/router';
import { notifierFromEnv } from '../notifications/from-env';
import { createSubsidiesRoutes } from './routes';

const table = mainTableName();

export const handler = createHttpHandler(
  createSubsidiesRoutes({ client: documentClient, table, notifier: notifierFromEnv(documentClient, table) }),
);
