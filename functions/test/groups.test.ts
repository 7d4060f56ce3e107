import { routeKey } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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
