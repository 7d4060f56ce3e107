import { documentClient, mainTableName } from '../commons/dynamo';
import { piiResponseSealer } from '../commons/pii';
import { createHttpHandler } from '../commons/router';
import { lazyCipher } from '../monitoring/lazy-cipher';
import { createMonitoringRoutes } from '../monitoring/routes';
import { monitoringServices } from '../monitoring/wiring';

/** The monitoring group: imports, indicators, reconciliation for staff. */
export const handler = createHttpHandler(
  createMonitoringRoutes(
    monitoringServices({ client: documentClient, table: mainTableName(), cipher: lazyCipher() }),
  ),
  // A resolution's answer carries the staff note, which may name people: replays are kept sealed.
  { sealStoredResponses: piiResponseSealer },
);
