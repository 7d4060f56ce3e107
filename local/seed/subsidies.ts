import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { userIdForOpenid } from '@hongjia/functions/commons/users';
import { createLocalFaceVerifier } from '@hongjia/functions/families/face';
import { createFamiliesServices } from '@hongjia/functions/families/services';
import type { Notifier } from '@hongjia/functions/notifications/notifier';
import { createRoot } from '@hongjia/functions/root';
import { createSubsidyServices } from '@hongjia/functions/subsidies/services';
import { districts, type SessionUser } from '@hongjia/shared';
import { familyOpenid } from './bookings';
import { seedDay, seedIdNumber } from './people';

/**
 * 育儿补贴 applications through the real services, so each district's staff
 * open a review queue: per district one family (family-1 … family-9) binds its
 * real name and applies for a child born 14 months ago; 东湖区's family-1
 * also applies for a child born 2022-10-20, whose subsidy stops the month
 * before the third birthday (9 months of 2025). Then family-10 applies for
 * family-1's younger child: 东湖区's 申请冲突核对 holds one conflict to decide
 * (decision 0013), and that child's review waits for it.
 */

const motherNames = ['丽', '芳', '静', '敏', '燕', '娟', '霞', '婷', '慧'];
const givenNames = ['子涵', '一诺', '欣怡', '浩然', '梓萱', '宇轩', '雨桐', '俊熙', '可馨'];

export async function seedSubsidies(
  client: DynamoDBDocumentClient,
  table: string,
  notifier: Notifier,
  now: Date,
): Promise<number> {
  const root = createRoot({ client, table, notifier });
  const families = createFamiliesServices(root, createLocalFaceVerifier());
  const { application } = createSubsidyServices(root);
  let applications = 0;
  for (const [index, district] of districts.entries()) {
    const openid = familyOpenid(index);
    const parent: SessionUser = { id: userIdForOpenid(openid), roles: ['family'] };
    await families.identity.bind(
      parent,
      {
        name: `陈${motherNames[index] ?? '丽'}`,
        idNumber: seedIdNumber(district.code, '1994-05-12', 40 + index, 'F'),
      },
      now,
    );
    const children = [seedDay(now, -425)];
    if (district.code === '360102') children.push('2022-10-20');
    for (const [n, birthDate] of children.entries()) {
      await application.apply(
        parent,
        {
          childName: `陈${givenNames[(index + n) % givenNames.length] ?? '子涵'}`,
          childIdNumber: seedIdNumber(district.code, birthDate, 60 + index * 2 + n, n === 0 ? 'F' : 'M'),
          childBirthDate: birthDate,
          hukouDistrict: district.code,
          guardianConsent: true,
        },
        now,
      );
      applications++;
    }
  }
  const stranger: SessionUser = { id: userIdForOpenid(familyOpenid(9)), roles: ['family'] };
  await families.identity.bind(
    stranger,
    { name: '周立', idNumber: seedIdNumber('360111', '1988-02-02', 90, 'M') },
    now,
  );
  const younger = seedDay(now, -425);
  await application.apply(
    stranger,
    {
      childName: `陈${givenNames[0]}`,
      childIdNumber: seedIdNumber('360102', younger, 60, 'F'),
      childBirthDate: younger,
      hukouDistrict: '360102',
      guardianConsent: true,
    },
    now,
  );
  return applications + 1;
}
