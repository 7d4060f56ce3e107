import { routeKey } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FunctionGroup } from '../src/manifest';
import { functionGroups } from '../src/manifest';

/**
 * A route is listed twice: in the manifest (which the CDK stack turns into API routes and
 * grants) and in its group's handler (which implements it). They must agree, or a deployed
 * route answers 404 or a handled one is never routed: this holds them equal.
 */
const env = {
  STAGE: 'test',
  WECHAT_AUTH_MODE: 'dev',
  WECHAT_APP_ID: 'wx0000000000000000',
  TABLE_NAME: 'main',
  ACCESS_TABLE_NAME: 'access',
  AUDIT_TABLE_NAME: 'audit',
  IDEMPOTENCY_TABLE_NAME: 'idempotency',
  UPLOAD_BUCKET: 'uploads',
  AWS_REGION: 'cn-northwest-1',
};

describe('function groups', () => {
  beforeAll(() => {
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  });
  afterAll(() => vi.unstubAllEnvs());

  it('live in one place, functions/src/groups/', () => {
    expect(
      functionGroups.filter((group) => !group.entry.startsWith('src/groups/')).map((g) => g.name),
    ).toEqual([]);
  });

  it.each(
    functionGroups
      .filter((group) => !group.schedule && !group.queue)
      .map((group) => [group.name, group] as const),
  )(
    "%s's handler implements exactly its manifest routes",
    async (_name, group) => {
      const module = (await import(`../${group.entry.replace(/\.ts$/, '')}`)) as {
        handler: { routeKeys: readonly string[] };
      };
      expect(group.routes.length).toBeGreaterThan(0);
      expect([...module.handler.routeKeys].sort()).toEqual(group.routes.map(routeKey).sort());
    },
    60_000,
  );
});

/**
 * Deployed, a function gets only the table and bucket names its grants bind (infra
 * `bindTable`, `bindBucket`): a group that builds a piece of another table at start-up
 * throws `Missing environment variable` at every cold start, which the local runtime (one
 * process, every name set) never shows. Each group's module is loaded here fresh with only
 * the names its manifest access grants.
 */
const grantedNames = (access: FunctionGroup['access']) => ({
  ...(access.mainTable ? { TABLE_NAME: 'main' } : {}),
  ...(access.accessTable ? { ACCESS_TABLE_NAME: 'access' } : {}),
  ...(access.auditTable ? { AUDIT_TABLE_NAME: 'audit' } : {}),
  ...(access.idempotencyTable ? { IDEMPOTENCY_TABLE_NAME: 'idempotency' } : {}),
  ...(access.uploadBucket ? { UPLOAD_BUCKET: 'uploads' } : {}),
});
const resourceNames = [
  'TABLE_NAME',
  'ACCESS_TABLE_NAME',
  'AUDIT_TABLE_NAME',
  'IDEMPOTENCY_TABLE_NAME',
  'UPLOAD_BUCKET',
];

describe('function groups start with only the names their grants bind', () => {
  afterAll(() => vi.unstubAllEnvs());

  it.each(functionGroups.map((group) => [group.name, group] as const))(
    '%s',
    async (_name, group) => {
      vi.resetModules();
      vi.unstubAllEnvs();
      for (const name of resourceNames) vi.stubEnv(name, undefined);
      const granted = { ...env, ...grantedNames(group.access) };
      for (const [key, value] of Object.entries(granted))
        if (!resourceNames.includes(key) || key in grantedNames(group.access)) vi.stubEnv(key, value);
      const module = (await import(`../${group.entry.replace(/\.ts$/, '')}`)) as { handler: unknown };
      expect(typeof module.handler).toBe('function');
    },
    60_000,
  );
});
