import { chinaDate } from '@hongjia/shared';
import { type BundleEntity, bundleDetailsField } from '../birth-bundles';
import type { PiiCipher } from '../commons/pii';
import type { IdentityEntity } from '../families';
import type { RegistrationEntity, RegistrationItem } from '../registration';
import { pregnancyMatchesBirth } from './rules';

export interface EvidenceDeps {
  registrations: RegistrationEntity;
  bundles: BundleEntity;
  identities: IdentityEntity;
  cipher: () => Promise<PiiCipher>;
}

/** The child both sides claim, as the system can compare it. */
export interface ClaimedChild {
  birthDate: string;
  /** The child's name, when the filing gave it (compared with a bundle's sealed one). */
  name?: string;
}

const liveRegistration: readonly string[] = ['checking', 'pending_review', 'approved', 'returned'];
const registrationStatusText: Record<string, string> = {
  checking: '审核中',
  pending_review: '审核中',
  approved: '已批准',
  returned: '待补正',
};

/**
 * What the system holds that speaks for one side of a conflict, as short
 * notes for the reviewer (never shown to a family): a registration naming the
 * applicant's bound person as a parent of a pregnancy that fits the child's
 * birth date, a registration the user filed (for bundles), a 出生一件事 the
 * user filed for a child born that day. Reads only the user's own partitions
 * (byMother on the identity hash, byUser): a handful of items, never a scan.
 * The father's side is found through registrations he filed himself or in
 * which the mother's hash is his (there is no index on the father's hash).
 */
export function createConflictEvidence(deps: EvidenceDeps) {
  const bound = async (userId: string) => (await deps.identities.get({ userId }).go()).data ?? undefined;

  const registrationsOf = async (userId: string, idHash: string | undefined) => {
    const [filed, asMother] = await Promise.all([
      deps.registrations.query.byUser({ userId }).go({ pages: 'all' }),
      idHash
        ? deps.registrations.query.byMother({ motherIdHash: idHash }).go({ pages: 'all' })
        : Promise.resolve({ data: [] as RegistrationItem[] }),
    ]);
    const byId = new Map<string, RegistrationItem>();
    for (const item of [...filed.data, ...asMother.data]) byId.set(item.registrationId, item);
    return [...byId.values()].filter((item) => liveRegistration.includes(item.status));
  };

  const registrationNote = (item: RegistrationItem, role: string) => {
    const filedOn = chinaDate(new Date(item.submittedAt));
    const when =
      item.pregnancyDate === filedOn
        ? `登记于 ${filedOn}，孩子在其后出生`
        : `预产期 ${item.pregnancyDate} 与孩子出生日期相符`;
    return `生育登记 ${item.receiptNo}（${registrationStatusText[item.status] ?? item.status}）${role}，${when}`;
  };

  return {
    /** The applicant's masked real name, or undefined when the user never bound one. */
    async applicantName(userId: string): Promise<string | undefined> {
      return (await bound(userId))?.nameMasked;
    },

    /**
     * Registrations for this child's pregnancy naming the user's bound person as
     * mother or father; with `filedCounts`, also those the user filed (出生一件事:
     * the family that registered the pregnancy files the birth).
     */
    async registrations(userId: string, child: ClaimedChild, options: { filedCounts: boolean }) {
      const identity = await bound(userId);
      const notes: string[] = [];
      for (const item of await registrationsOf(userId, identity?.idHash)) {
        const filedOn = chinaDate(new Date(item.submittedAt));
        if (!pregnancyMatchesBirth({ pregnancyDate: item.pregnancyDate, filedOn }, child.birthDate)) continue;
        const role =
          identity && item.motherIdHash === identity.idHash
            ? '登记该申请人为母亲'
            : identity && item.fatherIdHash === identity.idHash
              ? '登记该申请人为父亲'
              : options.filedCounts && item.userId === userId
                ? '由该申请人提交'
                : undefined;
        if (role) notes.push(registrationNote(item, role));
      }
      return notes;
    },

    /** 出生一件事 the user filed for a child born that day (voided ones do not count). */
    async bundles(userId: string, child: ClaimedChild, except?: string) {
      const found = await deps.bundles.query.byUser({ userId }).go({ pages: 'all' });
      const cipher = await deps.cipher();
      const notes: string[] = [];
      for (const bundle of found.data) {
        if (bundle.bundleId === except || bundle.status === 'voided') continue;
        const details = JSON.parse(await cipher.open(bundle.sealedDetails, bundleDetailsField)) as {
          childBirthDate?: string;
          childName?: string;
        };
        if (details.childBirthDate !== child.birthDate) continue;
        const sameName = child.name !== undefined && details.childName === child.name;
        notes.push(
          `该申请人办理过出生一件事（孩子${bundle.childNameMasked}，${sameName ? '姓名和出生日期均相同' : '出生日期相同'}）`,
        );
      }
      return notes;
    },
  };
}

export type ConflictEvidence = ReturnType<typeof createConflictEvidence>;
