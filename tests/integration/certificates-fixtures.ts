import { randomBytes } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type CertificateItem, createCertificateEntity } from '@hongjia/functions/certificates/entity';
import type { DistrictCode } from '@hongjia/shared';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';

/**
 * Certificates written straight through the entity, as the registration
 * service's issuance writes them, so these tests need no approved
 * registration first.
 */
export function certificateWriter(runtime: LocalRuntime) {
  const client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  const entity = createCertificateEntity(client, process.env.TABLE_NAME as string);
  let n = 0;
  return {
    client,
    entity,
    async issue(userId: string, jurisdiction: DistrictCode = '360102'): Promise<CertificateItem> {
      n += 1;
      const id = randomBytes(6).toString('hex');
      const { data } = await entity
        .create({
          certificateId: `crt_${id}`,
          registrationId: `reg_${id}`,
          userId,
          type: 'birth_registration_receipt',
          title: '生育登记服务证',
          receiptNo: `SYDJ2026${String(n).padStart(6, '0')}`,
          verifyCode: randomBytes(9)
            .toString('base64url')
            .replace(/[^A-Za-z0-9]/g, 'X')
            .slice(0, 12)
            .toUpperCase(),
          holderMasked: '王*、李**',
          parity: 1,
          jurisdiction,
          issuedAt: new Date(Date.now() - 1000 + n).toISOString(),
        })
        .go();
      return data;
    },
    /** Revoked as staff revocation writes it. */
    async revoke(item: CertificateItem): Promise<void> {
      await entity
        .patch({ certificateId: item.certificateId })
        .set({
          revoked: true,
          revokedAt: new Date().toISOString(),
          revokedReason: '测试作废',
          revokedBy: 'test',
        })
        .go();
    },
  };
}
