import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as api from '@hongjia/shared/api/routes';
import { createAccessChecks } from '../commons/access';
import { accessTableName } from '../commons/dynamo';
import { createRateLimiter } from '../commons/rate-limit';
import { implement, implementPublic, type RouteImplementation } from '../commons/router';
import { userStoreFor } from '../commons/users';
import { createServicePointEntity } from '../service-points';
import { createCertificateService } from './certificate-service';
import { certificateConfig } from './config';
import { createPrintCodeEntity } from './print-code-entity';
import { createPrintService } from './print-service';
import { publicJwks } from './signing';
import { createCertificateItems } from './verification';
import { createVerifyService } from './verify-service';
import { toCertificateDetail } from './views';

/** E-certificates: the family's list and detail, public verification, print codes, staff revocation. */
export function createCertificateRoutes(deps: {
  client: DynamoDBDocumentClient;
  table: string;
}): RouteImplementation[] {
  const items = createCertificateItems(deps.client, deps.table);
  const { certificates } = items;
  const users = userStoreFor(deps.client, accessTableName());
  const service = createCertificateService({ items, access: createAccessChecks() });
  const limiter = createRateLimiter(deps);
  const verifier = createVerifyService({ items, limiter });
  const printing = createPrintService({
    certificates,
    codes: createPrintCodeEntity(deps.client, deps.table),
    points: createServicePointEntity(deps.client, deps.table),
    users,
    service,
    limiter,
    perDay: certificateConfig.printCodesPerDay,
  });
  return [
    implement(api.myCertificates, ({ caller, query }) => service.listMine(caller, query)),
    implement(api.myCertificate, async ({ caller, params }) =>
      toCertificateDetail(await service.ownedBy(caller, params.id)),
    ),
    implementPublic(api.verifyCertificate, ({ params, caller, sourceIp, now }) =>
      verifier.verify(params.code, { caller, sourceIp }, now),
    ),
    implementPublic(
      api.certificatePublicKey,
      () => publicJwks() as Promise<{ keys: Record<string, unknown>[] }>,
    ),
    implement(api.createPrintCode, ({ caller, params, now, operationId }) =>
      printing.create(caller, params.id, now, operationId),
    ),
    implement(api.redeemPrintCode, ({ caller, body, now }) => printing.redeem(caller, body, now)),
    implement(api.revokeCertificate, ({ caller, params, body, now }) =>
      service.revoke(caller, params.id, body.reason, now),
    ),
  ];
}
