import type { Foundation } from '../commons/foundation';
import { type ConsentEntity, consentGivenAt } from '../consents';
import { createMembershipLookup, createRecordAuditor, type FamilyEntities, openRecord } from '../families';
import type { Notifier } from '../notifications';
import type { AssistanceEntities } from './entities';
import { createFilerResolver } from './filing';
import { createAssistanceRecords } from './records';
import { createAssistanceService } from './service';
import type { VolunteerEntities } from './volunteers/entities';
import { createVolunteerReadCheck } from './volunteers/read-check';

/** What help requests take from the composition root (functions/src/root.ts). */
export interface AssistanceDeps extends Pick<Foundation, 'access' | 'users' | 'audit' | 'cipher'> {
  entities: {
    assistance: AssistanceEntities;
    families: FamilyEntities;
    volunteers?: VolunteerEntities;
    /** With `volunteers`: the family's sharing consent an organisation's read rests on (decision 0040). */
    consents?: ConsentEntity;
  };
  notifier: Notifier;
}

/** The service over the root's pieces (also for tests that need a later `now`). */
export function createAssistanceServices(deps: AssistanceDeps) {
  const { access, users, cipher } = deps;
  const entities = deps.entities.families;
  const { requests, requestEvents } = deps.entities.assistance;
  const membership = createMembershipLookup(entities, cipher);
  const getFamily = async (familyId: string) => {
    const found = (await entities.families.get({ familyId }).go({ consistent: true })).data;
    return found ? openRecord(await cipher(), found) : undefined;
  };
  const auditor = createRecordAuditor(entities, users);
  const { volunteers, consents } = deps.entities;
  return createAssistanceService({
    records: createAssistanceRecords(requests, requestEvents),
    filers: createFilerResolver({ membership, getFamily, access, cipher }),
    membership,
    getFamily,
    access,
    users,
    notifier: deps.notifier,
    cipher,
    audit: deps.audit,
    ...(volunteers && consents
      ? {
          volunteerMayRead: createVolunteerReadCheck({
            entities: volunteers,
            sharingConsentAt: (userId) => consentGivenAt(consents, userId, 'social_org_sharing'),
          }),
        }
      : {}),
    auditProxyRequest: (family, caller, now, event) =>
      auditor.record([family.familyId], 'proxy_request', caller, now, event),
  });
}
