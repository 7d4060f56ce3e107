/**
 * Bench: the data-access library by numbers (issue 13 item 4, decision 0026). One entity shape
 * (the booking) stored three ways — ElectroDB 3 (today's), dynamodb-toolbox 2, plain
 * DocumentClient helpers (scripts/bench/data-access/) — and for each: the bundle it makes with
 * the functions' esbuild options (SDK external), its cold import in fresh processes with
 * source maps on, and the CPU per call of create, get and a 20-item list against a stub
 * client (no network, so the library's own work: building the request, checking and
 * formatting the item). Fails when a variant reads back something other than it wrote.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { functionBuildOptions } from '../function-build-options';
import { electroStore } from './data-access/electrodb';
import { layerStore } from './data-access/layer';
import { plainStore } from './data-access/plain';
import { type Booking, type BookingStore, type SendOnly, sampleBooking } from './data-access/shape';
import { toolboxStore } from './data-access/toolbox';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const outDir = join(repoRoot, '.bench', 'data-access');

const variants = [
  { name: 'plain DocumentClient helpers', file: 'plain', factory: 'plainStore', make: plainStore },
  { name: 'dynamodb-toolbox 2.10.6', file: 'toolbox', factory: 'toolboxStore', make: toolboxStore },
  { name: 'ElectroDB 3.9.3', file: 'electrodb', factory: 'electroStore', make: electroStore },
  { name: 'entity layer (decision 0037)', file: 'layer', factory: 'layerStore', make: layerStore },
] as const;

/** A document client that keeps items in memory: Put, Get, and Query on gsi1 (newest first). */
function stubClient(): SendOnly {
  const items = new Map<string, Record<string, unknown>>();
  const byGsi1 = new Map<string, Record<string, unknown>[]>();
  return {
    async send(command) {
      const { constructor: kind, input } = command as {
        constructor: { name: string };
        input: Record<string, unknown>;
      };
      switch (kind.name) {
        case 'PutCommand': {
          const item = input.Item as Record<string, unknown>;
          items.set(`${item.pk}|${item.sk}`, item);
          const partition = String(item.gsi1pk);
          byGsi1.set(partition, [...(byGsi1.get(partition) ?? []), item]);
          return {};
        }
        case 'GetCommand': {
          const key = input.Key as Record<string, unknown>;
          return { Item: items.get(`${key.pk}|${key.sk}`) };
        }
        case 'QueryCommand': {
          const values = Object.values(input.ExpressionAttributeValues as Record<string, unknown>);
          const partition = values.find((value) => byGsi1.has(String(value)));
          const found = [...(byGsi1.get(String(partition)) ?? [])].sort((a, b) =>
            String(b.gsi1sk).localeCompare(String(a.gsi1sk)),
          );
          return { Items: found.slice(0, Number(input.Limit ?? found.length)), Count: found.length };
        }
        default:
          throw new Error(`stub: no ${kind.name}`);
      }
    },
  };
}

/** µs of CPU (user + system) per call of `call`, after a warm-up. */
async function cpuPerCall(calls: number, call: (n: number) => Promise<unknown>): Promise<number> {
  for (let n = 0; n < 300; n++) await call(n);
  const start = process.cpuUsage();
  for (let n = 0; n < calls; n++) await call(n);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

async function measure(make: (client: SendOnly, table: string) => BookingStore) {
  const store = make(stubClient(), 'bench-table');
  // The same family's 20 bookings to list; every other booking goes to a family of its own.
  const family: Booking[] = [];
  for (let n = 0; n < 20; n++) {
    const booking = sampleBooking(n);
    family.push(booking);
    await store.create(booking);
  }
  const readBack = await store.get(family[3]?.bookingId ?? '');
  const listed = await store.listByUser('user_7f3a', 20);
  const newestFirst = [...family].sort((a, b) =>
    `${b.createdAt}${b.bookingId}`.localeCompare(`${a.createdAt}${a.bookingId}`),
  );
  const correct =
    isDeepStrictEqual(readBack, family[3]) &&
    listed.length === 20 &&
    listed.every((booking, i) => booking.bookingId === newestFirst[i]?.bookingId);
  const create = await cpuPerCall(3000, (n) =>
    store.create({ ...sampleBooking(1000 + n), userId: `user_${n.toString(36)}` }),
  );
  const get = await cpuPerCall(3000, (n) => store.get(family[n % 20]?.bookingId ?? ''));
  const list = await cpuPerCall(1000, () => store.listByUser('user_7f3a', 20));
  return { correct, create, get, list };
}

async function bundle(file: string, factory: string) {
  const outfile = join(outDir, file, 'index.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  const result = await build({
    stdin: {
      contents: `export { ${factory} } from './data-access/${file}';`,
      resolveDir: here,
      loader: 'ts',
    },
    outfile,
    ...functionBuildOptions,
  });
  writeFileSync(join(outDir, file, 'meta.json'), JSON.stringify(result.metafile));
  const code = readFileSync(outfile);
  return { outfile, bytes: code.length, gzip: gzipSync(code).length };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const sdkEntry = join(repoRoot, 'node_modules/@aws-sdk/lib-dynamodb/dist-cjs/index.js');

/**
 * The library's own import: in a fresh process, the DynamoDB document client first, both its
 * CommonJS build (ElectroDB requires it) and its ES module build (what our code and
 * dynamodb-toolbox import) — timed as the floor — then the bundle. Rounds go through the variants in turn, so a
 * busy machine slows them alike; p50 of the rounds.
 */
function importTimes(outfiles: string[], rounds = 9): { floor: number; own: number[] } {
  const floors: number[] = [];
  const own = outfiles.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    outfiles.forEach((outfile, i) => {
      const probe = spawnSync(
        process.execPath,
        [
          '--enable-source-maps',
          '--input-type=module',
          '-e',
          `let t = performance.now(); await import(${JSON.stringify(sdkEntry)}); await import('@aws-sdk/lib-dynamodb'); const sdk = performance.now() - t; t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(sdk, performance.now() - t);`,
        ],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          env: { ...process.env, NODE_NO_WARNINGS: '1', AWS_REGION: 'cn-northwest-1' },
        },
      );
      if (probe.status !== 0) throw new Error(`import of ${outfile} failed: ${probe.stderr.slice(-1500)}`);
      const [sdk, bundle] = probe.stdout.trim().split('\n').pop()?.split(' ').map(Number) ?? [];
      floors.push(sdk ?? Number.NaN);
      own[i]?.push(bundle ?? Number.NaN);
    });
  }
  const p50 = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { floor: p50(floors), own: own.map(p50) };
}

async function main() {
  const rows: [string, string, string][] = [];
  const built = [];
  for (const variant of variants) built.push(await bundle(variant.file, variant.factory));
  const imports = importTimes(built.map((b) => b.outfile));
  let wrong = false;
  for (const [i, variant] of variants.entries()) {
    const cpu = await measure(variant.make);
    const size = built[i] ?? { bytes: 0, gzip: 0 };
    if (!cpu.correct) {
      console.error(`${variant.name}: read back something other than it wrote`);
      wrong = true;
    }
    rows.push([
      `data access: ${variant.name}`,
      `${kib(size.bytes)} (gzip ${kib(size.gzip)})`,
      `its own import p50 ${(imports.own[i] ?? Number.NaN).toFixed(1)} ms after the DynamoDB SDK's ${imports.floor.toFixed(0)} ms (CJS and ESM builds) (source maps on, 9 fresh processes); CPU per call: create ${cpu.create.toFixed(0)} µs, get ${cpu.get.toFixed(0)} µs, list of 20 ${cpu.list.toFixed(0)} µs (stub client, no network)`,
    ]);
  }
  if (wrong) process.exit(1);
  console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
