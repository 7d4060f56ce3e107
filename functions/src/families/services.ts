import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAccessChecks } from '../commons/access';
import { accessTableName, auditTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { piiCipher } from '../commons/pii';
import { userStoreFor } from '../commons/users';
import type { Notifier } from '../notifications';
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
export function createFamiliesServices(deps: FamiliesDeps) {
  const { client, table } = deps;
  const entities = createFamilyEntities(client, table, auditTableName());
  const users = userStoreFor(client, accessTableName());
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
