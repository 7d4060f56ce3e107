import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type BenchRun,
  benchRun,
  generatedEnd,
  generatedStart,
  renderTables,
  withTables,
} from '../bench-report';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const figuresDir = join(repoRoot, 'docs', 'bench');

const run = (bench: string, value: string): BenchRun => ({
  ...benchRun(bench, [{ measure: `${bench} p50`, value, note: 'a | b' }], new Date('2026-12-01T07:30:00Z')),
  machine: { cpus: 2, cpuModel: 'test cpu', node: 'v20.20.2', platform: 'linux', loadAverage1m: 1.5 },
});

describe('BENCHMARKS.md tables from the benches’ JSON', () => {
  it('renders one table per bench, in name order, with when and where it ran', () => {
    const tables = renderTables([run('verify', '3 ms'), run('bundles', '300 KiB')]);
    expect(tables.indexOf('### bundles')).toBeLessThan(tables.indexOf('### verify'));
    expect(tables).toContain('### verify — 2026-12-01 07:30 UTC, 2 × test cpu, Node v20.20.2, load 1.5');
    expect(tables).toContain('| verify p50 | 3 ms | a \\| b |');
  });

  it('replaces only the generated block, and adds one to a document without it', () => {
    const once = withTables('# Benchmarks\n\nprose\n', [run('verify', '3 ms')]);
    expect(once).toMatch(/^# Benchmarks\n\nprose\n\n## Latest runs\n\n<!-- bench tables/);
    const twice = withTables(`${once}\nmore prose\n`, [run('verify', '4 ms')]);
    expect(twice).toContain('| verify p50 | 4 ms |');
    expect(twice).not.toContain('| verify p50 | 3 ms |');
    expect(twice.endsWith('more prose\n')).toBe(true);
  });

  it('docs/BENCHMARKS.md holds exactly the tables of docs/bench/*.json (run `npm run bench -- report`)', () => {
    const runs = readdirSync(figuresDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(figuresDir, name), 'utf8')) as BenchRun);
    expect(runs.length).toBeGreaterThan(0);
    const document = readFileSync(join(repoRoot, 'docs', 'BENCHMARKS.md'), 'utf8');
    const block = document.slice(
      document.indexOf(generatedStart),
      document.indexOf(generatedEnd) + generatedEnd.length,
    );
    expect(block).toBe(renderTables(runs));
  });
});
