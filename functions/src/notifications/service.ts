import type { ListQuery, Notification, SessionUser } from '@hongjia/shared';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import type { NotificationEntity, NotificationItem } from './entity';

const toNotification = (item: NotificationItem): Notification => ({
  id: item.notificationId,
  kind: item.kind,
  title: item.title,
  body: item.body,
  ...(item.link ? { link: item.link } : {}),
  createdAt: item.createdAt,
});

/** GET /v1/me/notifications: only the caller's partition, newest first. */
export function createNotificationService(entity: NotificationEntity) {
  return {
    async list(caller: SessionUser, query: ListQuery) {
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await entity.query
        .byUser({ userId: caller.id })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      return { items: page.data.map(toNotification), nextCursor: await encodeCursor(page.cursor) };
    },
  };
}
