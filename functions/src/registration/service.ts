import {
  chinaDate,
  type DistrictCode,
  type ListQuery,
  type RegistrationRequest,
  type RegistrationStatus,
  type ReviewReason,
  type SessionUser,
} from '@hongjia/shared';
import type { CertificateItems } from '../certificates';
import { type AccessChecks, covers, type Jurisdiction, refuseOwnCase } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import { conflict, notFound, validationFailed } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { newId } from '../commons/ids';
import type { PiiCipher } from '../commons/pii';
import type { Notifier } from '../notifications';
import type { UploadService } from '../uploads';
import type { Approval } from './approval';
import { createDisclosure } from './disclosure';
import type { RegistrationItem } from './entity';
import type { FilerCheck } from './filer';
import { filedContent, probeKeyFor } from './intake';
import { statusMessage } from './messages';
import { officeName } from './office';
import type { RegistrationRecords } from './records';
import { withRelatedCases } from './related-cases';
import { requestProblems, reviewReasons } from './rules';
import { createStaffQueue } from './staff-queue';
import { type StatusChangeEntry, toCreated, toSummary, toView } from './views';
import { createVoiding, type VoidRequest } from './void';

export interface RegistrationServiceDeps {
  records: RegistrationRecords;
  approval: Approval;
  uploads: UploadService;
  access: AccessChecks;
  notifier: Notifier;
  cipher: () => Promise<PiiCipher>;
  filer: FilerCheck;
  certificates: CertificateItems;
  audit: AuditTrail;
}

/**
 * 生育登记 (SPEC C2): a parent, bound by real name, submits → automated checks
 * decide at once (approved with a certificate, or pending_review with every
 * reason); staff of the jurisdiction approve, return for correction (补正) or
 * reject, each move locked on `version`, and void an approval made in error;
 * the family resubmits a returned one. Families see only their own, and in
 * them no other family's registration (decision 0011); staff only their
 * districts' (anything else is 404).
 */
export function createRegistrationService(deps: RegistrationServiceDeps) {
  const { records, approval, uploads, access, notifier, filer } = deps;
  const queue = createStaffQueue(records, access);

  /**
   * The reviewer is never the applicant: not the account that filed, nor
   * either parent named (a staff member bound by real name as the father
   * reviewing what the mother filed). 403 OWN_CASE.
   */
  const refuseOwn = async (caller: SessionUser, item: RegistrationItem) => {
    refuseOwnCase(caller, [item.userId]);
    const own = await filer.hashIfBound(caller);
    if (own && (own === item.motherIdHash || own === item.fatherIdHash)) refuseOwnCase(caller, [caller.id]);
  };
  const disclosure = createDisclosure(records.registrations);

  const notify = (item: RegistrationItem, now: Date) => {
    const status: RegistrationStatus = item.status === 'checking' ? 'pending_review' : item.status;
    return notifier.notify(item.userId, statusMessage(status, item.registrationId, item.receiptNo), {
      dedupeKey: `registration:${item.registrationId}:v${item.version}`,
      now,
    });
  };

  /**
   * Validates (400), checks that the caller is the mother or the father named
   * (403 NOT_A_PARENT), checks the attachments, seals and runs the automated
   * checks; writes nothing.
   */
  const prepare = async (
    caller: SessionUser,
    filerHash: string,
    registrationId: string,
    body: RegistrationRequest,
    now: Date,
  ) => {
    const today = chinaDate(now);
    const checked = requestProblems(body, today);
    if (!checked.ok) throw validationFailed(checked.details[0]?.message ?? '登记信息不正确', checked.details);
    const cipher = await deps.cipher();
    filer.parentRole(cipher, filerHash, body);
    const verified = await uploads.verify(caller, body.attachmentIds ?? [], registrationId);
    const attachments = verified.map((v) => v.attachment);
    const content = await filedContent(cipher, body, checked.facts, attachments, today);
    const probeKey = probeKeyFor(cipher, checked.facts);
    const [sameMother, sameBirthDates] = await Promise.all([
      records.byMother(content.motherIdHash, registrationId),
      records.byBirthDates(probeKey, content.motherIdHash, registrationId),
    ]);
    const reasons = reviewReasons(
      {
        kind: body.kind,
        parity: body.parity,
        existingChildren: body.existingChildren.length,
        // Compared in memory: what is stored is sealed.
        motherName: body.mother.name,
        fatherName: body.father.name,
        motherRegionCode: checked.facts.motherRegionCode,
        pregnancyDate: content.pregnancyDate,
      },
      sameMother,
      sameBirthDates,
    );
    return { today, content, reasons, probeKey, verified };
  };

  const systemChange = (
    status: 'approved' | 'pending_review',
    now: Date,
    resubmitted: boolean,
  ): StatusChangeEntry => ({
    status,
    at: now.toISOString(),
    by: 'system',
    comment: `${resubmitted ? '补正后重新提交；' : ''}${status === 'approved' ? '自动核验通过（秒办）' : '需人工审核'}`,
  });

  /** From `checking`: approved with a certificate, or to review naming the registration that holds the pregnancy. */
  const decideAutomatically = async (item: RegistrationItem, now: Date, resubmitted: boolean) => {
    const from = { version: item.version, status: item.status };
    const outcome = await approval.approve(item, from, systemChange('approved', now, resubmitted), now);
    if (outcome.approved) return outcome.item;
    const held = await records.get(outcome.heldBy);
    const reason: ReviewReason = {
      code: 'SUSPECTED_DUPLICATE',
      message: `该母亲同一孩次已有登记${held ? ` ${held.receiptNo}` : ''}，疑似重复登记`,
      relatedRegistrationId: outcome.heldBy,
    };
    return records.move(item, from, {
      status: 'pending_review',
      reasons: [reason],
      history: [...item.history, systemChange('pending_review', now, resubmitted)],
      updatedAt: now.toISOString(),
    });
  };

  /** The filing family's answer: reasons about other families' registrations made neutral. */
  const createdFor = async (filerHash: string | undefined, item: RegistrationItem) => {
    const created = toCreated(item);
    if (!created.reasons) return created;
    return { ...created, reasons: await disclosure.reasonsFor(filerHash, created.reasons) };
  };

  /** The staff answer: the related cases the reviewer's jurisdiction covers, side by side. */
  const staffView = async (jurisdiction: Jurisdiction, item: RegistrationItem) =>
    withRelatedCases(records.registrations, jurisdiction, await toView(item, await deps.cipher()));

  /**
   * A retried submission finds the registration its first attempt wrote (its
   * id comes from the request's operation id) and finishes what that attempt
   * left: the automatic decision, the certificate, the notification.
   */
  const finish = async (item: RegistrationItem, now: Date) => {
    let decided = item;
    if (item.status === 'checking') decided = await decideAutomatically(item, now, false);
    else await approval.ensureCertificate(item, now);
    await notify(decided, now);
    return decided;
  };

  /** The conditional create; when a twin of this very request got there first, that one is finished instead. */
  const createOnce = async (item: RegistrationItem, now: Date): Promise<RegistrationItem> => {
    try {
      await records.create(item);
      return item;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const earlier = await records.get(item.registrationId);
      if (earlier?.userId !== item.userId) throw error;
      return finish(earlier, now);
    }
  };

  const readable = async (caller: SessionUser, registrationId: string) => {
    const item = await records.get(registrationId);
    if (item && item.userId === caller.id) return { item, jurisdiction: undefined };
    if (item && caller.roles.includes('staff')) {
      const jurisdiction = await access.staffJurisdiction(caller).catch(() => undefined);
      if (jurisdiction && covers(jurisdiction, item.jurisdiction)) return { item, jurisdiction };
    }
    throw notFound('未找到该登记');
  };

  const voiding = createVoiding({
    records,
    approval,
    certificates: deps.certificates,
    audit: deps.audit,
    access,
    notify,
  });

  return {
    /**
     * `operationId` (idempotent route): the registration's id derives from it,
     * so a retry after a failure past the write finishes instead of filing twice.
     */
    async submit(caller: SessionUser, body: RegistrationRequest, now: Date, operationId?: string) {
      const filerHash = await filer.boundHash(caller);
      const registrationId = newId('reg', operationId);
      if (operationId) {
        const earlier = await records.get(registrationId);
        if (earlier?.userId === caller.id) return createdFor(filerHash, await finish(earlier, now));
      }
      const { today, content, reasons, probeKey, verified } = await prepare(
        caller,
        filerHash,
        registrationId,
        body,
        now,
      );
      const receiptNo = await records.nextReceiptNo(content.jurisdiction, today);
      await uploads.attach(verified, registrationId, now);
      await records.putProbe({ probeKey, registrationId, ...pick(content) });
      const base = {
        registrationId,
        receiptNo,
        userId: caller.id,
        ...content,
        submittedAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      if (reasons.length) {
        const item: RegistrationItem = {
          ...base,
          status: 'pending_review',
          version: 1,
          reasons,
          history: [systemChange('pending_review', now, false)],
        };
        const written = await createOnce(item, now);
        if (written !== item) return createdFor(filerHash, written);
        await notify(item, now);
        return createdFor(filerHash, item);
      }
      // Written before the pregnancy guard is claimed, so a claim always names an existing registration.
      const checking: RegistrationItem = {
        ...base,
        status: 'checking',
        version: 0,
        reasons: [],
        history: [],
      };
      const written = await createOnce(checking, now);
      if (written !== checking) return createdFor(filerHash, written);
      const decided = await decideAutomatically(checking, now, false);
      await notify(decided, now);
      return createdFor(filerHash, decided);
    },

    async resubmit(
      caller: SessionUser,
      registrationId: string,
      body: RegistrationRequest & { expectedVersion: number },
      now: Date,
    ) {
      const item = await records.get(registrationId);
      if (!item || item.userId !== caller.id) throw notFound('未找到该登记');
      const filerHash = await filer.boundHash(caller);
      if (item.version !== body.expectedVersion) throw conflict('该登记已更新，请刷新后重试');
      if (item.status !== 'returned') throw conflict('只有退回补正的登记可以重新提交');
      const { content, reasons, probeKey, verified } = await prepare(
        caller,
        filerHash,
        registrationId,
        body,
        now,
      );
      await uploads.attach(verified, registrationId, now);
      await records.putProbe({ probeKey, registrationId, ...pick(content) });
      const from = { version: item.version, status: item.status };
      const changes = { ...content, updatedAt: now.toISOString() };
      let decided: RegistrationItem;
      if (reasons.length) {
        decided = await records.move(item, from, {
          ...changes,
          status: 'pending_review',
          reasons,
          history: [...item.history, systemChange('pending_review', now, true)],
        });
      } else {
        const checking = await records.move(item, from, { ...changes, status: 'checking', reasons: [] });
        decided = await decideAutomatically(checking, now, true);
      }
      await notify(decided, now);
      return createdFor(filerHash, decided);
    },

    async get(caller: SessionUser, registrationId: string, now: Date) {
      const { item, jurisdiction } = await readable(caller, registrationId);
      await approval.ensureCertificate(item, now);
      if (jurisdiction) return staffView(jurisdiction, item);
      const view = await toView(item, await deps.cipher());
      if (!disclosure.mentionsOthers(view.reasons)) return view;
      return { ...view, reasons: await disclosure.reasonsFor(await filer.hashIfBound(caller), view.reasons) };
    },

    async listMine(caller: SessionUser, query: ListQuery) {
      return queue.listMine(caller, query, toSummary);
    },

    async listForStaff(
      caller: SessionUser,
      query: ListQuery & { status: RegistrationStatus; district?: DistrictCode | undefined },
    ) {
      return queue.listForStaff(caller, query, toSummary);
    },

    async review(
      caller: SessionUser,
      registrationId: string,
      decision: {
        decision: 'approve' | 'return' | 'reject';
        comment?: string | undefined;
        expectedVersion: number;
      },
      now: Date,
      trace: { requestId: string; sourceIp: string } = { requestId: 'internal', sourceIp: 'internal' },
    ) {
      const jurisdiction = await access.staffJurisdiction(caller);
      const item = await records.get(registrationId);
      if (!item || !covers(jurisdiction, item.jurisdiction)) throw notFound('未找到该登记');
      await refuseOwn(caller, item);
      if (item.version !== decision.expectedVersion)
        throw conflict('该登记已被他人处理或已更新，请刷新后重试');
      if (item.status !== 'pending_review') throw conflict('该登记不在待审核状态');
      const from = { version: item.version, status: item.status };
      const status = ({ approve: 'approved', return: 'returned', reject: 'rejected' } as const)[
        decision.decision
      ];
      // Audit first (decision 0019): the decision never lands without its entry.
      await deps.audit.record(
        caller,
        {
          subjectType: 'registration',
          subjectId: registrationId,
          action: 'review',
          district: item.jurisdiction,
          note: `pending_review v${item.version} → ${status}`,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      const change: StatusChangeEntry = {
        status,
        at: now.toISOString(),
        by: 'staff',
        byName: officeName(jurisdiction),
        ...(decision.comment ? { comment: decision.comment } : {}),
      };
      let decided: RegistrationItem;
      if (status === 'approved') {
        const outcome = await approval.approve(item, from, change, now);
        if (!outcome.approved) {
          const held = await records.get(outcome.heldBy);
          throw conflict(`该母亲同一孩次已有通过的登记${held ? ` ${held.receiptNo}` : ''}，不能重复通过`);
        }
        decided = outcome.item;
      } else {
        decided = await records.move(item, from, {
          status,
          history: [...item.history, change],
          updatedAt: now.toISOString(),
        });
        await approval.release(decided);
      }
      await notify(decided, now);
      return staffView(jurisdiction, decided);
    },

    async voidApproval(
      caller: SessionUser,
      registrationId: string,
      request: VoidRequest,
      now: Date,
      trace: { requestId: string; sourceIp: string },
    ) {
      const { item, jurisdiction } = await voiding.voidApproval(caller, registrationId, request, now, {
        ...trace,
        refuseOwn,
      });
      return staffView(jurisdiction, item);
    },
  };
}

const pick = (content: { motherNameSealed: string; fatherNameSealed: string; pregnancyDate: string }) => ({
  motherNameSealed: content.motherNameSealed,
  fatherNameSealed: content.fatherNameSealed,
  pregnancyDate: content.pregnancyDate,
});

export type RegistrationService = ReturnType<typeof createRegistrationService>;
