import * as api from '@hongjia/shared/api/routes';
import { createBookingEntity } from '../childcare/booking/entity';
import { createSlotLedger } from '../childcare/booking/ledger';
import { createProviderBookings } from '../childcare/booking/provider-bookings';
import { createBookingServices } from '../childcare/booking/services';
import { createSlotEntity } from '../childcare/entities';
import { createFilingServices } from '../childcare/filing/services';
import { createSlotPublishing } from '../childcare/filing/slots';
import { documentClient, mainTableName } from '../commons/dynamo';
import { createHttpHandler, implement } from '../commons/router';
import { notifierFromEnv } from '../notifications/from-env';

/** The provider function group: file institutions, publish slots, see bookings. */
const table = mainTableName();
const client = documentClient;
const slots = createSlotEntity(client, table);
const notifier = notifierFromEnv(client, table);
const { institutions, access, filings } = createFilingServices({ client, table, notifier });
const publishing = createSlotPublishing({ institutions, slots, access });
const bookings = createProviderBookings({
  bookings: createBookingEntity(client, table),
  service: createBookingServices({ client, table, notifier }),
  ledger: createSlotLedger(client, slots),
});

export const handler = createHttpHandler([
  implement(api.fileInstitution, ({ caller, body, now, operationId }) =>
    filings.file(caller, body, now, operationId),
  ),
  implement(api.providerInstitutions, ({ caller, query }) => filings.listOwn(caller, query)),
  implement(api.publishSlot, ({ caller, params, body, now, operationId }) =>
    publishing.publish(caller, params.id, body, now, operationId),
  ),
  implement(api.providerBookings, async ({ caller, params, query, now }) => {
    await publishing.ownInstitution(caller, params.id);
    return bookings.list(params.id, query, now);
  }),
]);
