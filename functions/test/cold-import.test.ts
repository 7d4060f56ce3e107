import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionBuildOptions } from '../../scripts/function-build-options';
import { functionGroups } from '../src/manifest';

/**
 * Importing a function group's bundle evaluates no AWS SDK module (issue 13, decision 0026):
 * the SDK clients and their commands load at the first call that needs them. Each group is
 * built with the construct's own esbuild options and imported in one fresh Node process with
 * a deployed function's environment; after each import, the SDK modules in Node's module cache
 * are listed.
 */
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const groups = functionGroups;
let out: string;

beforeAll(async () => {
  // Inside node_modules, so that the bundle finds the SDK as the runtime's (and today's static
  // imports would resolve too: the test fails on what is evaluated, not on a missing package).
  mkdirSync(join(repo, 'node_modules/.cache'), { recursive: true });
  out = mkdtempSync(join(repo, 'node_modules/.cache/cold-import-'));
  // One esbuild run for every group (its parse of the shared modules is shared).
  await build({
    ...functionBuildOptions,
    absWorkingDir: repo,
    entryPoints: Object.fromEntries(
      groups.map((group) => [group.name, join(repo, 'functions', group.entry)]),
    ),
    entryNames: '[name]/index',
    outExtension: { '.js': '.mjs' },
    outdir: out,
    write: true,
    metafile: false,
  });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What a deployed function has at import, and nothing that reaches the network. */
const deployedEnv = {
  PATH: process.env.PATH,
  TABLE_NAME: 'cold-main',
  IDEMPOTENCY_TABLE_NAME: 'cold-idempotency',
  ACCESS_TABLE_NAME: 'cold-access',
  AUDIT_TABLE_NAME: 'cold-audit',
  UPLOAD_BUCKET: 'cold-uploads',
  SESSION_VERIFY_KEYS_ARN: 'arn:aws-cn:secretsmanager:cn-northwest-1:000000000000:secret:cold',
  WECHAT_AUTH_MODE: 'wechat',
  WECHAT_APP_ID: 'wx0000000000000000',
  STAGE: 'cold',
  AWS_REGION: 'cn-northwest-1',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
};

describe('cold import', () => {
  it('takes SDK values only through commons/aws-sdk.ts (types from anywhere)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [join(dir, entry.name)]
            : [],
      );
    const eager = files(join(repo, 'functions/src'))
      .filter((file) => /^import (?!type )[^;]*from '@aws-sdk\//m.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repo, file));
    expect(eager).toEqual([]);
  });

  it('evaluates no @aws-sdk module when a group is imported', () => {
    const probe = `
      import { createRequire } from 'node:module';
      const cache = createRequire(import.meta.url).cache;
      const loaded = {};
      for (const name of ${JSON.stringify(groups.map((group) => group.name))}) {
        await import(${JSON.stringify(out)} + '/' + name + '/index.mjs');
        loaded[name] = [...new Set(Object.keys(cache).flatMap((path) => path.match(/@aws-sdk\\/[^/]+/) ?? []))];
      }
      console.log(JSON.stringify(loaded));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe], {
      env: deployedEnv,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    const loaded = JSON.parse(child.stdout) as Record<string, string[]>;
    expect(Object.keys(loaded)).toHaveLength(groups.length);
    expect(loaded).toEqual(Object.fromEntries(groups.map((group) => [group.name, []])));
    // Fifteen bundles imported in one child: ≈ 3 s alone, more on a loaded machine.
  }, 30_000);

  it("makes the SDK's own command at the first `new`", async () => {
    const { GetCommand } = await import('../src/commons/dynamo');
    const { libDynamodb } = await import('../src/commons/aws-sdk');
    const command = new GetCommand({ TableName: 'main', Key: { pk: 'a', sk: 'b' } });
    expect(command).toBeInstanceOf(libDynamodb().GetCommand);
    expect(command instanceof GetCommand).toBe(true);
    expect(command.input).toEqual({ TableName: 'main', Key: { pk: 'a', sk: 'b' } });
    expect(libDynamodb()).toBe(libDynamodb());
  });
});
