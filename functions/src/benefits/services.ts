import type { Foundation } from '../commons/foundation';
import { createMembershipLookup, createRecordAuditor, type FamilyEntities } from '../families';
import type { Notifier } from '../notifications';
import type { BenefitEntities } from './entities';
import { createPolicyStore } from './policy-store';
import { createBenefitRecords } from './records';
import { createBenefitsService } from './service';

/** What 我的待遇 and 免申即享 take from the composition root (functions/src/root.ts). */
export interface BenefitsDeps extends Pick<Foundation, 'access' | 'users' | 'cipher'> {
  entities: { benefits: BenefitEntities; families: FamilyEntities };
  notifier: Notifier;
}

/** The service over the root's pieces (also used by tests that need another `now`). */
export function createBenefitsServices(deps: BenefitsDeps) {
  const entities = { ...deps.entities.families, ...deps.entities.benefits };
  return createBenefitsService({
    records: createBenefitRecords(entities, deps.cipher),
    policies: createPolicyStore(entities.policyVersions),
    membership: createMembershipLookup(entities, deps.cipher),
    access: deps.access,
    users: deps.users,
    auditor: createRecordAuditor(entities, deps.users),
    notifier: deps.notifier,
  });
}
