import * as z from 'zod';
import { defineRoute, ListQuery, pageOf } from './contract';

/**
 * What the system told a user (waitlist promotion, filing decisions, …). In
 * production each is also sent as a WeChat subscription message; locally the
 * 消息 page reads them from here.
 */
export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().optional().describe('Mini-program page to open'),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof Notification>;

export const myNotifications = defineRoute({
  operationId: 'myNotifications',
  method: 'GET',
  path: '/v1/me/notifications',
  summary: '我的消息 Notifications, newest first',
  tag: 'auth',
  access: 'signedIn',
  owner: 'self',
  query: ListQuery,
  response: pageOf(Notification),
  personalData: true,
});
