import type { SessionUser } from '@hongjia/shared';
import type { AssistanceRequestItem } from '../entities';
import type { VolunteerEntities } from './entities';

/**
 * Whether the consent an assignment rests on still stands (decision 0040): the consenting
 * member's consent, counted from the same time the assignment recorded. Withdrawn — or
 * withdrawn and given again, which counts from then — the assignment has ended for the
 * organisation. Read on every organisation read, so a withdrawal takes effect with its one
 * conditional write (no transactions: no sweep that a crash could leave half done).
 * Assignments made before the consenting user was kept rest on the consent time alone.
 */
export async function consentStands(
  item: Pick<AssistanceRequestItem, 'assignmentConsentUserId' | 'assignmentConsentAt'>,
  sharingConsentAt: (userId: string) => Promise<string | undefined>,
): Promise<boolean> {
  if (!item.assignmentConsentUserId) return true;
  return (await sharingConsentAt(item.assignmentConsentUserId)) === item.assignmentConsentAt;
}

/**
 * May this volunteer read the request: assigned to its organisation now, the organisation not
 * deactivated, the family's consent standing. The one check for the organisation's routes and
 * for the request's events (decisions 0035, 0040).
 */
export function createVolunteerReadCheck(deps: {
  entities: Pick<VolunteerEntities, 'accounts' | 'organisations'>;
  sharingConsentAt: (userId: string) => Promise<string | undefined>;
}) {
  return async (caller: SessionUser, item: AssistanceRequestItem): Promise<boolean> => {
    if (!caller.roles.includes('volunteer') || !item.assignedOrgId) return false;
    const account = (await deps.entities.accounts.get({ userId: caller.id }).go()).data;
    if (account?.orgId !== item.assignedOrgId) return false;
    const org = (await deps.entities.organisations.get({ orgId: account.orgId }).go()).data;
    return !!org && !org.deactivatedAt && (await consentStands(item, deps.sharingConsentAt));
  };
}
