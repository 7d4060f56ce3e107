import { documentClient, mainTableName } from '../commons/dynamo';
import { createHttpHandler } from '../commons/router';
import { notifierFromEnv } from '../notifications/from-env';
import { createAssistanceRoutes } from './routes';

const table = mainTableName();

export const handler = createHttpHandler(
  createAssistanceRoutes({ client: documentClient, table, notifier: notifierFromEnv(documentClient, table) }),
);
