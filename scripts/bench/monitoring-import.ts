/**
 * Population monitoring at scale (issue 11, decision 0020): the import path's
 * throughput against raw batch writes of the same items, the peak memory of a
 * 200,000-row import, indicators at 10k against 1M births, and the
 * reconciliation worklist of a district-month with 100k deliveries.
 *
 * One local runtime (dynalite, s3rver; nothing seeded) holds the store. The
 * work runs in child processes of this script (`… monitoring-import.ts child
 * <job>`), each with only the worker's code loaded, so a child's peak RSS is
 * what a worker Lambda of 512 MB would hold (dynalite and s3rver stay in the
 * parent). Files come from the generator (scripts/generate-monitoring.ts).
 *
 * Fails (exit 1) on a wrong answer: an import that did not accept every row,
 * raw writes that did not store every item, indicators whose births are not
 * the counters' sum, reconciliation counts that are not the gaps written, a
 * peak RSS over 512 MB. Prints `BENCH_ROWS [...]` for scripts/bench.ts and
 * writes the rows and raw figures to .bench/monitoring-import.json.
 *
 *   npx tsx scripts/bench/monitoring-import.ts
 *   BENCH_MONITORING_ROWS=20000 BENCH_MONITORING_FULL_200K=1 npx tsx scripts/bench/monitoring-import.ts
 *
 * BENCH_MONITORING_ROWS: rows of the throughput import (one district's deliveries; default 5,000).
 * BENCH_MONITORING_BIG_ROWS, BENCH_MONITORING_RECON: the 200,000 and 100,000 (smaller for a smoke run).
 * BENCH_MONITORING_FULL_200K=1: the 200,000-row import writes (default: a dry run — the same
 * stream, parse, validation and duplicate look-ups, no writes — since a full one takes a quarter
 * of an hour or more on dynalite).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type BenchRow = [measure: string, value: string, note: string];

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const self = fileURLToPath(import.meta.url);
const memoryBudgetMb = 512;

/** What a child job is told (JSON in argv) and answers (one `CHILD_RESULT {…}` line). */
interface ImportJob {
  job: 'import';
  uploadId: string;
  objectKey: string;
  size: number;
  sha256: string;
  /** District staff's district, or 'city' for city staff. */
  caller: string;
  dryRun: boolean;
}
interface ImportResult {
  ms: number;
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  runs: number;
  maxRssMb: number;
}

// ---------------------------------------------------------------- child side

async function child(job: Record<string, unknown>): Promise<unknown> {
  // Imported here: the functions' clients read the environment (set by the parent's runtime) on import.
  const { userIdForOpenid } = await import('@hongjia/functions/commons/users');
  const { documentClient, mainTableName } = await import('@hongjia/functions/commons/dynamo');
  const { piiCipher } = await import('@hongjia/functions/commons/pii/index');
  const { s3Client, uploadBucketName } = await import('@hongjia/functions/commons/s3');
  const wiring = await import('@hongjia/functions/monitoring/wiring');
  const { createRoot } = await import('@hongjia/functions/root');
  const { handleMonitoringMessage } = await import('@hongjia/functions/monitoring/worker');
  const { createUploadEntity } = await import('@hongjia/functions/uploads/entity');
  const { createMonitoringEntities } = await import('@hongjia/functions/monitoring/entities');
  const { createCounterStore } = await import('@hongjia/functions/monitoring/counters');
  const { gapIdOf } = await import('@hongjia/functions/monitoring/gaps');
  const { BatchWriteCommand, ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  type Message = import('@hongjia/functions/monitoring/messages').MonitoringMessage;
  type SessionUser = import('@hongjia/shared').SessionUser;
  type DistrictCode = import('@hongjia/shared').DistrictCode;
  const { districtCodes, emptyFigures } = await import('@hongjia/shared');

  const table = mainTableName();
  const cipher = await piiCipher();
  const staffOf = (scope: string): SessionUser =>
    scope === 'city'
      ? { id: userIdForOpenid('staff-city'), roles: ['staff'], cityWide: true }
      : { id: userIdForOpenid(`staff-${scope}`), roles: ['staff'], district: scope as DistrictCode };
  const pending: Message[] = [];
  const base = createRoot({
    client: documentClient,
    table,
    queue: {
      async send(message: unknown) {
        pending.push(message as Message);
      },
    },
  });

  if (job.job === 'import') {
    const spec = job as unknown as ImportJob;
    const caller = staffOf(spec.caller);
    const now = new Date();
    await createUploadEntity(documentClient, table)
      .put({
        uploadId: spec.uploadId,
        userId: caller.id,
        fileName: `${spec.uploadId}.csv`,
        contentType: 'text/csv',
        size: spec.size,
        sha256: spec.sha256,
        key: spec.objectKey,
        status: 'pending',
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
      })
      .go();
    const deps = wiring.monitoringWorkerDeps(base, {
      cipher,
      files: wiring.s3ImportFiles(s3Client, uploadBucketName()),
    });
    const { imports } = wiring.monitoringServices(base, cipher);
    const started = performance.now();
    const view = await imports.create(
      caller,
      { source: 'hospital_delivery', uploadId: spec.uploadId, dryRun: spec.dryRun },
      now,
    );
    // Each message as a worker invocation with Lambda's time limit: a long import checkpoints, hands
    // over and resumes in the next run, as deployed. Prunes are delayed past the runs; skipped here.
    let runs = 0;
    while (pending.length > 0) {
      const message = pending.shift() as Message;
      if (message.kind === 'prune') continue;
      if (message.kind === 'import') runs += 1;
      const deadline = Date.now() + wiring.workerTimeoutSeconds * 1000;
      await handleMonitoringMessage(deps, message, () => deadline - Date.now());
    }
    const ms = performance.now() - started;
    const done = (
      await createMonitoringEntities(documentClient, table).imports.get({ importId: view.id }).go()
    ).data;
    if (done?.status !== 'done')
      throw new Error(`import ended ${done?.status}: ${done?.failureMessage ?? ''}`);
    const result: ImportResult = {
      ms,
      rows: done.rows,
      accepted: done.accepted,
      duplicates: done.duplicates,
      rejected: done.rejected,
      runs,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    };
    return result;
  }

  if (job.job === 'raw') {
    // The items the import wrote (records of the district), written again under other keys as plain
    // batch writes: 25 an item batch, as many batches at once as the import writes records.
    const district = job.district as string;
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient.send(
        new ScanCommand({
          TableName: table,
          FilterExpression: '#e = :e AND #d = :d',
          ExpressionAttributeNames: { '#e': '__edb_e__', '#d': 'district' },
          ExpressionAttributeValues: { ':e': 'monitoringRecord', ':d': district },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      start = page.LastEvaluatedKey;
    } while (start);
    // Every key and index key renamed, so each copy costs the same index writes and meets no real item.
    const copies = items.map((item) => {
      const copy: Record<string, unknown> = { ...item };
      for (const key of ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']) {
        if (typeof copy[key] === 'string') copy[key] = `benchraw#${copy[key]}`;
      }
      return copy;
    });
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < copies.length; i += 25) batches.push(copies.slice(i, i + 25));
    const started = performance.now();
    let next = 0;
    const writer = async () => {
      while (next < batches.length) {
        let requests = (batches[next++] ?? []).map((Item) => ({ PutRequest: { Item } }));
        while (requests.length > 0) {
          const answer = await documentClient.send(
            new BatchWriteCommand({ RequestItems: { [table]: requests } }),
          );
          requests = (answer.UnprocessedItems?.[table] ?? []) as typeof requests;
        }
      }
    };
    await Promise.all(Array.from({ length: wiring.monitoringTuning.concurrency }, writer));
    const ms = performance.now() - started;
    let stored = 0;
    start = undefined;
    do {
      const page: { Count?: number; LastEvaluatedKey?: Record<string, unknown> } = await documentClient.send(
        new ScanCommand({
          TableName: table,
          Select: 'COUNT',
          FilterExpression: 'begins_with(pk, :p) AND #d = :d',
          ExpressionAttributeNames: { '#d': 'district' },
          ExpressionAttributeValues: { ':p': 'benchraw#', ':d': district },
          ExclusiveStartKey: start,
        }),
      );
      stored += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return { ms, items: copies.length, stored };
  }

  if (job.job === 'indicators') {
    // Counters as imports would leave them, written directly (importing a million rows on dynalite
    // takes hours): one item per district-month, `total` births spread over the year's 108 items.
    const counters = createCounterStore(documentClient, table);
    const { indicators } = wiring.monitoringServices(base, cipher);
    const city = staffOf('city');
    const sizes = job.sizes as { year: number; total: number }[];
    const answer: Record<string, unknown> = {};
    for (const { year, total } of sizes) {
      const cells = districtCodes.length * 12;
      let written = 0;
      for (const [d, district] of districtCodes.entries()) {
        for (let m = 1; m <= 12; m++) {
          const cell = d * 12 + (m - 1);
          const births = Math.floor(total / cells) + (cell < total % cells ? 1 : 0);
          const boys = Math.round(births * 0.52);
          const figures = {
            ...emptyFigures(),
            births,
            boys,
            girls: births - boys,
            parity1: births,
            age25to29: births,
            registered: Math.round(births * 0.85),
          };
          await counters.apply(
            `${district}#${year}-${String(m).padStart(2, '0')}`,
            figures,
            `bench${year}`,
            1,
          );
          written += births;
        }
      }
      if (written !== total) throw new Error(`wrote ${written} births, not ${total}`);
      const query = { from: `${year}-01`, to: `${year}-12` };
      const times: number[] = [];
      let births = -1;
      for (let round = 0; round < 31; round++) {
        const t0 = performance.now();
        const read = await indicators.read(city, query, new Date());
        times.push(performance.now() - t0);
        births = read.births;
      }
      times.sort((a, b) => a - b);
      answer[String(year)] = {
        total,
        births,
        p50: times[15],
        p90: times[27],
      };
    }
    return answer;
  }

  if (job.job === 'reconciliation') {
    // The gaps a district-month of `deliveries` deliveries opens at the seed's mix (15 % without a
    // 生育登记, 5 % without a certificate, 7 % without a vaccination), written as the import's
    // chunks write them (one item each) but directly: importing 100k rows takes an hour here.
    const district = job.district as DistrictCode;
    const month = job.month as string;
    const deliveries = job.deliveries as number;
    const mix = {
      delivery_without_registration: 0.15,
      delivery_without_birth_certificate: 0.05,
      birth_without_vaccination: 0.07,
    } as const;
    const entities = createMonitoringEntities(documentClient, table);
    const createdAt = new Date().toISOString();
    const expected: Record<string, number> = {};
    for (const [kind, share] of Object.entries(mix) as [keyof typeof mix, number][]) {
      const count = Math.round(deliveries * share);
      expected[kind] = count;
      const items = Array.from({ length: count }, (_, n) => {
        const subject = `bench-delivery-${district}-${month}-${n}`;
        return {
          gapId: gapIdOf(kind, subject),
          kind,
          district,
          month,
          status: 'open' as const,
          visibleFrom: `${month}-15`,
          references: [
            { label: '分娩记录', value: `BD-${n}` },
            { label: '母亲身份证', value: '360102********0021' },
          ],
          detail: '分娩记录未找到对应的生育登记',
          version: 0,
          createdAt,
        };
      });
      await entities.gaps.put(items).go({ concurrency: wiring.monitoringTuning.concurrency });
    }
    const { reconciliation } = wiring.monitoringServices(base, cipher);
    const staff = staffOf(district);
    const times: number[] = [];
    let counts: Record<string, number> = {};
    let items = 0;
    for (let round = 0; round < 11; round++) {
      const t0 = performance.now();
      const page = await reconciliation.list(staff, { month, status: 'open', limit: 50 }, new Date());
      times.push(performance.now() - t0);
      counts = page.counts;
      items = page.items.length;
    }
    times.sort((a, b) => a - b);
    return { expected, counts, items, p50: times[5], max: times[10] };
  }
  throw new Error(`unknown job ${String(job.job)}`);
}

// ---------------------------------------------------------------- parent side

/** Async: this process serves dynalite and s3rver to the child, so its event loop must keep running. */
function runChild<T>(job: Record<string, unknown>): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const run = spawn(tsx, [self, 'child', JSON.stringify(job)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    let stdout = '';
    run.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    run.on('error', reject);
    run.on('close', (status) => {
      const line = stdout.split('\n').find((l) => l.startsWith('CHILD_RESULT '));
      if (status !== 0 || !line) reject(new Error(`child ${String(job.job)} failed (exit ${status})`));
      else resolvePromise(JSON.parse(line.slice('CHILD_RESULT '.length)) as T);
    });
  });
}

async function parent() {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const throughputRows = Number(process.env.BENCH_MONITORING_ROWS ?? 5_000);
  const full200k = process.env.BENCH_MONITORING_FULL_200K === '1';
  const bigRows = Number(process.env.BENCH_MONITORING_BIG_ROWS ?? 200_000);
  const reconDeliveries = Number(process.env.BENCH_MONITORING_RECON ?? 100_000);
  const { startLocalRuntime } = await import('../../local/runtime');
  const dataDir = mkdtempSync(join(tmpdir(), 'hongjia-bench-monitoring-'));
  const filesDir = mkdtempSync(join(tmpdir(), 'hongjia-bench-monitoring-files-'));
  const runtime = await startLocalRuntime({ dataDir, port: 0, seed: false });
  const wrong: string[] = [];
  const rows: BenchRow[] = [];
  const figures: Record<string, unknown> = {};
  try {
    // The generator at ≈ 22,223 births a district: nine delivery files of 200,000 rows together.
    const perDistrict = Math.ceil(Math.max(bigRows, throughputRows) / 9);
    const generated = spawnSync(
      tsx,
      [
        join(repoRoot, 'scripts', 'generate-monitoring.ts'),
        '--births-per-district',
        String(perDistrict),
        '--out',
        filesDir,
      ],
      { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (generated.status !== 0) throw new Error('generate-monitoring failed');
    const deliveryFiles = readdirSync(filesDir)
      .filter((name) => name.startsWith('hospital_delivery-'))
      .sort();
    const linesOf = (name: string) =>
      readFileSync(join(filesDir, name), 'utf8').split('\r\n').filter(Boolean);

    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    const { s3Client: s3, uploadBucketName } = await import('@hongjia/functions/commons/s3');
    const store = async (uploadId: string, path: string) => {
      const bytes = readFileSync(path);
      const objectKey = `imports/${uploadId}`;
      await s3.send(
        new PutObjectCommand({
          Bucket: uploadBucketName(),
          Key: objectKey,
          Body: createReadStream(path),
          ContentLength: bytes.length,
          ContentType: 'text/csv',
        }),
      );
      return {
        uploadId,
        objectKey,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('base64'),
      };
    };

    // 1. Throughput: one district's first N deliveries through the import path, then the same items raw.
    const district = '360102';
    const districtLines = linesOf(`hospital_delivery-${district}.csv`);
    const sample = join(filesDir, 'throughput.csv');
    writeFileSync(sample, `${districtLines.slice(0, throughputRows + 1).join('\r\n')}\r\n`);
    const sampleRows = Math.min(throughputRows, districtLines.length - 1);
    const imported = await runChild<ImportResult>({
      job: 'import',
      ...(await store('upl_bench_throughput', sample)),
      caller: district,
      dryRun: false,
    } satisfies ImportJob);
    if (imported.accepted !== sampleRows)
      wrong.push(`throughput import accepted ${imported.accepted} of ${sampleRows}`);
    const raw = await runChild<{ ms: number; items: number; stored: number }>({ job: 'raw', district });
    if (raw.items !== imported.accepted || raw.stored !== raw.items)
      wrong.push(
        `raw writes: ${raw.stored} stored of ${raw.items} items (import accepted ${imported.accepted})`,
      );
    const importRate = imported.accepted / (imported.ms / 1000);
    const rawRate = raw.items / (raw.ms / 1000);
    figures.throughput = { imported, raw, importRate, rawRate };
    rows.push(
      [
        'monitoring import: rows/s',
        `${importRate.toFixed(0)} rows/s`,
        `${sampleRows.toLocaleString('en')} deliveries of one district (generator), the worker's own code in a child process on the local dynalite; chunks of 500, 16 records at once; ${(imported.ms / 1000).toFixed(1)} s`,
      ],
      [
        'monitoring import: raw batch writes',
        `${rawRate.toFixed(0)} items/s`,
        `the ${raw.items.toLocaleString('en')} records the import wrote, copied under other keys by BatchWriteItem (25 a batch, 16 at once) into the same store; ${(raw.ms / 1000).toFixed(1)} s`,
      ],
      [
        'monitoring import / raw writes',
        (importRate / rawRate).toFixed(2),
        'the import also validates each row, opens the sealed values, creates each record conditionally, applies counters once per chunk, matches sources and opens or closes gaps, and checkpoints',
      ],
      [
        'monitoring import: peak RSS (throughput run)',
        `${imported.maxRssMb.toFixed(0)} MB`,
        `child process maxRSS, ${sampleRows.toLocaleString('en')} rows written; budget ${memoryBudgetMb} MB`,
      ],
    );
    if (imported.maxRssMb > memoryBudgetMb)
      wrong.push(`throughput import RSS ${imported.maxRssMb.toFixed(0)} MB`);

    // 2. Peak RSS of a 200,000-row file: the nine districts' delivery files as one, imported by city staff.
    const big = join(filesDir, 'city-200k.csv');
    const header = districtLines[0] as string;
    const bigLines: string[] = [header];
    for (const name of deliveryFiles) bigLines.push(...linesOf(name).slice(1));
    writeFileSync(big, `${bigLines.slice(0, bigRows + 1).join('\r\n')}\r\n`);
    bigLines.length = 0;
    const large = await runChild<ImportResult>({
      job: 'import',
      ...(await store('upl_bench_200k', big)),
      caller: 'city',
      dryRun: !full200k,
    } satisfies ImportJob);
    // Rows the throughput import wrote come back as duplicates; every other row counts as accepted.
    if (large.rows !== bigRows || large.accepted + large.duplicates !== bigRows)
      wrong.push(
        `200k import: rows ${large.rows}, accepted ${large.accepted}, duplicates ${large.duplicates}, rejected ${large.rejected}`,
      );
    if (large.maxRssMb > memoryBudgetMb) wrong.push(`200k import RSS ${large.maxRssMb.toFixed(0)} MB`);
    figures.import200k = { ...large, full: full200k };
    rows.push([
      `monitoring import ${bigRows.toLocaleString('en')} rows${full200k ? '' : ' (dry run)'}: peak RSS`,
      `${large.maxRssMb.toFixed(0)} MB`,
      `child process maxRSS; budget ${memoryBudgetMb} MB; ${(large.ms / 1000).toFixed(0)} s in ${large.runs} worker run(s) of at most 300 s; ${full200k ? 'every row written' : 'a dry run streams, parses, validates and looks each key up, writing nothing (BENCH_MONITORING_FULL_200K=1 writes)'}`,
    ]);

    // 3. Indicators of a city year at 10k and at 1M births (counters written directly).
    const sizes = [
      { year: 2021, total: 10_000 },
      { year: 2022, total: 1_000_000 },
    ];
    const read = await runChild<Record<string, { total: number; births: number; p50: number; p90: number }>>({
      job: 'indicators',
      sizes,
    });
    for (const { year, total } of sizes) {
      const answer = read[String(year)];
      if (answer?.births !== total) wrong.push(`indicators ${year}: births ${answer?.births}, not ${total}`);
    }
    const small = read['2021'] as { p50: number; p90: number };
    const large1m = read['2022'] as { p50: number; p90: number };
    figures.indicators = read;
    rows.push(
      [
        'indicators, city year, 10k births: p50 / p90',
        `${small.p50.toFixed(1)} / ${small.p90.toFixed(1)} ms`,
        '31 reads in process (service, no HTTP): nine counter Queries of 18 months (6 before, for the trend flag) and the identity-conflict counts',
      ],
      [
        'indicators, city year, 1M births: p50 / p90',
        `${large1m.p50.toFixed(1)} / ${large1m.p90.toFixed(1)} ms`,
        'the same 108 counter items with larger numbers: built from counters directly (importing 1M rows would take hours on dynalite)',
      ],
      [
        'indicators p50 ratio 1M / 10k',
        (large1m.p50 / small.p50).toFixed(2),
        'counters, never the records: flat',
      ],
    );

    // 4. The reconciliation worklist of a district-month with 100k deliveries.
    const recon = await runChild<{
      expected: Record<string, number>;
      counts: Record<string, number>;
      items: number;
      p50: number;
      max: number;
    }>({ job: 'reconciliation', district: '360103', month: '2022-06', deliveries: reconDeliveries });
    for (const [kind, count] of Object.entries(recon.expected)) {
      if (recon.counts[kind] !== count)
        wrong.push(`reconciliation ${kind}: ${recon.counts[kind]}, not ${count}`);
    }
    if (recon.items !== 50) wrong.push(`reconciliation page of ${recon.items}, not 50`);
    const gapsWritten = Object.values(recon.expected).reduce((a, b) => a + b, 0);
    figures.reconciliation = recon;
    rows.push([
      `reconciliation, district-month of ${reconDeliveries.toLocaleString('en')} deliveries: p50 / max`,
      `${recon.p50.toFixed(0)} / ${recon.max.toFixed(0)} ms`,
      `${gapsWritten.toLocaleString('en')} open gaps (15 % / 5 % / 7 % of the deliveries), written directly; 11 reads of the five open counts (COUNT Queries) and the first page of 50`,
    ]);

    rows.push(['monitoring bench: wrong answers', String(wrong.length), wrong.join('; ') || 'none']);
    process.stderr.write(`${rows.map((row) => row.join('  ')).join('\n')}\n`);
    const benchDir = join(repoRoot, '.bench');
    mkdirSync(benchDir, { recursive: true });
    writeFileSync(
      join(benchDir, 'monitoring-import.json'),
      JSON.stringify({ at: new Date().toISOString(), node: process.version, rows, figures }, null, 2),
    );
    console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
    if (wrong.length > 0) process.exitCode = 1;
  } finally {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(filesDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') {
  const result = await child(JSON.parse(process.argv[3] ?? '{}') as Record<string, unknown>);
  console.log(`CHILD_RESULT ${JSON.stringify(result)}`);
} else {
  await parent();
}
