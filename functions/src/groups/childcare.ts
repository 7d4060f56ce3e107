import { createBookingRoutes } from '../childcare/booking/routes';
import { createSearchRoutes } from '../childcare/search/routes';
import { documentClient, mainTableName } from '../commons/dynamo';
import { createHttpHandler } from '../commons/router';
import { notifierFromEnv } from '../notifications/from-env';

/** The childcare function group: public search and a family's bookings. */
const table = mainTableName();

export const handler = createHttpHandler([
  ...createSearchRoutes({ client: documentClient, table }),
  ...createBookingRoutes({ client: documentClient, table, notifier: notifierFromEnv(documentClient, table) }),
]);
