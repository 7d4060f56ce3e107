import { randomUUID } from 'node:crypto';
import {
  chinaDate,
  type EnrolmentRequest,
  type EnrolmentResult,
  type MyBenefits,
  type PolicyDefinition,
  type PolicyList,
  type PolicyVersionRequest,
  type ScreeningRequest,
  type ScreeningResult,
  type SessionUser,
  screeningPageLimits,
} from '@hongjia/shared';
import type { z } from 'zod';
import { type AccessChecks, covers, refuseOwnCase } from '../commons/access';
import { conflict, forbidden } from '../commons/errors';
import type { UserStore } from '../commons/users';
import { coverView, type MembershipLookup, type SpecialFamilyRecord } from '../families';
import type { Notifier } from '../notifications';
import { identityFacts, specialFamilyFacts } from './facts';
import { enrolledDedupeKey, enrolledMessage } from './messages';
import { identityBenefits, notBoundBenefits, specialFamilyBenefits } from './my-benefits';
import { policyListItems } from './policy-list';
import type { PolicyStore } from './policy-store';
import { nextPolicyVersion } from './policy-versions';
import type { BenefitRecords } from './records';
import { specialFamilyPolicies } from './scope';
import { enrolmentRefusal, screenFamilies } from './screening';
import { nextScreeningCursor, readScreeningCursor } from './screening-cursor';

/** Writes who acted on which records (families/audit.ts createRecordAuditor). */
export interface BenefitsAuditor {
  record(
    familyIds: readonly string[],
    action: 'screening' | 'enrol',
    caller: SessionUser,
    now: Date,
    event?: { id: string; at: string },
  ): Promise<void>;
}

export interface BenefitsServiceDeps {
  records: BenefitRecords;
  policies: Pick<PolicyStore, 'all' | 'add' | 'addedBy'>;
  membership: Pick<MembershipLookup, 'membershipOf' | 'identityOf' | 'boundUserIds'>;
  access: Pick<AccessChecks, 'staffJurisdiction'>;
  users: Pick<UserStore, 'get'>;
  auditor: BenefitsAuditor;
  notifier: Notifier;
}

/**
 * Family benefits (SPEC C3): the family's page, 免申即享 screening of a
 * district, bulk enrolment that notifies each bound member once, and policy
 * corrections as new versions. Every answer is for the Asia/Shanghai day of
 * `now`, from the policy store read once per request.
 */
export function createBenefitsService(deps: BenefitsServiceDeps) {
  const { records, policies, membership, access, auditor, notifier } = deps;

  const requireDistrict = async (caller: SessionUser, district: SpecialFamilyRecord['district']) => {
    if (!covers(await access.staffJurisdiction(caller), district)) {
      throw forbidden('只能办理本辖区的特殊家庭');
    }
  };

  const notifyMembers = async (family: SpecialFamilyRecord, policy: PolicyDefinition, now: Date) => {
    const userIds = await membership.boundUserIds(family);
    for (const userId of userIds) {
      await notifier.notify(userId, enrolledMessage(policy.name), {
        dedupeKey: enrolledDedupeKey(family.familyId, policy.id, userId),
        now,
      });
    }
    return userIds.length;
  };

  return {
    async myBenefits(caller: SessionUser, now: Date): Promise<MyBenefits> {
      const onDate = chinaDate(now);
      const [all, member] = await Promise.all([policies.all(), membership.membershipOf(caller.id)]);
      if (member) {
        const { family } = member;
        const [enrolments, payments] = await Promise.all([
          records.enrolmentsOf(family.familyId),
          records.paymentsOf(family.familyId),
        ]);
        const visible = specialFamilyPolicies(all);
        const answer = specialFamilyBenefits(
          specialFamilyFacts(family),
          visible,
          onDate,
          enrolments,
          payments,
        );
        // The family's own cover, as staff recorded it: shown with the policy number masked.
        const cover = family.criticalIllnessCover;
        return cover ? { ...answer, criticalIllnessCover: coverView(cover, onDate) } : answer;
      }
      const identity = await membership.identityOf(caller.id);
      if (identity) return identityBenefits(identityFacts(identity), all, onDate);
      return notBoundBenefits(all, onDate);
    },

    /**
     * One page of a district's screening: up to `limit` families in record order,
     * their enrolments in one Query, every eligible (family, policy) pair not yet
     * enrolled; each listed family's record audited. Pages follow `nextCursor`.
     */
    async screen(
      caller: SessionUser,
      { district, cursor, limit = screeningPageLimits.default }: z.input<typeof ScreeningRequest>,
      now: Date,
    ): Promise<ScreeningResult> {
      await requireDistrict(caller, district);
      const position = await readScreeningCursor(cursor, district);
      const onDate = chinaDate(now);
      const [all, page] = await Promise.all([
        policies.all(),
        records.familiesPage(district, limit, position?.c ?? null),
      ]);
      const families = page.items;
      const enrolled = await records.enrolledPolicies(
        district,
        families.map((f) => f.familyId),
      );
      const { items, alreadyEnrolled } = screenFamilies(families, enrolled, all, onDate);
      await auditor.record(
        items.map((i) => i.familyId),
        'screening',
        caller,
        now,
      );
      // A run is not stored: the id (carried in the cursor) names it in logs and on the staff page;
      // the audit entries are per family.
      const id = position?.r ?? `scr_${randomUUID()}`;
      return {
        id,
        district,
        onDate,
        familiesScreened: families.length,
        alreadyEnrolled,
        items,
        nextCursor: await nextScreeningCursor(district, id, page.cursor),
      };
    },

    /**
     * Re-checks each pair on today's facts (refused with the reason, never
     * skipped silently), enrols by conditional create, notifies bound members.
     * An already-enrolled pair notifies again through the dedupe, which only
     * repairs a message lost between enrolment and notification. Exactly once
     * (decision 0015): each enrolment carries the operation id, so a retry
     * after a later step failed counts the enrolments of its first attempt as
     * its own (the same answer). The audit entries are written before any
     * enrolment (decision 0019): each attempt writes its own.
     */
    async enrol(
      caller: SessionUser,
      body: z.infer<typeof EnrolmentRequest>,
      now: Date,
      operationId?: string,
    ): Promise<EnrolmentResult> {
      await requireDistrict(caller, body.district);
      const onDate = chinaDate(now);
      const all = await policies.all();
      const familyIds = [...new Set(body.items.map((i) => i.familyId))];
      const families = new Map<string, SpecialFamilyRecord | undefined>();
      for (const id of familyIds) families.set(id, await records.family(id));
      // Staff bound to a member of a listed family do not enrol their own family (403 OWN_CASE).
      for (const family of families.values()) {
        if (family) refuseOwnCase(caller, await membership.boundUserIds(family));
      }
      // Audit first (decision 0019): no family is enrolled without its entry. A retry writes its own
      // entry (an attempt whose audit landed and whose enrolment did not is evidence too).
      const read = familyIds.filter((id) => families.get(id)?.district === body.district);
      await auditor.record(
        read,
        'enrol',
        caller,
        now,
        operationId ? { id: operationId, at: now.toISOString() } : undefined,
      );
      const result: EnrolmentResult = { enrolled: 0, alreadyEnrolled: 0, refused: [], notified: 0 };
      for (const { familyId, policyId } of body.items) {
        const family = families.get(familyId);
        const reason = enrolmentRefusal(family, body.district, policyId, all, onDate);
        const policy = all.find((p) => p.id === policyId);
        if (reason !== undefined || !family || !policy) {
          result.refused.push({ familyId, policyId, reason: reason ?? '没有这项政策' });
          continue;
        }
        const outcome = await records.enrol(
          {
            familyId,
            policyId,
            district: family.district,
            enrolledBy: caller.id,
            via: 'screening',
            ...(operationId ? { operationId } : {}),
          },
          now,
        );
        const told = await notifyMembers(family, policy, now);
        if (outcome.kind === 'existing') {
          result.alreadyEnrolled += 1;
        } else {
          result.enrolled += 1;
          result.notified += told;
        }
      }
      return result;
    },

    /** GET /v1/policies (public): every version, who it is for, which one applies today. */
    async listPolicies(now: Date): Promise<PolicyList> {
      const onDate = chinaDate(now);
      return { onDate, items: policyListItems(await policies.all(), onDate) };
    },

    /**
     * Exactly once (decision 0015): the version carries the operation id; a retry whose first
     * attempt stored it (and then failed) answers with the stored version, where checking it
     * again would refuse it as no later than the latest.
     */
    async addPolicyVersion(
      caller: SessionUser,
      policyId: string,
      body: PolicyVersionRequest,
      now: Date,
      operationId?: string,
    ): Promise<PolicyDefinition> {
      const user = await deps.users.get(caller.id);
      if (!user?.roles.includes('admin')) throw forbidden('只有管理员可以更正政策');
      const earlier = operationId ? await policies.addedBy(operationId) : undefined;
      if (earlier) return earlier;
      const version = nextPolicyVersion(await policies.all(), policyId, body);
      if (!(await policies.add(version, caller.id, now, operationId))) {
        throw conflict(`该政策 ${version.effectiveFrom} 起的版本已存在`);
      }
      return version;
    },
  };
}
export type BenefitsService = ReturnType<typeof createBenefitsService>;
