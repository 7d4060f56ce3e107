import type { DistrictCode } from '@hongjia/shared';
import { isConditionFailure } from '../commons/guards';
import type { FamilyEntities, SpecialFamilyItem } from '../families/entities';
import type { EnrolmentRecord, PaymentRecord } from './my-benefits';

export interface NewEnrolment {
  familyId: string;
  policyId: string;
  district: DistrictCode;
  enrolledBy: string;
  via: 'screening' | 'application';
}

/** A district has hundreds of special families: enough parallel reads to be quick, few enough to be kind. */
const parallelReads = 8;

async function inBatches<T, R>(values: readonly T[], read: (value: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < values.length; start += parallelReads) {
    results.push(...(await Promise.all(values.slice(start, start + parallelReads).map(read))));
  }
  return results;
}

/** Store access of the benefits group: family records (read only), enrolments and payments. */
export function createBenefitRecords(entities: Pick<FamilyEntities, 'families' | 'enrolments' | 'payments'>) {
  const enrolmentsOf = async (familyId: string): Promise<EnrolmentRecord[]> =>
    (await entities.enrolments.query.byFamily({ familyId }).go({ pages: 'all', consistent: true })).data;

  return {
    async familiesOf(district: DistrictCode): Promise<SpecialFamilyItem[]> {
      return (await entities.families.query.byDistrict({ district }).go({ pages: 'all' })).data;
    },

    async family(familyId: string): Promise<SpecialFamilyItem | undefined> {
      return (await entities.families.get({ familyId }).go({ consistent: true })).data ?? undefined;
    },

    enrolmentsOf,

    async paymentsOf(familyId: string): Promise<PaymentRecord[]> {
      return (await entities.payments.query.byFamily({ familyId }).go({ pages: 'all' })).data;
    },

    /** familyId → the policies it is enrolled in. */
    async enrolledPolicies(familyIds: readonly string[]): Promise<Map<string, Set<string>>> {
      const found = await inBatches(familyIds, async (id) => [id, await enrolmentsOf(id)] as const);
      return new Map(found.map(([id, items]) => [id, new Set(items.map((e) => e.policyId))]));
    },

    /** Conditional create on (familyId, policyId): false when the family is already enrolled. */
    async enrol(enrolment: NewEnrolment, now: Date): Promise<boolean> {
      try {
        await entities.enrolments.create({ ...enrolment, enrolledAt: now.toISOString() }).go();
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
export type BenefitRecords = ReturnType<typeof createBenefitRecords>;
