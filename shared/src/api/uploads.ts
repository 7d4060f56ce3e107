import * as z from 'zod';
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

/** The declaration of an attachment: jpg, png or pdf, at most 10 MB (what families may upload). */
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

/**
 * Files for population-monitoring imports (issue 11): CSV, or an Excel
 * workbook (.xlsx), at most 100 MB, staff only. They go to their own prefix of
 * the bucket and can never be claimed as a registration's attachment.
 */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const importContentTypes = ['text/csv', xlsxContentType] as const;
export type ImportContentType = (typeof importContentTypes)[number];
export const maxImportBytes = 100 * 1024 * 1024;

export function isImportContentType(value: string): value is ImportContentType {
  return (importContentTypes as readonly string[]).includes(value);
}

export const ImportUploadRequest = z
  .object({
    fileName: z
      .string({ error: '请提供文件名' })
      .trim()
      .min(1, '请提供文件名')
      .max(120, '文件名过长')
      .regex(/\.(csv|xlsx)$/i, '导入文件只能是 csv 或 xlsx'),
    contentType: z.enum(importContentTypes, { error: '导入文件只能是 csv 或 xlsx' }),
    size: z
      .number({ error: '请提供文件大小' })
      .int()
      .min(1, '文件为空')
      .max(maxImportBytes, '导入文件不能超过 100 MB'),
    sha256: CreateUploadRequest.shape.sha256,
  })
  .refine(
    (request) =>
      request.fileName.toLowerCase().endsWith(request.contentType === 'text/csv' ? '.csv' : '.xlsx'),
    {
      path: ['contentType'],
      message: '文件类型与文件名的扩展名不一致',
    },
  );
export type ImportUploadRequest = z.infer<typeof ImportUploadRequest>;

/**
 * The body of POST /v1/uploads: either declaration. The service applies the
 * rules of the one the content type names (a family asking for an import
 * type gets 403, an attachment over 10 MB gets 400).
 */
export const UploadRequest = z.object({
  fileName: z
    .string({ error: '请提供文件名' })
    .trim()
    .min(1, '请提供文件名')
    .max(120, '文件名过长')
    .regex(
      /\.(jpe?g|png|pdf|csv|xlsx)$/i,
      '只能上传 jpg、png 或 pdf 文件（工作人员导入数据可上传 csv 或 xlsx）',
    ),
  contentType: z.enum([...uploadContentTypes, ...importContentTypes], {
    error: '只能上传 jpg、png 或 pdf 文件（工作人员导入数据可上传 csv 或 xlsx）',
  }),
  size: z
    .number({ error: '请提供文件大小' })
    .int()
    .min(1, '文件为空')
    .max(maxImportBytes, '文件不能超过 100 MB'),
  sha256: CreateUploadRequest.shape.sha256,
});
export type UploadRequest = z.infer<typeof UploadRequest>;

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
  summary:
    '上传文件 A presigned PUT for one attachment (jpg/png/pdf ≤ 10 MB) or, for staff, one import file (csv/xlsx ≤ 100 MB); SHA-256 declared',
  tag: 'registration',
  access: 'signedIn',
  owner: 'self',
  body: UploadRequest,
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
  owner: 'familyOrDistrict',
  params: z.object({ id: z.string().min(1).max(64), uploadId: z.string().min(1).max(64) }),
  response: AttachmentLink,
});
