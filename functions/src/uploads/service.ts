import { randomBytes } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { CreateUploadRequest, ErrorDetail, SessionUser, UploadTicket } from '@hongjia/shared';
import { validationFailed } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import type { UploadEntity, UploadItem } from './entity';

export interface UploadServiceDeps {
  uploads: UploadEntity;
  s3: S3Client;
  bucket: string;
  /** Whether an attachment's current holder still exists (a crashed write leaves a dangling claim). */
  holderExists?: (attachedTo: string) => Promise<boolean>;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

const urlLifetimeSeconds = 15 * 60;

/**
 * Attachments go to S3 by a presigned PUT, never through the API. The URL is
 * signed WITH Content-Type and Content-Length, so S3 (and s3rver) refuse a
 * PUT of another type or size: what the ticket declared is what can arrive.
 * A domain write then checks the stored object again (HeadObject), because a
 * ticket may also simply never have been used.
 */
export function createUploadService({ uploads, s3, bucket, holderExists }: UploadServiceDeps) {
  const detail = (index: number, message: string): ErrorDetail => ({
    path: `body.attachmentIds.${index}`,
    message,
  });

  const storedObject = async (key: string) => {
    try {
      const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: head.ContentLength ?? -1, contentType: head.ContentType ?? '' };
    } catch (error) {
      if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey'))
        return undefined;
      throw error;
    }
  };

  return {
    async create(caller: SessionUser, request: CreateUploadRequest, now: Date): Promise<UploadTicket> {
      const uploadId = `upl_${randomBytes(12).toString('hex')}`;
      const key = `pending/${uploadId}`;
      const expiresAt = new Date(now.getTime() + urlLifetimeSeconds * 1000).toISOString();
      await uploads
        .create({
          uploadId,
          userId: caller.id,
          fileName: request.fileName,
          contentType: request.contentType,
          size: request.size,
          key,
          status: 'pending',
          createdAt: now.toISOString(),
          expiresAt,
        })
        .go();
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: request.contentType,
        ContentLength: request.size,
      });
      const url = await getSignedUrl(s3, command, {
        expiresIn: urlLifetimeSeconds,
        signableHeaders: new Set(['content-type', 'content-length']),
      });
      return {
        uploadId,
        url,
        headers: { 'Content-Type': request.contentType, 'Content-Length': String(request.size) },
        expiresAt,
      };
    },

    /**
     * Checks that every id names an upload of the caller whose object is in
     * the bucket with exactly the declared size and type, and that it is free
     * or already attached to `targetId` (a resubmission keeps its files).
     * Read-only: 400 with `body.attachmentIds.N` before anything is written.
     */
    async verify(caller: SessionUser, ids: readonly string[], targetId: string): Promise<Attachment[]> {
      const problems: ErrorDetail[] = [];
      const found: Attachment[] = [];
      if (new Set(ids).size !== ids.length) {
        throw validationFailed('附件重复', [detail(ids.length - 1, '同一附件只能添加一次')]);
      }
      for (const [index, id] of ids.entries()) {
        const item = (await uploads.get({ uploadId: id }).go({ consistent: true })).data;
        if (!item || item.userId !== caller.id) {
          problems.push(detail(index, '附件不存在，请重新上传'));
          continue;
        }
        if (item.status === 'attached' && item.attachedTo !== targetId && (await heldElsewhere(item))) {
          problems.push(detail(index, '该附件已用于另一份申请，请重新上传'));
          continue;
        }
        const object = await storedObject(item.key);
        if (!object) problems.push(detail(index, '附件尚未上传完成，请重新上传'));
        else if (object.size !== item.size || object.contentType !== item.contentType) {
          problems.push(detail(index, '附件与声明的大小或类型不一致，请重新上传'));
        } else {
          found.push({ id, fileName: item.fileName, contentType: item.contentType, size: item.size });
        }
      }
      if (problems.length) throw validationFailed(problems[0]?.message ?? '附件不正确', problems);
      return found;
    },

    /**
     * Takes verified uploads for `targetId`: one conditional move each, so a
     * racing registration that verified the same upload loses here (400).
     */
    async attach(ids: readonly string[], targetId: string, now: Date): Promise<void> {
      for (const [index, uploadId] of ids.entries()) {
        try {
          await uploads
            .patch({ uploadId })
            .set({ status: 'attached', attachedTo: targetId, attachedAt: now.toISOString() })
            .where((attr, op) => `${op.eq(attr.status, 'pending')} OR ${op.eq(attr.attachedTo, targetId)}`)
            .go();
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
          const item = (await uploads.get({ uploadId }).go({ consistent: true })).data;
          if (item && !(await heldElsewhere(item))) {
            await uploads
              .patch({ uploadId })
              .set({ status: 'attached', attachedTo: targetId, attachedAt: now.toISOString() })
              .where((attr, op) => op.eq(attr.attachedTo, item.attachedTo ?? ''))
              .go();
            continue;
          }
          throw validationFailed('该附件已用于另一份申请，请重新上传', [
            detail(index, '该附件已用于另一份申请'),
          ]);
        }
      }
    },
  };

  /** An upload claimed by a write that never completed (its target does not exist) may be taken again. */
  async function heldElsewhere(item: UploadItem): Promise<boolean> {
    if (!item.attachedTo) return false;
    return holderExists ? holderExists(item.attachedTo) : true;
  }
}

export type UploadService = ReturnType<typeof createUploadService>;
