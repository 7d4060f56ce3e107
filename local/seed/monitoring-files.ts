import { type DistrictCode, districts, type MonitoringSource, sourceHeaders } from '@hongjia/shared';
import { seedDay, seedIdNumber } from './people';
import { type Random, seededRandom } from './random';

/**
 * Synthetic population-monitoring files (issue 11): a year of deliveries per
 * district in the four layouts (sourceHeaders), with a realistic mix — about
 * 52 % boys (sex ratio ≈ 108), parity 1/2/3+ ≈ 47/41/12 %, mothers mostly
 * 25–34 — and deliberate gaps for reconciliation to find: deliveries without
 * a 生育登记, without a birth certificate, births without a vaccination, a
 * certificate whose sex disagrees with its delivery, and registrations whose
 * delivery never came. Pure given `now` and `perDistrict`: the demo seed
 * imports a small city through the real import path; the generator script
 * (scripts/generate-monitoring.ts) writes a city-scale one for benches.
 */
export interface MonitoringPlan {
  files: Record<MonitoringSource, { district: DistrictCode; csv: string; rows: number }[]>;
  /** 生育登记 the deliveries are matched against (handed to monitoring through its registration hook). */
  registrations: PlannedRegistration[];
}

export interface PlannedRegistration {
  registrationId: string;
  receiptNo: string;
  motherIdNumber: string;
  district: DistrictCode;
  expectedDueDate: string;
  /** Whether the plan holds its delivery (false: 逾期未见分娩). */
  delivered: boolean;
}

/** Births per district in the demo city: enough for the figures to look like a city's, quick to import. */
export const demoBirthsPerDistrict = 150;

/** Shares the seed draws from, so a test can state what it should find. */
export const monitoringMix = {
  boys: 0.52,
  registered: 0.85,
  certified: 0.95,
  vaccinated: 0.93,
  parity: [
    { parity: 1, share: 0.47 },
    { parity: 2, share: 0.41 },
    { parity: 3, share: 0.12 },
  ],
  motherAge: [
    { min: 20, max: 24, share: 0.1 },
    { min: 25, max: 29, share: 0.36 },
    { min: 30, max: 34, share: 0.34 },
    { min: 35, max: 39, share: 0.15 },
    { min: 40, max: 44, share: 0.05 },
  ],
} as const;

const surnames = '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const given = '秀英兰芳丽敏静燕红霞娟玲桂萍华梅莉琴云洁';
const childGiven = '子涵浩宇梓萱一诺欣怡雨泽俊熙若汐沐辰思远嘉懿';

function weighted<T extends { share: number }>(random: Random, items: readonly T[]): T {
  let roll = random.next();
  for (const item of items) {
    roll -= item.share;
    if (roll < 0) return item;
  }
  return items[items.length - 1] as T;
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csvOf = (source: MonitoringSource, rows: Record<string, string | number>[]) =>
  [
    sourceHeaders[source].join(','),
    ...rows.map((row) => sourceHeaders[source].map((h) => csvCell(row[h] ?? '')).join(',')),
  ]
    .join('\r\n')
    .concat('\r\n');

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A normal draw (Box–Muller), for birth weights. */
const normal = (random: Random, mean: number, sd: number) =>
  mean + sd * Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());

export function planMonitoringFiles(now: Date, perDistrict: number, seed = 20260101): MonitoringPlan {
  const random = seededRandom(seed);
  const today = seedDay(now);
  const files: MonitoringPlan['files'] = {
    hospital_delivery: [],
    vaccination: [],
    birth_certificate: [],
    household_migration: [],
  };
  const registrations: PlannedRegistration[] = [];

  districts.forEach(({ code: district, name }, districtIndex) => {
    const hospital = `${name}妇幼保健院`;
    const deliveries: Record<string, string | number>[] = [];
    const certificates: Record<string, string | number>[] = [];
    const vaccinations: Record<string, string | number>[] = [];
    const migrations: Record<string, string | number>[] = [];
    const tag = `${district}`;
    const usedIds = new Set<string>();
    for (let index = 0; index < perDistrict; index++) {
      // Deliveries spread over the year that ended yesterday.
      const deliveryDate = seedDay(now, -1 - Math.floor(random.next() * 365));
      const ageBand = weighted(random, monitoringMix.motherAge);
      const age = random.int(ageBand.min, ageBand.max);
      const motherBirth = addDays(deliveryDate, -age * 365 - random.int(30, 330));
      // Two mothers born the same day get different serials (a repeat would be an identity conflict).
      let serial = (index + districtIndex * 7) % 100;
      let motherId = seedIdNumber(district, motherBirth, serial, 'F');
      while (usedIds.has(motherId)) motherId = seedIdNumber(district, motherBirth, ++serial, 'F');
      usedIds.add(motherId);
      const surname = surnames.charAt(random.int(0, surnames.length - 1));
      const motherName = `${surname}${given.charAt(random.int(0, given.length - 1))}${given.charAt(random.int(0, given.length - 1))}`;
      const childName = `${surname}${childGiven.charAt(random.int(0, childGiven.length - 1))}${childGiven.charAt(random.int(0, childGiven.length - 1))}`;
      const sex = random.chance(monitoringMix.boys) ? 'M' : 'F';
      const parity = weighted(random, monitoringMix.parity).parity;
      const weight = Math.round(Math.min(4900, Math.max(1200, normal(random, 3300, 450))));
      const deliveryId = `D${tag}-${String(index).padStart(6, '0')}`;
      deliveries.push({
        deliveryId,
        motherIdNumber: motherId,
        motherName,
        hospital,
        district,
        deliveryDate,
        childSex: sex,
        birthWeightG: weight,
        parity: parity === 3 && random.chance(0.2) ? 4 : parity,
      });
      if (random.chance(monitoringMix.registered)) {
        registrations.push({
          registrationId: `reg_seedmon_${tag}_${index}`,
          receiptNo: `JS${tag}${String(index).padStart(6, '0')}`,
          motherIdNumber: motherId,
          district,
          expectedDueDate: addDays(deliveryDate, random.int(-14, 10)),
          delivered: true,
        });
      }
      const issuedAt = addDays(deliveryDate, random.int(2, 20));
      // The first delivery of each district gets a certificate whose sex disagrees: an identity conflict.
      if (index === 0 || (issuedAt <= today && random.chance(monitoringMix.certified))) {
        certificates.push({
          certNo: `Q${tag}${String(index).padStart(7, '0')}`,
          childName,
          childSex: index === 0 ? (sex === 'M' ? 'F' : 'M') : sex,
          childBirthDate: deliveryDate,
          motherIdNumber: motherId,
          fatherIdNumber: '',
          hospital,
          district,
          issuedAt: index === 0 ? deliveryDate : issuedAt,
        });
      }
      if (random.chance(monitoringMix.vaccinated)) {
        vaccinations.push({
          recordId: `V${tag}-${String(index).padStart(6, '0')}`,
          childName,
          childBirthDate: deliveryDate,
          motherIdNumber: motherId,
          vaccine: '乙肝疫苗',
          dose: 1,
          vaccinatedAt: deliveryDate,
          district,
        });
      }
    }
    // Registrations whose delivery never came (due 3–6 months ago): 逾期未见分娩.
    for (let n = 0; n < Math.max(2, Math.round(perDistrict / 100)); n++) {
      const due = seedDay(now, -random.int(90, 180));
      registrations.push({
        registrationId: `reg_seedmon_${tag}_overdue_${n}`,
        receiptNo: `JS${tag}9${String(n).padStart(5, '0')}`,
        motherIdNumber: seedIdNumber(district, addDays(due, -28 * 365 - n), 90 + n, 'F'),
        district,
        expectedDueDate: due,
        delivered: false,
      });
    }
    // Household moves: in from other districts and out to them, about a tenth of the births each way.
    const others = districts.filter((other) => other.code !== district);
    for (let n = 0; n < Math.max(4, Math.round(perDistrict / 5)); n++) {
      const other = others[n % others.length]?.code ?? district;
      const direction = random.chance(0.55) ? 'in' : 'out';
      const date = seedDay(now, -1 - Math.floor(random.next() * 365));
      migrations.push({
        recordId: `M${tag}-${String(n).padStart(6, '0')}`,
        idNumber: seedIdNumber(
          district,
          addDays(date, -random.int(20, 50) * 365),
          n % 100,
          random.chance(0.5) ? 'M' : 'F',
        ),
        direction,
        fromDistrict: direction === 'in' ? other : district,
        toDistrict: direction === 'in' ? district : other,
        date,
      });
    }
    files.hospital_delivery.push({
      district,
      csv: csvOf('hospital_delivery', deliveries),
      rows: deliveries.length,
    });
    files.birth_certificate.push({
      district,
      csv: csvOf('birth_certificate', certificates),
      rows: certificates.length,
    });
    files.vaccination.push({ district, csv: csvOf('vaccination', vaccinations), rows: vaccinations.length });
    files.household_migration.push({
      district,
      csv: csvOf('household_migration', migrations),
      rows: migrations.length,
    });
  });
  return { files, registrations };
}
