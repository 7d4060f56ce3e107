import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { createGuardEntity, createGuards } from '../../commons/guards';
import { implement, type RouteImplementation } from '../../commons/router';
import type { Notifier } from '../../notifications/notifier';
import { createInstitutionEntity, createSlotEntity } from '../entities';
import { createBookingEntity } from './entity';
import { createSlotLedger } from './ledger';
import { createBookingQuota } from './quota';
import { createBookingService } from './service';

export function createBookingServiceFor(deps: {
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

/** A family's bookings: book (confirmed, waitlisted or SLOT_FULL), list, cancel. */
export function createBookingRoutes(deps: {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}): RouteImplementation[] {
  const bookings = createBookingServiceFor(deps);
  return [
    implement(api.createBooking, ({ caller, params, body, now, operationId }) =>
      bookings.create(caller, params.slotId, body, now, operationId),
    ),
    implement(api.myBookings, ({ caller, query, now }) => bookings.listMine(caller, query, now)),
    implement(api.cancelBooking, ({ caller, params, now }) => bookings.cancel(caller, params.id, now)),
  ];
}
