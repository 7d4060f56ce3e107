import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import { type AssistanceDeps, createAssistanceServices } from './services';

/** Help requests: file (self or proxy), the family's list, the staff queue, events. */
export function createAssistanceRoutes(deps: AssistanceDeps): RouteImplementation[] {
  const assistance = createAssistanceServices(deps);
  return [
    implement(api.createAssistanceRequest, ({ caller, body, now, operationId }) =>
      assistance.create(caller, body, now, operationId),
    ),
    implement(api.myAssistanceRequests, ({ caller, query, now }) => assistance.listMine(caller, query, now)),
    implement(api.staffAssistanceRequests, ({ caller, query, now }) =>
      assistance.listForStaff(caller, query, now),
    ),
    implement(api.recordAssistanceEvent, ({ caller, params, body, now, requestId, sourceIp }) =>
      assistance.recordEvent(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.assistanceRequestEvents, ({ caller, params, query }) =>
      assistance.events(caller, params.id, query),
    ),
  ];
}
