import type { CertificateDetail } from '@hongjia/shared';
import type { CertificateItem } from './entity';
import { signQrPayload } from './signing';

export const toCertificateSummary = (item: CertificateItem) => ({
  id: item.certificateId,
  type: item.type,
  title: item.title,
  issuedAt: item.issuedAt,
  verifyCode: item.verifyCode,
});

/** The detail with a freshly signed QR payload (signing is cheap; nothing to store or rotate). */
export async function toCertificateDetail(item: CertificateItem): Promise<CertificateDetail> {
  return {
    ...toCertificateSummary(item),
    registrationId: item.registrationId,
    receiptNo: item.receiptNo,
    holderMasked: item.holderMasked,
    parity: item.parity,
    jurisdiction: item.jurisdiction,
    revoked: item.revoked,
    printCount: item.printCount,
    qrPayload: await signQrPayload({
      cid: item.certificateId,
      code: item.verifyCode,
      type: item.type,
      iat: Math.floor(Date.parse(item.issuedAt) / 1000),
    }),
  };
}
