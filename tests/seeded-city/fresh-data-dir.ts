import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { completeMarker } from './template';

/**
 * A new data dir holding a copy of this run's seeded city, for one test file's runtime.
 * Without the global setup's template (a file run outside the projects that have it),
 * the dir starts empty and the runtime seeds it itself, as it always did.
 */
export function freshSeededDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const template = inject('seededDataDir');
  if (template && existsSync(join(template, completeMarker))) cpSync(template, dataDir, { recursive: true });
  return dataDir;
}
