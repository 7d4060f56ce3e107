import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The seeded city, made once per run instead of once per test file.
 *
 * Seeding the demo city takes ≈ 20 s of the ≈ 23 s a local runtime needs to start, and
 * every integration and browser test file starts its own runtime on a fresh data dir.
 * The template is seeded once in a child process (the runtime binds its environment on
 * import, so it must not run inside vitest's own process); each file then starts on a
 * copy of it (≈ 14 MB): the same fresh, isolated city as before, without the wait.
 *
 * It is kept under node_modules/.cache, keyed by the content of every source the seed
 * runs through and by China's calendar day (the seed places slots and births relative
 * to today), so a second run on the same code and day skips the seeding too.
 */

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cacheRoot = join(repoRoot, 'node_modules', '.cache', 'hongjia-seeded-city');
const seedSources = ['local', 'functions/src', 'shared/src', 'infra/lib', 'package-lock.json'];
declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded template data dir of this run; test files start on copies (fresh-data-dir.ts). */
    seededDataDir: string;
  }
}

/**
 * Births a district in the template's monitoring year: small, so the one-off seeding stays
 * quick (the demo's 150 a district tripled it). Tests that need a bigger monitoring data
 * set import it themselves, or start a city of their own (startTestRuntime's option).
 */
export const templateMonitoringBirths = 20;

/** Written last by seed-data-dir.ts: a template without it was cut off and is never used. */
export const completeMarker = 'complete';

function filesUnder(path: string): string[] {
  const full = join(repoRoot, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function templateKey(): string {
  const chinaDay = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const hash = createHash('sha256').update(`${process.version}\0`);
  for (const file of seedSources.flatMap(filesUnder)) {
    hash.update(`${file.slice(repoRoot.length)}\0`);
    hash.update(readFileSync(file));
  }
  return `${chinaDay}-${hash.digest('hex').slice(0, 16)}`;
}

/** Seeds a template data dir unless one for this code and day exists; returns its path. */
export function ensureSeededTemplate(): string {
  const template = join(cacheRoot, templateKey());
  if (existsSync(join(template, completeMarker))) return template;
  mkdirSync(cacheRoot, { recursive: true });
  // Templates of other code or another day are never used again.
  for (const stale of readdirSync(cacheRoot))
    rmSync(join(cacheRoot, stale), { recursive: true, force: true });
  const building = mkdtempSync(join(cacheRoot, 'building-'));
  execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'tests', 'seeded-city', 'seed-data-dir.ts'), building],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN' },
    },
  );
  try {
    renameSync(building, template);
  } catch {
    // The other project's setup finished the same template first: theirs is as good.
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}
