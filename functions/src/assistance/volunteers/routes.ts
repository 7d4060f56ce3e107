import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../../commons/router';
import { type ConsentEntity, consentGivenAt } from '../../consents';
import { openRecord } from '../../families';
import { createAssistanceRecords } from '../records';
import type { AssistanceDeps } from '../services';
import type { VolunteerEntities } from './entities';
import { createVolunteerService } from './service';

/** What 社会组织 takes from the composition root: the help requests' pieces and its own. */
export interface VolunteerDeps extends AssistanceDeps {
  entities: AssistanceDeps['entities'] & { volunteers: VolunteerEntities; consents: ConsentEntity };
}

/** The service over the root's pieces (also for tests that need a later `now`). */
export function createVolunteerServices(deps: VolunteerDeps) {
  const { families, assistance, volunteers, consents } = deps.entities;
  return createVolunteerService({
    entities: volunteers,
    records: createAssistanceRecords(assistance.requests, assistance.requestEvents),
    access: deps.access,
    users: deps.users,
    audit: deps.audit,
    cipher: deps.cipher,
    getFamily: async (familyId) => {
      const found = (await families.families.get({ familyId }).go({ consistent: true })).data;
      return found ? openRecord(await deps.cipher(), found) : undefined;
    },
    boundUserIds: async (family) => {
      const found = await Promise.all(
        family.members.map(
          async (m) => (await families.identities.query.byIdHash({ idHash: m.idHash }).go()).data,
        ),
      );
      return found.flat().map((identity) => ({ userId: identity.userId, idHash: identity.idHash }));
    },
    sharingConsentAt: (userId) => consentGivenAt(consents, userId, 'social_org_sharing'),
    notifier: deps.notifier,
  });
}

/** 社会组织: registration and the list (city/district staff), assignment, the organisation's side. */
export function createVolunteerRoutes(deps: VolunteerDeps): RouteImplementation[] {
  const volunteers = createVolunteerServices(deps);
  return [
    implement(api.registerVolunteerOrganisation, ({ caller, body, now, operationId }) =>
      volunteers.register(caller, body, now, operationId),
    ),
    implement(api.staffVolunteerOrganisations, ({ caller, query }) => volunteers.list(caller, query)),
    implement(api.deactivateVolunteerOrganisation, ({ caller, params, now, requestId, sourceIp }) =>
      volunteers.deactivate(caller, params.id, now, { requestId, sourceIp }),
    ),
    implement(api.assignAssistanceRequest, ({ caller, params, body, now, requestId, sourceIp }) =>
      volunteers.assign(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.volunteerAssignments, ({ caller, query, now }) =>
      volunteers.assignments(caller, query, now),
    ),
    implement(api.recordVolunteerEvent, ({ caller, params, body, now, requestId, sourceIp }) =>
      volunteers.recordEvent(caller, params.id, body, now, { requestId, sourceIp }),
    ),
  ];
}
