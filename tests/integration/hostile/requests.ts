import type { RouteContract } from '@hongjia/shared';
import fc from 'fast-check';
import * as z from 'zod';

/**
 * Hostile requests generated from a route's own zod schemas (issue 12, the
 * proof). Each request breaks exactly one part the route parses (path params,
 * query or body) or the transport of its body, and is kept only when that part
 * is invalid for the route's schema, so the router must refuse it before any
 * service runs: a 4xx in the envelope, nothing written.
 */
export interface HostileRequest {
  /** Which mutation made it (reported when an answer is wrong). */
  kind: string;
  path: string;
  query: string;
  body?: Buffer;
  contentType?: string;
}

/** Top-level field names a schema takes (its JSON Schema's properties, every branch of a union). */
export function fieldsOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  try {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const names = new Set<string>();
    const visit = (node: JsonSchema | undefined) => {
      if (!node) return;
      for (const name of Object.keys(node.properties ?? {})) names.add(name);
      for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
        visit(branch);
    };
    visit(json);
    return [...names];
  } catch {
    return [];
  }
}

interface JsonSchema {
  properties?: Record<string, unknown>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

const deepArray = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
const deepObject = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as unknown;
const prototypeKeys = () =>
  JSON.parse(
    '{"__proto__":{"roles":["admin"],"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}',
  ) as unknown;

/** Wrong types, boundary numbers, huge and deep values, lone surrogates, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -0.5,
    1e308,
    -1e308,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    4294967296,
    '',
    ' ',
    '\u0000',
    'NaN',
    'Infinity',
    '1e999',
    '__proto__',
    'constructor',
    '\ud800',
    '\udfff\ud800',
    '<script>alert(1)</script>',
    "' OR '1'='1",
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 120_000 }).map((length) => '字'.repeat(length)),
  fc.integer({ min: 20, max: 4_000 }).map(deepArray),
  fc.integer({ min: 20, max: 4_000 }).map(deepObject),
  fc.constant(null).map(prototypeKeys),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 6 }),
  fc.object({ maxDepth: 2 }),
  fc.double(),
);

/** Query string values: numbers out of range, bad cursors, control and encoded characters. */
const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('-1', '0', '51', '1e3', '2.5', 'abc', '', '%00', '..%2F', 'NaN', '__proto__', 'null', '[]'),
  // Cursors: random base64url, truncated or tampered sealed tokens.
  fc
    .base64String({ minLength: 4, maxLength: 400 })
    .map((text) => text.replace(/\+/g, '-').replace(/\//g, '_')),
  fc.string({ unit: 'binary', maxLength: 30 }),
  // Over the cursor's 2,048 characters, yet three of them stay under Node's 16 KB request-line limit (a 431 outside our code).
  fc.integer({ min: 2_049, max: 4_000 }).map((length) => 'c'.repeat(length)),
);

/** Path segments: route-breaking, over-long, bad percent-encodings and lone surrogates. */
const hostileSegment: fc.Arbitrary<{ raw: string }> = fc.oneof(
  fc
    .constantFrom('%FF', '%E4%B8', '%00', '%2F', '..', '%2E%2E', '%', '%zz', '%C0%AF')
    .map((raw) => ({ raw })),
  fc.string({ unit: 'binary', maxLength: 40 }).map((text) => ({ raw: safeEncode(text) })),
  fc.integer({ min: 300, max: 6_000 }).map((length) => ({ raw: 'i'.repeat(length) })),
);

function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

const wrongContentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'application/xml',
];

/** Every request for one route: the parts it parses, each broken in turn. */
export function hostileRequests(route: RouteContract, placeholder: (name: string) => string) {
  const paramNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const pathWith = (segments: Record<string, string>) =>
    route.path.replace(
      /\{(\w+)\}/g,
      (_, name: string) => segments[name] ?? encodeURIComponent(placeholder(name)),
    );
  const plainPath = pathWith({});
  const json = (value: unknown) => ({
    body: Buffer.from(safeStringify(value)),
    contentType: 'application/json',
  });
  const bodyFields = fieldsOf(route.body);
  const queryFields = fieldsOf(route.query);
  const parts: fc.WeightedArbitrary<HostileRequest | undefined>[] = [];

  if (paramNames.length && route.params) {
    const params = route.params;
    parts.push({
      weight: 6,
      arbitrary: fc
        .record({ name: fc.constantFrom(...paramNames), segment: hostileSegment })
        .map(({ name, segment }) => {
          const decoded = tryDecode(segment.raw);
          // A segment the schema accepts is no hostile input: left out.
          const values = Object.fromEntries(paramNames.map((n) => [n, placeholder(n)]));
          if (decoded !== undefined && params.safeParse({ ...values, [name]: decoded }).success)
            return undefined;
          return {
            kind: `params.${name}`,
            path: pathWith({ [name]: segment.raw }),
            query: '',
            ...bodyFor(route),
          };
        }),
    });
  }
  if (route.query) {
    const query = route.query;
    const names = [...queryFields, 'limit', 'cursor'];
    parts.push({
      weight: 6,
      arbitrary: fc
        .dictionary(fc.constantFrom(...names), hostileQueryValue, { minKeys: 1, maxKeys: 3 })
        .map((values) => {
          if (query.safeParse(values).success) return undefined;
          const search = new URLSearchParams(values).toString();
          return {
            kind: `query.${Object.keys(values).join('+')}`,
            path: plainPath,
            query: search,
            ...bodyFor(route),
          };
        }),
    });
  }
  if (route.body) {
    const body = route.body;
    const fields = bodyFields.length ? bodyFields : ['value'];
    const rejected = (value: unknown) => !body.safeParse(value).success;
    const request = (kind: string, bytes: Buffer, contentType = 'application/json'): HostileRequest => ({
      kind,
      path: plainPath,
      query: '',
      body: bytes,
      contentType,
    });
    parts.push(
      {
        weight: 10,
        arbitrary: fc
          .dictionary(fc.constantFrom(...fields, '__proto__', 'constructor'), hostileValue, {
            maxKeys: fields.length + 1,
          })
          .map((value) =>
            rejected(value) ? { kind: 'body.fields', path: plainPath, query: '', ...json(value) } : undefined,
          ),
      },
      {
        weight: 4,
        arbitrary: hostileValue.map((value) =>
          rejected(value) ? { kind: 'body.whole', path: plainPath, query: '', ...json(value) } : undefined,
        ),
      },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom('{', '{"a":', 'tru', '[1,]', '{"a":1}}', "{'a':1}", '\uFEFF{}', 'undefined')
          .map((text) => request('body.notJson', Buffer.from(text))),
      },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(...wrongContentTypes)
          .map((contentType) => request('body.contentType', Buffer.from('{}'), contentType)),
      },
      // Bad UTF-8 inside a JSON string: decoded to U+FFFD, then refused by the schema (never a 500).
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(
            Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
            Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]),
          )
          .map((bytes) =>
            rejected(JSON.parse(bytes.toString('utf8'))) ? request('body.badUtf8', bytes) : undefined,
          ),
      },
      // Over the 1 MB the router accepts: 413. Rare, each is a megabyte on the wire.
      {
        weight: 1,
        arbitrary: fc
          .constant(null)
          .map(() =>
            request('body.oversized', Buffer.from(JSON.stringify({ value: 'x'.repeat(1_100_000) }))),
          ),
      },
    );
  }
  return parts.length ? fc.oneof(...parts) : undefined;
}

/** A body for routes whose broken part is elsewhere: none, or an empty JSON object. */
function bodyFor(route: RouteContract): Pick<HostileRequest, 'body' | 'contentType'> {
  return route.method === 'GET' ? {} : { body: Buffer.from('{}'), contentType: 'application/json' };
}

function tryDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** JSON.stringify that survives what fast-check makes (no BigInt, no cycles). */
function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '{"unserialisable":true}';
  }
}
