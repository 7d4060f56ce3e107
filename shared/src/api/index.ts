import * as auth from './auth';
import * as consents from './consents';
import * as platform from './platform';

export * from './auth';
export * from './consents';
export * from './contract';
export * from './errors';
export * from './platform';

/** Every route of the API, by operation. New capabilities add their module here. */
export const api = {
  health: platform.health,
  openapi: platform.openapi,
  signIn: auth.signIn,
  me: auth.me,
  recordConsent: consents.recordConsent,
  listConsents: consents.listConsents,
} as const;

export type Api = typeof api;
