import type { CoverageResponse, DistrictCode } from '@hongjia/shared';
import { coveredOn } from './critical-illness-cover';
import type { SpecialFamilyItem } from './entities';

export type CoveredFamily = Pick<
  SpecialFamilyItem,
  'familyId' | 'district' | 'contactPerson' | 'familyDoctor' | 'greenChannel' | 'criticalIllnessCover'
>;

/** Named in at least one lacking list (so its label is shown); `today` decides whether a cover is current. */
export const lacksAHelper = (f: CoveredFamily, today: string) =>
  !f.contactPerson || !f.familyDoctor || !f.greenChannel || !coveredOn(f.criticalIllnessCover, today);

/** 0–1 to 4 places; a district with no families has nothing left to cover, so 1. */
const share = (part: number, whole: number) =>
  whole === 0 ? 1 : Math.round((part / whole) * 10_000) / 10_000;

function figures(families: readonly CoveredFamily[], today: string) {
  const withCriticalIllnessCover = families.filter((f) => coveredOn(f.criticalIllnessCover, today)).length;
  const withContactPerson = families.filter((f) => f.contactPerson).length;
  const withFamilyDoctor = families.filter((f) => f.familyDoctor).length;
  const withGreenChannel = families.filter((f) => f.greenChannel).length;
  return {
    families: families.length,
    withContactPerson,
    withFamilyDoctor,
    withGreenChannel,
    contactPersonShare: share(withContactPerson, families.length),
    familyDoctorShare: share(withFamilyDoctor, families.length),
    greenChannelShare: share(withGreenChannel, families.length),
    fullyCovered: families.filter((f) => f.contactPerson && f.familyDoctor && f.greenChannel).length,
    withCriticalIllnessCover,
    criticalIllnessCoverShare: share(withCriticalIllnessCover, families.length),
  };
}

/**
 * 三个全覆盖 (SPEC C3): every special family has a contact person, a signed
 * family doctor and a medical green channel. Totals, a row for every district
 * in scope (zero rows included, so a district with no records shows as such),
 * and the families lacking each, named only by a masked label (`labelOf`: the
 * caller opens the kind of those families only, see lacksAHelper).
 */
export function computeCoverage(
  families: readonly CoveredFamily[],
  districts: readonly DistrictCode[],
  district: DistrictCode | undefined,
  labelOf: (family: CoveredFamily) => string,
  today: string,
): CoverageResponse {
  const lacking = (has: (f: CoveredFamily) => unknown) =>
    families.filter((f) => !has(f)).map((f) => ({ id: f.familyId, district: f.district, label: labelOf(f) }));
  return {
    ...figures(families, today),
    ...(district ? { district } : {}),
    byDistrict: districts.map((d) => ({
      district: d,
      ...figures(
        families.filter((f) => f.district === d),
        today,
      ),
    })),
    lacking: {
      contactPerson: lacking((f) => f.contactPerson),
      familyDoctor: lacking((f) => f.familyDoctor),
      greenChannel: lacking((f) => f.greenChannel),
      criticalIllnessCover: lacking((f) => coveredOn(f.criticalIllnessCover, today)),
    },
  };
}
