import { randomUUID } from 'node:crypto';
import type { InstitutionItem, SlotItem } from '@hongjia/functions/childcare/entities';
import { cellOf, geohashOf, searchPartitionOf } from '@hongjia/functions/geo/cells';
import {
  addDays,
  chinaClock,
  chinaDate,
  creditCodeCheckCharacter,
  type DistrictCode,
  districts,
} from '@hongjia/shared';
import { institutionBrands, institutionKinds, spreadMetresByDistrict, streetsByDistrict } from './places';
import { pointNear, type Random } from './random';

type AgeClass = InstitutionItem['classes'][number]['ageClass'];

/** 托育机构设置标准: class maxima and children per caregiver. */
const classRules: Record<AgeClass, { max: number; childrenPerCaregiver: number }> = {
  infant: { max: 10, childrenPerCaregiver: 3 },
  toddler: { max: 15, childrenPerCaregiver: 5 },
  preschool: { max: 20, childrenPerCaregiver: 7 },
};

/** Institutions per district: more where more young families live. */
const institutionsPerDistrict: Record<DistrictCode, number> = {
  '360102': 38,
  '360103': 36,
  '360104': 32,
  '360111': 44,
  '360112': 34,
  '360113': 46,
  '360121': 40,
  '360123': 14,
  '360124': 24,
};

/** GB 11714 organisation code (8 digits + check) inside a GB 32100 credit code. */
export function creditCode(random: Random, district: DistrictCode): string {
  const body = Array.from({ length: 8 }, () => random.int(0, 9));
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.reduce((acc, digit, index) => acc + digit * (weights[index] ?? 0), 0);
  const check = 11 - (sum % 11);
  const orgCheck = check === 10 ? 'X' : check === 11 ? '0' : String(check);
  const first17 = `${random.pick(['52', '91'])}${district}${body.join('')}${orgCheck}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

function classesFor(random: Random): InstitutionItem['classes'] {
  const chosen: AgeClass[] = ['toddler'];
  if (random.chance(0.55)) chosen.unshift('infant');
  if (random.chance(0.75)) chosen.push('preschool');
  return chosen.map((ageClass) => {
    const rule = classRules[ageClass];
    const capacity = random.int(Math.ceil(rule.max * 0.6), rule.max);
    return { ageClass, capacity, caregivers: Math.ceil(capacity / rule.childrenPerCaregiver) };
  });
}

export interface SeedInstitutions {
  institutions: InstitutionItem[];
  slots: SlotItem[];
}

/** Weekdays from tomorrow on, as YYYY-MM-DD in Asia/Shanghai. */
function upcomingWeekdays(today: Date, count: number): string[] {
  const dates: string[] = [];
  for (let day = addDays(chinaDate(today), 1); dates.length < count; day = addDays(day, 1)) {
    if (chinaClock(`${day}T00:00:00+08:00`).weekday <= 5) dates.push(day);
  }
  return dates;
}

export function seedInstitutions(
  random: Random,
  providerIds: readonly string[],
  now: Date,
  idFor: (kind: string, index: number) => string = () => randomUUID(),
): SeedInstitutions {
  const institutions: InstitutionItem[] = [];
  const slots: SlotItem[] = [];
  const dates = upcomingWeekdays(now, 5);
  let index = 0;
  for (const district of districts) {
    for (let n = 0; n < institutionsPerDistrict[district.code]; n++, index++) {
      const { lat, lng } = pointNear(random, district.centre, spreadMetresByDistrict[district.code]);
      const affordable = random.chance(0.38);
      const street = random.pick(streetsByDistrict[district.code]);
      const institutionId = idFor('institution', index);
      const classes = classesFor(random);
      // Every fifth provider account runs several centres; the rest one or two.
      const providerId = providerIds[index % providerIds.length] as string;
      const publishedAt = new Date(now.getTime() - random.int(10, 900) * 86_400_000).toISOString();
      institutions.push({
        institutionId,
        providerId,
        name: `${random.pick(institutionBrands)}${random.pick(institutionKinds)}（${street.replace(/大道|路|街/, '')}店）`,
        creditCode: creditCode(random, district.code),
        address: `南昌市${district.name}${street}${random.int(1, 999)}号`,
        district: district.code,
        lat,
        lng,
        geohash: geohashOf(lat, lng),
        cell: cellOf(lat, lng),
        cell4: searchPartitionOf(geohashOf(lat, lng)),
        affordable,
        monthlyFeeYuan: affordable ? random.int(16, 30) * 50 : random.int(36, 90) * 50,
        classes,
        status: 'published',
        createdAt: publishedAt,
        publishedAt,
      });
      for (const date of dates) {
        for (const { ageClass, capacity } of classes) {
          slots.push({
            slotId: idFor('slot', slots.length),
            institutionId,
            cell: cellOf(lat, lng),
            cell4: searchPartitionOf(geohashOf(lat, lng)),
            geohash: geohashOf(lat, lng),
            ageClass,
            date,
            session: 'full_day',
            capacity,
            confirmed: 0,
            waitlisted: 0,
            waitlistSeq: 0,
            createdAt: now.toISOString(),
          });
        }
      }
    }
  }
  return { institutions, slots };
}
