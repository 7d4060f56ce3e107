import * as api from '@hongjia/shared/api/routes';
import { implement, implementPublic, type RouteImplementation } from '../commons/router';
import { type CertificatesDeps, createCertificateServices } from './services';
import { publicJwks } from './signing';
import { toCertificateDetail } from './views';

/** E-certificates: the family's list and detail, public verification, print codes, staff revocation. */
export function createCertificateRoutes(deps: CertificatesDeps): RouteImplementation[] {
  const { service, verifier, printing } = createCertificateServices(deps);
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
