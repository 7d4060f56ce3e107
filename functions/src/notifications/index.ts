/**
 * The public entry of notifications: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export type { NotificationEntity } from './entity';
export { notifierFor, notifierFromEnv, pushOutboxDepsFromEnv } from './from-env';
export type { NotificationMessage, Notifier } from './notifier';
export { drainPushOutbox, type PushDrainReport, type PushOutboxDeps } from './push-outbox';
export { createStableAccessToken } from './wechat-subscribe';
