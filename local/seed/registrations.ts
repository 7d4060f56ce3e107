import { documentClient, mainTableName } from '@hongjia/functions/commons/dynamo';
import { s3Client, uploadBucketName } from '@hongjia/functions/commons/s3';
import { userIdForOpenid } from '@hongjia/functions/commons/users';
import { createLocalFaceVerifier } from '@hongjia/functions/families/face';
import { createFamiliesServices } from '@hongjia/functions/families/services';
import { createNotificationEntity } from '@hongjia/functions/notifications/entity';
import { createOutboxNotifier } from '@hongjia/functions/notifications/notifier';
import { createRegistrationServices } from '@hongjia/functions/registration/services';
import { createRoot } from '@hongjia/functions/root';
import {
  type DistrictCode,
  districts,
  type ParentInput,
  type RegistrationRequest,
  type SessionUser,
} from '@hongjia/shared';
import { familyOpenid } from './bookings';
import { seedDay, seedIdNumber } from './people';

/**
 * Birth registrations through the registration service (so they are sealed,
 * indexed, guarded and certified exactly as the API does it). Per district:
 * two clean first/second children (approved, with certificates), one parity
 * that disagrees with the declared children and one second filing of the same
 * pregnancy (both pending review with reasons) — so `staff-360102` opens a
 * queue. The cases are fixed; ids and receipt numbers come from the service.
 *
 * Only a parent bound by real name may file (decision 0011), so each filing
 * family first binds its identity through the identity service: district i's
 * three families are `family-(11 + 3i)` … `family-(13 + 3i)` (东湖区: family-11
 * the first couple's mother, family-12 the second couple's father, family-13
 * the third couple's mother) — apart from family-1 … family-9, who are bound
 * to the 育儿补贴 applicants (subsidies.ts).
 */
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴'];

function couple(district: DistrictCode, index: number, n: number, now: Date): RegistrationRequest {
  const surname = surnames[index % surnames.length] ?? '王';
  const phone = (base: number) => `139${String(base + index * 10 + n).padStart(8, '0')}`;
  return {
    kind: 'registration',
    parity: 1,
    mother: {
      name: `${surname}秀${'英兰芳'.charAt(n % 3)}`,
      idNumber: seedIdNumber(district, `199${n}-0${index + 1}-1${n}`, 10 + n, 'F'),
      phone: phone(10_000_000),
      hukouDistrict: district,
    },
    father: {
      name: `刘建${'国华军'.charAt(n % 3)}`,
      idNumber: seedIdNumber(district, `198${n + 5}-1${n % 3}-0${index + 1}`, 20 + n, 'M'),
      phone: phone(20_000_000),
      hukouDistrict: district,
    },
    marriageDate: '2019-10-01',
    existingChildren: [],
    expectedDueDate: seedDay(now, 90 + 10 * n),
  };
}

/** District i's n-th filing family: family-11 … family-37. */
const registrationFamilyOpenid = (districtIndex: number, n: number) =>
  familyOpenid(10 + districtIndex * 3 + n);

/** One seeded filing: which demo family (`family-N` openid, bound as which parent) files what, in order. */
export interface SeedFiling {
  openid: string;
  /** The parent the filing family is bound to by real name (decision 0011). */
  bindsAs: 'mother' | 'father';
  body: RegistrationRequest;
}

/**
 * The filings, planned without writing (the at-rest test reads the same
 * parents and children to look for them in the tables).
 */
export function planRegistrations(now: Date): SeedFiling[] {
  return districts.flatMap((district, index) => {
    const family = (n: number) => registrationFamilyOpenid(index, n);
    const first = couple(district.code, index, 1, now);
    const second = couple(district.code, index, 2, now);
    const mismatch = couple(district.code, index, 3, now);
    return [
      { openid: family(0), bindsAs: 'mother' as const, body: first },
      {
        openid: family(1),
        bindsAs: 'father' as const,
        body: {
          ...second,
          parity: 2,
          existingChildren: [{ name: '刘小宝', birthDate: seedDay(now, -900), sex: 'M' as const }],
        },
      },
      { openid: family(2), bindsAs: 'mother' as const, body: { ...mismatch, parity: 2 } },
      // The first couple files again for the same pregnancy (due 40 days later): a suspected duplicate.
      {
        openid: family(0),
        bindsAs: 'mother' as const,
        body: { ...first, expectedDueDate: seedDay(now, 140) },
      },
    ];
  });
}

export async function seedRegistrations(now: Date): Promise<number> {
  const table = mainTableName();
  const notifier = createOutboxNotifier(createNotificationEntity(documentClient, table));
  const root = createRoot({
    client: documentClient,
    table,
    s3: s3Client,
    bucket: uploadBucketName(),
    notifier,
  });
  const service = createRegistrationServices(root).registrations;
  const { identity } = createFamiliesServices(root, createLocalFaceVerifier());
  const filings = planRegistrations(now);
  const bound = new Set<string>();
  for (const { openid, bindsAs, body } of filings) {
    const user: SessionUser = { id: userIdForOpenid(openid), roles: ['family'] };
    if (!bound.has(openid)) {
      const person: ParentInput = body[bindsAs];
      await identity.bind(user, { name: person.name, idNumber: person.idNumber }, now);
      bound.add(openid);
    }
    await service.submit(user, body, now);
  }
  return filings.length;
}
