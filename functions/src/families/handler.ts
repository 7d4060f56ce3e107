import { documentClient, mainTableName } from '../commons/dynamo';
import { createHttpHandler } from '../commons/router';
import { notifierFromEnv } from '../notifications/from-env';
import { createFamiliesRoutes } from './routes';

const table = mainTableName();

export const handler = createHttpHandler(
  createFamiliesRoutes({ client: documentClient, table, notifier: notifierFromEnv(documentClient, table) }),
);
