import { PolicyDefinition, seedPolicies } from '@hongjia/shared';
import { isConditionFailure } from '../commons/guards';
import { logger } from '../commons/logger';
import type { PolicyVersionEntity } from './entities';

/**
 * Policies as data: the versions shipped in `shared/src/benefits/policies.ts`
 * (the baseline, reviewed in code review like any data file) plus the versions
 * admins added since (a corrected amount from a later date), stored in one
 * small partition. A stored version with the same id and effective date as a
 * shipped one replaces it. Read once per request: a correction applies at once.
 */
export function createPolicyStore(entity: PolicyVersionEntity) {
  async function stored(): Promise<PolicyDefinition[]> {
    const items = (await entity.query.all({}).go({ pages: 'all' })).data;
    return items.flatMap((item) => {
      const parsed = PolicyDefinition.safeParse(JSON.parse(item.definition));
      if (parsed.success) return [parsed.data];
      // A version that no longer parses is skipped rather than failing every family's page.
      logger.error('Stored policy version does not parse', {
        policyId: item.policyId,
        effectiveFrom: item.effectiveFrom,
      });
      return [];
    });
  }

  return {
    /** Every version of every policy, shipped and added, oldest first per policy. */
    async all(): Promise<PolicyDefinition[]> {
      const added = await stored();
      const key = (p: PolicyDefinition) => `${p.id}@${p.effectiveFrom}`;
      const replaced = new Set(added.map(key));
      return [...seedPolicies.filter((p) => !replaced.has(key(p))), ...added].sort(
        (a, b) => a.id.localeCompare(b.id) || a.effectiveFrom.localeCompare(b.effectiveFrom),
      );
    },

    /** The version of `policyId` in force on `onDate` (YYYY-MM-DD), if any. */
    async inForce(policyId: string, onDate: string): Promise<PolicyDefinition | undefined> {
      const versions = (await this.all()).filter((p) => p.id === policyId && p.effectiveFrom <= onDate);
      const current = versions[versions.length - 1];
      if (!current || (current.effectiveTo !== null && current.effectiveTo < onDate)) return undefined;
      return current;
    },

    /** The first version's `effectiveFrom`: when the programme began (a 育儿补贴 child is owed months since then). */
    async programmeStart(policyId: string): Promise<string | undefined> {
      return (await this.all()).find((p) => p.id === policyId)?.effectiveFrom;
    },

    /**
     * Adds a version; a version already there for that id and date → false (the caller
     * answers 409), unless the same operation stored it (a retry: true).
     */
    async add(policy: PolicyDefinition, addedBy: string, now: Date, operationId?: string): Promise<boolean> {
      try {
        await entity
          .create({
            policyId: policy.id,
            effectiveFrom: policy.effectiveFrom,
            definition: JSON.stringify(policy),
            addedBy,
            addedAt: now.toISOString(),
            ...(operationId ? { operationId } : {}),
          })
          .go();
        return true;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      if (!operationId) return false;
      const key = { policyId: policy.id, effectiveFrom: policy.effectiveFrom };
      return (await entity.get(key).go({ consistent: true })).data?.operationId === operationId;
    },

    /** The version a request (by its operation id) added, if it did: one read of the small partition. */
    async addedBy(operationId: string): Promise<PolicyDefinition | undefined> {
      const items = (await entity.query.all({}).go({ pages: 'all', consistent: true })).data;
      const item = items.find((i) => i.operationId === operationId);
      if (!item) return undefined;
      const parsed = PolicyDefinition.safeParse(JSON.parse(item.definition));
      return parsed.success ? parsed.data : undefined;
    },
  };
}
export type PolicyStore = ReturnType<typeof createPolicyStore>;
