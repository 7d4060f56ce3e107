/**
 * A parent of the store process (local/dynamodb.ts `startDynalite`) for store-process.test.ts:
 * starts dynalite on `<path>`, prints `{"storePid":…,"endpoint":…}` and waits to be ended.
 */
import { startDynalite } from '../../../local/dynamodb';

const path = process.argv[2];
if (!path) throw new Error('usage: parent.ts <path>');
const store = await startDynalite(path);
process.stdout.write(`${JSON.stringify({ storePid: store.pid, endpoint: store.endpoint })}\n`);
setInterval(() => {}, 60_000);
