import { Entity } from '@hongjia/functions/commons/store/index';
import type { Booking, BookingStore, SendOnly } from './shape';

/** The in-repo entity layer (decision 0037): the same model and calls as ElectroDB's variant. */
export function layerStore(client: SendOnly, table: string): BookingStore {
  const entity = new Entity(
    {
      model: { entity: 'booking', version: '1', service: 'hongjia' },
      attributes: {
        bookingId: { type: 'string', required: true, readOnly: true },
        slotId: { type: 'string', required: true, readOnly: true },
        institutionId: { type: 'string', required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        ageClass: { type: ['infant', 'toddler', 'preschool'] as const, required: true, readOnly: true },
        date: { type: 'string', required: true, readOnly: true },
        session: { type: ['full_day', 'morning', 'afternoon'] as const, required: true, readOnly: true },
        childNameSealed: { type: 'string', required: true, readOnly: true },
        guardianPhoneMasked: { type: 'string', required: true, readOnly: true },
        status: { type: ['pending', 'confirmed', 'waitlisted', 'cancelled'] as const, required: true },
        waitlistSeq: { type: 'number', required: true, default: 0 },
        createdAt: { type: 'string', required: true, readOnly: true },
        confirmedAt: { type: 'string' },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['bookingId'] }, sk: { field: 'sk', composite: [] } },
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
    { client: client as never, table },
  );
  return {
    async create(booking) {
      await entity.create(booking).go();
    },
    async get(bookingId) {
      const { data } = await entity.get({ bookingId }).go();
      return (data ?? undefined) as Booking | undefined;
    },
    async listByUser(userId, limit) {
      const { data } = await entity.query.byUser({ userId }).go({ order: 'desc', limit });
      return data as Booking[];
    },
  };
}
