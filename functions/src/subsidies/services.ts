import { type BenefitEntities, createPolicyStore } from '../benefits';
import type { BundleEntity } from '../birth-bundles';
import type { Foundation } from '../commons/foundation';
import type { GuardEntity } from '../commons/guards';
import { type ConflictEntity, conflictEvidenceOver, createConflictWiring } from '../conflicts';
import type { IdentityEntity } from '../families';
import type { Notifier } from '../notifications';
import type { RegistrationEntity } from '../registration';
import { createSubsidyApplication } from './application';
import { createSubsidyConflicts } from './conflicts';
import type { SubsidyEntity } from './entity';
import { createSubsidyFamilySide } from './family';
import { createSubsidyPayments } from './payments';
import { createSubsidyRecords } from './records';
import { createSubsidyReview } from './review';

/** What 育儿补贴 takes from the composition root (functions/src/root.ts). */
export interface SubsidiesDeps extends Pick<Foundation, 'guards' | 'access' | 'audit' | 'cipher'> {
  entities: {
    subsidies: SubsidyEntity;
    guards: GuardEntity;
    conflicts: ConflictEntity;
    identities: IdentityEntity;
    registrations: RegistrationEntity;
    bundles: BundleEntity;
    benefits: Pick<BenefitEntities, 'policyVersions'>;
  };
  notifier: Notifier;
}

/** The 育儿补贴 services over the root's pieces (also used by the worker and the tests). */
export function createSubsidyServices(deps: SubsidiesDeps) {
  const { entities, guards, access, audit, notifier, cipher } = deps;
  const records = createSubsidyRecords(entities.subsidies);
  const desk = createConflictWiring(deps, cipher);
  const conflicts = createSubsidyConflicts({
    records,
    guards,
    conflicts: desk.records,
    evidence: conflictEvidenceOver(deps, cipher),
    cipher,
  });
  return {
    records,
    application: createSubsidyApplication({
      records,
      guards,
      identities: entities.identities,
      policies: createPolicyStore(entities.benefits.policyVersions),
      cipher,
      conflicts,
    }),
    family: createSubsidyFamilySide(records),
    review: createSubsidyReview({ records, guards, access, notifier, conflicts: desk.records, audit }),
    payments: createSubsidyPayments({ records, access, notifier, conflicts: desk.records, audit }),
    conflicts: desk.desk(conflicts.parties),
  };
}
