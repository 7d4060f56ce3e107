import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createBookingServices } from '@hongjia/functions/childcare/booking/services';
import { createInstitutionEntity, createSlotEntity } from '@hongjia/functions/childcare/entities';
import { accessTableName, documentClient, mainTableName } from '@hongjia/functions/commons/dynamo';
import { createGuardEntity } from '@hongjia/functions/commons/guards';
import { createUserEntity, userIdForOpenid } from '@hongjia/functions/commons/users';
import { createNotificationEntity } from '@hongjia/functions/notifications/entity';
import { createOutboxNotifier } from '@hongjia/functions/notifications/notifier';
import { createRoot } from '@hongjia/functions/root';
import { createServicePointEntity } from '@hongjia/functions/service-points/entities';
import { seedAccounts } from './accounts';
import { planBookingRequests, planSeedBookings, seedBookings } from './bookings';
import { creditCodeGuards, pendingFilings } from './filings';
import { creditCode, seedInstitutions } from './institutions';
import { demoBirthsPerDistrict, seedMonitoring } from './monitoring';
import { seedProgrammes } from './programmes';
import { seededRandom } from './random';
import { seedRegistrations } from './registrations';
import { seedGuidanceCentres, seedServicePoints } from './service-points';
import { seedSpecialFamilies } from './special-families';
import { seedSubsidies } from './subsidies';
import { seedTerminals } from './terminals';
import { seedVolunteers } from './volunteers';

/**
 * Bump when the demo city changes shape; a data dir seeded by an older version
 * is left alone, with a warning at start-up. 7: special families, help
 * requests, registrations, bookings and identities keep their personal fields
 * sealed (decision 0014), which items written by version 6 do not have.
 * 8: help requests count their events and keep each on its own item (decision
 * 0019); older requests still read, and move their list on their next event.
 * 9: a year of population-monitoring imports per district (issue 11).
 */
export const seedVersion = 10;
const marker = { pk: 'seed#meta', sk: 'seed#meta' };

/** Stable ids, so the same demo city has the same ids on every machine. */
export function seedId(prefix: string, kind: string, index: number): string {
  return `${prefix}_${createHash('sha256').update(`hongjia-seed:${kind}:${index}`).digest('hex').slice(0, 20)}`;
}

export interface SeedSummary {
  users: number;
  institutions: number;
  slots: number;
  bookings: number;
  pendingFilings: number;
  servicePoints: number;
  specialFamilies: number;
  assistanceRequests: number;
  subsidyApplications: number;
  monitoringRows: number;
}

/**
 * The childcare part of the demo city, planned without writing: institutions,
 * their slots, the filings awaiting review and who books which slot. Pure
 * given `now`, so the at-rest test can read the same children the seed books.
 * `random` is returned part-way through its stream: the service points draw
 * from it next, as they always have.
 */
export function planChildcare(now: Date) {
  const random = seededRandom(20210601);
  const providerIds = seedAccounts()
    .filter((account) => account.roles.includes('provider'))
    .map((account) => userIdForOpenid(account.openid));
  const { institutions, slots } = seedInstitutions(random, providerIds, now, (kind, index) =>
    seedId(kind === 'slot' ? 'slt' : 'ins', kind, index),
  );
  // A stream of its own, so the service points stay as they were before bookings were seeded.
  const childcareRandom = seededRandom(20210602);
  const pending = pendingFilings(
    institutions,
    (index) => seedId('ins', 'pending-filing', index),
    (district) => creditCode(childcareRandom, district),
    now,
  );
  const bookings = planBookingRequests(planSeedBookings(institutions, slots), childcareRandom);
  return { random, institutions, slots, pending, bookings };
}

export async function seedCity(now: Date, monitoringBirths = demoBirthsPerDistrict): Promise<SeedSummary> {
  const table = mainTableName();
  const accounts = seedAccounts();
  const createdAt = now.toISOString();
  const users = createUserEntity(documentClient, accessTableName());
  await users
    .put(accounts.map((account) => ({ ...account, userId: userIdForOpenid(account.openid), createdAt })))
    .go({ concurrency: 4 });
  await seedTerminals(users, createdAt);

  const { random, institutions, slots, pending, bookings: planned } = planChildcare(now);
  const institutionEntity = createInstitutionEntity(documentClient, table);
  await institutionEntity.put([...institutions, ...pending]).go({ concurrency: 4 });
  await createGuardEntity(documentClient, table)
    .put(creditCodeGuards([...institutions, ...pending], now))
    .go({ concurrency: 4 });
  await createSlotEntity(documentClient, table).put(slots).go({ concurrency: 4 });
  const bookingService = createBookingServices(
    createRoot({
      client: documentClient,
      table,
      notifier: createOutboxNotifier(createNotificationEntity(documentClient, table)),
    }),
  );
  const bookings = await seedBookings(bookingService, planned, now);
  await seedProgrammes(documentClient, table, institutionEntity, institutions, now);

  const points = seedServicePoints(random, (index) => seedId('spt', 'service-point', index));
  points.push(...seedGuidanceCentres((index) => seedId('spt', 'service-point', index), points.length));
  await createServicePointEntity(documentClient, table).put(points).go({ concurrency: 4 });
  await seedRegistrations(now);
  const special = await seedSpecialFamilies(
    documentClient,
    table,
    createOutboxNotifier(createNotificationEntity(documentClient, table)),
    now,
  );
  const subsidies = await seedSubsidies(
    documentClient,
    table,
    createOutboxNotifier(createNotificationEntity(documentClient, table)),
    now,
  );

  // After the accounts: the demo social organisation's account (dev:volunteer-1), decision 0035.
  await seedVolunteers(documentClient, table, now);

  const monitoring =
    monitoringBirths > 0 ? await seedMonitoring(now, monitoringBirths) : { rows: 0, registrations: 0 };

  return {
    users: accounts.length,
    institutions: institutions.length,
    slots: slots.length,
    bookings,
    pendingFilings: pending.length,
    servicePoints: points.length,
    specialFamilies: special.families,
    assistanceRequests: special.requests,
    subsidyApplications: subsidies,
    monitoringRows: monitoring.rows,
  };
}

/** Seeds a fresh data dir once; returns false when it was seeded before. */
export async function seedIfFresh(
  log: (line: string) => void,
  now = new Date(),
  monitoringBirths = demoBirthsPerDistrict,
): Promise<boolean> {
  const table = mainTableName();
  const existing = await documentClient.send(new GetCommand({ TableName: table, Key: marker }));
  if (existing.Item) {
    if (Number(existing.Item.version) < seedVersion) {
      log(
        `warning: this data dir was seeded by an older version (${existing.Item.version} < ${seedVersion}) whose keys, indexes or sealed fields differ; delete it to reseed`,
      );
    }
    return false;
  }
  log('seeding the demo city (9 districts, accounts, institutions, slots, service points) …');
  const summary = await seedCity(now, monitoringBirths);
  await documentClient.send(
    new PutCommand({
      TableName: table,
      Item: { ...marker, version: seedVersion, seededAt: now.toISOString(), ...summary },
    }),
  );
  log(
    `seeded ${summary.users} accounts, ${summary.institutions} institutions (+${summary.pendingFilings} awaiting review), ${summary.slots} slots, ${summary.bookings} bookings, ${summary.servicePoints} service points, ${summary.specialFamilies} special families, ${summary.subsidyApplications} 育儿补贴 applications, ${summary.monitoringRows} monitoring rows`,
  );
  return true;
}
