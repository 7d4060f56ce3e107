import type { Foundation } from '../../commons/foundation';
import type { Notifier } from '../../notifications';
import type { UploadEntity } from '../../uploads';
import type { InstitutionEntity } from '../entities';
import { createAffordableService } from './affordable';
import type { ProgrammeEntities } from './entities';
import { createFeeChanges } from './fees';
import { createInspections } from './inspections';
import { createModelDesignations } from './model';
import { createKnownOperators } from './operators';

/** What childcare supervision takes from the composition root (functions/src/root.ts). */
export interface ProgrammeDeps extends Pick<Foundation, 'access' | 'audit'> {
  entities: {
    institutions: InstitutionEntity;
    programmes: ProgrammeEntities;
    uploads: UploadEntity;
  };
  /** The provider hears of a 普惠 decision and of inspection findings (decision 0040). */
  notifier: Notifier;
}

/** 普惠 applications, fee changes, 示范机构, inspections and the known-operator list (decision 0034). */
export function createProgrammeServices(deps: ProgrammeDeps) {
  const { institutions, programmes } = deps.entities;
  const { access, audit } = deps;
  return {
    ...createProviderProgrammeServices(deps),
    model: createModelDesignations({ institutions, access, audit }),
    operators: createKnownOperators({ operators: programmes.operators, institutions, access }),
  };
}

/**
 * The services a provider's routes call. Apart from the staff's set so the provider group does
 * not bundle the known-operator import (its CSV parser) or the designations (decision 0026).
 */
export function createProviderProgrammeServices(deps: ProgrammeDeps) {
  const { institutions, programmes, uploads } = deps.entities;
  const { access, audit, notifier } = deps;
  return {
    affordable: createAffordableService({
      institutions,
      applications: programmes.applications,
      uploads,
      access,
      audit,
      notifier,
    }),
    fees: createFeeChanges({ institutions, access }),
    inspections: createInspections({
      institutions,
      inspections: programmes.inspections,
      uploads,
      access,
      audit,
      notifier,
    }),
  };
}
