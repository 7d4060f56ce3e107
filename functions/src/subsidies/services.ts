import { type BenefitEntities, createPolicyStore } from '../benefits';
import type { BundleEntity } from '../birth-bundles';
import type { AccessChecks } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import type { GuardEntity, Guards } from '../commons/guards';
import type { PiiCipher } from '../commons/pii';
import { type ConflictEntity, createConflictEvidence, createConflictWiring } from '../conflicts';
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
export interface SubsidiesDeps {
  entities: {
    subsidies: SubsidyEntity;
    guards: GuardEntity;
    conflicts: ConflictEntity;
    identities: IdentityEntity;
    registrations: RegistrationEntity;
    bundles: BundleEntity;
    benefits: Pick<BenefitEntities, 'policyVersions'>;
  };
  guards: Guards;
  access: AccessChecks;
  audit: AuditTrail;
  notifier: Notifier;
  cipher: () => Promise<PiiCipher>;
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
    evidence: createConflictEvidence({
      registrations: entities.registrations,
      bundles: entities.bundles,
      identities: entities.identities,
      cipher,
    }),
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
