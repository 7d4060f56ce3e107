import { createAuthRoutes } from '../auth/routes';
import { createConsentRoutes } from '../consents/routes';
import { createNotificationRoutes } from '../notifications/routes';
import { consentEntities, rootFromEnv, serve, volunteerEntities } from '../root';

/** The auth group: sign-in and sessions, the only writer of user records; agreements; 消息. */
const root = rootFromEnv({}, consentEntities, volunteerEntities);

export const handler = serve(root, [
  ...createAuthRoutes(root),
  ...createConsentRoutes(root),
  ...createNotificationRoutes(root),
]);
