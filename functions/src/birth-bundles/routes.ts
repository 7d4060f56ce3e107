import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import { type BirthBundleDeps, createBirthBundleServices } from './services';

/**
 * 出生一件事: submit (written with its outbox before answering), per-item status,
 * and the district's queue of bundles naming one certificate (decision 0013).
 * For the registration group.
 */
export function createBirthBundleRoutes(deps: BirthBundleDeps): RouteImplementation[] {
  const { bundles, conflicts } = createBirthBundleServices(deps);
  return [
    implement(api.submitBirthBundle, ({ caller, body, now, operationId }) =>
      bundles.submit(caller, body, now, operationId),
    ),
    implement(api.getBirthBundle, ({ caller, params }) => bundles.get(caller, params.id)),
    implement(api.staffBundleConflicts, ({ caller, query }) => conflicts.list(caller, query)),
    implement(api.resolveBundleConflict, ({ caller, params, body, now, requestId, sourceIp }) =>
      conflicts.resolve(caller, params.id, body, { now, requestId, sourceIp }),
    ),
  ];
}
