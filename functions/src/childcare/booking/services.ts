import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createGuardEntity, createGuards } from '../../commons/guards';
import type { Notifier } from '../../notifications';
import { createInstitutionEntity, createSlotEntity } from '../entities';
import { createBookingEntity } from './entity';
import { createSlotLedger } from './ledger';
import { createBookingQuota } from './quota';
import { createBookingService } from './service';

export function createBookingServices(deps: {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}) {
  const slots = createSlotEntity(deps.client, deps.table);
  return createBookingService({
    bookings: createBookingEntity(deps.client, deps.table),
    slots,
    institutions: createInstitutionEntity(deps.client, deps.table),
    ledger: createSlotLedger(deps.client, slots),
    quota: createBookingQuota(deps),
    guards: createGuards(createGuardEntity(deps.client, deps.table)),
    notifier: deps.notifier,
  });
}
