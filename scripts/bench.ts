/**
 * `npm run bench`: measured numbers, printed as a table and written per bench to
 * docs/bench/<bench>.json (with the run's date and machine); `npm run bench -- report`
 * makes docs/BENCHMARKS.md's tables from those files (scripts/bench-report.ts). Rows:
 * - each Lambda bundle as synthesized in infra/cdk.out (scripts/bench-bundles.ts): size, gzip,
 *   cold import with and without source maps, what is inside (esbuild metafile); a group over
 *   300 KiB fails the run after the figures are written;
 * - the weapp packages: the main package against its 350 KiB target, each subpackage (CI gates
 *   1 MB and 1.5 MB, WeChat's limit 2 MB);
 * - then every script in scripts/bench/ (one per capability), each in its own
 *   process (so each may start its own local runtime) and printing its rows as
 *   one line `BENCH_ROWS [[measure, value, note], …]`; `npm run bench -- nearby`
 *   runs only the scripts whose name contains `nearby` (and skips the two above);
 *   `npm run bench -- bundles` runs only the two above. A bench that finds a wrong
 *   answer exits non-zero and its figures are not written. A bench whose figures are right
 *   but miss a target (Lighthouse under its thresholds) prints them and then a line
 *   `BENCH_FAILED <why>`: its figures are written and reported, then the run exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBundles } from './bench-bundles';
import { type BenchRun, benchRun, withTables } from './bench-report';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const benchDir = join(repoRoot, '.bench');
const figuresDir = join(repoRoot, 'docs', 'bench');
const benchmarksDoc = join(repoRoot, 'docs', 'BENCHMARKS.md');
export type BenchRow = [measure: string, value: string, note: string];
const rows: BenchRow[] = [];
/** Benches whose figures were written but missed their target (`BENCH_FAILED`). */
const missedTargets: string[] = [];

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function directorySize(path: string, skip: (path: string) => boolean): number {
  if (skip(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + directorySize(join(path, entry), skip), 0);
}

/** WeChat refuses an upload over 2 MB a package; our CI gates (miniapp/test/weapp.test.ts) and aim. */
const weappLimits = {
  mainBytes: 1024 * 1024,
  subpackageBytes: 1.5 * 1024 * 1024,
  mainTargetBytes: 350 * 1024,
};

/**
 * The weapp packages as WeChat counts them: the main package is `miniapp/dist/weapp` minus the
 * subpackage roots of its app.json. Rows: the main package against the 350 KiB target with its
 * largest files, and each subpackage. Over a CI gate is a wrong answer: the bench exits non-zero.
 */
function benchWeapp() {
  const weapp = join(repoRoot, 'miniapp', 'dist', 'weapp');
  if (!existsSync(join(weapp, 'app.json'))) {
    console.log('building weapp …');
    const run = spawnSync('npm', ['run', 'build:weapp', '-w', 'miniapp'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    if (run.status !== 0) throw new Error('weapp build failed');
  }
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => join(weapp, p.root.replace(/\/$/, '')));
  const isSubpackage = (path: string) => roots.some((root) => path === root);
  const main = directorySize(weapp, isSubpackage);
  const total = directorySize(weapp, () => false);
  const largest = readdirSync(weapp)
    .map((name) => ({ name, bytes: directorySize(join(weapp, name), isSubpackage) }))
    .filter((entry) => entry.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6)
    .map((entry) => `${entry.name} ${kib(entry.bytes)}`);
  rows.push([
    'weapp main package',
    kib(main),
    `target ≤ 350 KiB ${main <= weappLimits.mainTargetBytes ? 'met' : 'NOT met'} (CI gate 1 MB, WeChat limit 2 MB); largest: ${largest.join(', ')}; whole app ${kib(total)}`,
  ]);
  if (main >= weappLimits.mainBytes) throw new Error(`weapp main package ${kib(main)} is over the 1 MB gate`);
  for (const root of roots) {
    const bytes = directorySize(root, () => false);
    rows.push([
      `weapp subpackage ${relative(weapp, root)}`,
      kib(bytes),
      'CI gate 1.5 MB (WeChat limit 2 MB)',
    ]);
    if (bytes >= weappLimits.subpackageBytes)
      throw new Error(`weapp subpackage ${relative(weapp, root)} ${kib(bytes)} is over the 1.5 MB gate`);
  }
}

/** The rows since `from`, as docs/bench/<bench>.json (with the bench's detail, if it has one). */
function writeFigures(bench: string, from: number, detail?: BenchRun['detail']) {
  mkdirSync(figuresDir, { recursive: true });
  const run = benchRun(
    bench,
    rows.slice(from).map(([measure, value, note]) => ({ measure, value, note })),
  );
  if (detail) run.detail = detail;
  writeFileSync(join(figuresDir, `${bench}.json`), `${JSON.stringify(run, null, 2)}\n`);
}

/** `npm run bench -- report`: BENCHMARKS.md's generated tables from every docs/bench/*.json. */
function report() {
  const runs = readdirSync(figuresDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(figuresDir, name), 'utf8')) as BenchRun);
  writeFileSync(benchmarksDoc, withTables(readFileSync(benchmarksDoc, 'utf8'), runs));
  console.log(`docs/BENCHMARKS.md: tables of ${runs.length} benches`);
}

function benchScripts(filter: string | undefined) {
  const dir = join(repoRoot, 'scripts', 'bench');
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    if (filter && !file.includes(filter)) continue;
    console.log(`running ${file} …`);
    const run = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(dir, file)], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH_ROWS '));
    if (run.status !== 0 || !line) throw new Error(`${file} failed (exit ${run.status})`);
    const from = rows.length;
    rows.push(...(JSON.parse(line.slice('BENCH_ROWS '.length)) as BenchRow[]));
    writeFigures(file.replace(/\.ts$/, ''), from);
    const failed = run.stdout.split('\n').find((l) => l.startsWith('BENCH_FAILED '));
    if (failed) missedTargets.push(`${file}: ${failed.slice('BENCH_FAILED '.length)}`);
  }
}

async function main() {
  mkdirSync(benchDir, { recursive: true });
  const filter = process.argv[2];
  if (filter === 'report') return report();
  // `npm run bench -- bundles`: only the bundle sizes and the weapp package (a minute, not half an hour).
  let overBudget: string[] = [];
  if (!filter || filter === 'bundles') {
    const bundles = await benchBundles(repoRoot);
    rows.push(...bundles.rows);
    overBudget = bundles.overBudget;
    benchWeapp();
    writeFigures('bundles', 0, { budget: bundles.budget, overBudget, bundles: bundles.details });
  }
  if (filter !== 'bundles') benchScripts(filter);
  const header = ['measure', 'value', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\nnode ${process.version}, ${new Date().toISOString()}`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
  report();
  // Written and reported first: an over-budget bundle is a finding to read, then a failure.
  if (overBudget.length > 0) {
    console.error(`\nover the bundle budget (300 KiB minified): ${overBudget.join(', ')}`);
    process.exitCode = 1;
  }
  if (missedTargets.length > 0) {
    console.error(`\nunder target: ${missedTargets.join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
