import { BatchWriteCommand, DeleteCommand, PutCommand, UpdateCommand } from '../dynamo';
import type { Entity } from './entity';
import { StoreError } from './errors';
import { type AttributeRef, Clauses, Expressions, type WhereCallback, whereClause } from './expressions';
import { attributeOf, ENTITY_FIELD, fromStored, itemToStored, toStored, VERSION_FIELD } from './items';
import { putKeys, updateKeys } from './keys';
import type { ItemOf, Partial$, Schema } from './model';
import { checkOptions, type GoOptions } from './options';
import { tableKey } from './reads';

type Stored = Record<string, unknown>;
export type WhereAttributes<S extends Schema> = {
  readonly [K in keyof ItemOf<S>]-?: AttributeRef<ItemOf<S>[K]>;
};

type PutParams = Stored & { Item: Stored; TableName: string };

const returnValues = (o: GoOptions) =>
  o.response && o.response !== 'default' ? { ReturnValues: o.response.toUpperCase() } : {};

/** ConditionExpression and the names and values it uses, when there is one. */
function conditionParams(expressions: Expressions, clauses: Clauses): Stored {
  const out: Stored = {};
  if (clauses.expression) out.ConditionExpression = clauses.expression;
  if (Object.keys(expressions.names).length) out.ExpressionAttributeNames = expressions.names;
  if (Object.keys(expressions.values).length) out.ExpressionAttributeValues = expressions.values;
  return out;
}

function existsClause(entity: Entity<Schema>, expressions: Expressions, exists: boolean): string {
  const { pk, sk } = entity.primary.definition;
  const fn = exists ? 'attribute_exists' : 'attribute_not_exists';
  const parts = [`${fn}(${expressions.name(pk.field)})`];
  if (sk) parts.push(`${fn}(${expressions.name(sk.field)})`);
  return parts.join(' AND ');
}

const attributeNames = (entity: Entity<Schema>) => Object.keys(entity.schema.attributes);

/** The item as stored: checked attributes, the index keys, the entity identifiers. */
function storedItem(entity: Entity<Schema>, input: Stored): { Item: Stored; attributes: Stored } {
  const schema = entity.schema;
  const attributes = itemToStored(schema, input);
  const Item = {
    ...attributes,
    ...putKeys(schema, attributes),
    [ENTITY_FIELD]: schema.model.entity,
    [VERSION_FIELD]: schema.model.version,
  };
  return { Item, attributes };
}

/**
 * put of many items (the seed's and the benches'): BatchWriteItem, 25 items a request,
 * `concurrency` requests at a time; what DynamoDB left unprocessed comes back, as ElectroDB did.
 */
export class BatchPutChain<S extends Schema> {
  constructor(
    private readonly entity: Entity<S>,
    private readonly items: object[],
  ) {}

  params(): Stored[] {
    const chunks: Stored[] = [];
    for (let start = 0; start < this.items.length; start += 25) {
      const requests = this.items
        .slice(start, start + 25)
        .map((item) => ({ PutRequest: { Item: storedItem(this.entity as never, item as Stored).Item } }));
      chunks.push({ RequestItems: { [this.entity.table]: requests } });
    }
    return chunks;
  }

  async go(options?: { concurrency?: number }): Promise<{ unprocessed: Partial$<S>[] }> {
    const chunks = this.params();
    const unprocessed: Partial$<S>[] = [];
    const members = this.entity.primary.members;
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        const response = await this.entity.send<{
          UnprocessedItems?: Record<string, { PutRequest?: { Item?: Stored } }[]>;
        }>(new BatchWriteCommand(chunk as never));
        for (const left of response.UnprocessedItems?.[this.entity.table] ?? []) {
          const item = left.PutRequest?.Item ?? {};
          unprocessed.push(Object.fromEntries(members.map((name) => [name, item[name]])) as Partial$<S>);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options?.concurrency ?? 1) }, worker));
    return { unprocessed };
  }
}

/** put (replace) and create (only if absent). */
export class PutChain<S extends Schema> {
  private readonly wheres: WhereCallback<WhereAttributes<S>>[] = [];

  constructor(
    private readonly entity: Entity<S>,
    private readonly input: object,
    private readonly onlyIfAbsent: boolean,
  ) {}

  where(callback: WhereCallback<WhereAttributes<S>>): this {
    this.wheres.push(callback);
    return this;
  }

  private build(): { params: PutParams; attributes: Stored } {
    const { Item, attributes } = storedItem(this.entity as never, this.input as Stored);
    const expressions = new Expressions();
    const clauses = new Clauses();
    if (this.onlyIfAbsent) clauses.add(existsClause(this.entity as never, expressions, false));
    for (const where of this.wheres)
      clauses.add(whereClause(expressions, attributeNames(this.entity as never), where));
    return {
      params: { Item, TableName: this.entity.table, ...conditionParams(expressions, clauses) },
      attributes,
    };
  }

  params<T = PutParams>(options?: GoOptions): T {
    checkOptions(options);
    return this.build().params as T;
  }

  async go(options?: GoOptions): Promise<{ data: ItemOf<S> }> {
    checkOptions(options);
    const { params, attributes } = this.build();
    await this.entity.send(new PutCommand(params as never));
    return { data: fromStored(this.entity.schema, attributes) as ItemOf<S> };
  }
}

type Step =
  | { kind: 'set' | 'add' | 'subtract' | 'append' | 'delete' | 'composite'; values: Stored }
  | { kind: 'remove'; names: string[] }
  | { kind: 'where'; callback: WhereCallback<never> };

/** patch (item must exist) and update. Operations apply in the order they were chained. */
export class UpdateChain<S extends Schema> {
  private readonly steps: Step[] = [];

  constructor(
    private readonly entity: Entity<S>,
    private readonly key: object,
    private readonly mustExist: boolean,
  ) {}

  set(values: Partial$<S>): this {
    this.steps.push({ kind: 'set', values });
    return this;
  }
  add(values: Partial$<S>): this {
    this.steps.push({ kind: 'add', values });
    return this;
  }
  subtract(values: Partial$<S>): this {
    this.steps.push({ kind: 'subtract', values });
    return this;
  }
  append(values: Partial$<S>): this {
    this.steps.push({ kind: 'append', values });
    return this;
  }
  delete(values: Partial$<S>): this {
    this.steps.push({ kind: 'delete', values });
    return this;
  }
  remove(names: (keyof ItemOf<S> & string)[]): this {
    this.steps.push({ kind: 'remove', names });
    return this;
  }
  /** Composite attributes the caller vouches for: conditions on them, and the values re-keying reads. */
  composite(values: Partial$<S>): this {
    this.steps.push({ kind: 'composite', values });
    return this;
  }
  where(callback: WhereCallback<WhereAttributes<S>>): this {
    this.steps.push({ kind: 'where', callback: callback as WhereCallback<never> });
    return this;
  }

  private build(o: GoOptions): Stored {
    const entity = this.entity as unknown as Entity<Schema>;
    const schema = entity.schema;
    const tableComposites = entity.primary.members;
    const keyValues: Stored = {};
    for (const name of tableComposites) keyValues[name] = (this.key as Stored)[name];
    const expressions = new Expressions();
    const clauses = new Clauses();
    const operations = {
      set: [] as string[],
      remove: [] as string[],
      add: [] as string[],
      delete: [] as string[],
    };
    const setValues: Stored = {};
    const removed: string[] = [];
    const supplied: Stored = {};
    if (this.mustExist) clauses.add(existsClause(entity, expressions, true));
    const writable = (name: string) => {
      const definition = attributeOf(schema, name);
      if (definition.readOnly || tableComposites.includes(name)) {
        throw new StoreError(`Attribute "${name}" is Read-Only and cannot be updated`);
      }
      return definition;
    };
    const value = (name: string, v: unknown) => expressions.value(`${name}_u`, v);

    for (const step of this.steps) {
      if (step.kind === 'where') {
        clauses.add(whereClause(expressions, Object.keys(schema.attributes), step.callback));
        continue;
      }
      if (step.kind === 'remove') {
        for (const name of step.names) {
          const definition = writable(name);
          if (definition.required)
            throw new StoreError(`Attribute "${name}" is Required and cannot be removed`);
          operations.remove.push(expressions.name(name));
          removed.push(name);
        }
        continue;
      }
      for (const [name, raw] of Object.entries(step.values)) {
        if (raw === undefined) continue;
        if (step.kind === 'composite') {
          attributeOf(schema, name);
          clauses.add(`${expressions.name(name)} = ${expressions.value(name, raw)}`);
          supplied[name] = raw;
          continue;
        }
        const definition = writable(name);
        const path = expressions.name(name);
        switch (step.kind) {
          case 'set':
            operations.set.push(`${path} = ${value(name, toStored(definition, raw, name))}`);
            setValues[name] = raw;
            break;
          case 'add':
            if (definition.type !== 'number' && definition.type !== 'set') {
              throw new StoreError(`"ADD" can only be performed on "number" or "set" attributes (${name})`);
            }
            operations.add.push(`${path} ${value(name, toStored(definition, raw, name))}`);
            break;
          case 'subtract': {
            if (definition.type !== 'number')
              throw new StoreError(`"SUBTRACT" needs a "number" attribute (${name})`);
            const v = value(name, toStored(definition, raw, name));
            const zero = expressions.value(`${name}_default_value_u`, 0);
            operations.set.push(`${path} = (if_not_exists(${path}, ${zero}) - ${v})`);
            break;
          }
          case 'append': {
            if (definition.type !== 'list')
              throw new StoreError(`"APPEND" needs a "list" attribute (${name})`);
            const v = value(name, toStored(definition, raw, name));
            const empty = expressions.value(`${name}_default_value_u`, []);
            operations.set.push(`${path} = list_append(if_not_exists(${path}, ${empty}), ${v})`);
            break;
          }
          case 'delete':
            if (definition.type !== 'set') throw new StoreError(`"DELETE" needs a "set" attribute (${name})`);
            toStored(definition, raw, name);
            operations.delete.push(`${path} ${value(name, raw)}`);
            break;
        }
      }
    }

    const keys = updateKeys(schema, setValues, removed, { ...supplied, ...keyValues }, keyValues);
    for (const [field, v] of Object.entries(keys.write))
      operations.set.push(`${expressions.name(field)} = ${value(field, v)}`);
    for (const name of tableComposites)
      operations.set.push(`${expressions.name(name)} = ${value(name, keyValues[name])}`);
    for (const [field, v] of [
      [ENTITY_FIELD, schema.model.entity],
      [VERSION_FIELD, schema.model.version],
    ] as const) {
      operations.set.push(`${expressions.name(field)} = ${value(field, v)}`);
    }
    for (const field of keys.remove) {
      const name = expressions.name(field);
      if (!operations.remove.includes(name)) operations.remove.push(name);
    }

    const UpdateExpression = Object.entries(operations)
      .filter(([, list]) => list.length > 0)
      .map(([kind, list]) => `${kind.toUpperCase()} ${list.join(', ')}`)
      .join(' ');
    const params: Stored = {
      UpdateExpression,
      ExpressionAttributeNames: expressions.names,
      ExpressionAttributeValues: expressions.values,
      TableName: entity.table,
      Key: tableKey(entity, keyValues),
      ...returnValues(o),
    };
    if (clauses.expression) params.ConditionExpression = clauses.expression;
    return params;
  }

  params(options?: GoOptions): Stored {
    return this.build(checkOptions(options));
  }

  async go<O extends GoOptions>(
    options?: O,
  ): Promise<{ data: O extends { response: 'all_new' | 'all_old' } ? ItemOf<S> : Partial$<S> }> {
    const o = checkOptions(options);
    const response = await this.entity.send<{ Attributes?: Stored }>(
      new UpdateCommand(this.build(o) as never),
    );
    const data = response.Attributes
      ? fromStored(this.entity.schema, response.Attributes)
      : Object.fromEntries(this.entity.primary.members.map((name) => [name, (this.key as Stored)[name]]));
    return { data } as never;
  }
}

/** delete, and remove (item must exist). */
export class DeleteChain<S extends Schema> {
  private readonly wheres: WhereCallback<WhereAttributes<S>>[] = [];

  constructor(
    private readonly entity: Entity<S>,
    private readonly key: object,
    private readonly mustExist: boolean,
  ) {}

  where(callback: WhereCallback<WhereAttributes<S>>): this {
    this.wheres.push(callback);
    return this;
  }

  params(options?: GoOptions): Stored {
    const o = checkOptions(options);
    const entity = this.entity as unknown as Entity<Schema>;
    const expressions = new Expressions();
    const clauses = new Clauses();
    if (this.mustExist) clauses.add(existsClause(entity, expressions, true));
    for (const where of this.wheres) clauses.add(whereClause(expressions, attributeNames(entity), where));
    return {
      Key: tableKey(entity, this.key as Stored),
      TableName: entity.table,
      ...conditionParams(expressions, clauses),
      ...returnValues(o),
    };
  }

  async go(options?: GoOptions): Promise<{ data: Partial$<S> | null }> {
    const o = checkOptions(options);
    const response = await this.entity.send<{ Attributes?: Stored }>(
      new DeleteCommand(this.params(o) as never),
    );
    const data = response.Attributes
      ? fromStored(this.entity.schema, response.Attributes)
      : Object.fromEntries(this.entity.primary.members.map((name) => [name, (this.key as Stored)[name]]));
    return { data: data as Partial$<S> };
  }
}
