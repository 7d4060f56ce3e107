import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity, type EntityItem } from '../../commons/store/index';
import { ageClasses } from '../entities';

/**
 * `pending` is the intent written before the slot's ledger is touched; it
 * becomes `confirmed` or `waitlisted` once the ledger holds the place, or is
 * deleted when the slot was full. Clients only ever see confirmed, waitlisted
 * and cancelled (see docs/decisions/0007-booking-without-transactions.md).
 */
export const bookingStatuses = ['pending', 'confirmed', 'waitlisted', 'cancelled'] as const;
export type BookingItemStatus = (typeof bookingStatuses)[number];

/**
 * A family's booking of a slot. Access patterns:
 * - byId: cancel and repair;
 * - byUser (gsi1): the family's bookings, newest first;
 * - byInstitution (gsi2): a provider's bookings by slot date.
 * Who holds a place is decided by the slot's ledger, not by this item: the
 * item is the family's record of it and is repaired from the ledger on read.
 */
export function createBookingEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'booking', version: '1', service: 'hongjia' },
      attributes: {
        bookingId: { type: 'string', required: true, readOnly: true },
        slotId: { type: 'string', required: true, readOnly: true },
        institutionId: { type: 'string', required: true, readOnly: true },
        institutionName: { type: 'string', required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        ageClass: { type: ageClasses, required: true, readOnly: true },
        date: { type: 'string', required: true, readOnly: true },
        session: { type: ['full_day', 'morning', 'afternoon'] as const, required: true, readOnly: true },
        /** Sealed (SPEC §4); opened for the two lists that show it whole: the family's own and the provider's. */
        childNameSealed: { type: 'string', required: true, readOnly: true },
        /** Sealed; no view shows it (the age check and the child's guard use the request's value). */
        childBirthDateSealed: { type: 'string', required: true, readOnly: true },
        /** Sealed with the PII cipher (SPEC §4); only the provider's view opens it. */
        guardianPhoneSealed: { type: 'string', required: true, readOnly: true },
        /** Kept masked beside it, so the family's own list needs no decryption. */
        guardianPhoneMasked: { type: 'string', required: true, readOnly: true },
        /** The child-slot guard this booking holds, released on cancel. */
        guardKey: { type: 'string', required: true, readOnly: true },
        status: { type: bookingStatuses, required: true },
        /** FIFO ticket while waitlisted (0 when the place was confirmed at once). */
        waitlistSeq: { type: 'number', required: true, default: 0 },
        createdAt: { type: 'string', required: true, readOnly: true },
        /** The guardian's consent to process the child's data (PIPL art. 31), given with the request. */
        guardianConsentAt: { type: 'string', readOnly: true },
        /** The 隐私保护指引 version in force when it was given. */
        guardianConsentVersion: { type: 'string', readOnly: true },
        confirmedAt: { type: 'string' },
        cancelledAt: { type: 'string' },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['bookingId'] },
          sk: { field: 'sk', composite: [] },
        },
        byUser: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['userId'] },
          sk: { field: 'gsi1sk', composite: ['createdAt', 'bookingId'] },
        },
        byInstitution: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['institutionId'] },
          sk: { field: 'gsi2sk', composite: ['date', 'slotId', 'createdAt', 'bookingId'] },
        },
      },
    },
    { client, table },
  );
}

export type BookingEntity = ReturnType<typeof createBookingEntity>;
export type BookingItem = EntityItem<BookingEntity>;
