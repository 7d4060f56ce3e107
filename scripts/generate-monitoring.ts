/**
 * Writes synthetic population-monitoring files in the four import layouts
 * (hospital_delivery, birth_certificate, vaccination, household_migration),
 * one CSV per source and district, for benches and demo imports: the same
 * generator as the demo seed (local/seed/monitoring-files.ts) at any scale.
 *
 *   npx tsx scripts/generate-monitoring.ts [--births-per-district 4000] [--out monitoring-data]
 *
 * 4000 births a district is ≈ 36,000 a year for the city (Nanchang's order of
 * magnitude). Every file imports through 数据导入 (or POST …/imports) as is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { monitoringSources } from '@hongjia/shared';
import { planMonitoringFiles } from '../local/seed/monitoring-files';

const { values } = parseArgs({
  options: {
    'births-per-district': { type: 'string', default: '4000' },
    out: { type: 'string', default: 'monitoring-data' },
    seed: { type: 'string', default: '20260101' },
  },
});
const perDistrict = Number(values['births-per-district']);
if (!Number.isInteger(perDistrict) || perDistrict < 1) {
  throw new Error('--births-per-district must be a positive whole number');
}
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const plan = planMonitoringFiles(new Date(), perDistrict, Number(values.seed));
let rows = 0;
for (const source of monitoringSources) {
  for (const file of plan.files[source]) {
    writeFileSync(join(out, `${source}-${file.district}.csv`), file.csv);
    rows += file.rows;
  }
}
console.log(`wrote ${rows} rows in ${monitoringSources.length * 9} files to ${out}`);
