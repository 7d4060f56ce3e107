import type { S3Client } from '@aws-sdk/client-s3';
import {
  attachmentLinkSeconds,
  CreateUploadRequest,
  type ErrorDetail,
  ImportUploadRequest,
  isImportContentType,
  matchesFileSignature,
  maxUploadBytes,
  type SessionUser,
  type UploadContentType,
  type UploadRequest,
  type UploadTicket,
  uploadContentTypes,
  uploadTypeNames,
} from '@hongjia/shared';
import { conflict, forbidden, fromZodError, validationFailed } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { newId } from '../commons/ids';
import { CopyObjectCommand, GetObjectCommand, getSignedUrl, PutObjectCommand } from '../commons/s3';
import type { UploadEntity, UploadItem } from './entity';
import { importKeyOf, pendingKeyOf, permanentKeyOf } from './keys';
import { readStoredObject, type StoredObject } from './stored-object';

export interface UploadServiceDeps {
  uploads: UploadEntity;
  s3: S3Client;
  bucket: string;
  /** Whether an attachment's current holder still exists (a crashed write leaves a dangling claim). */
  holderExists?: (attachedTo: string) => Promise<boolean>;
}

/** An attachment as its holder (a registration) keeps it: what was declared, checked, and where the copy is. */
export interface Attachment {
  id: string;
  fileName: string;
  contentType: UploadContentType;
  size: number;
  /** base64 SHA-256 of the bytes, declared and recomputed from them. */
  sha256: string;
  /** The permanent copy in the upload bucket. */
  key: string;
}

/**
 * The outcome of `verify`, for `attach`: the attachment, and the exact stored
 * version that was checked (absent when the copy exists from an earlier
 * submission of the same holder).
 */
export interface VerifiedAttachment {
  attachment: Attachment;
  source?: { key: string; versionId?: string; etag?: string };
}

const urlLifetimeSeconds = 15 * 60;

/** `filename*` of a Content-Disposition (RFC 5987): Chinese names survive every browser. */
const dispositionOf = (fileName: string) =>
  `inline; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/**
 * Attachments go to S3 by a presigned PUT, never through the API. The URL is
 * signed WITH Content-Type, Content-Length and x-amz-checksum-sha256 (the
 * declared digest), so S3 refuses a PUT of another type, size or body. When a
 * domain write claims an upload, the stored bytes are read again: digest and
 * file signature must match the declaration (s3rver checks no signatures, and
 * a ticket may never have been used). The claim then copies exactly the
 * checked version to a permanent key that no URL can write and no lifecycle
 * rule expires; readers get short-lived GET links of that copy.
 */
export function createUploadService({ uploads, s3, bucket, holderExists }: UploadServiceDeps) {
  const detail = (index: number, message: string): ErrorDetail => ({
    path: `body.attachmentIds.${index}`,
    message,
  });

  const isAttachmentType = (value: string): value is UploadContentType =>
    (uploadContentTypes as readonly string[]).includes(value);

  /**
   * A declaration under the rules of its kind: attachments (jpg/png/pdf ≤ 10 MB) for anyone,
   * import files (csv/xlsx ≤ 100 MB, their own prefix) for staff only.
   */
  const declarationOf = (caller: SessionUser, request: UploadRequest): UploadRequest => {
    if (isImportContentType(request.contentType) || /\.(csv|xlsx)$/i.test(request.fileName)) {
      if (!caller.roles.includes('staff')) {
        throw forbidden('只有工作人员可以上传导入数据文件；附件请上传 jpg、png 或 pdf');
      }
      const parsed = ImportUploadRequest.safeParse(request);
      if (!parsed.success) throw fromZodError(parsed.error, 'body');
      return parsed.data;
    }
    const parsed = CreateUploadRequest.safeParse(request);
    if (!parsed.success) throw fromZodError(parsed.error, 'body');
    return parsed.data;
  };

  const ticketFor = async (
    item: Pick<UploadItem, 'uploadId' | 'key' | 'contentType' | 'size'> & { sha256: string },
    expiresAt: string,
  ): Promise<UploadTicket> => {
    const command = new PutObjectCommand({
      Bucket: bucket,
      Key: item.key,
      ContentType: item.contentType,
      ContentLength: item.size,
      ChecksumSHA256: item.sha256,
    });
    const url = await getSignedUrl(s3, command, {
      expiresIn: urlLifetimeSeconds,
      signableHeaders: new Set(['content-type', 'content-length']),
      // Hoisted into the query (the presigner's default for x-amz-*), S3 would not check the body against it.
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    });
    return {
      uploadId: item.uploadId,
      url,
      headers: {
        'Content-Type': item.contentType,
        'Content-Length': String(item.size),
        'x-amz-checksum-sha256': item.sha256,
      },
      expiresAt,
    };
  };

  /** Why the stored object is not what was declared, or undefined when it is. */
  const problemOf = (item: UploadItem, object: StoredObject | undefined): string | undefined => {
    if (!object) return '附件尚未上传完成，请重新上传';
    if (object.size !== item.size || object.contentType !== item.contentType) {
      return '附件与声明的大小或类型不一致，请重新上传';
    }
    if (object.sha256 !== item.sha256) return '附件内容与上传时声明的校验值（SHA-256）不一致，请重新上传';
    if (!isAttachmentType(item.contentType)) return '附件不存在，请重新上传';
    if (!matchesFileSignature(item.contentType, object.head)) {
      return `附件内容不是 ${uploadTypeNames[item.contentType]}，请重新上传正确的文件`;
    }
    return undefined;
  };

  return {
    /**
     * A ticket for one upload. On an idempotent request the id derives from
     * the operation, so a retry after a failure that followed the write finds
     * the same upload and signs its URL again instead of announcing a second.
     */
    async create(
      caller: SessionUser,
      declared: UploadRequest,
      now: Date,
      operationId?: string,
    ): Promise<UploadTicket> {
      const request = declarationOf(caller, declared);
      const uploadId = newId('upl', operationId);
      const key = isImportContentType(request.contentType) ? importKeyOf(uploadId) : pendingKeyOf(uploadId);
      const expiresAt = new Date(now.getTime() + urlLifetimeSeconds * 1000).toISOString();
      try {
        await uploads
          .create({
            uploadId,
            userId: caller.id,
            fileName: request.fileName,
            contentType: request.contentType,
            size: request.size,
            sha256: request.sha256,
            key,
            status: 'pending',
            createdAt: now.toISOString(),
            expiresAt,
          })
          .go();
        return await ticketFor({ uploadId, key, ...request }, expiresAt);
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      // The same operation already announced this upload (same caller, key and declaration).
      const existing = (await uploads.get({ uploadId }).go({ consistent: true })).data;
      if (!existing || existing.userId !== caller.id || !existing.sha256) {
        throw new Error(`upload ${uploadId} exists but is not this operation's`);
      }
      if (existing.status !== 'pending') throw conflict('该文件已随申请提交，如需再次上传请重新选择文件');
      await uploads.patch({ uploadId }).set({ expiresAt }).go();
      return ticketFor({ ...existing, sha256: existing.sha256 }, expiresAt);
    },

    /**
     * Checks that every id names an upload of the caller that is free or
     * already attached to `targetId` (a resubmission keeps its files), and
     * whose stored bytes are exactly what was declared: size, type, SHA-256
     * and the file signature of the type. An upload this holder already copied
     * is taken from its permanent copy (its `pending/` object may have expired).
     * Read-only: 400 with `body.attachmentIds.N` before anything is written.
     */
    async verify(
      caller: SessionUser,
      ids: readonly string[],
      targetId: string,
    ): Promise<VerifiedAttachment[]> {
      const problems: ErrorDetail[] = [];
      const found: VerifiedAttachment[] = [];
      if (new Set(ids).size !== ids.length) {
        throw validationFailed('附件重复', [detail(ids.length - 1, '同一附件只能添加一次')]);
      }
      for (const [index, id] of ids.entries()) {
        const item = (await uploads.get({ uploadId: id }).go({ consistent: true })).data;
        if (!item || item.userId !== caller.id || !isAttachmentType(item.contentType)) {
          problems.push(detail(index, '附件不存在，请重新上传'));
          continue;
        }
        const contentType = item.contentType;
        if (item.status === 'attached' && item.attachedTo !== targetId && (await heldElsewhere(item))) {
          problems.push(detail(index, '该附件已用于另一份申请，请重新上传'));
          continue;
        }
        if (!item.sha256) {
          problems.push(detail(index, '附件缺少校验值，请重新上传'));
          continue;
        }
        const attachment: Attachment = {
          id,
          fileName: item.fileName,
          contentType,
          size: item.size,
          sha256: item.sha256,
          key: permanentKeyOf(targetId, id),
        };
        if (item.attachedTo === targetId && item.copiedAt && item.permanentKey === attachment.key) {
          found.push({ attachment });
          continue;
        }
        const object = await readStoredObject(s3, bucket, item.key, maxUploadBytes);
        const problem = problemOf(item, object);
        if (problem || !object) problems.push(detail(index, problem ?? '附件尚未上传完成，请重新上传'));
        else {
          const { versionId, etag } = object;
          found.push({
            attachment,
            source: { key: item.key, ...(versionId ? { versionId } : {}), ...(etag ? { etag } : {}) },
          });
        }
      }
      if (problems.length) throw validationFailed(problems[0]?.message ?? '附件不正确', problems);
      return found;
    },

    /**
     * Takes verified uploads for `targetId`: one conditional move each, so a
     * racing registration that verified the same upload loses here (400);
     * then copies the checked version to the permanent key (pinned by version
     * and ETag, so bytes PUT after the check are never copied) and records it.
     */
    async attach(verified: readonly VerifiedAttachment[], targetId: string, now: Date): Promise<void> {
      for (const [index, { attachment, source }] of verified.entries()) {
        await claim(index, attachment.id, targetId, now);
        if (!source) continue; // copied when this holder first claimed it
        await copy(index, source, attachment.key);
        await uploads
          .patch({ uploadId: attachment.id })
          .set({ permanentKey: attachment.key, copiedAt: now.toISOString() })
          .go();
      }
    },

    /** A GET link of a kept attachment, valid `attachmentLinkSeconds`; opens inline under its own name. */
    async downloadLink(
      attachment: Pick<Attachment, 'key' | 'fileName' | 'contentType'>,
      now: Date,
    ): Promise<{ url: string; expiresAt: string }> {
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: attachment.key,
        ResponseContentType: attachment.contentType,
        ResponseContentDisposition: dispositionOf(attachment.fileName),
      });
      const url = await getSignedUrl(s3, command, { expiresIn: attachmentLinkSeconds });
      return { url, expiresAt: new Date(now.getTime() + attachmentLinkSeconds * 1000).toISOString() };
    },
  };

  async function claim(index: number, uploadId: string, targetId: string, now: Date): Promise<void> {
    try {
      await uploads
        .patch({ uploadId })
        .set({ status: 'attached', attachedTo: targetId, attachedAt: now.toISOString() })
        .where((attr, op) => `${op.eq(attr.status, 'pending')} OR ${op.eq(attr.attachedTo, targetId)}`)
        .go();
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const item = (await uploads.get({ uploadId }).go({ consistent: true })).data;
    if (item && !(await heldElsewhere(item))) {
      await uploads
        .patch({ uploadId })
        .set({ status: 'attached', attachedTo: targetId, attachedAt: now.toISOString() })
        .where((attr, op) => op.eq(attr.attachedTo, item.attachedTo ?? ''))
        .go();
      return;
    }
    throw validationFailed('该附件已用于另一份申请，请重新上传', [detail(index, '该附件已用于另一份申请')]);
  }

  async function copy(index: number, source: NonNullable<VerifiedAttachment['source']>, key: string) {
    const version = source.versionId ? `?versionId=${encodeURIComponent(source.versionId)}` : '';
    try {
      await s3.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: key,
          CopySource: `${bucket}/${source.key}${version}`,
          ...(source.etag ? { CopySourceIfMatch: source.etag } : {}),
          MetadataDirective: 'COPY',
          // S3 keeps the copy's own SHA-256, so the stored checksum can be read back later.
          ChecksumAlgorithm: 'SHA256',
        }),
      );
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (['PreconditionFailed', 'NoSuchKey', 'NoSuchVersion'].includes(name)) {
        throw validationFailed('附件在核验后发生了变化，请重新上传', [
          detail(index, '附件在核验后发生了变化'),
        ]);
      }
      throw error;
    }
  }

  /** An upload claimed by a write that never completed (its target does not exist) may be taken again. */
  async function heldElsewhere(item: UploadItem): Promise<boolean> {
    if (!item.attachedTo) return false;
    return holderExists ? holderExists(item.attachedTo) : true;
  }
}

export type UploadService = ReturnType<typeof createUploadService>;
