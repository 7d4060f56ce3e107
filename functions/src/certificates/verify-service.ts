import type { CertificateEntity } from './entity';
import type { RateLimiter } from './rate-limit';

export interface VerifyAnswer {
  valid: boolean;
  type?: 'birth_registration_receipt' | 'reapproval_decision';
  issuedAt?: string;
  holderMasked?: string;
  revoked?: boolean;
}

/**
 * Public verification by the printed code. Rate limited per client address
 * (codes are random, but nobody should be able to sweep them). An unknown
 * code answers `{valid: false}` with 200 and nothing else; a revoked one only
 * says it was revoked: least disclosure for anyone holding a code.
 */
export function createVerifyService(deps: {
  certificates: CertificateEntity;
  limiter: RateLimiter;
  perMinute: number;
}) {
  return {
    async verify(code: string, clientIp: string, now: Date): Promise<VerifyAnswer> {
      await deps.limiter.hit('verify', clientIp, deps.perMinute, now);
      const { data } = await deps.certificates.query.byVerifyCode({ verifyCode: code }).go({ limit: 1 });
      const found = data[0];
      if (!found) return { valid: false };
      // The code index is eventually consistent on DynamoDB; the item itself is read
      // consistently so a revocation takes effect at once.
      const item = (
        await deps.certificates.get({ certificateId: found.certificateId }).go({ consistent: true })
      ).data;
      if (!item) return { valid: false };
      if (item.revoked) return { valid: false, revoked: true };
      return { valid: true, type: item.type, issuedAt: item.issuedAt, holderMasked: item.holderMasked };
    },
  };
}
