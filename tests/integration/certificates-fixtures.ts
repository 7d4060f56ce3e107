import { randomBytes } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CertificateItem } from '@hongjia/functions/certificates/entity';
import {
  createCertificateItems,
  issueCertificateWithCode,
  revokeCertificateItem,
} from '@hongjia/functions/certificates/verification';
import type { DistrictCode } from '@hongjia/shared';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';

/** A random code of the printed shape (tests only: issuance draws its own). */
export const testVerifyCode = () =>
  randomBytes(9)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'X')
    .slice(0, 12)
    .toUpperCase();

/**
 * Certificates written as the registration service's issuance writes them
 * (the certificate and its verification item), so these tests need no
 * approved registration first.
 */
export function certificateWriter(runtime: LocalRuntime) {
  const client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  const items = createCertificateItems(client, process.env.TABLE_NAME as string);
  let n = 0;
  return {
    client,
    entity: items.certificates,
    items,
    async issue(userId: string, jurisdiction: DistrictCode = '360102'): Promise<CertificateItem> {
      n += 1;
      const id = randomBytes(6).toString('hex');
      return issueCertificateWithCode(
        items,
        {
          certificateId: `crt_${id}`,
          registrationId: `reg_${id}`,
          userId,
          type: 'birth_registration_receipt',
          title: '生育登记服务证',
          receiptNo: `SYDJ2026${String(n).padStart(6, '0')}`,
          holderMasked: '王*、李**',
          parity: 1,
          jurisdiction,
          issuedAt: new Date(Date.now() - 1000 + n).toISOString(),
        },
        testVerifyCode,
      );
    },
    /** Revoked as staff revocation writes it. */
    async revoke(item: CertificateItem): Promise<void> {
      await revokeCertificateItem(items, item, { reason: '测试作废', by: 'test', at: new Date() });
    },
  };
}
