import type { CriticalIllnessCoverView, SpecialFamilyUpdate } from '@hongjia/shared';
import type { PiiCipher } from '../commons/pii';
import type { SpecialFamilyItem } from './entities';
import { sealedFields } from './fields';

/**
 * A special family's 重大疾病综合商业保险 (decision 0033). The policy number
 * is the family's personal data (with it an insurer discloses the cover): it is
 * sealed at rest and only its masked copy is ever shown, to staff and to the
 * family alike. Insurer and period are not personal and stay in clear, so the
 * coverage list needs no opening.
 */
export type StoredCover = NonNullable<SpecialFamilyItem['criticalIllnessCover']>;
type CoverInput = NonNullable<SpecialFamilyUpdate['criticalIllnessCover']>;

/** "PA************1234": the first two and the last four characters. */
export function maskPolicyNumber(policyNumber: string): string {
  const keep = policyNumber.length > 8 ? 4 : 2;
  return `${policyNumber.slice(0, 2)}${'*'.repeat(Math.max(policyNumber.length - 2 - keep, 2))}${policyNumber.slice(-keep)}`;
}

export async function sealCover(cipher: PiiCipher, cover: CoverInput): Promise<StoredCover> {
  const policyNumber = cover.policyNumber.trim().toUpperCase();
  return {
    insurer: cover.insurer.trim(),
    policyNumberSealed: await cipher.seal(policyNumber, sealedFields.criticalIllnessPolicyNumber),
    policyNumberMasked: maskPolicyNumber(policyNumber),
    from: cover.from,
    to: cover.to,
  };
}

/** Covered on `today` (YYYY-MM-DD, Asia/Shanghai): a cover whose period includes it. */
export function coveredOn(cover: StoredCover | undefined, today: string): boolean {
  return cover !== undefined && cover.from <= today && today <= cover.to;
}

export function coverView(cover: StoredCover, today: string): CriticalIllnessCoverView {
  return {
    insurer: cover.insurer,
    policyNumberMasked: cover.policyNumberMasked,
    from: cover.from,
    to: cover.to,
    current: coveredOn(cover, today),
  };
}
