import { z } from 'zod';
import { defineRoute } from './contract';

/**
 * Attachments go straight to object storage by a presigned PUT (SPEC C2):
 * jpg, png or pdf, at most 10 MB. Every upload declares its SHA-256; the PUT
 * is signed with the declared Content-Type, Content-Length and
 * `x-amz-checksum-sha256`, so S3 refuses any other body. When a registration
 * claims the upload, the server reads the stored bytes again (digest and file
 * signature) and copies them to a permanent key that no presigned URL reaches.
 */
export const uploadContentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type UploadContentType = (typeof uploadContentTypes)[number];
export const maxUploadBytes = 10 * 1024 * 1024;

/**
 * Base64 of a 32-byte SHA-256, as S3 writes checksums: 43 characters and one
 * `=`; the last character before it carries 4 bits of padding, hence its short set.
 */
export const sha256Base64Pattern = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;

export const CreateUploadRequest = z.object({
  fileName: z
    .string({ error: '请提供文件名' })
    .trim()
    .min(1, '请提供文件名')
    .max(120, '文件名过长')
    .regex(/\.(jpe?g|png|pdf)$/i, '只能上传 jpg、png 或 pdf 文件'),
  contentType: z.enum(uploadContentTypes, { error: '只能上传 jpg、png 或 pdf 文件' }),
  size: z
    .number({ error: '请提供文件大小' })
    .int()
    .min(1, '文件为空')
    .max(maxUploadBytes, '文件不能超过 10 MB'),
  sha256: z
    .string({ error: '请提供文件的 SHA-256 校验值' })
    .regex(sha256Base64Pattern, 'sha256 应为文件 SHA-256 摘要的 base64（44 个字符）')
    .describe('base64 of the file’s SHA-256, as S3 writes checksums (sent again as x-amz-checksum-sha256)'),
});
export type CreateUploadRequest = z.infer<typeof CreateUploadRequest>;

export const UploadTicket = z.object({
  uploadId: z.string(),
  url: z.string().describe('Presigned PUT URL; send exactly the declared bytes with `headers`'),
  headers: z
    .record(z.string(), z.string())
    .describe('Headers the PUT must carry: Content-Type, Content-Length, x-amz-checksum-sha256 (all signed)'),
  expiresAt: z.iso.datetime(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;

export const createUpload = defineRoute({
  operationId: 'createUpload',
  method: 'POST',
  path: '/v1/uploads',
  summary: '上传附件 A presigned PUT for one attachment (jpg/png/pdf ≤ 10 MB, SHA-256 declared)',
  tag: 'registration',
  access: 'signedIn',
  body: CreateUploadRequest,
  response: UploadTicket,
  successStatus: 201,
  idempotent: true,
  personalData: true,
});

/** How long a download link of an attachment works. */
export const attachmentLinkSeconds = 5 * 60;

export const AttachmentLink = z.object({
  url: z.string().describe('Presigned GET of the permanent copy'),
  expiresAt: z.iso.datetime().describe(`At most ${attachmentLinkSeconds / 60} minutes from now`),
  fileName: z.string(),
  contentType: z.enum(uploadContentTypes),
  size: z.number().int(),
});
export type AttachmentLink = z.infer<typeof AttachmentLink>;

export const registrationAttachment = defineRoute({
  operationId: 'registrationAttachment',
  method: 'GET',
  path: '/v1/registrations/{id}/attachments/{uploadId}',
  summary:
    '查看附件 A short-lived link to an attachment of a registration (the filing family; staff of the jurisdiction, every read audited)',
  tag: 'registration',
  access: 'signedIn',
  params: z.object({ id: z.string().min(1).max(64), uploadId: z.string().min(1).max(64) }),
  response: AttachmentLink,
});
