import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createVolunteerServices } from '@hongjia/functions/assistance/volunteers/routes';
import { userIdForOpenid } from '@hongjia/functions/commons/users';
import { createNotificationEntity } from '@hongjia/functions/notifications/entity';
import { createOutboxNotifier } from '@hongjia/functions/notifications/notifier';
import { createRoot } from '@hongjia/functions/root';
import { creditCodeCheckCharacter } from '@hongjia/shared';

/** The demo social organisation's account: `dev:volunteer-1` signs in as it (decision 0035). */
export const volunteerOpenid = 'volunteer-1';

/** 统一社会信用代码 of a 社会团体 (51) registered in 东湖区, with its check character. */
function demoCreditCode(): string {
  const first17 = '51360102MJ0000001';
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

/**
 * One social organisation serving 东湖区 and 西湖区, registered by city staff through the
 * service (so its contact is sealed as any other) for the demo volunteer account.
 */
export async function seedVolunteers(
  client: DynamoDBDocumentClient,
  table: string,
  now: Date,
): Promise<number> {
  const services = createVolunteerServices(
    createRoot({ client, table, notifier: createOutboxNotifier(createNotificationEntity(client, table)) }),
  );
  await services.register(
    { id: userIdForOpenid('staff-city'), roles: ['staff'], cityWide: true },
    {
      name: '东湖区红心志愿服务协会',
      creditCode: demoCreditCode(),
      contactName: '周志愿',
      contactPhone: '13907910101',
      districts: ['360102', '360103'],
      accountUserId: userIdForOpenid(volunteerOpenid),
    },
    now,
    'seed-volunteer-organisation-1',
  );
  return 1;
}
