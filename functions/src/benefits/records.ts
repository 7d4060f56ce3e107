import type { DistrictCode } from '@hongjia/shared';
import { isConditionFailure } from '../commons/guards';
import type { PiiCipher } from '../commons/pii';
import type { FamilyEntities } from '../families';
import { openRecord, type SpecialFamilyRecord } from '../families';
import type { BenefitEntities } from './entities';
import type { EnrolmentRecord, PaymentRecord } from './my-benefits';

export interface NewEnrolment {
  familyId: string;
  policyId: string;
  district: DistrictCode;
  enrolledBy: string;
  via: 'screening' | 'application';
  /** The enrolling request's operation id, when it has one. */
  operationId?: string;
}

/**
 * `created`: enrolled now; `ours`: enrolled by an earlier attempt of the same request (a
 * retry after a later step failed, decision 0015), with that attempt's time; `existing`:
 * enrolled before, by someone else.
 */
export type EnrolOutcome =
  | { kind: 'created'; enrolledAt: string }
  | { kind: 'ours'; enrolledAt: string }
  | { kind: 'existing' };

/** Sorts after every policy id, so a familyId range ends after the last family's enrolments. */
const afterEveryPolicy = '\uffff';

export interface FamiliesPage {
  /** Facts opened: the rules engine reads them (one sealed value per family). */
  items: SpecialFamilyRecord[];
  /** The store's cursor after the page; null when the district has no more records. */
  cursor: string | null;
}

/** Store access of the benefits group: family records (read only, facts opened), enrolments and payments. */
export function createBenefitRecords(
  entities: Pick<FamilyEntities, 'families'> & Pick<BenefitEntities, 'enrolments' | 'payments'>,
  cipher: () => Promise<PiiCipher>,
) {
  const enrolmentsOf = async (familyId: string): Promise<EnrolmentRecord[]> =>
    (await entities.enrolments.query.byFamily({ familyId }).go({ pages: 'all', consistent: true })).data;

  return {
    /** Up to `limit` of the district's records in familyId order (gsi1), from `cursor`. */
    async familiesPage(district: DistrictCode, limit: number, cursor: string | null): Promise<FamiliesPage> {
      const found = await entities.families.query
        .byDistrict({ district })
        .go({ count: limit, ...(cursor ? { cursor } : {}) });
      const open = await cipher();
      return { items: await Promise.all(found.data.map((f) => openRecord(open, f))), cursor: found.cursor };
    },

    async family(familyId: string): Promise<SpecialFamilyRecord | undefined> {
      const found = (await entities.families.get({ familyId }).go({ consistent: true })).data;
      return found ? openRecord(await cipher(), found) : undefined;
    },

    enrolmentsOf,

    async paymentsOf(familyId: string): Promise<PaymentRecord[]> {
      return (await entities.payments.query.byFamily({ familyId }).go({ pages: 'all' })).data;
    },

    /**
     * familyId → the policies it is enrolled in, for families of one district: one
     * gsi1 Query (all pages) over the range from the lowest to the highest of their
     * familyIds, which is what a page of the district's records covers.
     */
    async enrolledPolicies(
      district: DistrictCode,
      familyIds: readonly string[],
    ): Promise<Map<string, Set<string>>> {
      const enrolled = new Map(familyIds.map((id) => [id, new Set<string>()]));
      if (familyIds.length === 0) return enrolled;
      const sorted = familyIds.map((id) => id.toLowerCase()).sort();
      const first = sorted[0] as string;
      const last = sorted[sorted.length - 1] as string;
      const found = await entities.enrolments.query
        .byDistrict({ district })
        .between({ familyId: first }, { familyId: last, policyId: afterEveryPolicy })
        .go({ pages: 'all' });
      for (const { familyId, policyId } of found.data) enrolled.get(familyId)?.add(policyId);
      return enrolled;
    },

    /** Conditional create on (familyId, policyId); an enrolment already there says whose it is. */
    async enrol(enrolment: NewEnrolment, now: Date): Promise<EnrolOutcome> {
      const enrolledAt = now.toISOString();
      try {
        await entities.enrolments.create({ ...enrolment, enrolledAt }).go();
        return { kind: 'created', enrolledAt };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const { familyId, policyId, operationId } = enrolment;
      const stored = (await entities.enrolments.get({ familyId, policyId }).go({ consistent: true })).data;
      return operationId && stored?.operationId === operationId
        ? { kind: 'ours', enrolledAt: stored.enrolledAt }
        : { kind: 'existing' };
    },
  };
}
export type BenefitRecords = ReturnType<typeof createBenefitRecords>;
