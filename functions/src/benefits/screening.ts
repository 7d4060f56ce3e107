import {
  evaluatePolicies,
  type PolicyDefinition,
  type PolicyEvaluation,
  type ScreeningItem,
} from '@hongjia/shared';
import type { SpecialFamilyRecord } from '../families';
import { familyLabel } from '../families';
import { specialFamilyFacts } from './facts';
import { isChildcarePolicy, specialFamilyPolicies } from './scope';

/**
 * 免申即享 (pure): who a policy covers without them asking. One engine for
 * the family's page, the screening and the re-check at enrolment, so staff
 * and family always read the same reasons.
 */
export type ScreenedFamily = Pick<
  SpecialFamilyRecord,
  | 'familyId'
  | 'district'
  | 'kind'
  | 'hukouType'
  | 'members'
  | 'children'
  | 'childEventDate'
  | 'medicalInsuranceEnrolledOn'
  | 'ruralPensionEnrolledOn'
>;

export function evaluateFamily(
  family: ScreenedFamily,
  policies: readonly PolicyDefinition[],
  onDate: string,
): PolicyEvaluation[] {
  return evaluatePolicies(specialFamilyFacts(family), specialFamilyPolicies(policies), onDate);
}

export interface Screening {
  /** Eligible and not enrolled: every (family, policy) pair. */
  items: ScreeningItem[];
  /** Eligible pairs already enrolled (left out of `items`). */
  alreadyEnrolled: number;
}

export function screenFamilies(
  families: readonly ScreenedFamily[],
  enrolledPolicies: ReadonlyMap<string, ReadonlySet<string>>,
  policies: readonly PolicyDefinition[],
  onDate: string,
): Screening {
  const items: ScreeningItem[] = [];
  let alreadyEnrolled = 0;
  for (const family of families) {
    const enrolled = enrolledPolicies.get(family.familyId);
    for (const evaluation of evaluateFamily(family, policies, onDate)) {
      if (!evaluation.eligible) continue;
      if (enrolled?.has(evaluation.policyId)) {
        alreadyEnrolled += 1;
        continue;
      }
      items.push({
        familyId: family.familyId,
        familyLabel: familyLabel(family),
        district: family.district,
        policyId: evaluation.policyId,
        policyName: evaluation.name,
        reasons: evaluation.reasons,
        ...(evaluation.amountYuanPerYear !== undefined
          ? { amountYuanPerYear: evaluation.amountYuanPerYear }
          : {}),
        ...(evaluation.amountYuanOneTime !== undefined
          ? { amountYuanOneTime: evaluation.amountYuanOneTime }
          : {}),
      });
    }
  }
  return { items, alreadyEnrolled };
}

export const notInDistrictReason = '未找到该家庭，或该家庭不属于所选县区';

/**
 * Why a (family, policy) pair may not be enrolled on `onDate`, or undefined
 * when it may. `family` is undefined when no record was found.
 */
export function enrolmentRefusal(
  family: ScreenedFamily | undefined,
  district: string,
  policyId: string,
  policies: readonly PolicyDefinition[],
  onDate: string,
): string | undefined {
  if (!family || family.district !== district) return notInDistrictReason;
  if (isChildcarePolicy(policyId)) return '育儿补贴按孩子申领，不在特殊家庭待遇中纳入';
  const evaluation = evaluateFamily(family, policies, onDate).find((e) => e.policyId === policyId);
  if (!evaluation) return '没有这项政策';
  if (!evaluation.eligible) return `目前不符合条件：${evaluation.reasons.join('；')}`;
  return undefined;
}
