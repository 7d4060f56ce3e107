import type { Foundation } from '../commons/foundation';
import type { GuardEntity } from '../commons/guards';
import { type ConflictEntity, conflictEvidenceOver, createConflictWiring } from '../conflicts';
import type { IdentityEntity } from '../families';
import type { Notifier } from '../notifications';
import type { RegistrationEntity } from '../registration';
import { createBundleConflicts } from './conflicts';
import type { BundleEntity, OutboxEntity } from './entities';
import { createBundleRecords } from './records';
import { createBundleService } from './service';

/** What 出生一件事 takes from the composition root (functions/src/root.ts). */
export interface BirthBundleDeps extends Pick<Foundation, 'guards' | 'access' | 'audit' | 'cipher'> {
  entities: {
    bundles: BundleEntity;
    bundleOutbox: OutboxEntity;
    guards: GuardEntity;
    conflicts: ConflictEntity;
    registrations: RegistrationEntity;
    identities: IdentityEntity;
  };
  notifier: Notifier;
}

/** The 出生一件事 services over the root's pieces (also used by the tests). */
export function createBirthBundleServices(deps: BirthBundleDeps) {
  const { guards, cipher } = deps;
  const { registrations } = deps.entities;
  const records = createBundleRecords({ bundles: deps.entities.bundles, outbox: deps.entities.bundleOutbox });
  const desk = createConflictWiring(deps, cipher);
  const conflicts = createBundleConflicts({
    records,
    guards,
    conflicts: desk.records,
    evidence: conflictEvidenceOver(deps, cipher),
    registrations,
    cipher,
  });
  return {
    records,
    bundles: createBundleService({ records, guards, recordConflict: conflicts.record }),
    conflicts: desk.desk(conflicts.parties),
  };
}
