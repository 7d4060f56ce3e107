import { describe, expect, it } from 'vitest';
import { api } from '../src/api/index';
import * as routes from '../src/api/routes';

// Server code imports contracts through api/routes.ts so each bundle keeps only its own
// (decision 0026); the `api` object (client, manifest, OpenAPI) must name the same routes.
describe('api/routes.ts', () => {
  it('re-exports exactly the contracts of `api`, under the same names', () => {
    const reexported = new Map<string, unknown>(Object.entries(routes));
    expect([...reexported.keys()].sort()).toEqual(Object.keys(api).sort());
    for (const [name, contract] of Object.entries(api)) {
      expect(reexported.get(name), name).toBe(contract);
    }
  });
});
