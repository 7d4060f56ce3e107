import * as z from 'zod';

/** Machine codes of the error envelope and their HTTP status (SPEC §3). */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** Sign-in by a user an admin deactivated (decision 0017). */
  ACCOUNT_DEACTIVATED: 403,
  /** A family without a current agreement to the 隐私保护指引 on a personal-data route: show it again. */
  CONSENT_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLOT_FULL: 409,
  /** One account's active bookings (confirmed + waitlisted): ≤ 3 per slot, ≤ 10 in all (decision 0018). */
  BOOKING_LIMIT: 409,
  /** Issue 5: codes a page branches on (the ID is someone else's, a member already on a record, …). */
  FACE_VERIFICATION_REQUIRED: 400,
  NOT_A_MEMBER: 404,
  IDENTITY_ALREADY_BOUND: 409,
  IDENTITY_ALREADY_SET: 409,
  MEMBER_ON_ANOTHER_RECORD: 409,
  NO_CONTACT_PERSON: 409,
  /** Help requests: only members of a special family may file; a contact person needs the family's consent. */
  NOT_SPECIAL_FAMILY_MEMBER: 403,
  PROXY_CONSENT_REQUIRED: 403,
  /** 育儿补贴 and 生育登记: real-name binding first; 育儿补贴: the applicant's own second application; the engine's refusal; renewal window. */
  IDENTITY_REQUIRED: 403,
  SUBSIDY_EXISTS: 409,
  RENEWAL_NOT_DUE: 409,
  SUBSIDY_NOT_ELIGIBLE: 422,
  /** 育儿补贴 payments: a year is paid once; a year or amount the application does not owe (yet) is refused. */
  PAYMENT_EXISTS: 409,
  PAYMENT_REFUSED: 422,
  /** Staff: a record's review, payment or decision waits while a conflict on it is open (decision 0013). */
  CONFLICT_PENDING: 409,
  /** 生育登记 is filed by a parent: no real-name binding (IDENTITY_REQUIRED above), or the bound person is neither parent named. */
  NOT_A_PARENT: 403,
  /** Staff: the applicant (or a member of the family) may not review, void, resolve or pay their own filing. */
  OWN_CASE: 403,
  /** 社会组织 (decision 0035): only 生活照料, 心理慰藉 and 养老 requests go to an organisation. */
  CATEGORY_NOT_ASSIGNABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const ErrorCodeSchema = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

export const ErrorDetail = z.object({
  path: z.string().describe('Dotted field path, e.g. mother.idNumber'),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string().describe('Chinese message for the user'),
    details: z.array(ErrorDetail),
    requestId: z.string(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
