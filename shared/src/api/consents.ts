import * as z from 'zod';
import { defineRoute, ListQuery, pageOf } from './contract';

/**
 * Consents a user gave (PIPL: processing personal information needs consent
 * that can be shown later). The privacy guideline (隐私保护指引) is agreed to
 * before any personal data is collected; the server records the version in
 * force (`privacyPolicyVersion`) with the time.
 */
/**
 * `social_org_sharing`: a special family's member agrees that district staff may hand a help
 * request (the need, a masked name, the member's phone) to a social organisation (decision 0035).
 */
export const ConsentKind = z.enum(['privacy_policy', 'social_org_sharing'], {
  error: '同意的类型应为 privacy_policy（隐私保护指引）或 social_org_sharing（与社会组织共享求助信息）',
});

export const RecordConsentRequest = z.object({
  kind: ConsentKind,
  /**
   * Ignored: what the user agreed to is the version the server has in force. Accepted (and
   * dropped) so that clients built before that still get their agreement recorded.
   */
  version: z.string().max(32).optional().describe('Ignored; the server records its current version'),
});
export type RecordConsentRequest = z.infer<typeof RecordConsentRequest>;

export const Consent = z.object({
  id: z.string(),
  kind: ConsentKind,
  version: z.string(),
  acceptedAt: z.iso.datetime(),
  /** Set once the user withdrew it (`social_org_sharing` only): it no longer counts. */
  withdrawnAt: z.iso.datetime().optional(),
});
export type Consent = z.infer<typeof Consent>;

export { GuardianConsent } from './guardian-consent';

export const recordConsent = defineRoute({
  operationId: 'recordConsent',
  method: 'POST',
  path: '/v1/me/consents',
  summary:
    '记录同意 Record that the user agreed to the privacy guideline in force (a version in the body is ignored)',
  tag: 'auth',
  access: 'signedIn',
  owner: 'self',
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
  owner: 'self',
  query: ListQuery,
  response: pageOf(Consent),
});

export const WithdrawConsentRequest = z.object({
  kind: z.literal('social_org_sharing', {
    error: '只能撤回与社会组织共享求助信息的同意（social_org_sharing）',
  }),
});

/**
 * 撤回同意 (decision 0040): a family member withdraws the consent to share help requests with
 * social organisations. No new assignment can rest on it (403 CONSENT_REQUIRED) and the
 * organisations' open assignments that rested on it end for them (404, gone from their list).
 * Withdrawing again, or a consent never given, answers alike.
 */
export const withdrawConsent = defineRoute({
  operationId: 'withdrawConsent',
  method: 'POST',
  path: '/v1/me/consents/withdrawal',
  summary: '撤回同意 Withdraw the consent to share help requests with social organisations',
  tag: 'auth',
  access: 'signedIn',
  owner: 'self',
  body: WithdrawConsentRequest,
  response: z.object({ kind: ConsentKind, withdrawnAt: z.iso.datetime() }),
  idempotent: true,
});
