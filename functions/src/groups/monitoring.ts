import { piiResponseSealer } from '../commons/pii';
import { lazyCipher } from '../monitoring/lazy-cipher';
import { createMonitoringRoutes } from '../monitoring/routes';
import { monitoringServices } from '../monitoring/wiring';
import { monitoringEntities, rootFromEnv, serve } from '../root';

/** The monitoring group: imports, indicators, reconciliation for staff. */
const root = rootFromEnv({}, monitoringEntities);

export const handler = serve(
  root,
  createMonitoringRoutes(monitoringServices(root, lazyCipher(root.cipher))),
  {
    // A resolution's answer carries the staff note, which may name people: replays are kept sealed.
    sealStoredResponses: piiResponseSealer,
  },
);
