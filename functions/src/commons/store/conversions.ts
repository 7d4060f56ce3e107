import type { Entity } from './entity';
import { keysOf } from './keys';
import type { ItemOf, KeyDefinition, Schema } from './model';
import { cursors } from './options';

/**
 * ElectroDB's `createConversions`, the one pair the codebase uses: a cursor from an item's
 * composite attributes, and the composite attributes back from a cursor (parsed out of the
 * keys, so lowercased as the keys are — as ElectroDB did).
 */
export function createConversions<S extends Schema>(entity: Entity<S>) {
  const byAccessPattern = {} as {
    [I in keyof S['indexes']]: {
      fromComposite: { toCursor(composite: Partial<ItemOf<S>>): string | null };
      fromCursor: { toComposite(cursor: string): Partial<ItemOf<S>> };
    };
  };
  for (const info of entity.indexes) {
    (byAccessPattern as Record<string, unknown>)[info.accessPattern] = {
      fromComposite: {
        toCursor: (composite: Record<string, unknown>) =>
          cursors.serialize({
            ...keysOf(entity.schema, info, composite),
            ...keysOf(entity.schema, entity.primary, composite),
          }),
      },
      fromCursor: {
        toComposite: (cursor: string) => {
          const keys = cursors.deserialize(cursor) ?? {};
          const out: Record<string, string> = {};
          for (const source of [entity.primary, info]) {
            const { pk, sk } = source.definition;
            Object.assign(out, parse(pk, keys[pk.field]));
            if (sk) Object.assign(out, parse(sk, keys[sk.field]));
          }
          return out;
        },
      },
    };
  }
  return { byAccessPattern };
}

function parse(key: KeyDefinition, value: unknown): Record<string, string> {
  if (typeof value !== 'string') return {};
  const out: Record<string, string> = {};
  let rest = value;
  const labels = key.composite.map((name) => `#${name.toLowerCase()}_`);
  for (const [index, name] of key.composite.entries()) {
    const label = labels[index] as string;
    const at = rest.indexOf(label);
    if (at < 0) break;
    rest = rest.slice(at + label.length);
    const next = labels[index + 1];
    const end = next === undefined ? rest.length : rest.indexOf(next);
    out[name] = end < 0 ? rest : rest.slice(0, end);
  }
  return out;
}
