import type { PolicyDefinition } from '@hongjia/shared';

/**
 * Which policies a special family is ever shown or screened for. 育儿补贴 is
 * a childcare benefit applied for per child (POST /v1/childcare-subsidies), not
 * a special-family benefit, and these families' pages never show birth or
 * childcare promotion (SPEC C3): it is left out of their page and of screening.
 */
const childcarePolicyIds: ReadonlySet<string> = new Set(['childcare-subsidy']);

export function isChildcarePolicy(policyId: string): boolean {
  return childcarePolicyIds.has(policyId);
}

export function specialFamilyPolicies(policies: readonly PolicyDefinition[]): PolicyDefinition[] {
  return policies.filter((p) => !isChildcarePolicy(p.id));
}
