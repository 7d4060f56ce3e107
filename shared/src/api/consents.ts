import { z } from 'zod';
import { defineRoute, ListQuery, pageOf } from './contract';

/**
 * Consents a user gave (PIPL: processing personal information needs consent
 * that can be shown later). The privacy guideline (隐私保护指引) is agreed to
 * before any personal data is collected; its version is recorded with the time.
 */
export const ConsentKind = z.enum(['privacy_policy']);

export const RecordConsentRequest = z.object({
  kind: ConsentKind,
  version: z
    .string({ error: '缺少版本号' })
    .regex(/^\d{4}-\d{2}-\d{2}(\.\d+)?$/, '版本号格式应为 YYYY-MM-DD'),
});
export type RecordConsentRequest = z.infer<typeof RecordConsentRequest>;

export const Consent = z.object({
  id: z.string(),
  kind: ConsentKind,
  version: z.string(),
  acceptedAt: z.iso.datetime(),
});
export type Consent = z.infer<typeof Consent>;

export const recordConsent = defineRoute({
  operationId: 'recordConsent',
  method: 'POST',
  path: '/v1/me/consents',
  summary: '记录同意 Record that the user agreed to a version of the privacy guideline',
  tag: 'auth',
  access: 'signedIn',
  body: RecordConsentRequest,
  response: Consent,
  successStatus: 201,
  idempotent: true,
});

export const listConsents = defineRoute({
  operationId: 'listConsents',
  method: 'GET',
  path: '/v1/me/consents',
  summary: '我的授权记录 Consents the user gave',
  tag: 'auth',
  access: 'signedIn',
  query: ListQuery,
  response: pageOf(Consent),
});
