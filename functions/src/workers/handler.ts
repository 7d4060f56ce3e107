import { documentClient, mainTableName } from '../commons/dynamo';
import { drainBundleOutbox } from './bundle-outbox';
import { bundleOutboxDepsFromEnv } from './from-env';

/**
 * The scheduled worker (an EventBridge rule, every minute): drains the
 * 出生一件事 outbox. Overlapping runs are safe: each item is claimed by one
 * conditional update.
 */
const deps = bundleOutboxDepsFromEnv(documentClient, mainTableName());

export const handler = async () => drainBundleOutbox(deps, new Date());
