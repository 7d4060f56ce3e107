import { api as contract } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { api } from '../src/api/endpoints';

/**
 * The client's route table (src/api/endpoints.ts) is written by hand so the mini-program imports
 * the shared contract as types only (decision 0027). It must name every route with the
 * contract's method, path and idempotency, or a call goes to the wrong URL or without its key.
 */
describe('the client route table', () => {
  it('lists every route of the contract and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
  });

  it('has each route’s method, path and Idempotency-Key as the contract says', () => {
    const table = (routes: typeof api | typeof contract) =>
      Object.fromEntries(
        Object.entries(routes).map(([name, route]) => [
          name,
          `${route.method} ${route.path}${route.idempotent ? ' (idempotent)' : ''}`,
        ]),
      );
    expect(table(api)).toEqual(table(contract));
  });
});
