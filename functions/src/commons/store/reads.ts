import { BatchGetCommand, GetCommand } from '../dynamo';
import type { Entity } from './entity';
import { StoreError } from './errors';
import { Expressions } from './expressions';
import { ENTITY_FIELD, fromStored, owns, VERSION_FIELD } from './items';
import { pkOf, skOf } from './keys';
import type { ItemOf, Schema } from './model';
import { checkOptions, type GoOptions } from './options';

type Stored = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: the entity's schema type is not needed to build a key
type AnyEntity = Entity<any>;

/** The item's key on the table (every composite required). */
export function tableKey(entity: AnyEntity, values: Record<string, unknown>): Record<string, string> {
  const { pk, sk } = entity.primary.definition;
  const key: Record<string, string> = { [pk.field]: pkOf(entity.schema, pk, values) };
  if (sk) {
    const sort = skOf(entity.schema, sk, values);
    if (!sort.complete)
      throw new StoreError(`Incomplete key for ${entity.schema.model.entity}: ${sk.composite.join(', ')}`);
    key[sk.field] = sort.key;
  }
  return key;
}

/**
 * `attributes`: a ProjectionExpression as ElectroDB builds it — every name the request already
 * uses, the table's key, the attributes, and (when it is sent) the entity identifiers, so the
 * items are still known as this entity's.
 */
export function project(
  entity: AnyEntity,
  expressions: Expressions,
  attributes: readonly string[] | undefined,
  sent: boolean,
): string | undefined {
  if (!attributes?.length) return undefined;
  const { pk, sk } = entity.primary.definition;
  const fields = Object.values(expressions.names);
  if (!fields.includes(pk.field)) expressions.name(pk.field);
  if (sk && !fields.includes(sk.field)) expressions.name(sk.field);
  for (const attribute of attributes) expressions.name(attribute);
  if (sent) {
    expressions.name(ENTITY_FIELD);
    expressions.name(VERSION_FIELD);
  }
  return Object.keys(expressions.names).join(', ');
}

/** A read item as callers see it; `attributes` narrows it to those. */
export function formatItem(entity: AnyEntity, item: Stored, options: GoOptions): Stored {
  const out = fromStored(entity.schema, item);
  if (!options.attributes?.length) return out;
  const picked: Stored = {};
  for (const name of options.attributes) if (out[name] !== undefined) picked[name] = out[name];
  return picked;
}

export class GetChain<S extends Schema> {
  constructor(
    private readonly entity: Entity<S>,
    private readonly key: object,
  ) {}

  params(options?: GoOptions, sent = false): Record<string, unknown> {
    const o = checkOptions(options);
    const expressions = new Expressions();
    const params: Record<string, unknown> = {
      Key: tableKey(this.entity, this.key as Stored),
      TableName: this.entity.table,
    };
    if (o.consistent) params.ConsistentRead = true;
    const projected = project(this.entity, expressions, o.attributes, sent);
    if (projected) {
      params.ExpressionAttributeNames = expressions.names;
      params.ProjectionExpression = projected;
    }
    return params;
  }

  async go(options?: GoOptions): Promise<{ data: ItemOf<S> | null }> {
    const o = checkOptions(options);
    const response = await this.entity.send<{ Item?: Stored }>(new GetCommand(this.params(o, true) as never));
    const item = response.Item;
    return {
      data: item && owns(this.entity.schema, item) ? (formatItem(this.entity, item, o) as ItemOf<S>) : null,
    };
  }
}

/** Batch get in chunks of 100 keys; keys DynamoDB left unprocessed come back as they were asked. */
export class BatchGetChain<S extends Schema> {
  constructor(
    private readonly entity: Entity<S>,
    private readonly keys: object[],
  ) {}

  params(options?: GoOptions): Record<string, unknown>[] {
    const o = checkOptions(options);
    const chunks: Record<string, unknown>[] = [];
    for (let start = 0; start < this.keys.length; start += 100) {
      const Keys = this.keys.slice(start, start + 100).map((key) => tableKey(this.entity, key as Stored));
      const request: Record<string, unknown> = { Keys };
      if (o.consistent) request.ConsistentRead = true;
      chunks.push({ RequestItems: { [this.entity.table]: request } });
    }
    return chunks;
  }

  async go(options?: GoOptions): Promise<{ data: ItemOf<S>[]; unprocessed: ItemOf<S>[] }> {
    const o = checkOptions(options);
    const asked = new Map<string, object>();
    for (const key of this.keys) asked.set(JSON.stringify(tableKey(this.entity, key as Stored)), key);
    const data: ItemOf<S>[] = [];
    const unprocessed: ItemOf<S>[] = [];
    for (const params of this.params(o)) {
      const response = await this.entity.send<{
        Responses?: Record<string, Stored[]>;
        UnprocessedKeys?: Record<string, { Keys?: Stored[] }>;
      }>(new BatchGetCommand(params as never));
      for (const item of response.Responses?.[this.entity.table] ?? []) {
        if (owns(this.entity.schema, item)) data.push(formatItem(this.entity, item, o) as ItemOf<S>);
      }
      for (const key of response.UnprocessedKeys?.[this.entity.table]?.Keys ?? []) {
        const { pk, sk } = this.entity.primary.definition;
        const id = JSON.stringify({
          [pk.field]: key[pk.field],
          ...(sk ? { [sk.field]: key[sk.field] } : {}),
        });
        const original = asked.get(id);
        if (original) unprocessed.push(original as ItemOf<S>);
      }
    }
    return { data, unprocessed };
  }
}
