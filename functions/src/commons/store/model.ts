/**
 * The model an entity file declares — the subset of ElectroDB's model this codebase uses
 * (decision 0037), and the item types inferred from it. The model objects are unchanged from
 * the ElectroDB days, so the stored layout is too.
 */

export type ScalarType = 'string' | 'number' | 'boolean';
/** An enum is a tuple of its strings (`type: ['a', 'b'] as const`). */
export type AttributeType = ScalarType | 'map' | 'list' | 'set' | readonly string[];

export interface AttributeDefinition {
  readonly type: AttributeType;
  readonly required?: boolean;
  readonly readOnly?: boolean;
  readonly default?: unknown;
  /** `set`: a scalar type or enum; `list`: an attribute definition. */
  readonly items?: ScalarType | readonly string[] | AttributeDefinition;
  readonly properties?: { readonly [name: string]: AttributeDefinition };
}

export interface KeyDefinition {
  readonly field: string;
  readonly composite: readonly string[];
}

export interface IndexDefinition {
  /** The GSI's name; absent for the table's own key. */
  readonly index?: string;
  /** Sparse index: its keys are written only while this holds (ElectroDB's semantics, `keys.ts`). */
  readonly condition?: (item: Record<string, unknown>) => boolean;
  readonly pk: KeyDefinition;
  readonly sk?: KeyDefinition;
}

export interface Schema {
  readonly model: { readonly entity: string; readonly version: string; readonly service: string };
  readonly attributes: { readonly [name: string]: AttributeDefinition };
  readonly indexes: { readonly [accessPattern: string]: IndexDefinition };
}

export interface EntityConfig {
  client: { send(command: never, options?: never): Promise<unknown> } | object;
  table: string;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type ScalarOf<T> = T extends 'string'
  ? string
  : T extends 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends readonly (infer U)[]
        ? U
        : never;

type MapOf<P> = Simplify<
  { -readonly [K in keyof P as P[K] extends { required: true } ? K : never]: ValueOf<P[K]> } & {
    -readonly [K in keyof P as P[K] extends { required: true } ? never : K]?: ValueOf<P[K]>;
  }
>;

export type ValueOf<A> = A extends { type: 'map'; properties: infer P }
  ? MapOf<P>
  : A extends { type: 'list'; items: infer I }
    ? ValueOf<I>[]
    : A extends { type: 'set'; items: infer I }
      ? ScalarOf<I>[]
      : A extends { type: infer T }
        ? ScalarOf<T>
        : never;

type Attributes<S extends Schema> = S['attributes'];

/** The item as read: required attributes present, the rest optional (ElectroDB's `EntityItem`). */
export type ItemOf<S extends Schema> = MapOf<Attributes<S>>;

type HasDefault<A> = A extends { default: unknown } ? true : false;

/** What put and create take: required attributes without a default must be given. */
export type PutInput<S extends Schema> = Simplify<
  {
    -readonly [K in keyof Attributes<S> as Attributes<S>[K] extends { required: true }
      ? HasDefault<Attributes<S>[K]> extends true
        ? never
        : K
      : never]: ValueOf<Attributes<S>[K]>;
  } & {
    -readonly [K in keyof Attributes<S> as Attributes<S>[K] extends { required: true }
      ? HasDefault<Attributes<S>[K]> extends true
        ? K
        : never
      : K]?: ValueOf<Attributes<S>[K]> | undefined;
  }
>;

export type Partial$<S extends Schema> = { [K in keyof ItemOf<S>]?: ItemOf<S>[K] | undefined };

type CompositeOf<
  S extends Schema,
  I extends keyof S['indexes'],
  P extends 'pk' | 'sk',
> = S['indexes'][I] extends {
  [key in P]: { composite: readonly (infer C)[] };
}
  ? C & keyof ItemOf<S>
  : never;

/** The key of an item: every composite attribute of the table's own index (`byId` etc.). */
export type KeyInput<S extends Schema> = Pick<
  ItemOf<S>,
  CompositeOf<S, TableAccessPattern<S>, 'pk'> | CompositeOf<S, TableAccessPattern<S>, 'sk'>
>;

export type TableAccessPattern<S extends Schema> = {
  [K in keyof S['indexes']]: S['indexes'][K] extends { index: string } ? never : K;
}[keyof S['indexes']];

/** A query's facets: the partition key's composites, and any leading sort-key composites. */
export type QueryInput<S extends Schema, I extends keyof S['indexes']> = Simplify<
  Pick<ItemOf<S>, CompositeOf<S, I, 'pk'>> & {
    [K in CompositeOf<S, I, 'sk'>]?: ItemOf<S>[K] | undefined;
  }
>;

export type SortInput<S extends Schema, I extends keyof S['indexes']> = {
  [K in CompositeOf<S, I, 'sk'>]?: ItemOf<S>[K] | undefined;
};
