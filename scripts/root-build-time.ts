/**
 * What building the composition root costs at a cold start (decision 0024):
 * `npx tsx scripts/root-build-time.ts`. Prints the time to create the root (its pieces are
 * built on first use) and to build every piece (the most any process could build). (It also
 * timed joining the entities into an ElectroDB Service; ElectroDB is gone, decision 0037.)
 * No I/O: entities are plain objects until a request sends a command.
 */
import { performance } from 'node:perf_hooks';

Object.assign(process.env, {
  TABLE_NAME: 'main',
  ACCESS_TABLE_NAME: 'access',
  AUDIT_TABLE_NAME: 'audit',
  WECHAT_AUTH_MODE: 'dev',
  STAGE: 'test',
  AWS_REGION: process.env.AWS_REGION ?? 'cn-northwest-1',
});
const { createRoot } = await import('@hongjia/functions/root');
const { documentClient } = await import('@hongjia/functions/commons/dynamo');

const ms = (from: number) => Number((performance.now() - from).toFixed(2));
let started = performance.now();
const root = createRoot({ client: documentClient, table: 'main' });
const createMs = ms(started);

started = performance.now();
const entities = Object.values(root.entities);
void [
  root.guards,
  root.access,
  root.users,
  root.callers,
  root.audit,
  root.notifier,
  root.limiter,
  root.clock,
];
const everyPieceMs = ms(started);

console.log(
  JSON.stringify({
    createMs,
    everyPieceMs,
    builtValues: entities.length,
  }),
);
