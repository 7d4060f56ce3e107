import * as z from 'zod';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, ListQuery, pageOf } from './contract';

/**
 * E-certificates (生育登记回执 / 服务证), SPEC C2: a public verification code,
 * a QR payload signed by the server (JWS, EdDSA/Ed25519; the public key is
 * published for offline checks), revocable by staff; one-time 6-digit print
 * codes valid 24 h for self-service printers.
 */
export const CertificateType = z.enum(['birth_registration_receipt', 'reapproval_decision']);

export const CertificateSummary = z.object({
  id: z.string(),
  type: CertificateType,
  title: z.string(),
  issuedAt: z.iso.datetime(),
  verifyCode: z.string(),
});

export const CertificateDetail = CertificateSummary.extend({
  registrationId: z.string(),
  receiptNo: z.string(),
  holderMasked: z.string().describe('母亲 and 父亲 names masked, e.g. 王* / 李**'),
  parity: z.number().int(),
  jurisdiction: DistrictCodeSchema,
  revoked: z.boolean(),
  printCount: z.number().int(),
  qrPayload: z
    .string()
    .describe('Compact JWS (EdDSA) of {cid, code, type, iat}; verify with /v1/certificates/public-key'),
});
export type CertificateDetail = z.infer<typeof CertificateDetail>;

export const VerifyResult = z.object({
  valid: z.boolean(),
  type: CertificateType.optional(),
  issuedAt: z.iso.datetime().optional(),
  holderMasked: z.string().optional(),
  revoked: z.boolean().optional(),
});

export const PrintCode = z.object({ code: z.string().regex(/^\d{6}$/), expiresAt: z.iso.datetime() });

export const PrintJobRequest = z.object({
  code: z.string({ error: '请输入 6 位打印码' }).regex(/^\d{6}$/, '打印码为 6 位数字'),
  pointId: z.string().min(1).max(64),
});

export const PrintJob = z.object({
  certificate: CertificateDetail.omit({ printCount: true }),
  printCount: z.number().int(),
});

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const myCertificates = defineRoute({
  operationId: 'myCertificates',
  method: 'GET',
  path: '/v1/me/certificates',
  summary: '我的证件 The family’s e-certificates',
  tag: 'certificates',
  access: 'signedIn',
  owner: 'self',
  query: ListQuery,
  response: pageOf(CertificateSummary),
  personalData: true,
});

export const myCertificate = defineRoute({
  operationId: 'myCertificate',
  method: 'GET',
  path: '/v1/me/certificates/{id}',
  summary: '证件详情 With the signed QR payload',
  tag: 'certificates',
  access: 'signedIn',
  owner: 'family',
  params: IdParams,
  response: CertificateDetail,
  personalData: true,
});

export const verifyCertificate = defineRoute({
  operationId: 'verifyCertificate',
  method: 'GET',
  path: '/v1/certificates/verify/{code}',
  summary: '验证证件 Public verification by code (rate limited); revoked verifies as invalid',
  tag: 'certificates',
  access: 'public',
  owner: 'bearerCode',
  params: z.object({ code: z.string().min(6).max(32) }),
  response: VerifyResult,
});

export const certificatePublicKey = defineRoute({
  operationId: 'certificatePublicKey',
  method: 'GET',
  path: '/v1/certificates/public-key',
  summary: '验签公钥 JWKS of the Ed25519 key that signs QR payloads',
  tag: 'certificates',
  access: 'public',
  owner: 'none',
  response: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }),
});

export const createPrintCode = defineRoute({
  operationId: 'createPrintCode',
  method: 'POST',
  path: '/v1/me/certificates/{id}/print-codes',
  summary: '打印码 A one-time 6-digit code, valid 24 h, a few per day',
  tag: 'certificates',
  access: 'signedIn',
  owner: 'family',
  params: IdParams,
  response: PrintCode,
  successStatus: 201,
  idempotent: true,
  personalData: true,
});

export const redeemPrintCode = defineRoute({
  operationId: 'redeemPrintCode',
  method: 'POST',
  path: '/v1/print-jobs',
  summary: '自助打印 A self-service terminal redeems a print code (single use) and counts the print',
  tag: 'certificates',
  access: ['terminal'],
  owner: 'bearerCode',
  body: PrintJobRequest,
  response: PrintJob,
  successStatus: 201,
});

export const revokeCertificate = defineRoute({
  operationId: 'revokeCertificate',
  method: 'POST',
  path: '/v1/staff/certificates/{id}/revoke',
  summary: '作废证件 Staff of the jurisdiction revoke a certificate with a reason',
  tag: 'staff',
  access: ['staff'],
  owner: 'district',
  params: IdParams,
  body: z.object({ reason: z.string({ error: '请填写作废原因' }).trim().min(2, '请填写作废原因').max(500) }),
  response: CertificateDetail,
});
