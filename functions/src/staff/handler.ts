import { api } from '@hongjia/shared';
import { createUserEntity, createUserStore } from '../auth/users';
import { createInstitutionEntity } from '../childcare/entities';
import { createFilingService } from '../childcare/filing/service';
import { createChildcareStats } from '../childcare/stats/service';
import { accessTableName, documentClient, mainTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { createHttpHandler, implement } from '../commons/router';
import { notifierFromEnv } from '../notifications/from-env';
import { createAccessChecks } from './jurisdiction';

/** The staff function group: review filings of the caller's jurisdiction, district figures. */
const table = mainTableName();
const institutions = createInstitutionEntity(documentClient, table);
const access = createAccessChecks(createUserStore(createUserEntity(documentClient, accessTableName())));
const filings = createFilingService({
  institutions,
  guards: createGuards(createGuardEntity(documentClient, table)),
  access,
  notifier: notifierFromEnv(documentClient, table),
});
const stats = createChildcareStats({ institutions, access });

export const handler = createHttpHandler([
  implement(api.staffFilings, ({ caller, query }) => filings.listForStaff(caller, query)),
  implement(api.decideFiling, ({ caller, params, body, now }) =>
    filings.decide(caller, params.id, body, now),
  ),
  implement(api.childcareStats, ({ caller, query, now }) => stats.figures(caller, query, now)),
]);
