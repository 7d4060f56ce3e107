import { routeKey } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { routeLimits } from '../src/commons/limits';
import { functionGroups } from '../src/manifest';

// The router counts a limited route under the rate-limit key; a group serving one without
// declaring the key is refused the key at run time (locally) or by IAM (deployed): a 500.
describe('rate-limit keys follow the limited routes', () => {
  it('gives the key to every group that serves a limited route', () => {
    const servedBy = new Map(
      functionGroups.flatMap((group) => group.routes.map((route) => [routeKey(route), group] as const)),
    );
    expect(routeLimits.size).toBeGreaterThan(0);
    for (const key of routeLimits.keys()) {
      const group = servedBy.get(key);
      expect(group, key).toBeDefined();
      expect(group?.access.rateLimitKey, `${group?.name} serves ${key}`).toBe(true);
    }
  });
});
