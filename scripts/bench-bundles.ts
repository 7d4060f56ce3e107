/**
 * The `bundles` bench's function half (issue 13 item 4, decision 0026): the function code as
 * synthesized. It runs `npm run synth`, finds each group's asset in infra/cdk.out through the
 * template, and reports per group: the minified bundle and its gzip, the source map, files
 * beside it (the reports font), and the cold import — `import()` of the bundle in a fresh Node
 * process, p50 of several, with `--enable-source-maps` as deployed and without. It rebuilds
 * each group with the construct's own esbuild options (infra/lib/hongjia-function.ts
 * `functionBundling`) to read esbuild's metafile, checks that rebuild is the synthesized bundle
 * to the byte, and summarises what is inside by package. A group over the size budget is
 * listed in `overBudget` (the caller fails the run after writing the figures).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { functionGroups } from '@hongjia/functions/manifest';
import { tableSpecs } from '@hongjia/infra/table-spec';
import { build } from 'esbuild';
import { functionBuildOptions } from './function-build-options';

/** Issue 13: each group's minified bundle as synthesized, and its cold import p50 as deployed. */
export const bundleBudgetBytes = 300 * 1024;
export const coldImportTargetMs = 100;
/**
 * Fresh processes per figure. Run to run, a p50 of 7 moved by ±15 ms on this 2-core machine,
 * as much as the margin to the target; 15 keep it steady enough to compare groups.
 */
const importRuns = 15;

type Row = [measure: string, value: string, note: string];

export interface BundleDetail {
  group: string;
  asset: string;
  bytes: number;
  gzipBytes: number;
  mapBytes: number;
  besideBytes: Record<string, number>;
  coldImportMs: { withSourceMaps: number; withoutSourceMaps: number };
  /** Import, then the DynamoDB SDK loaded and its client built, as the first store call does (with source maps). */
  coldImportWithStoreMs?: number;
  /** Bytes in the output by package (node_modules) or source folder, largest first. */
  inputs: { input: string; bytes: number }[];
  /** Packages left to the runtime (the AWS SDK v3) and Node built-ins the bundle imports. */
  externals: string[];
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Environment a deployed function has, minus anything that would reach the network at import. */
const importEnv = {
  ...process.env,
  ...Object.fromEntries(tableSpecs.map((spec) => [spec.envVar, `bench-${spec.envVar.toLowerCase()}`])),
  UPLOAD_BUCKET: 'bench-uploads',
  SESSION_VERIFY_KEYS_ARN: 'arn:aws-cn:secretsmanager:cn-northwest-1:000000000000:secret:bench',
  WECHAT_AUTH_MODE: 'wechat',
  WECHAT_APP_ID: 'wx0000000000000000',
  STAGE: 'bench',
  AWS_REGION: 'cn-northwest-1',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  NODE_NO_WARNINGS: '1',
};

/** p50 of `import(specifier)` in fresh processes (the time the import takes, not Node's start). */
export function coldImportMs(specifier: string, nodeFlags: string[], runs = importRuns): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const probe = spawnSync(
      process.execPath,
      [
        ...nodeFlags,
        '--input-type=module',
        '-e',
        `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`,
      ],
      { env: importEnv, encoding: 'utf8' },
    );
    // The last lines say why (the first are the minified line the error points into).
    if (probe.status !== 0)
      throw new Error(`import of ${specifier} failed: ${probe.stderr.split('\n').slice(-12).join('\n')}`);
    times.push(Number(probe.stdout.trim().split('\n').pop()));
  }
  return median(times);
}

/**
 * What a group's first store call adds to its import (decision 0026, 2026-12-01): the bundle
 * loads no SDK at import (commons/aws-sdk.ts), so the first request that reaches DynamoDB
 * loads it then. This is import + that load: the bundle, then the runtime's DynamoDB client and
 * document client required and built as commons/dynamo.ts builds them at first use, and one
 * command made — p50 of fresh processes with source maps, so both halves of the cost show.
 */
export function coldImportWithStoreMs(specifier: string, runs = importRuns): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const probe = spawnSync(
      process.execPath,
      [
        '--enable-source-maps',
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module';
        const t = performance.now();
        await import(${JSON.stringify(specifier)});
        const sdk = createRequire(${JSON.stringify(specifier)});
        const { DynamoDBClient } = sdk('@aws-sdk/client-dynamodb');
        const { DynamoDBDocumentClient, GetCommand } = sdk('@aws-sdk/lib-dynamodb');
        DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 5 }), { marshallOptions: { removeUndefinedValues: true } });
        new GetCommand({ TableName: 'bench', Key: { pk: 'a', sk: 'b' } });
        console.log(performance.now() - t);`,
      ],
      { env: importEnv, encoding: 'utf8' },
    );
    if (probe.status !== 0)
      throw new Error(`import of ${specifier} failed: ${probe.stderr.split('\n').slice(-12).join('\n')}`);
    times.push(Number(probe.stdout.trim().split('\n').pop()));
  }
  return median(times);
}

/** `npm run synth`, then each group's asset directory from the template (construct path → asset). */
function synthesizedAssets(repoRoot: string): Map<string, string> {
  console.log('synthesizing (npm run synth) …');
  const synth = spawnSync('npm', ['run', 'synth'], { cwd: repoRoot, encoding: 'utf8' });
  if (synth.status !== 0) throw new Error(`npm run synth failed:\n${synth.stderr.slice(-2000)}`);
  const out = join(repoRoot, 'infra', 'cdk.out');
  const template = JSON.parse(readFileSync(join(out, 'Hongjia-cn.template.json'), 'utf8')) as {
    Resources: Record<string, { Type: string; Metadata?: Record<string, unknown> }>;
  };
  const assets = new Map<string, string>();
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const path = String(resource.Metadata?.['aws:cdk:path'] ?? '');
    const asset = resource.Metadata?.['aws:asset:path'];
    const group = /^Hongjia-cn\/([^/]+)\/Function\/Resource$/.exec(path)?.[1];
    if (group && typeof asset === 'string') assets.set(group, join(out, asset));
  }
  return assets;
}

/** Where an input of the metafile comes from: its package, or its source folder. */
function inputOwner(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
  if (pkg) return pkg;
  return /^(functions\/src\/[^/]+|shared\/src\/[^/]+)/.exec(input)?.[1] ?? input;
}

/** The group rebuilt with the construct's options, in memory, with its metafile. */
async function metafileOf(repoRoot: string, entry: string) {
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [join(repoRoot, 'functions', entry)],
    outfile: join(repoRoot, '.bench', 'index.mjs'),
    write: false,
    ...functionBuildOptions,
  });
  const [, output] =
    Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs')) ??
    (() => {
      throw new Error(`no .mjs output for ${entry}`);
    })();
  const owners = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    owners.set(inputOwner(input), (owners.get(inputOwner(input)) ?? 0) + bytesInOutput);
  }
  return {
    bytes: output.bytes,
    inputs: [...owners].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes),
    externals: [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort(),
  };
}

export async function benchBundles(repoRoot: string) {
  const assets = synthesizedAssets(repoRoot);
  const rows: Row[] = [];
  const details: BundleDetail[] = [];
  const overBudget: string[] = [];
  // The runtime's DynamoDB SDK alone: what a group's first store call loads (commons/aws-sdk.ts).
  const sdkFloor = coldImportMs(join(repoRoot, 'node_modules/@aws-sdk/lib-dynamodb/dist-cjs/index.js'), []);
  for (const group of functionGroups) {
    const dir = assets.get(group.name);
    if (!dir || !existsSync(join(dir, 'index.mjs')))
      throw new Error(`no synthesized asset for group ${group.name}`);
    const code = readFileSync(join(dir, 'index.mjs'));
    const meta = await metafileOf(repoRoot, group.entry);
    if (meta.bytes !== code.length)
      throw new Error(
        `${group.name}: the rebuild (${meta.bytes} B) is not the synthesized bundle (${code.length} B): bench and construct options differ`,
      );
    const besideBytes = Object.fromEntries(
      readdirSync(dir)
        .filter((file) => !file.startsWith('index.mjs'))
        .map((file) => [file, statSync(join(dir, file)).size]),
    );
    const detail: BundleDetail = {
      group: group.name,
      asset: dir.slice(repoRoot.length),
      bytes: code.length,
      gzipBytes: gzipSync(code).length,
      mapBytes: existsSync(join(dir, 'index.mjs.map')) ? statSync(join(dir, 'index.mjs.map')).size : 0,
      besideBytes,
      coldImportMs: {
        withSourceMaps: coldImportMs(join(dir, 'index.mjs'), ['--enable-source-maps']),
        withoutSourceMaps: coldImportMs(join(dir, 'index.mjs'), []),
      },
      coldImportWithStoreMs: coldImportWithStoreMs(join(dir, 'index.mjs')),
      inputs: meta.inputs,
      externals: meta.externals,
    };
    details.push(detail);
    const over = detail.bytes > bundleBudgetBytes;
    if (over) overBudget.push(`${group.name} ${kib(detail.bytes)}`);
    const beside = Object.entries(besideBytes)
      .map(([file, bytes]) => `${file} ${kib(bytes)}`)
      .join(', ');
    rows.push([
      `λ ${group.name} bundle`,
      `${kib(detail.bytes)} (gzip ${kib(detail.gzipBytes)})${over ? ' OVER BUDGET' : ''}`,
      `cold import p50 ${detail.coldImportMs.withSourceMaps.toFixed(0)} ms with source maps, ${detail.coldImportMs.withoutSourceMaps.toFixed(0)} ms without (${importRuns} fresh processes each; SDK from node_modules); ${beside}`,
    ]);
    rows.push([
      `λ ${group.name} import + first store call`,
      `${detail.coldImportWithStoreMs?.toFixed(0)} ms`,
      `p50 with source maps: the bundle imported, then the DynamoDB SDK it loads at the first store call (commons/aws-sdk.ts) loaded and its client built; what a request that reaches the store waits on a cold start (decision 0026)`,
    ]);
    rows.push([
      `λ ${group.name} inside`,
      detail.inputs
        .slice(0, 6)
        .map(({ input, bytes }) => `${input} ${(bytes / 1024).toFixed(0)}`)
        .join(' · '),
      `KiB in the minified output by package or source folder (esbuild metafile, ${detail.inputs.length} owners); runtime SDK: ${detail.externals.filter((e) => e.startsWith('@aws-sdk/')).join(', ')}`,
    ]);
  }
  rows.push([
    'cold import floor: @aws-sdk/lib-dynamodb',
    `${sdkFloor.toFixed(0)} ms`,
    `p50 of ${importRuns} fresh processes importing the runtime's DynamoDB document client alone: no group loads it at import any more (commons/aws-sdk.ts), the first store call does; the "import + first store call" rows include it`,
  ]);
  return {
    rows,
    details,
    overBudget,
    budget: `each group ≤ ${kib(bundleBudgetBytes)} minified; cold import p50 target ≤ ${coldImportTargetMs} ms with source maps`,
  };
}
