import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Imports that make every function bundle heavy (decision 0026), read from the source:
 * - `import { z } from 'zod'` keeps zod's whole namespace (≈ 440 KiB minified, every locale);
 *   `import * as z from 'zod'` lets esbuild keep what is used (≈ 100 KiB);
 * - the `api` object lists every route, so a handler that imports it carries every
 *   capability's schemas: server code imports `* as api from '@hongjia/shared/api/routes'`.
 *   Only the manifest and the platform group (whose OpenAPI document lists every route) may;
 * - commons loads the KMS, SQS and Secrets Manager SDKs at first use, not at import.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const serverFiles = [...tsFiles(join(repo, 'shared/src')), ...tsFiles(join(repo, 'functions/src'))];
const text = (file: string) => readFileSync(file, 'utf8');
const name = (file: string) => relative(repo, file);

describe('lean bundles: imports', () => {
  it('imports zod as a namespace', () => {
    const named = serverFiles.filter((file) => /^import \{[^}]*\bz\b[^}]*\} from 'zod'/m.test(text(file)));
    expect(named.map(name)).toEqual([]);
  });

  it('takes route contracts from api/routes, not the `api` object', () => {
    const allowed = ['functions/src/manifest.ts', 'functions/src/groups/platform.ts'];
    const whole = serverFiles
      .filter((file) => /^import \{[^}]*\bapi\b[^}]*\} from '@hongjia\/shared'/m.test(text(file)))
      .map(name)
      .filter((file) => !allowed.includes(file));
    expect(whole).toEqual([]);
  });

  it('loads the KMS, SQS and Secrets Manager SDKs at first use', () => {
    const eager = tsFiles(join(repo, 'functions/src/commons'))
      .filter((file) =>
        /^import (?!type )[^;]*from '@aws-sdk\/client-(kms|sqs|secrets-manager)'/m.test(text(file)),
      )
      .map(name);
    expect(eager).toEqual([]);
  });
});
