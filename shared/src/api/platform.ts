import * as z from 'zod';
import { defineRoute } from './contract';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  service: z.literal('hongjia'),
  time: z.iso.datetime(),
});

export const health = defineRoute({
  operationId: 'health',
  method: 'GET',
  path: '/health',
  summary: '存活检查 Liveness check',
  tag: 'platform',
  access: 'public',
  owner: 'none',
  response: HealthResponse,
});

export const openapi = defineRoute({
  operationId: 'openapi',
  method: 'GET',
  path: '/v1/openapi.json',
  summary: 'OpenAPI 3.1 document of this API, generated from the zod schemas',
  tag: 'platform',
  access: 'public',
  owner: 'none',
  response: z.record(z.string(), z.unknown()),
});
