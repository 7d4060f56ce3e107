import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { createUserEntity, createUserStore } from '../auth/users';
import { accessTableName, auditTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { piiCipher } from '../commons/pii';
import { implement, type RouteImplementation } from '../commons/router';
import type { Notifier } from '../notifications/notifier';
import { createAccessChecks } from '../staff/jurisdiction';
import { createRecordAuditor } from './audit';
import { createCoverageService } from './coverage-service';
import { createFamilyEntities } from './entities';
import { type FaceVerifier, faceVerifierFromEnv } from './face';
import { createFamilyService } from './family-service';
import { createIdentityService } from './identity-service';
import { createMyFamilyService } from './my-family-service';

export interface FamiliesDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
  /** Defaults to the adapter WECHAT_AUTH_MODE names. */
  face?: FaceVerifier;
}

/** The services wired to the table (also for tests that need a later `now`). */
export function createFamiliesServicesFor(deps: FamiliesDeps) {
  const { client, table } = deps;
  const entities = createFamilyEntities(client, table, auditTableName());
  const users = createUserStore(createUserEntity(client, accessTableName()));
  const access = createAccessChecks();
  const auditor = createRecordAuditor(entities, users);
  return {
    identity: createIdentityService({
      entities,
      guards: createGuards(createGuardEntity(client, table)),
      cipher: piiCipher,
      face: deps.face ?? faceVerifierFromEnv(client),
      access,
    }),
    families: createFamilyService({ entities, cipher: piiCipher, access, auditor, users }),
    coverage: createCoverageService({ entities, cipher: piiCipher, access, auditor }),
    myFamily: createMyFamilyService({ entities, cipher: piiCipher }),
  };
}

/** Real-name binding and 计划生育特殊家庭 records. */
export function createFamiliesRoutes(deps: FamiliesDeps): RouteImplementation[] {
  const { identity, families, coverage, myFamily } = createFamiliesServicesFor(deps);
  return [
    implement(api.bindIdentity, ({ caller, body, now, operationId }) =>
      identity.bind(caller, body, now, operationId),
    ),
    implement(api.myIdentity, ({ caller }) => identity.mine(caller)),
    implement(api.staffIdentityConflicts, ({ caller, query }) => identity.conflicts(caller, query)),
    implement(api.createSpecialFamily, ({ caller, body, now, operationId }) =>
      families.create(caller, body, now, operationId),
    ),
    implement(api.staffSpecialFamilies, ({ caller, query, now }) => families.list(caller, query, now)),
    implement(api.staffSpecialFamily, ({ caller, params, now }) => families.detail(caller, params.id, now)),
    implement(api.updateSpecialFamily, ({ caller, params, body, now }) =>
      families.update(caller, params.id, body, now),
    ),
    implement(api.specialFamilyCoverage, ({ caller, query, now }) => coverage.coverage(caller, query, now)),
    implement(api.mySpecialFamily, ({ caller }) => myFamily.mine(caller)),
    implement(api.myRecordViews, ({ caller, query }) => myFamily.views(caller, query)),
    implement(api.setProxyConsent, ({ caller, body, now }) =>
      myFamily.setProxyConsent(caller, body.granted, now),
    ),
  ];
}
