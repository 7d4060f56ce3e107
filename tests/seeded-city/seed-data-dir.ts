import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalRuntime } from '../../local/runtime';
import { completeMarker, templateMonitoringBirths } from './template';

/**
 * `node --import tsx tests/seeded-city/seed-data-dir.ts <dir>`: seeds the demo city into
 * `<dir>` through the real runtime, stops it, and marks the dir complete (template.ts).
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: seed-data-dir.ts <data dir>');
const started = Date.now();
const runtime = await startLocalRuntime({
  dataDir,
  port: 0,
  monitoringBirthsPerDistrict: templateMonitoringBirths,
});
await runtime.stop();
writeFileSync(join(dataDir, completeMarker), new Date().toISOString());
console.log(`seeded the test city once for this run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
