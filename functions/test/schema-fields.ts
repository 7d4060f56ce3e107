import * as z from 'zod';

/**
 * Every property name anywhere in a route schema (nested objects and arrays
 * included), read from its JSON Schema: the route-table tests use it to find
 * routes whose requests or answers carry a person's data.
 */
export function schemaFieldNames(schema: z.ZodType | undefined, io: 'input' | 'output'): string[] {
  if (!schema) return [];
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') {
      for (const name of Object.keys(record.properties)) found.add(name);
    }
    for (const value of Object.values(record)) walk(value);
  };
  walk(z.toJSONSchema(schema, { io, unrepresentable: 'any' }));
  return [...found];
}
