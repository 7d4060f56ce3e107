import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import type { monitoringServices } from './wiring';

/** The staff monitoring routes: HTTP to the services, nothing else. */
export function createMonitoringRoutes(
  services: ReturnType<typeof monitoringServices>,
): RouteImplementation[] {
  const { imports, indicators, reconciliation } = services;
  return [
    implement(api.createMonitoringImport, ({ caller, body, now, operationId }) =>
      imports.create(caller, body, now, operationId),
    ),
    implement(api.monitoringImport, ({ caller, params }) => imports.get(caller, params.id)),
    implement(api.monitoringImports, ({ caller, query }) => imports.list(caller, query)),
    implement(api.monitoringImportErrors, ({ caller, params }) => imports.errorsCsv(caller, params.id)),
    implement(api.monitoringIndicators, ({ caller, query, now }) => indicators.read(caller, query, now)),
    implement(api.monitoringReconciliation, ({ caller, query, now }) =>
      reconciliation.list(caller, query, now),
    ),
    implement(api.resolveReconciliationItem, ({ caller, params, body, now, requestId, sourceIp }) =>
      reconciliation.resolve(caller, params.id, body, now, { requestId, sourceIp }),
    ),
  ];
}
