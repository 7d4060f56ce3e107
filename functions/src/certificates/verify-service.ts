import type { SessionUser } from '@hongjia/shared';
import { limits } from '../commons/limits';
import { addressSubject, type RateLimiter } from '../commons/rate-limit';
import { type CertificateItems, resolvePending, type VerificationItem } from './verification';

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
 * says it was revoked: least disclosure for anyone holding a code. Reads the
 * code's verification item, not the certificate (./verification.ts).
 */
export function createVerifyService(deps: { items: CertificateItems; limiter: RateLimiter }) {
  const limit = (from: { caller?: SessionUser; sourceIp: string }, now: Date) =>
    from.caller
      ? deps.limiter.hit(limits.verifyPerAccount, from.caller.id, now)
      : deps.limiter.hit(limits.verifyPerAddress, addressSubject(from.sourceIp), now);
  return {
    async verify(
      code: string,
      from: { caller?: SessionUser; sourceIp: string },
      now: Date,
    ): Promise<VerifyAnswer> {
      // The limiter's write and the read go together (decision 0025): a refused
      // caller gets its 429 all the same, and the answer waits for one round trip.
      // The read is consistent so a revocation takes effect at once.
      const [, read] = await Promise.all([
        limit(from, now),
        deps.items.verifications.get({ verifyCode: code }).go({ consistent: true }),
      ]);
      const copy = read.data;
      if (!copy) return { valid: false };
      if (copy.state === 'revoked') return { valid: false, revoked: true };
      if (copy.state === 'valid') return answerOf(copy);
      // Pending: a write to the certificate is under way or was cut short; it decides.
      const resolved = await resolvePending(deps.items, copy);
      if (!resolved.found) return { valid: false };
      if (resolved.revoked || !resolved.copy) return { valid: false, revoked: true };
      return answerOf(resolved.copy);
    },
  };
}

const answerOf = (copy: Pick<VerificationItem, 'type' | 'issuedAt' | 'holderMasked'>): VerifyAnswer => ({
  valid: true,
  type: copy.type,
  issuedAt: copy.issuedAt,
  holderMasked: copy.holderMasked,
});
