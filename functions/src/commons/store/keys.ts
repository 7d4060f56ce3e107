import { StoreError } from './errors';
import type { IndexDefinition, KeyDefinition, Schema } from './model';

/**
 * Key composition, byte for byte as ElectroDB 3.9 composes it (decision 0037): the partition
 * key is `$service` then `#attribute_value` per composite, the sort key `$entity_version` then
 * the same, the whole key lowercased — `$hongjia#bookingid_b1`, `$booking_1#createdat_…`. A
 * query's sort key stops at the first composite not given; for `begins_with` it ends with that
 * composite's label (`$booking_1#createdat_`), so the prefix cannot match a longer label.
 */

export type Values = Record<string, unknown>;

export const TABLE = '';

export interface IndexInfo {
  accessPattern: string;
  /** '' for the table's own key. */
  index: string;
  definition: IndexDefinition;
  members: string[];
}

export function indexesOf(schema: Schema): IndexInfo[] {
  return Object.entries(schema.indexes).map(([accessPattern, definition]) => ({
    accessPattern,
    index: definition.index ?? TABLE,
    definition,
    members: [...definition.pk.composite, ...(definition.sk?.composite ?? [])],
  }));
}

const part = (name: string, value: unknown) => `#${name}_${String(value)}`;

/** The partition key; `labelled`: a missing composite ends it with its label (`$hongjia#cell_`), as ElectroDB writes it. */
export function pkOf(schema: Schema, key: KeyDefinition, values: Values, labelled = false): string {
  let out = `$${schema.model.service}`;
  for (const name of key.composite) {
    if (values[name] === undefined) {
      if (!labelled) throw new StoreError(`Incomplete key: ${name} is missing for ${key.field}`);
      out += `#${name}_`;
      break;
    }
    out += part(name, values[name]);
  }
  return out.toLowerCase();
}

/** The whole sort key; undefined when a composite is missing (`labelled`: the query prefix form instead). */
export function skOf(
  schema: Schema,
  key: KeyDefinition,
  values: Values,
  labelled = false,
): { key: string; complete: boolean } {
  let out = `$${schema.model.entity}_${schema.model.version}`;
  for (const name of key.composite) {
    if (values[name] === undefined) {
      if (labelled) out += `#${name}_`;
      return { key: out.toLowerCase(), complete: false };
    }
    out += part(name, values[name]);
  }
  return { key: out.toLowerCase(), complete: true };
}

/** Both fields of an index for a whole item (puts, cursors). */
export function keysOf(schema: Schema, info: IndexInfo, values: Values): Record<string, string> {
  const { pk, sk } = info.definition;
  const out: Record<string, string> = { [pk.field]: pkOf(schema, pk, values, true) };
  if (sk) out[sk.field] = skOf(schema, sk, values, true).key;
  return out;
}

const missingOf = (members: string[], ...sources: Values[]) =>
  members.filter((name) => sources.every((source) => source[name] === undefined));

/**
 * The index keys a put or create writes (ElectroDB `_getPutKeys`): the table's always; a
 * secondary index's when any of its composites is given. A partition or sort key given in part
 * is refused; one not given at all is written as its labelled prefix (`$hongjia#cell_`), as
 * ElectroDB wrote it. A sparse index needs every composite once any is given, and is written
 * only while its condition holds.
 */
export function putKeys(schema: Schema, item: Values): Values {
  const out: Values = {};
  for (const info of indexesOf(schema)) {
    const isTable = info.index === TABLE;
    if (!isTable && !info.members.some((name) => item[name] !== undefined)) continue;
    const sparse = Boolean(info.definition.condition) && !isTable;
    const { pk, sk } = info.definition;
    const missing = sparse
      ? missingOf(info.members, item)
      : [pk, ...(sk ? [sk] : [])].flatMap((key) => {
          const absent = missingOf([...key.composite], item);
          return absent.length < key.composite.length || isTable ? absent : [];
        });
    if (missing.length > 0) throw incomplete(info, missing, sparse);
    if (sparse && !info.definition.condition?.(item)) continue;
    Object.assign(out, keysOf(schema, info, item));
  }
  return out;
}

/**
 * The index keys an update moves (ElectroDB `_getUpdatedKeys`), from what it sets, what it
 * removes and what `composite()` and the item's key supply:
 * - a plain index: the partition and/or sort key whose composites were set, all of that key's
 *   composites given (set or supplied), else an error;
 * - a sparse index: when a composite was set, or every composite is supplied, the condition over
 *   set + supplied decides: keys written, or both removed (all composites must be given);
 * - a removed composite removes the keys it is part of.
 */
export function updateKeys(
  schema: Schema,
  set: Values,
  removed: string[],
  supplied: Values,
  tableKey: Values,
): { write: Values; remove: string[] } {
  const write: Values = {};
  const remove: string[] = [];
  const removeAfter: string[] = [];
  const merged = { ...supplied, ...set };
  for (const info of indexesOf(schema)) {
    if (info.index === TABLE) continue;
    const { pk, sk, condition } = info.definition;
    const setPk = pk.composite.some((name) => set[name] !== undefined);
    const setSk = (sk?.composite ?? []).some((name) => set[name] !== undefined);
    if (condition) {
      const allSupplied = info.members.every((name) => supplied[name] !== undefined);
      if (setPk || setSk || allSupplied) {
        const missing = missingOf(info.members, set, supplied);
        if (missing.length > 0) throw incomplete(info, missing, true);
        if (!condition(merged)) {
          remove.push(pk.field, ...(sk ? [sk.field] : []));
        } else {
          Object.assign(write, keysOf(schema, info, merged));
        }
      }
    } else if (setPk || setSk) {
      const missing = [
        ...(setPk ? missingOf([...pk.composite], set, supplied) : []),
        ...(setSk ? missingOf([...(sk?.composite ?? [])], set, supplied) : []),
      ];
      if (missing.length > 0) throw incomplete(info, missing, false);
      if (setPk) write[pk.field] = pkOf(schema, pk, merged);
      // A sort key without composites is its prefix alone, written with the partition key (ElectroDB does).
      if (sk && (setSk || (setPk && sk.composite.length === 0)))
        write[sk.field] = skOf(schema, sk, merged).key;
    }
    // A removed composite removes its key; the key's other composites must go too or be the item's own key.
    for (const key of [pk, ...(sk ? [sk] : [])]) {
      if (!key.composite.some((name) => removed.includes(name))) continue;
      const missing = key.composite.filter((name) => !removed.includes(name) && tableKey[name] === undefined);
      if (missing.length > 0) throw incomplete(info, missing, false);
      removeAfter.push(key.field);
    }
  }
  return { write, remove: [...remove, ...removeAfter] };
}

function incomplete(info: IndexInfo, missing: string[], sparse: boolean): StoreError {
  const list = missing.map((name) => `"${name}"`).join(', ');
  return new StoreError(
    sparse
      ? `Incomplete composite attributes provided for index ${info.index}. Missing composite attributes identified: ${list}`
      : `Incomplete composite attributes: Without the composite attributes ${list} the following access patterns cannot be updated: "${info.accessPattern}". If a composite attribute is readOnly and cannot be set, use the 'composite' chain method on update to supply the value for key formatting purposes.`,
  );
}
