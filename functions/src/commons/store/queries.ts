import { QueryCommand, ScanCommand } from '../dynamo';
import type { Entity } from './entity';
import { StoreError } from './errors';
import { Clauses, Expressions, type WhereCallback, whereClause } from './expressions';
import { owns } from './items';
import { type IndexInfo, keysOf, pkOf, skOf, TABLE } from './keys';
import type { ItemOf, Schema, SortInput } from './model';
import { checkOptions, cursors, type GoOptions } from './options';
import { formatItem, project } from './reads';
import type { WhereAttributes } from './writes';

type Stored = Record<string, unknown>;
type Range =
  | { op: '<' | '<=' | '>' | '>=' | 'begins'; facets: Stored }
  | { op: 'between'; facets: Stored; high: Stored };

/** The fields of the table's key and the index's (what a cursor may carry for this index). */
function keyFields(entity: Entity<Schema>, info: IndexInfo): string[] {
  const fields = [entity.primary.definition.pk.field];
  if (entity.primary.definition.sk) fields.push(entity.primary.definition.sk.field);
  fields.push(info.definition.pk.field);
  if (info.definition.sk) fields.push(info.definition.sk.field);
  return [...new Set(fields)];
}

/**
 * Runs a Query or Scan the way ElectroDB pages it: one page unless `pages` says more or all;
 * with `count`, pages until that many of this entity's items came back, the cursor then
 * pointing after the last one returned.
 */
async function page<S extends Schema>(
  entity: Entity<S>,
  info: IndexInfo,
  params: Stored,
  o: GoOptions,
  command: (input: Stored) => unknown,
): Promise<{ data: ItemOf<S>[]; cursor: string | null }> {
  const fields = keyFields(entity as never, info);
  const trim = (key: Stored | undefined) => {
    if (!key) return undefined;
    const out: Stored = {};
    for (const field of fields) if (key[field] !== undefined) out[field] = key[field];
    return Object.keys(out).length ? out : undefined;
  };
  let start = trim(cursors.deserialize(o.cursor ?? null));
  const pages = o.pages ?? 1;
  const data: ItemOf<S>[] = [];
  let iterations = 0;
  do {
    const response = await entity.send<{ Items?: Stored[]; LastEvaluatedKey?: Stored }>(
      command({ ExclusiveStartKey: start, ...params }),
    );
    start = response.LastEvaluatedKey;
    const mine = (response.Items ?? []).filter((item) => owns(entity.schema, item));
    for (const item of mine) {
      if (o.count !== undefined && data.length === o.count) break;
      data.push(formatItem(entity as never, item, o) as ItemOf<S>);
    }
    if (o.count !== undefined && data.length === o.count) {
      const last = data.at(-1) as Stored;
      // The index's keys first, then the table's: ElectroDB's cursor, byte for byte.
      start = { ...keysOf(entity.schema, info, last), ...keysOf(entity.schema, entity.primary, last) };
      break;
    }
    iterations++;
  } while (start && (pages === 'all' || o.count !== undefined || iterations < pages));
  return { data, cursor: cursors.serialize(start) };
}

function readOptions(params: Stored, o: GoOptions): void {
  if (o.order === 'asc') params.ScanIndexForward = true;
  if (o.order === 'desc') params.ScanIndexForward = false;
  if (o.limit !== undefined) params.Limit = o.limit;
  if (o.consistent) params.ConsistentRead = true;
}

export class QueryChain<S extends Schema, _I = unknown> {
  private range: Range | undefined;
  private readonly wheres: WhereCallback<WhereAttributes<S>>[] = [];

  constructor(
    private readonly entity: Entity<S>,
    private readonly info: IndexInfo,
    private readonly facets: Stored,
  ) {}

  private ranged(range: Range): this {
    if (this.range) throw new StoreError('Only one sort-key condition per query');
    this.range = range;
    return this;
  }
  lt(facets: SortInput<S, _I & keyof S['indexes']>): this {
    return this.ranged({ op: '<', facets });
  }
  lte(facets: SortInput<S, _I & keyof S['indexes']>): this {
    return this.ranged({ op: '<=', facets });
  }
  gt(facets: SortInput<S, _I & keyof S['indexes']>): this {
    return this.ranged({ op: '>', facets });
  }
  gte(facets: SortInput<S, _I & keyof S['indexes']>): this {
    return this.ranged({ op: '>=', facets });
  }
  begins(facets: SortInput<S, _I & keyof S['indexes']>): this {
    return this.ranged({ op: 'begins', facets });
  }
  between(low: SortInput<S, _I & keyof S['indexes']>, high: SortInput<S, _I & keyof S['indexes']>): this {
    return this.ranged({ op: 'between', facets: low, high });
  }
  where(callback: WhereCallback<WhereAttributes<S>>): this {
    this.wheres.push(callback);
    return this;
  }

  params(options?: GoOptions, sent = false): Stored {
    const o = checkOptions(options);
    const schema = this.entity.schema;
    const { pk, sk } = this.info.definition;
    const expressions = new Expressions();
    const filters = new Clauses();
    for (const where of this.wheres) {
      filters.add(whereClause(expressions, Object.keys(schema.attributes), where));
    }
    const pkName = expressions.name('pk', pk.field);
    let condition = `${pkName} = ${expressions.fixed(':pk', pkOf(schema, pk, this.facets))}`;
    if (sk) {
      const skName = expressions.name('sk1', sk.field);
      const range = this.range;
      if (!range) {
        const sort = skOf(schema, sk, this.facets, true);
        const v = expressions.fixed(':sk1', sort.key);
        condition += sort.complete ? ` and ${skName} = ${v}` : ` and begins_with(${skName}, ${v})`;
      } else {
        const low = skOf(schema, sk, { ...this.facets, ...range.facets }).key;
        const v = expressions.fixed(':sk1', low);
        if (range.op === 'begins') condition += ` and begins_with(${skName}, ${v})`;
        else if (range.op === 'between') {
          const high = expressions.fixed(':sk2', skOf(schema, sk, { ...this.facets, ...range.high }).key);
          condition += ` and ${skName} BETWEEN ${v} AND ${high}`;
        } else condition += ` and ${skName} ${range.op} ${v}`;
      }
    }
    const params: Stored = {
      KeyConditionExpression: condition,
      TableName: this.entity.table,
      ExpressionAttributeNames: expressions.names,
      ExpressionAttributeValues: expressions.values,
    };
    if (this.info.index !== TABLE) params.IndexName = this.info.index;
    if (filters.expression) params.FilterExpression = filters.expression;
    readOptions(params, o);
    const projected = project(this.entity as never, expressions, o.attributes, sent);
    if (projected) params.ProjectionExpression = projected;
    return params;
  }

  async go(options?: GoOptions): Promise<{ data: ItemOf<S>[]; cursor: string | null }> {
    const o = checkOptions(options);
    return page(this.entity, this.info, this.params(o, true), o, (input) => new QueryCommand(input as never));
  }
}

/** A Scan of this entity's items (the backfill's; functions never Scan). */
export class ScanChain<S extends Schema> {
  constructor(private readonly entity: Entity<S>) {}

  params(options?: GoOptions): Stored {
    const o = checkOptions(options);
    const schema = this.entity.schema;
    const { pk, sk } = this.entity.primary.definition;
    const expressions = new Expressions();
    const entityName = expressions.name('__edb_e__');
    const versionName = expressions.name('__edb_v__');
    const pkName = expressions.name('pk', pk.field);
    const parts = [
      `begins_with(${pkName}, ${expressions.fixed(':pk', skOfPrefix(schema, pk.composite[0], 'pk'))})`,
    ];
    if (sk) {
      const skName = expressions.name('sk', sk.field);
      parts.push(`begins_with(${skName}, ${expressions.fixed(':sk', skOf(schema, sk, {}, true).key)})`);
    }
    const entityValue = expressions.value('__edb_e__', schema.model.entity);
    const versionValue = expressions.value('__edb_v__', schema.model.version);
    const params: Stored = {
      TableName: this.entity.table,
      ExpressionAttributeNames: expressions.names,
      ExpressionAttributeValues: expressions.values,
      FilterExpression: `${parts.join(' AND ')} AND (${entityName} = ${entityValue}) AND ${versionName} = ${versionValue}`,
    };
    readOptions(params, o);
    return params;
  }

  async go(options?: GoOptions): Promise<{ data: ItemOf<S>[]; cursor: string | null }> {
    const o = checkOptions(options);
    return page(
      this.entity,
      this.entity.primary,
      this.params(o),
      o,
      (input) => new ScanCommand(input as never),
    );
  }
}

/** The partition-key prefix a Scan filters on: `$service#firstcomposite_`. */
function skOfPrefix(schema: Schema, first: string | undefined, _field: string): string {
  return `$${schema.model.service}${first ? `#${first}_` : ''}`.toLowerCase();
}
