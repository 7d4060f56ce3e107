import type { SessionUser } from '@hongjia/shared';
import { limits } from '../commons/limits';
import { addressSubject, type RateLimiter } from '../commons/rate-limit';
import type { CertificateEntity } from './entity';

export interface VerifyAnswer {
  valid: boolean;
  type?: 'birth_registration_receipt' | 'reapproval_decision';
  issuedAt?: string;
  holderMasked?: string;
  revoked?: boolean;
}

/**
 * Public verification by the printed code, rate limited (codes are random,
 * but nobody should be able to sweep them): a signed-in caller by its account
 * wherever it is, so a family behind a campus or carrier NAT is not limited
 * together with everyone there; an anonymous caller by the address API
 * Gateway reports (IPv6 by /64), with a larger, sharded allowance because an
 * address may be many people (commons/limits.ts). An unknown
 * code answers `{valid: false}` with 200 and nothing else; a revoked one only
 * says it was revoked: least disclosure for anyone holding a code.
 */
export function createVerifyService(deps: { certificates: CertificateEntity; limiter: RateLimiter }) {
  return {
    async verify(
      code: string,
      from: { caller?: SessionUser; sourceIp: string },
      now: Date,
    ): Promise<VerifyAnswer> {
      if (from.caller) await deps.limiter.hit(limits.verifyPerAccount, from.caller.id, now);
      else await deps.limiter.hit(limits.verifyPerAddress, addressSubject(from.sourceIp), now);
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
