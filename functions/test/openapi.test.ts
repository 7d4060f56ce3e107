import { readFileSync } from 'node:fs';
import { api, routeKey } from '@hongjia/shared';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { functionGroups } from '../src/manifest';
import { apiVersion, buildOpenApiDocument, openApiJson } from '../src/platform/openapi';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument(api, apiVersion);

  it('is what functions/assets/openapi.json holds, the file the platform group serves', () => {
    const committed = readFileSync(new URL('../assets/openapi.json', import.meta.url), 'utf8');
    // A route contract changed without the document: `npm run build:openapi` rewrites it.
    expect(
      committed === openApiJson(api),
      'functions/assets/openapi.json is stale: run npm run build:openapi',
    ).toBe(true);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route of the API', () => {
    for (const route of Object.values(api)) {
      const operation = (document.paths[route.path] as Record<string, { operationId: string }>)[
        route.method.toLowerCase()
      ];
      expect(operation?.operationId, routeKey(route)).toBe(route.operationId);
    }
  });

  it('documents the Idempotency-Key header on idempotent routes', () => {
    const operation = (
      document.paths['/v1/me/consents'] as Record<string, { parameters: { name: string }[] }>
    ).post;
    expect(operation?.parameters.map((p) => p.name)).toContain('Idempotency-Key');
  });
});

describe('function manifest', () => {
  it('serves every API route from exactly one function group', () => {
    const served = functionGroups.flatMap((group) => group.routes.map(routeKey));
    expect(new Set(served).size).toBe(served.length);
    expect([...served].sort()).toEqual(Object.values(api).map(routeKey).sort());
  });
});
