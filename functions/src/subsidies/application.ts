import {
  childcareSubsidyPolicyFrom,
  chinaDate,
  computeChildcareSubsidy,
  idNumberProblemMessages,
  maskIdNumber,
  maskName,
  parseIdNumber,
  privacyPolicyVersion,
  type SessionUser,
  type SubsidyRequest,
} from '@hongjia/shared';
import type { PolicyStore } from '../benefits';
import { AppError, conflict, validationFailed } from '../commons/errors';
import type { Guards } from '../commons/guards';
import { newId } from '../commons/ids';
import type { PiiCipher } from '../commons/pii';
import type { IdentityEntity } from '../families';
import type { SubsidyConflicts } from './conflicts';
import type { SubsidyItem } from './entity';
import type { SubsidyRecords } from './records';
import { reviewDueBy } from './rules';
import { toCreated } from './views';

export interface SubsidyApplicationDeps {
  records: SubsidyRecords;
  guards: Guards;
  identities: IdentityEntity;
  policies: PolicyStore;
  cipher: () => Promise<PiiCipher>;
  conflicts: Pick<SubsidyConflicts, 'record'>;
}

export const subsidyPolicyId = 'childcare-subsidy';
const idNumberPurpose = 'id-number';
/** Another applicant's application still `checking` this long after it was written was left by a crash. */
const staleCheckingMs = 60_000;

const identityRequired = () => new AppError('IDENTITY_REQUIRED', '请先完成实名认证');
/** Only ever the applicant's own application: another applicant's is a conflict for staff, never disclosed. */
const subsidyExists = () =>
  new AppError('SUBSIDY_EXISTS', '您已为该孩子申请过育儿补贴，每个孩子只能申请一次', [
    { path: 'body.childIdNumber', message: '您已为该孩子提交过申请' },
  ]);
const notEligible = (reason: string) => new AppError('SUBSIDY_NOT_ELIGIBLE', reason);

/**
 * 申领育儿补贴: the applicant is the real-name-bound user; the child's ID
 * number must parse and agree with the birth date given; months and amount
 * come from the policy data in force today (no amount in code); the
 * jurisdiction is the child's household district. One application per child
 * in review at a time, without transactions (decision 0010; the same order as 0008):
 * 1. the application is written as `checking`, so a guard always names an item that exists;
 *    its id comes from the request's operation id, so a retry finds it and goes on from there;
 * 2. the `childcare-subsidy` guard on the child's ID hash is claimed (conditional put). A
 *    holder that is missing or rejected, the same applicant's own unfinished attempt, or
 *    another applicant's attempt stuck in `checking` past a minute is taken over: discarded
 *    first (conditional on `checking`, so it can no longer finish), then the guard released
 *    and claimed again. Held by the applicant's own live application → ours is discarded,
 *    409 SUBSIDY_EXISTS. Held by another applicant's → a conflict for the holder's district
 *    (decision 0013) and ours waits as `conflict`: the answer is the same as step 3's, so
 *    nobody learns from it whether someone else applied for the child;
 * 3. `checking` → `pending_review` (locked on version). A crash before 3 leaves an invisible
 *    `checking` item holding the guard; the applicant's retry takes it over at once.
 */
export function createSubsidyApplication(deps: SubsidyApplicationDeps) {
  const { records, guards } = deps;

  /** Discards a `checking` holder and frees its guard; false when it finished meanwhile. */
  const takeOver = async (key: string, held: SubsidyItem | undefined, holderId: string) => {
    if (held?.status === 'checking') {
      await records.discard(held.subsidyId);
      const after = await records.get(held.subsidyId);
      if (after) return false;
    }
    await guards.release('childcare-subsidy', key, holderId);
    return true;
  };

  /** Claims the child for `item`; returns the live application that holds it otherwise (never `item` itself). */
  const claim = async (item: SubsidyItem, now: Date): Promise<SubsidyItem | undefined> => {
    const key = item.childIdHash;
    for (let round = 0; round < 3; round++) {
      const result = await guards.claim(
        'childcare-subsidy',
        key,
        { ownerId: item.userId, targetId: item.subsidyId },
        now,
      );
      if (result.claimed || result.holder?.targetId === item.subsidyId) return undefined;
      if (!result.holder) continue;
      const held = await records.get(result.holder.targetId);
      const replaceable =
        !held ||
        held.status === 'rejected' ||
        (held.status === 'checking' &&
          (held.userId === item.userId || now.getTime() - Date.parse(held.submittedAt) > staleCheckingMs));
      if (!replaceable) return held;
      if (!(await takeOver(key, held, result.holder.targetId))) {
        const finished = await records.get(result.holder.targetId);
        if (finished && finished.status !== 'rejected') return finished;
      }
    }
    throw conflict('该孩子的育儿补贴申请正在处理中，请稍后再试');
  };

  const prepare = async (caller: SessionUser, body: SubsidyRequest, now: Date) => {
    const identity = (await deps.identities.get({ userId: caller.id }).go()).data;
    if (!identity) throw identityRequired();
    const today = chinaDate(now);
    const idNumber = body.childIdNumber.trim().toUpperCase();
    const parsed = parseIdNumber(idNumber, today);
    if (!parsed.ok) {
      const message = idNumberProblemMessages[parsed.problem];
      throw validationFailed(message, [{ path: 'body.childIdNumber', message }]);
    }
    if (parsed.facts.birthDate !== body.childBirthDate) {
      throw validationFailed('出生日期与孩子身份证号中的出生日期不一致', [
        { path: 'body.childBirthDate', message: `身份证号中的出生日期为 ${parsed.facts.birthDate}` },
      ]);
    }
    const policy = await deps.policies.inForce(subsidyPolicyId, today);
    if (!policy) throw notEligible('育儿补贴政策当前不在实施期内，暂不能申领');
    const programmeStart = (await deps.policies.programmeStart(subsidyPolicyId)) ?? policy.effectiveFrom;
    const result = computeChildcareSubsidy(
      body.childBirthDate,
      childcareSubsidyPolicyFrom(policy, programmeStart),
      today,
    );
    if (!result.eligible || !result.firstMonth || !result.lastMonth) {
      throw notEligible(result.reason ?? '该孩子不符合育儿补贴条件');
    }
    return {
      identity,
      today,
      idNumber,
      policy,
      result,
      firstMonth: result.firstMonth,
      lastMonth: result.lastMonth,
    };
  };

  /** Steps 2 and 3 for an application still `checking` (a new one, or a retry's after a failure). */
  const settle = async (item: SubsidyItem, now: Date): Promise<SubsidyItem> => {
    const holder = await claim(item, now);
    if (holder && holder.userId === item.userId) {
      await records.discard(item.subsidyId);
      throw subsidyExists();
    }
    if (holder) {
      await deps.conflicts.record(holder, item, now);
      return records.move(item, { status: 'conflict' }, now);
    }
    return records.move(item, { status: 'pending_review' }, now).catch(async (error) => {
      // Taken over by the applicant's own later attempt (a double submission): that one stands.
      throw (await records.get(item.subsidyId)) ? error : subsidyExists();
    });
  };

  return {
    /**
     * `operationId` (the router's, for this request and its retries) names the
     * application: a retry after a failure past the write finds it and finishes
     * from its stored state instead of writing a second application.
     */
    async apply(
      caller: SessionUser,
      body: SubsidyRequest,
      now: Date,
      operationId?: string,
      /** Filed from a 出生一件事 bundle: the guardian consented when the bundle was submitted. */
      consentAt?: string,
    ) {
      const { identity, today, idNumber, policy, result, firstMonth, lastMonth } = await prepare(
        caller,
        body,
        now,
      );
      const subsidyId = newId('sub', operationId);
      const earlier = operationId ? await records.get(subsidyId) : undefined;
      if (earlier && earlier.userId === caller.id) {
        return toCreated(earlier.status === 'checking' ? await settle(earlier, now) : earlier);
      }
      const cipher = await deps.cipher();
      const item: SubsidyItem = {
        subsidyId,
        userId: caller.id,
        status: 'checking',
        version: 0,
        jurisdiction: body.hukouDistrict,
        childNameSealed: await cipher.seal(body.childName, 'subsidy.childName'),
        childNameMasked: maskName(body.childName),
        childIdSealed: await cipher.seal(idNumber, 'subsidy.childIdNumber'),
        childIdMasked: maskIdNumber(idNumber),
        childIdHash: cipher.lookupHash(idNumber, idNumberPurpose),
        childBirthDate: body.childBirthDate,
        applicantNameMasked: identity.nameMasked,
        policyEffectiveFrom: policy.effectiveFrom,
        months: result.months,
        amountYuan: result.amountYuan,
        firstMonth,
        lastMonth,
        byYear: result.byYear,
        submittedAt: now.toISOString(),
        guardianConsentAt: consentAt ?? now.toISOString(),
        guardianConsentVersion: privacyPolicyVersion,
        reviewDueBy: reviewDueBy(today),
        renewalDueOn: '',
        renewalMonth: '',
        renewalRemindedFor: '',
        updatedAt: now.toISOString(),
      };
      await records.create(item);
      return toCreated(await settle(item, now));
    },
  };
}

export type SubsidyApplication = ReturnType<typeof createSubsidyApplication>;
