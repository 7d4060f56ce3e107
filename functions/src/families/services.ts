import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Foundation } from '../commons/foundation';
import { createRecordAuditor } from './audit';
import { createCoverageService } from './coverage-service';
import type { FamilyEntities } from './entities';
import { type FaceVerifier, faceVerifierFromEnv } from './face';
import { createFamilyService } from './family-service';
import { createIdentityService } from './identity-service';
import { createMyFamilyService } from './my-family-service';

/** What real-name binding and special families take from the composition root (functions/src/root.ts). */
export interface FamiliesDeps extends Pick<Foundation, 'guards' | 'access' | 'users' | 'cipher'> {
  client: DynamoDBDocumentClient;
  entities: { families: FamilyEntities };
}

/** The services over the root's pieces (also for tests that need a later `now`). */
export function createFamiliesServices(
  deps: FamiliesDeps,
  /** Defaults to the adapter WECHAT_AUTH_MODE names. */
  face: FaceVerifier = faceVerifierFromEnv(deps.client),
) {
  const entities = deps.entities.families;
  const { access, users, cipher } = deps;
  const auditor = createRecordAuditor(entities, users);
  return {
    identity: createIdentityService({ entities, guards: deps.guards, cipher, face, access }),
    families: createFamilyService({ entities, cipher, access, auditor, users }),
    coverage: createCoverageService({ entities, cipher, access, auditor }),
    myFamily: createMyFamilyService({ entities, cipher }),
  };
}
