import type { ReviewReason } from '@hongjia/shared';
import type { RegistrationEntity, RegistrationItem } from './entity';

/** What a family is told when a reason points at a registration it is no parent in. */
export const neutralReason: ReviewReason = {
  code: 'NEEDS_STAFF_CHECK',
  message: '该登记需要工作人员进一步核对',
};

/**
 * No cross-family disclosure (issue 9): a family's answers may name only
 * registrations in which the caller is a parent. The duplicate and parity
 * checks find other families' registrations; their reasons keep the detail
 * (related id, receipt number, the other case's children) for staff, and a
 * family sees such a reason only when its own real-name identity is the
 * mother or the father of the related registration — otherwise one neutral
 * reason in their place, so neither the code, nor the count, nor the receipt
 * number says that someone else filed for this woman.
 */
/** Codes that speak of another registration even without naming it. */
const aboutOthers = new Set(['SUSPECTED_DUPLICATE', 'PARITY_RECORD_CONFLICT']);

export function createDisclosure(registrations: RegistrationEntity) {
  /** Related registrations of `reasons` that name `idHash` as a parent. */
  const sharedWith = async (idHash: string | undefined, reasons: readonly ReviewReason[]) => {
    const ids = [
      ...new Set(reasons.flatMap((r) => (r.relatedRegistrationId ? [r.relatedRegistrationId] : []))),
    ];
    if (!idHash || ids.length === 0) return new Set<string>();
    const found = await registrations.get(ids.map((registrationId) => ({ registrationId }))).go();
    const isParent = (item: RegistrationItem) => item.motherIdHash === idHash || item.fatherIdHash === idHash;
    return new Set(found.data.filter(isParent).map((item) => item.registrationId));
  };

  return {
    /** Whether any reason speaks of another registration (then the caller's identity is needed). */
    mentionsOthers(reasons: readonly ReviewReason[]): boolean {
      return reasons.some((r) => r.relatedRegistrationId !== undefined || aboutOthers.has(r.code));
    },

    /** The reasons as the filing family may read them (`idHash`: the caller's bound identity, if any). */
    async reasonsFor(idHash: string | undefined, reasons: readonly ReviewReason[]): Promise<ReviewReason[]> {
      const shared = await sharedWith(idHash, reasons);
      const visible: ReviewReason[] = [];
      let withheld = false;
      for (const reason of reasons) {
        const related = reason.relatedRegistrationId;
        if (related ? shared.has(related) : !aboutOthers.has(reason.code)) visible.push(reason);
        else withheld = true;
      }
      return withheld ? [...visible, neutralReason] : visible;
    },
  };
}

export type Disclosure = ReturnType<typeof createDisclosure>;
