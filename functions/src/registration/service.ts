import { randomBytes } from 'node:crypto';
import {
  type DistrictCode,
  districtByCode,
  type ListQuery,
  type RegistrationRequest,
  type RegistrationStatus,
  type ReviewReason,
  type SessionUser,
} from '@hongjia/shared';
import { shanghaiDate } from '../childcare/dates';
import { conflict, notFound, validationFailed } from '../commons/errors';
import type { PiiCipher } from '../commons/pii';
import type { Notifier } from '../notifications/notifier';
import { type AccessChecks, covers, type Jurisdiction } from '../staff/jurisdiction';
import type { UploadService } from '../uploads/service';
import type { Approval } from './approval';
import type { RegistrationItem } from './entity';
import { filedContent, probeKeyFor } from './intake';
import { statusMessage } from './messages';
import type { RegistrationRecords } from './records';
import { requestProblems, reviewReasons } from './rules';
import { createStaffQueue } from './staff-queue';
import { type StatusChangeEntry, toCreated, toSummary, toView } from './views';

export interface RegistrationServiceDeps {
  records: RegistrationRecords;
  approval: Approval;
  uploads: UploadService;
  access: AccessChecks;
  notifier: Notifier;
  cipher: () => Promise<PiiCipher>;
}

const officeName = (jurisdiction: Jurisdiction) =>
  jurisdiction.cityWide
    ? '南昌市卫生健康委员会'
    : `${districtByCode(jurisdiction.districts[0]).name}卫生健康委员会`;

/**
 * 生育登记 (SPEC C2): submit → automated checks decide at once (approved with
 * a certificate, or pending_review with every reason); staff of the
 * jurisdiction approve, return for correction (补正) or reject, each move
 * locked on `version`; the family resubmits a returned one. Families see only
 * their own, staff only their districts' (anything else is 404).
 */
export function createRegistrationService(deps: RegistrationServiceDeps) {
  const { records, approval, uploads, access, notifier } = deps;
  const queue = createStaffQueue(records, access);

  const notify = (item: RegistrationItem, now: Date) => {
    const status: RegistrationStatus = item.status === 'checking' ? 'pending_review' : item.status;
    return notifier.notify(item.userId, statusMessage(status, item.registrationId, item.receiptNo), {
      dedupeKey: `registration:${item.registrationId}:v${item.version}`,
      now,
    });
  };

  /** Validates (400), checks the attachments, seals and runs the automated checks; writes nothing. */
  const prepare = async (
    caller: SessionUser,
    registrationId: string,
    body: RegistrationRequest,
    now: Date,
  ) => {
    const today = shanghaiDate(now);
    const checked = requestProblems(body, today);
    if (!checked.ok) throw validationFailed(checked.details[0]?.message ?? '登记信息不正确', checked.details);
    const attachments = await uploads.verify(caller, body.attachmentIds ?? [], registrationId);
    const cipher = await deps.cipher();
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
    return { today, content, reasons, probeKey };
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

  const readable = async (caller: SessionUser, registrationId: string) => {
    const item = await records.get(registrationId);
    if (item && item.userId === caller.id) return item;
    if (item && caller.roles.includes('staff')) {
      const jurisdiction = await access.staffJurisdiction(caller).catch(() => undefined);
      if (jurisdiction && covers(jurisdiction, item.jurisdiction)) return item;
    }
    throw notFound('未找到该登记');
  };

  return {
    async submit(caller: SessionUser, body: RegistrationRequest, now: Date) {
      const registrationId = `reg_${randomBytes(10).toString('hex')}`;
      const { today, content, reasons, probeKey } = await prepare(caller, registrationId, body, now);
      const receiptNo = await records.nextReceiptNo(content.jurisdiction, today);
      await uploads.attach(body.attachmentIds ?? [], registrationId, now);
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
        await records.create(item);
        await notify(item, now);
        return toCreated(item);
      }
      // Written before the pregnancy guard is claimed, so a claim always names an existing registration.
      const checking: RegistrationItem = {
        ...base,
        status: 'checking',
        version: 0,
        reasons: [],
        history: [],
      };
      await records.create(checking);
      const decided = await decideAutomatically(checking, now, false);
      await notify(decided, now);
      return toCreated(decided);
    },

    async resubmit(
      caller: SessionUser,
      registrationId: string,
      body: RegistrationRequest & { expectedVersion: number },
      now: Date,
    ) {
      const item = await records.get(registrationId);
      if (!item || item.userId !== caller.id) throw notFound('未找到该登记');
      if (item.version !== body.expectedVersion) throw conflict('该登记已更新，请刷新后重试');
      if (item.status !== 'returned') throw conflict('只有退回补正的登记可以重新提交');
      const { content, reasons, probeKey } = await prepare(caller, registrationId, body, now);
      await uploads.attach(body.attachmentIds ?? [], registrationId, now);
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
      return toCreated(decided);
    },

    async get(caller: SessionUser, registrationId: string, now: Date) {
      const item = await readable(caller, registrationId);
      await approval.ensureCertificate(item, now);
      return toView(item, await deps.cipher());
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
    ) {
      const jurisdiction = await access.staffJurisdiction(caller);
      const item = await records.get(registrationId);
      if (!item || !covers(jurisdiction, item.jurisdiction)) throw notFound('未找到该登记');
      if (item.version !== decision.expectedVersion)
        throw conflict('该登记已被他人处理或已更新，请刷新后重试');
      if (item.status !== 'pending_review') throw conflict('该登记不在待审核状态');
      const from = { version: item.version, status: item.status };
      const status = ({ approve: 'approved', return: 'returned', reject: 'rejected' } as const)[
        decision.decision
      ];
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
      return toView(decided, await deps.cipher());
    },
  };
}

const pick = (content: { motherNameSealed: string; fatherNameSealed: string; pregnancyDate: string }) => ({
  motherNameSealed: content.motherNameSealed,
  fatherNameSealed: content.fatherNameSealed,
  pregnancyDate: content.pregnancyDate,
});

export type RegistrationService = ReturnType<typeof createRegistrationService>;
