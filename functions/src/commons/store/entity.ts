import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fromClient } from './errors';
import { type IndexInfo, indexesOf, TABLE } from './keys';
import type { ItemOf, KeyInput, PutInput, QueryInput, Schema } from './model';
import { QueryChain, ScanChain } from './queries';
import { BatchGetChain, GetChain } from './reads';
import { BatchPutChain, DeleteChain, PutChain, UpdateChain } from './writes';

/**
 * One entity over the single table: ElectroDB's `Entity` as this codebase uses it — the same
 * model object, the same keys and items, the same `.params()` and `.go()` answers — in plain
 * DocumentClient commands (decision 0037). Anything else ElectroDB offers is not here; a model
 * option this layer does not know is refused when the entity is built.
 */
export class Entity<const S extends Schema> {
  readonly schema: S;
  readonly table: string;
  readonly indexes: IndexInfo[];
  readonly primary: IndexInfo;
  private readonly client: DynamoDBDocumentClient;

  constructor(schema: S, config: { client: DynamoDBDocumentClient; table: string }) {
    checkModel(schema);
    this.schema = schema;
    this.table = config.table;
    this.client = config.client;
    this.indexes = indexesOf(schema);
    const primary = this.indexes.find((info) => info.index === TABLE);
    if (!primary) throw new Error(`Entity ${schema.model.entity}: no table index`);
    this.primary = primary;
    const query: Record<string, (facets: Record<string, unknown>) => QueryChain<S>> = {};
    for (const info of this.indexes)
      query[info.accessPattern] = (facets) => new QueryChain<S>(this, info, facets);
    this.query = query as unknown as typeof this.query;
  }

  /** Sends one command; a client failure comes back wrapped, the SDK's error as its cause. */
  async send<T>(command: unknown): Promise<T> {
    try {
      return (await this.client.send(command as never)) as T;
    } catch (error) {
      throw fromClient(error);
    }
  }

  get(key: KeyInput<S>): GetChain<S>;
  get(keys: KeyInput<S>[]): BatchGetChain<S>;
  get(key: KeyInput<S> | KeyInput<S>[]): GetChain<S> | BatchGetChain<S> {
    return Array.isArray(key) ? new BatchGetChain<S>(this, key) : new GetChain<S>(this, key);
  }

  put(item: PutInput<S>): PutChain<S>;
  put(items: PutInput<S>[]): BatchPutChain<S>;
  put(item: PutInput<S> | PutInput<S>[]): PutChain<S> | BatchPutChain<S> {
    return Array.isArray(item) ? new BatchPutChain<S>(this, item) : new PutChain<S>(this, item, false);
  }

  create(item: PutInput<S>): PutChain<S> {
    return new PutChain<S>(this, item, true);
  }

  /** Update of an item that must exist (ElectroDB's patch). */
  patch(key: KeyInput<S>): UpdateChain<S> {
    return new UpdateChain<S>(this, key, true);
  }

  /** Update that creates the item if absent. */
  update(key: KeyInput<S>): UpdateChain<S> {
    return new UpdateChain<S>(this, key, false);
  }

  delete(key: KeyInput<S>): DeleteChain<S> {
    return new DeleteChain<S>(this, key, false);
  }

  /** Delete of an item that must exist. */
  remove(key: KeyInput<S>): DeleteChain<S> {
    return new DeleteChain<S>(this, key, true);
  }

  get scan(): ScanChain<S> {
    return new ScanChain<S>(this);
  }

  readonly query: {
    [I in keyof S['indexes']]: (facets: QueryInput<S, I>) => QueryChain<S, I>;
  };
}

/** The item type of an entity (ElectroDB's `EntityItem`). */
export type EntityItem<E> = E extends Entity<infer S> ? ItemOf<S> : never;

const knownAttributeOptions = new Set(['type', 'required', 'readOnly', 'default', 'items', 'properties']);
const knownIndexOptions = new Set(['index', 'condition', 'pk', 'sk']);

/** Refuses model options this layer does not implement, so none is silently ignored. */
function checkModel(schema: Schema): void {
  const where = `Entity ${schema.model.entity}`;
  const checkAttribute = (name: string, definition: object) => {
    for (const option of Object.keys(definition)) {
      if (!knownAttributeOptions.has(option))
        throw new Error(`${where}: attribute option "${option}" of ${name} is not supported`);
    }
    const { items, properties } = definition as { items?: unknown; properties?: Record<string, object> };
    if (items && typeof items === 'object' && !Array.isArray(items)) checkAttribute(`${name}[]`, items);
    for (const [child, property] of Object.entries(properties ?? {}))
      checkAttribute(`${name}.${child}`, property);
  };
  for (const [name, definition] of Object.entries(schema.attributes)) checkAttribute(name, definition);
  for (const [name, definition] of Object.entries(schema.indexes)) {
    for (const option of Object.keys(definition)) {
      if (!knownIndexOptions.has(option))
        throw new Error(`${where}: index option "${option}" of ${name} is not supported`);
    }
    for (const key of [definition.pk, definition.sk]) {
      if (!key) continue;
      for (const option of Object.keys(key)) {
        if (option !== 'field' && option !== 'composite') {
          throw new Error(`${where}: key option "${option}" of ${name} is not supported`);
        }
      }
      for (const composite of key.composite) {
        if (!schema.attributes[composite])
          throw new Error(`${where}: ${name} composes unknown attribute ${composite}`);
      }
    }
  }
}
