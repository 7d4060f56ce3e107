import type { InstitutionEntity, SlotEntity } from '../entities';
import { createInstitutionService } from './institution-service';
import { createNearbyService } from './nearby-service';

/** What public childcare browsing takes from the composition root (functions/src/root.ts). */
export interface SearchDeps {
  entities: { institutions: InstitutionEntity; slots: SlotEntity };
}

/** Nearby search and an institution's page over the root's entities. */
export function createSearchServices(deps: SearchDeps) {
  const entities = { institutions: deps.entities.institutions, slots: deps.entities.slots };
  return { nearby: createNearbyService(entities), institutions: createInstitutionService(entities) };
}
