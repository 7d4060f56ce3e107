import { StoreError } from './errors';

/**
 * Expression names and values, named as ElectroDB names them (`#status`, `:status0` in a
 * condition, `:status_u0` in an update, `#pk_2` when `#pk` already means another field), so a
 * request is the same one the old library sent (decision 0037; the differential test compares
 * them).
 */
export class Expressions {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private readonly counters = new Map<string, number>();

  name(name: string, field = name): string {
    let key = `#${name}`;
    for (let n = 2; this.names[key] !== undefined && this.names[key] !== field; n++) key = `#${name}_${n}`;
    this.names[key] = field;
    return key;
  }

  /** `:prefix0`, `:prefix1`… per prefix. */
  value(prefix: string, value: unknown): string {
    const n = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, n + 1);
    const key = `:${prefix}${n}`;
    this.values[key] = value;
    return key;
  }

  /** A value under its own fixed name (key conditions: `:pk`, `:sk1`). */
  fixed(key: string, value: unknown): string {
    this.values[key] = value;
    return key;
  }
}

/**
 * A condition or filter built clause by clause: ElectroDB's `FilterExpression.add` — the clause
 * so far is put in parentheses unless it already starts or ends with one.
 */
export class Clauses {
  expression = '';

  add(clause: string): void {
    const next = clause.replace(/\n|\r/g, '').trim();
    if (!this.expression) {
      this.expression = next;
      return;
    }
    if (!next.replace(/\n|\r|\w/g, '').trim()) return;
    const existing =
      this.expression.startsWith('(') || this.expression.endsWith(')')
        ? this.expression
        : `(${this.expression})`;
    this.expression = `${existing} AND ${next}`;
  }
}

/** An attribute as a where callback sees it: a name the operators resolve. */
export interface AttributeRef<T = unknown> {
  readonly __attribute: string;
  readonly __type?: T;
}

export interface WhereOperators {
  eq<T>(attr: AttributeRef<T>, value: T): string;
  ne<T>(attr: AttributeRef<T>, value: T): string;
  gt<T>(attr: AttributeRef<T>, value: T): string;
  gte<T>(attr: AttributeRef<T>, value: T): string;
  lt<T>(attr: AttributeRef<T>, value: T): string;
  lte<T>(attr: AttributeRef<T>, value: T): string;
  between<T>(attr: AttributeRef<T>, low: T, high: T): string;
  begins<T>(attr: AttributeRef<T>, value: T): string;
  exists(attr: AttributeRef): string;
  notExists(attr: AttributeRef): string;
  contains(attr: AttributeRef, value: unknown): string;
  notContains(attr: AttributeRef, value: unknown): string;
  size(attr: AttributeRef): string;
  name(attr: AttributeRef): string;
  value<T>(attr: AttributeRef<T>, value: T): string;
}

export type WhereCallback<A> = (attributes: A, op: WhereOperators) => string;

/** Runs a where callback against `known` attribute names; returns its clause. */
export function whereClause(
  expressions: Expressions,
  known: readonly string[],
  callback: (attributes: never, op: WhereOperators) => string,
): string {
  const attributes: Record<string, AttributeRef> = {};
  for (const name of known) attributes[name] = { __attribute: name };
  const nameOf = (attr: AttributeRef) => {
    if (!attr || typeof attr.__attribute !== 'string')
      throw new StoreError('where: not an attribute of this entity');
    return expressions.name(attr.__attribute);
  };
  const valueName = (attr: AttributeRef, value: unknown) => expressions.value(attr.__attribute, value);
  const compare = (operator: string) => (attr: AttributeRef, value: unknown) =>
    `${nameOf(attr)} ${operator} ${valueName(attr, value)}`;
  const op: WhereOperators = {
    eq: compare('='),
    ne: compare('<>'),
    gt: compare('>'),
    gte: compare('>='),
    lt: compare('<'),
    lte: compare('<='),
    between: (attr, low, high) => {
      const name = nameOf(attr);
      return `(${name} between ${valueName(attr, low)} and ${valueName(attr, high)})`;
    },
    begins: (attr, value) => `begins_with(${nameOf(attr)}, ${valueName(attr, value)})`,
    exists: (attr) => `attribute_exists(${nameOf(attr)})`,
    notExists: (attr) => `attribute_not_exists(${nameOf(attr)})`,
    contains: (attr, value) => `contains(${nameOf(attr)}, ${valueName(attr, value)})`,
    notContains: (attr, value) => `not contains(${nameOf(attr)}, ${valueName(attr, value)})`,
    size: (attr) => `size(${nameOf(attr)})`,
    name: nameOf,
    value: valueName,
  };
  const clause = callback(attributes as never, op);
  if (typeof clause !== 'string')
    throw new StoreError('where: the callback must return the clause as a string');
  return clause;
}
