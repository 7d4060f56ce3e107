import type { SessionUser } from '@hongjia/shared';
import { covers, jurisdictionOf } from '../../staff/jurisdiction';
import type { InstitutionItem } from '../entities';

/**
 * Anyone sees a published institution. A filing still under review, or
 * rejected, is seen only by its provider and by staff of its district (or
 * the city); everyone else gets the 404 an unknown id gets, so its existence
 * does not leak. `caller` is the stored user the router read (decision 0017),
 * so a provider or staff role, or a district, taken away applies at once.
 */
export function canSeeInstitution(
  caller: SessionUser | undefined,
  institution: Pick<InstitutionItem, 'status' | 'providerId' | 'district'>,
): boolean {
  if (institution.status === 'published') return true;
  if (!caller) return false;
  if (caller.roles.includes('provider') && institution.providerId === caller.id) return true;
  const jurisdiction = jurisdictionOf(caller);
  return jurisdiction !== undefined && covers(jurisdiction, institution.district);
}
