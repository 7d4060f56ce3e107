import { type Api, ErrorEnvelope, type RouteContract } from '@hongjia/shared';
import * as z from 'zod';

/**
 * The OpenAPI 3.1 document, generated from the same route contracts and zod
 * schemas the handlers validate with, so the document cannot drift from the
 * code. OpenAPI 3.1 uses JSON Schema 2020-12, which zod emits natively.
 */
type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** Recursive schemas (a policy's condition tree) that zod emits as local `$defs`, hoisted to components. */
const hoisted: Record<string, JsonSchema> = {};

/**
 * zod puts a recursive schema under the schema's own `$defs` and points at it
 * with `#/$defs/…`, which resolves against the document root once embedded.
 * Each def moves to `components.schemas` under a name unique to where it came
 * from (`io` and a running number), and its references follow.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const {
    $schema: _ignored,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  if (!$defs) return rest;
  const prefix = `Def${Object.keys(hoisted).length}_${io}_`;
  const relocate = (value: JsonSchema) =>
    JSON.parse(
      JSON.stringify(value).replaceAll('"#/$defs/', `"#/components/schemas/${prefix}`),
    ) as JsonSchema;
  for (const [name, def] of Object.entries($defs)) hoisted[`${prefix}${name}`] = relocate(def);
  return relocate(rest);
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
}

function operation(route: RouteContract) {
  const secured = route.access !== 'public';
  const roles = [
    Array.isArray(route.access) ? `Roles: ${route.access.join(', ')}.` : '',
    route.personalData
      ? 'Personal data: a family needs a current agreement to the privacy guideline (else 403 CONSENT_REQUIRED).'
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const headerParams = route.idempotent
    ? [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' },
          description: 'Same key and body → the first response; same key, other body → 422.',
        },
      ]
    : [];
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(roles ? { description: roles } : {}),
    tags: [route.tag],
    ...(secured ? { security: [{ bearerAuth: [] }] } : { security: [] }),
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query'), ...headerParams],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [String(route.successStatus ?? 200)]: {
        description: 'OK',
        content: route.responseFile
          ? Object.fromEntries(
              route.responseFile.contentTypes.map((type) => [
                type,
                { schema: { type: 'string', format: 'binary' } },
              ]),
            )
          : {
              [route.responseContentType ?? 'application/json']: {
                schema: toSchema(route.response, 'output'),
              },
            },
      },
      '4XX': { $ref: '#/components/responses/Error' },
      '5XX': { $ref: '#/components/responses/Error' },
    },
  };
}

/** The API's version as the document states it. */
export const apiVersion = '0.1.0';

export function buildOpenApiDocument(api: Api, version: string) {
  for (const name of Object.keys(hoisted)) delete hoisted[name];
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of Object.values(api) as RouteContract[]) {
    paths[route.path] ??= {};
    const byMethod = paths[route.path] as Record<string, unknown>;
    byMethod[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '洪家 Hongjia API',
      version,
      description:
        '南昌市卫生健康委员会 家庭服务接口。Errors use the envelope {error:{code,message,details,requestId}}; messages are Chinese.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorEnvelope: toSchema(ErrorEnvelope, 'output'), ...hoisted },
      responses: {
        Error: {
          description: 'Error envelope',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
        },
      },
    },
  };
}

/**
 * The document as the build writes it to functions/assets/openapi.json (scripts/build-openapi.ts)
 * and the platform group serves it; the unit test compares the committed file with this.
 */
export function openApiJson(api: Api): string {
  return `${JSON.stringify(buildOpenApiDocument(api, apiVersion), null, 2)}\n`;
}
