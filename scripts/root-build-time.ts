/**
 * What building the composition root costs at a cold start (decision 0024):
 * `npx tsx scripts/root-build-time.ts`. Prints the time to create the root (its pieces are
 * built on first use), to build every piece (the most any process could build), and to join
 * the main table's entities into one ElectroDB Service (which the root does not do).
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
const { Entity, Service } = await import('electrodb');

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

const fresh = createRoot({ client: documentClient, table: 'main' });
const mainTable = Object.fromEntries(
  Object.entries(fresh.entities).filter(
    ([name, entity]) => entity instanceof Entity && name !== 'users' && name !== 'audit',
  ),
);
started = performance.now();
new Service(mainTable as ConstructorParameters<typeof Service>[0], { client: documentClient, table: 'main' });
const serviceJoinMs = ms(started);

console.log(
  JSON.stringify({
    createMs,
    everyPieceMs,
    builtValues: entities.length,
    serviceJoinMs,
    joined: Object.keys(mainTable).length,
  }),
);
