import type { AccessChecks } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import type { PiiCipher } from '../commons/pii';
import type { Notifier } from '../notifications';
import { type ConflictParties, createConflictDesk } from './desk';
import type { ConflictEntity } from './entity';
import { createConflictEvidence } from './evidence';
import { createConflictRecords } from './records';

/**
 * Conflicts over the composition root's pieces, for the three owners of conflicting
 * records (filings, 育儿补贴, 出生一件事): the records they write conflicts into, and
 * their desk once they name their parties. `cipher` only where the group opens the
 * sides' sealed part (the staff group's credit-code desk has none).
 */
export function createConflictWiring(
  deps: {
    entities: { conflicts: ConflictEntity };
    access: AccessChecks;
    audit: AuditTrail;
    notifier: Notifier;
  },
  cipher?: () => Promise<PiiCipher>,
) {
  const records = createConflictRecords(deps.entities.conflicts);
  const { access, audit, notifier } = deps;
  return {
    records,
    desk: (parties: ConflictParties) =>
      createConflictDesk({ records, parties, access, audit, notifier, ...(cipher ? { cipher } : {}) }),
  };
}

type EvidenceDeps = Parameters<typeof createConflictEvidence>[0];

/** What a reviewer compares (the registrations, bundles and bindings a side names), over the root's entities. */
export function conflictEvidenceOver(
  deps: { entities: Pick<EvidenceDeps, 'registrations' | 'bundles' | 'identities'> },
  cipher: EvidenceDeps['cipher'],
) {
  const { registrations, bundles, identities } = deps.entities;
  return createConflictEvidence({ registrations, bundles, identities, cipher });
}
