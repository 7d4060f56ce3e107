import { api } from '@hongjia/shared';
import { createUserEntity, createUserStore } from '../auth/users';
import { createBookingEntity } from '../childcare/booking/entity';
import { createSlotLedger } from '../childcare/booking/ledger';
import { createProviderBookings } from '../childcare/booking/provider-bookings';
import { createBookingServiceFor } from '../childcare/booking/routes';
import { createInstitutionEntity, createSlotEntity } from '../childcare/entities';
import { createFilingService } from '../childcare/filing/service';
import { createSlotPublishing } from '../childcare/filing/slots';
import { accessTableName, documentClient, mainTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { createHttpHandler, implement } from '../commons/router';
import { notifierFromEnv } from '../notifications/from-env';
import { createAccessChecks } from '../staff/jurisdiction';

/** The provider function group: file institutions, publish slots, see bookings. */
const table = mainTableName();
const client = documentClient;
const institutions = createInstitutionEntity(client, table);
const slots = createSlotEntity(client, table);
const access = createAccessChecks(createUserStore(createUserEntity(client, accessTableName())));
const notifier = notifierFromEnv(client, table);
const filings = createFilingService({
  institutions,
  guards: createGuards(createGuardEntity(client, table)),
  access,
  notifier,
});
const publishing = createSlotPublishing({ institutions, slots, access });
const bookings = createProviderBookings({
  bookings: createBookingEntity(client, table),
  service: createBookingServiceFor({ client, table, notifier }),
  ledger: createSlotLedger(client, slots),
});

export const handler = createHttpHandler([
  implement(api.fileInstitution, ({ caller, body, now }) => filings.file(caller, body, now)),
  implement(api.providerInstitutions, ({ caller, query }) => filings.listOwn(caller, query)),
  implement(api.publishSlot, ({ caller, params, body, now }) =>
    publishing.publish(caller, params.id, body, now),
  ),
  implement(api.providerBookings, async ({ caller, params, query, now }) => {
    await publishing.ownInstitution(caller, params.id);
    return bookings.list(params.id, query, now);
  }),
]);
