import type { Foundation } from '../commons/foundation';
import type { ServicePointEntity } from '../service-points';
import { createCertificateService } from './certificate-service';
import { certificateConfig } from './config';
import type { CertificateEntity } from './entity';
import type { PrintCodeEntity } from './print-code-entity';
import { createPrintService } from './print-service';
import type { VerificationEntity } from './verification';
import { createVerifyService } from './verify-service';

/** What e-certificates take from the composition root (functions/src/root.ts). */
export interface CertificatesDeps extends Pick<Foundation, 'access' | 'users' | 'limiter'> {
  entities: {
    certificates: CertificateEntity;
    verifications: VerificationEntity;
    printCodes: PrintCodeEntity;
    servicePoints: ServicePointEntity;
  };
}

/** The family's certificates, public verification and print codes over the root's pieces. */
export function createCertificateServices(deps: CertificatesDeps) {
  const { certificates, verifications } = deps.entities;
  // Issued, revoked and verified as a pair: the certificate and its verification item (decision 0025).
  const items = { certificates, verifications };
  const service = createCertificateService({ items, access: deps.access });
  return {
    service,
    verifier: createVerifyService({ items, limiter: deps.limiter }),
    printing: createPrintService({
      certificates,
      codes: deps.entities.printCodes,
      points: deps.entities.servicePoints,
      users: deps.users,
      service,
      limiter: deps.limiter,
      perDay: certificateConfig.printCodesPerDay,
    }),
  };
}
