import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAssistanceServices } from '@hongjia/functions/assistance/services';
import { createBenefitEntities } from '@hongjia/functions/benefits/entities';
import { createBenefitsServices } from '@hongjia/functions/benefits/services';
import { userIdForOpenid } from '@hongjia/functions/commons/users';
import { createLocalFaceVerifier } from '@hongjia/functions/families/face';
import { createFamiliesServices } from '@hongjia/functions/families/services';
import type { Notifier } from '@hongjia/functions/notifications/notifier';
import { createRoot } from '@hongjia/functions/root';
import {
  type DistrictCode,
  districts,
  type SessionUser,
  type SpecialFamilyRequest,
  seedPolicies,
} from '@hongjia/shared';
import { seedDay, seedIdNumber } from './people';

/**
 * 计划生育特殊家庭 of the demo city, written through the same services the API
 * uses (sealed, linked, audited). Eight families per district with uneven
 * coverage (三个全覆盖 is not yet full anywhere), some already enrolled so a
 * screening finds the rest, and help requests: one overdue, one due soon.
 *
 * Demo people (sign in on the local login page):
 * - `elder-1`: a bereaved mother aged 56 in 东湖区 — 特别扶助 eligible, not yet enrolled
 *   (staff-360102's screening finds her); her contact person is `staff-360102`.
 * - `elder-2`: a bereaved mother aged 36 in 东湖区 — told why not yet and how long.
 * - `elder-3`: a rural father aged 63 of a 伤残 family in 西湖区.
 * - `member-<district>`: a mother per district who filed the seeded help requests.
 *
 * The named policies' facts (decision 0033): every family but the last three of a district
 * has a 重大疾病综合商业保险 cover (the fifth's ended last year, so each district lists
 * three uncovered); the first four are insured by 城乡居民医保 (医疗保险补助); the sixth,
 * a rural 伤残 family, has a daughter admitted to university 60 days ago at 大学 stage
 * (阳光助学, 优秀女孩成才奖) and a father of 57 in 城乡居民养老保险 (新农保补助).
 */
export const elderOpenids = ['elder-1', 'elder-2', 'elder-3'] as const;
export const memberOpenid = (district: DistrictCode) => `member-${district}`;
export const familiesPerDistrict = 8;

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
const motherNames = ['秀英', '桂兰', '玉珍', '凤英', '淑华', '美华', '丽萍', '春梅'];
const contactNames = ['丽华', '建华', '秀珍', '志强', '桂芳', '海燕'];
const fatherNames = ['建国', '国强', '志明', '德华', '永福', '金生', '长根', '水生'];

/** A birth date that makes someone exactly `age` today (100 days past the birthday). */
function bornAged(now: Date, age: number): string {
  const past = seedDay(now, -100);
  const year = Number(past.slice(0, 4)) - age;
  const monthDay = past.slice(5) === '02-29' ? '02-28' : past.slice(5);
  return `${year}-${monthDay}`;
}

const phone = (prefix: string, n: number) => `${prefix}${String(n).padStart(8, '0')}`;

export interface PlannedFamily {
  body: SpecialFamilyRequest;
  /** Openid bound to the member of this role, if any. */
  bound?: { openid: string; role: 'mother' | 'father' };
}

/** The families, planned without writing (the at-rest test looks for their members in the tables). */
export function planSpecialFamilies(now: Date): PlannedFamily[] {
  const planned: PlannedFamily[] = [];
  districts.forEach((district, d) => {
    for (let j = 0; j < familiesPerDistrict; j++) {
      const n = d * familiesPerDistrict + j;
      const surname = surnames[n % surnames.length] ?? '王';
      const motherAge = 45 + ((n * 7) % 30);
      let motherBirth = bornAged(now, motherAge);
      let fatherBirth = bornAged(now, motherAge + 2);
      let kind: SpecialFamilyRequest['kind'] = j % 3 === 2 ? 'disabled' : 'bereaved';
      let hukouType: SpecialFamilyRequest['hukouType'] = j % 2 === 1 ? 'rural' : 'urban';
      let bound: PlannedFamily['bound'];
      if (district.code === '360102' && j === 0) {
        motherBirth = bornAged(now, 56);
        kind = 'bereaved';
        bound = { openid: 'elder-1', role: 'mother' };
      } else if (district.code === '360102' && j === 1) {
        motherBirth = bornAged(now, 36);
        fatherBirth = bornAged(now, 38);
        kind = 'bereaved';
        bound = { openid: 'elder-2', role: 'mother' };
      } else if (district.code === '360103' && j === 2) {
        fatherBirth = bornAged(now, 63);
        motherBirth = bornAged(now, 61);
        kind = 'disabled';
        hukouType = 'rural';
        bound = { openid: 'elder-3', role: 'father' };
      } else if (j === 3) {
        bound = { openid: memberOpenid(district.code), role: 'mother' };
      }
      // The sixth family's father is in 城乡居民养老保险 and past the earlier start age (新农保补助).
      if (j === 5) fatherBirth = bornAged(now, 57);
      const staffUserId = userIdForOpenid(`staff-${district.code}`);
      planned.push({
        bound,
        body: {
          kind,
          district: district.code,
          hukouType,
          members: [
            {
              role: 'mother',
              name: `${surname}${motherNames[j] ?? '秀英'}`,
              idNumber: seedIdNumber(district.code, motherBirth, n, 'F'),
              phone: phone('138', 79_100_000 + n),
            },
            {
              role: 'father',
              name: `${surnames[(n + 3) % surnames.length]}${fatherNames[j] ?? '建国'}`,
              idNumber: seedIdNumber(district.code, fatherBirth, n, 'M'),
              phone: phone('139', 79_100_000 + n),
            },
          ],
          childEventDate: `${2008 + (n % 15)}-06-15`,
          // Coverage thins out towards the end of each district's list, so every figure is below 100 %.
          ...(j < 6
            ? {
                contactPerson: {
                  name: `${surnames[(n + 7) % surnames.length]}${contactNames[j] ?? '丽华'}`,
                  phone: phone('137', 79_100_000 + n),
                  // The district's staff account answers for the first families (proxy and routing demos).
                  ...(j < 4 ? { userId: staffUserId } : {}),
                },
              }
            : {}),
          ...(j < 5
            ? {
                familyDoctor: {
                  name: `${surnames[(n + 5) % surnames.length]}医生`,
                  phone: phone('136', 79_100_000 + n),
                  institution: `${district.name}社区卫生服务中心`,
                  signedOn: seedDay(now, -200 - n),
                },
              }
            : {}),
          ...(j < 4
            ? { greenChannelHospital: { hospital: '南昌大学第一附属医院', phone: '079188692114' } }
            : {}),
          ...namedPolicyFacts(now, j, n),
        },
      });
    }
  });
  return planned;
}

/** The facts the named policies test, and the insurance cover (see the header). */
function namedPolicyFacts(now: Date, j: number, n: number): Partial<SpecialFamilyRequest> {
  const coverYear = Number(seedDay(now).slice(0, 4)) - (j === 4 ? 1 : 0);
  return {
    ...(j < 5
      ? {
          criticalIllnessCover: {
            insurer: '中国人寿南昌分公司',
            policyNumber: `PZJG${coverYear}${String(360_000 + n).padStart(8, '0')}`,
            from: `${coverYear}-01-01`,
            to: `${coverYear}-12-31`,
          },
        }
      : {}),
    ...(j < 4 ? { medicalInsuranceEnrolledOn: seedDay(now, -400) } : {}),
    ...(j === 5
      ? {
          children: [
            {
              birthDate: '2007-09-01',
              sex: 'F' as const,
              alive: true,
              adopted: false,
              schoolStage: 'university' as const,
              universityAdmittedOn: seedDay(now, -60),
            },
          ],
          ruralPensionEnrolledOn: seedDay(now, -700),
        }
      : {}),
  };
}

/**
 * What each district's member asks for: one normal request filed four days ago
 * and never answered (overdue), one urgent filed three hours ago (due tomorrow).
 */
export const seededHelpRequests = [
  {
    category: 'daily_care',
    urgency: 'normal',
    description: '老伴住院，家里需要有人帮忙买菜做饭。',
    ago: 4 * 86_400_000,
  },
  {
    category: 'medical',
    urgency: 'urgent',
    description: '血压一直偏高，想请家庭医生上门看看。',
    ago: 3 * 3600_000,
  },
] as const;

export interface SpecialFamilySeedSummary {
  families: number;
  enrolments: number;
  requests: number;
}

export async function seedSpecialFamilies(
  client: DynamoDBDocumentClient,
  table: string,
  notifier: Notifier,
  now: Date,
): Promise<SpecialFamilySeedSummary> {
  const root = createRoot({ client, table, notifier });
  const services = createFamiliesServices(root, createLocalFaceVerifier());
  const benefits = createBenefitsServices(root);
  const assistance = createAssistanceServices(root);
  const staff = (district: DistrictCode): SessionUser => ({
    id: userIdForOpenid(`staff-${district}`),
    roles: ['staff'],
    district,
  });
  const member = (openid: string): SessionUser => ({ id: userIdForOpenid(openid), roles: ['family'] });

  const planned = planSpecialFamilies(now);
  const created: { familyId: string; district: DistrictCode; bound?: PlannedFamily['bound'] }[] = [];
  for (const { body, bound } of planned) {
    const view = await services.families.create(staff(body.district), body, now);
    created.push({ familyId: view.id, district: body.district, bound });
    if (bound) {
      const person = body.members.find((m) => m.role === bound.role);
      if (person) {
        await services.identity.bind(
          member(bound.openid),
          { name: person.name, idNumber: person.idNumber },
          now,
        );
      }
    }
  }

  // Enrol the families without a bound account (they would be notified) that are eligible now;
  // the rest stay for a screening to find, elder-1 among them.
  let enrolments = 0;
  const enrolled: { familyId: string; policyId: string }[] = [];
  for (const district of districts) {
    const screening = await benefits.screen(staff(district.code), { district: district.code }, now);
    const boundIds = new Set(created.filter((c) => c.bound).map((c) => c.familyId));
    const items = screening.items
      .filter((item) => !boundIds.has(item.familyId))
      .filter((_, index) => index % 2 === 0)
      .map(({ familyId, policyId }) => ({ familyId, policyId }));
    if (items.length === 0) continue;
    enrolments += (await benefits.enrol(staff(district.code), { district: district.code, items }, now))
      .enrolled;
    enrolled.push(...items);
  }
  await seedPayments(client, table, enrolled, now);

  // Help requests by each district's member (seededHelpRequests).
  let requests = 0;
  for (const district of districts) {
    const filer = member(memberOpenid(district.code));
    for (const { ago, ...body } of seededHelpRequests) {
      await assistance.create(filer, body, new Date(now.getTime() - ago));
      requests += 1;
    }
  }
  return { families: created.length, enrolments, requests };
}

/** The last three monthly payments of every enrolment on a monthly policy (amounts from the policy data). */
async function seedPayments(
  client: DynamoDBDocumentClient,
  table: string,
  enrolled: { familyId: string; policyId: string }[],
  now: Date,
): Promise<void> {
  const entities = createBenefitEntities(client, table);
  const payments = enrolled.flatMap(({ familyId, policyId }) => {
    const policy = seedPolicies.find((p) => p.id === policyId && p.kind === 'monthly');
    if (!policy || policy.amountYuan === null) return [];
    const amountYuan = policy.amountYuan;
    const today = seedDay(now);
    const monthIndex = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
    return [1, 2, 3].map((back) => {
      const index = monthIndex - back;
      const period = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      return { familyId, policyId, period, amountYuan, paidAt: `${period}-10T02:00:00.000Z` };
    });
  });
  if (payments.length > 0) await entities.payments.put(payments).go({ concurrency: 4 });
}
