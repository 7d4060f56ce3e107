import * as auth from './auth';
import * as childcare from './childcare';
import * as consents from './consents';
import * as notifications from './notifications';
import * as platform from './platform';

export * from './auth';
export * from './childcare';
export * from './consents';
export * from './contract';
export * from './errors';
export * from './notifications';
export * from './platform';

/** Every route of the API, by operation. New capabilities add their module here. */
export const api = {
  health: platform.health,
  openapi: platform.openapi,
  signIn: auth.signIn,
  me: auth.me,
  recordConsent: consents.recordConsent,
  listConsents: consents.listConsents,
  myNotifications: notifications.myNotifications,
  childcareNearby: childcare.childcareNearby,
  childcareInstitution: childcare.childcareInstitution,
  childcareInstitutionSlots: childcare.childcareInstitutionSlots,
  createBooking: childcare.createBooking,
  myBookings: childcare.myBookings,
  cancelBooking: childcare.cancelBooking,
  fileInstitution: childcare.fileInstitution,
  providerInstitutions: childcare.providerInstitutions,
  publishSlot: childcare.publishSlot,
  providerBookings: childcare.providerBookings,
  staffFilings: childcare.staffFilings,
  decideFiling: childcare.decideFiling,
  childcareStats: childcare.childcareStats,
} as const;

export type Api = typeof api;
