import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Foundation } from '../../commons/foundation';
import type { GuardEntity } from '../../commons/guards';
import type { Notifier } from '../../notifications';
import type { InstitutionEntity, SlotEntity } from '../entities';
import type { BookingEntity } from './entity';
import { createSlotLedger } from './ledger';
import { createProviderBookings } from './provider-bookings';
import { createBookingQuota } from './quota';
import { createBookingService } from './service';

/** What bookings take from the composition root (functions/src/root.ts). */
export interface BookingDeps extends Pick<Foundation, 'guards'> {
  client: DynamoDBDocumentClient;
  table: string;
  entities: {
    bookings: BookingEntity;
    slots: SlotEntity;
    institutions: InstitutionEntity;
    guards: GuardEntity;
  };
  notifier: Notifier;
}

/** A family's bookings over the root's pieces (also the seed's and the tests'). */
export function createBookingServices(deps: BookingDeps) {
  const { client, table } = deps;
  const { bookings, slots, institutions } = deps.entities;
  return createBookingService({
    bookings,
    slots,
    institutions,
    ledger: createSlotLedger(client, slots),
    quota: createBookingQuota({ client, table }),
    guards: deps.guards,
    notifier: deps.notifier,
  });
}

/** A provider's view of its institution's bookings (which repairs a booking behind its ledger). */
export function createProviderBookingServices(deps: BookingDeps) {
  return createProviderBookings({
    bookings: deps.entities.bookings,
    service: createBookingServices(deps),
    ledger: createSlotLedger(deps.client, deps.entities.slots),
  });
}
