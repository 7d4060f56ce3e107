import type { Foundation } from '../../commons/foundation';
import type { GuardEntity } from '../../commons/guards';
import { type ConflictEntity, createConflictWiring } from '../../conflicts';
import type { Notifier } from '../../notifications';
import type { InstitutionEntity, SlotEntity } from '../entities';
import type { ProgrammeEntities } from '../programmes/entities';
import { createChildcareStats } from '../stats/service';
import { createFilingConflicts } from './conflicts';
import { createFilingService } from './service';
import { createSlotPublishing } from './slots';

/** What 登记备案 takes from the composition root (functions/src/root.ts). */
export interface FilingDeps extends Pick<Foundation, 'guards' | 'users' | 'access' | 'audit'> {
  entities: {
    institutions: InstitutionEntity;
    slots: SlotEntity;
    guards: GuardEntity;
    conflicts: ConflictEntity;
    /** The known-operator list, for 登记备案率 in the figures (decision 0034). */
    programmes?: ProgrammeEntities;
  };
  notifier: Notifier;
}

/**
 * 登记备案 over the root's pieces, for the provider group (filing, slots) and the staff
 * group (review, credit-code conflicts, district figures), and the tests.
 */
export function createFilingServices(deps: FilingDeps) {
  const { institutions, slots } = deps.entities;
  const { guards, access, users } = deps;
  // The staff group opens no sealed part: its desk has no cipher (a filing holds no personal data).
  const desk = createConflictWiring(deps);
  const conflicts = createFilingConflicts({ institutions, guards, conflicts: desk.records, users });
  return {
    filings: createFilingService({
      institutions,
      guards,
      access,
      notifier: deps.notifier,
      recordConflict: conflicts.record,
      conflicts: desk.records,
      audit: deps.audit,
    }),
    conflicts: desk.desk(conflicts.parties),
    publishing: createSlotPublishing({ institutions, slots, access }),
    stats: createChildcareStats({
      institutions,
      access,
      ...(deps.entities.programmes ? { operators: deps.entities.programmes.operators } : {}),
    }),
  };
}
