import * as api from '@hongjia/shared/api/routes';
import { createFilingServices } from '../childcare/filing/services';
import { createChildcareStats } from '../childcare/stats/service';
import { documentClient, mainTableName } from '../commons/dynamo';
import { createHttpHandler, implement } from '../commons/router';
import { notifierFromEnv } from '../notifications/from-env';

/**
 * The staff function group: review filings of the caller's jurisdiction and
 * the conflicts over their credit codes (decision 0013), district figures.
 */
const table = mainTableName();
const { institutions, access, filings, conflicts } = createFilingServices({
  client: documentClient,
  table,
  notifier: notifierFromEnv(documentClient, table),
});
const stats = createChildcareStats({ institutions, access });

export const handler = createHttpHandler([
  implement(api.staffFilings, ({ caller, query }) => filings.listForStaff(caller, query)),
  implement(api.decideFiling, ({ caller, params, body, now, requestId, sourceIp }) =>
    filings.decide(caller, params.id, body, now, { requestId, sourceIp }),
  ),
  implement(api.childcareStats, ({ caller, query, now }) => stats.figures(caller, query, now)),
  implement(api.staffFilingConflicts, ({ caller, query }) => conflicts.list(caller, query)),
  implement(api.resolveFilingConflict, ({ caller, params, body, now, requestId, sourceIp }) =>
    conflicts.resolve(caller, params.id, body, { now, requestId, sourceIp }),
  ),
]);
