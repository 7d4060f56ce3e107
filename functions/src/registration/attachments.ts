import { type AttachmentLink, type SessionUser, uploadContentTypes } from '@hongjia/shared';
import { type AccessChecks, covers } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import { notFound } from '../commons/errors';
import type { UploadService } from '../uploads';
import type { RegistrationItem } from './entity';
import type { RegistrationRecords } from './records';

export interface AttachmentReadsDeps {
  records: Pick<RegistrationRecords, 'get'>;
  access: AccessChecks;
  uploads: Pick<UploadService, 'downloadLink'>;
  audit: Pick<AuditTrail, 'record'>;
}

/** Where a read came from, for the audit entry. */
export interface ReadRequest {
  now: Date;
  requestId: string;
  sourceIp: string;
}

const isUploadContentType = (value: string): value is AttachmentLink['contentType'] =>
  (uploadContentTypes as readonly string[]).includes(value);

/**
 * Reviewers read what families attached (issue 9): a 5-minute link to the
 * permanent copy, for the filing family and for staff whose jurisdiction
 * covers the registration; anyone else, and any upload id the registration
 * does not hold, gets the same 404 (no hint that it exists). A staff read is
 * written to the audit trail BEFORE the link is made, so no link leaves
 * unrecorded.
 */
export function createAttachmentReads({ records, access, uploads, audit }: AttachmentReadsDeps) {
  /** `staff` when the caller reads as a reviewer (and is audited), `family` for the filer. */
  const readerOf = async (caller: SessionUser, item: RegistrationItem) => {
    if (item.userId === caller.id) return 'family' as const;
    if (!caller.roles.includes('staff')) return undefined;
    const jurisdiction = await access.staffJurisdiction(caller).catch(() => undefined);
    return jurisdiction && covers(jurisdiction, item.jurisdiction) ? ('staff' as const) : undefined;
  };

  return {
    async link(
      caller: SessionUser,
      registrationId: string,
      uploadId: string,
      request: ReadRequest,
    ): Promise<AttachmentLink> {
      const item = await records.get(registrationId);
      const reader = item ? await readerOf(caller, item) : undefined;
      if (!item || !reader) throw notFound('未找到该登记');
      const attachment = item.attachments.find((a) => a.id === uploadId);
      // Attachments claimed before copies were made have no permanent key: nothing to hand out.
      if (!attachment?.key || !isUploadContentType(attachment.contentType)) throw notFound('未找到该附件');
      if (reader === 'staff') {
        await audit.record(
          caller,
          {
            subjectType: 'registration',
            subjectId: registrationId,
            action: 'read_attachment',
            district: item.jurisdiction,
            objectId: uploadId,
            requestId: request.requestId,
            sourceIp: request.sourceIp,
          },
          request.now,
        );
      }
      const { contentType, fileName, size, key } = attachment;
      const link = await uploads.downloadLink({ key, fileName, contentType }, request.now);
      return { ...link, fileName, contentType, size };
    },
  };
}

export type AttachmentReads = ReturnType<typeof createAttachmentReads>;
