import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import type { NotificationEntity } from './entity';
import { createNotificationService } from './service';

/** The family's 消息 list, over the composition root's notification entity. */
export function createNotificationRoutes(deps: {
  entities: { notifications: NotificationEntity };
}): RouteImplementation[] {
  const notifications = createNotificationService(deps.entities.notifications);
  return [implement(api.myNotifications, ({ caller, query }) => notifications.list(caller, query))];
}
