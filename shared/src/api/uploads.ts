import { z } from 'zod';
import { defineRoute } from './contract';

/**
 * Attachments go straight to object storage by a presigned PUT (SPEC C2):
 * jpg, png or pdf, at most 10 MB. The PUT must send the declared Content-Type
 * and Content-Length; a domain write accepts an upload id only when the object
 * exists, belongs to the caller and matches what was declared.
 */
export const uploadContentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const maxUploadBytes = 10 * 1024 * 1024;

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
});
export type CreateUploadRequest = z.infer<typeof CreateUploadRequest>;

export const UploadTicket = z.object({
  uploadId: z.string(),
  url: z.string().describe('Presigned PUT URL; send the declared Content-Type and exactly `size` bytes'),
  headers: z.record(z.string(), z.string()).describe('Headers the PUT must carry'),
  expiresAt: z.iso.datetime(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;

export const createUpload = defineRoute({
  operationId: 'createUpload',
  method: 'POST',
  path: '/v1/uploads',
  summary: '上传附件 A presigned PUT for one attachment (jpg/png/pdf ≤ 10 MB)',
  tag: 'registration',
  access: 'signedIn',
  body: CreateUploadRequest,
  response: UploadTicket,
  successStatus: 201,
  idempotent: true,
  personalData: true,
});
