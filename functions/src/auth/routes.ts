import * as api from '@hongjia/shared/api/routes';
import { implement, implementPublic, type RouteImplementation } from '../commons/router';
import { type AuthDeps, createAuthServices } from './services';

/** Sign-in, who am I, logout, an admin's deactivation and reactivation of an account. */
export function createAuthRoutes(deps: AuthDeps): RouteImplementation[] {
  const auth = createAuthServices(deps);
  return [
    implementPublic(api.signIn, ({ body, now }) => auth.signIn(body.code, now)),
    implement(api.me, ({ caller }) => auth.me(caller)),
    implement(api.logout, ({ caller }) => auth.logout(caller)),
    implement(api.deactivateUser, ({ caller, params, body, now, requestId, sourceIp }) =>
      auth.deactivate(caller, params.id, body, { now, requestId, sourceIp }),
    ),
    implement(api.reactivateUser, ({ caller, params, body, now, requestId, sourceIp }) =>
      auth.reactivate(caller, params.id, body, { now, requestId, sourceIp }),
    ),
  ];
}
