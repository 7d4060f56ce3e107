import { StoreError } from './errors';
import type { AttributeDefinition, Schema } from './model';

/**
 * Item conversion: what is checked and filled before a write (types, enums, required, defaults,
 * read-only), and what a read hands back (the model's attributes only, sets as arrays) — the
 * checks ElectroDB made, so a write it refused is still refused.
 */

export const ENTITY_FIELD = '__edb_e__';
export const VERSION_FIELD = '__edb_v__';

const invalid = (path: string, detail: string) =>
  new StoreError(`Invalid value type at entity path: "${path}". ${detail}`);

function checkScalar(type: unknown, value: unknown, path: string): void {
  if (Array.isArray(type)) {
    if (!type.includes(value as string)) {
      throw invalid(
        path,
        `Value not found in set of acceptable values: ${type.map((t) => `"${t}"`).join(', ')}`,
      );
    }
    return;
  }
  if (typeof value !== type) {
    throw invalid(path, `Received value of type "${typeof value}", expected value of type "${String(type)}"`);
  }
}

/** Checks one value against its definition; returns it as stored (sets become `Set`s). */
export function toStored(definition: AttributeDefinition, value: unknown, path: string): unknown {
  switch (definition.type) {
    case 'set': {
      const items = value instanceof Set ? [...value] : value;
      if (!Array.isArray(items)) throw invalid(path, 'Expected an array or a Set');
      for (const item of items) checkScalar(definition.items, item, path);
      return new Set(items);
    }
    case 'list': {
      if (!Array.isArray(value))
        throw invalid(path, `Received value of type "${typeof value}", expected value of type "array"`);
      const items = definition.items as AttributeDefinition;
      return value.map((item, index) => toStored(items, item, `${path}[${index}]`));
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw invalid(path, `Received value of type "${typeof value}", expected value of type "map"`);
      }
      return mapToStored(definition.properties ?? {}, value as Record<string, unknown>, path);
    }
    default:
      checkScalar(definition.type, value, path);
      return value;
  }
}

function mapToStored(
  properties: Record<string, AttributeDefinition>,
  value: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(value)) {
    if (property === undefined) continue;
    const definition = properties[name];
    out[name] = definition ? toStored(definition, property, `${path}.${name}`) : property;
  }
  for (const [name, definition] of Object.entries(properties)) {
    if (out[name] === undefined && definition.default !== undefined) out[name] = defaultOf(definition);
    if (definition.required && out[name] === undefined)
      throw invalid(`${path}.${name}`, 'Value is required.');
  }
  return out;
}

const defaultOf = (definition: AttributeDefinition) =>
  typeof definition.default === 'function' ? (definition.default as () => unknown)() : definition.default;

/** A whole item for put/create: known attributes checked, defaults filled, required ones present. */
export function itemToStored(schema: Schema, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const definition = schema.attributes[name];
    if (definition === undefined || value === undefined) continue;
    out[name] = toStored(definition, value, name);
  }
  for (const [name, definition] of Object.entries(schema.attributes)) {
    if (out[name] === undefined && definition.default !== undefined) {
      out[name] = toStored(definition, defaultOf(definition), name);
    }
    if (definition.required && out[name] === undefined) throw invalid(name, 'Value is required.');
  }
  return out;
}

/** A stored item as callers see it: the model's attributes, sets as arrays. */
export function fromStored(schema: Schema, item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(schema.attributes)) {
    const value = item[name];
    if (value === undefined) continue;
    out[name] = value instanceof Set ? [...value] : value;
  }
  return out;
}

/** Whether a stored item is this entity's (ElectroDB `ownsItem`): items of other entities on an index are skipped. */
export function owns(schema: Schema, item: Record<string, unknown> | undefined): boolean {
  return (
    item !== undefined &&
    item[ENTITY_FIELD] === schema.model.entity &&
    item[VERSION_FIELD] === schema.model.version &&
    schema.model.entity.length > 0
  );
}

export function attributeOf(schema: Schema, name: string): AttributeDefinition {
  const definition = schema.attributes[name];
  if (!definition) throw new StoreError(`Unknown attribute "${name}" of entity ${schema.model.entity}`);
  return definition;
}
