/**
 * The `.go()` / `.params()` options the codebase passes (decision 0037); ElectroDB's others are
 * refused rather than ignored.
 */
export interface GoOptions {
  consistent?: boolean;
  limit?: number;
  order?: 'asc' | 'desc';
  cursor?: string | null;
  pages?: number | 'all';
  /** Keep paging until this many items came back (ElectroDB's `count`). */
  count?: number;
  attributes?: readonly string[];
  response?: 'default' | 'none' | 'all_old' | 'updated_old' | 'all_new' | 'updated_new';
}

const known = new Set(['consistent', 'limit', 'order', 'cursor', 'pages', 'count', 'attributes', 'response']);

export function checkOptions(options: object | undefined): GoOptions {
  for (const key of Object.keys(options ?? {})) {
    if (!known.has(key)) throw new Error(`Entity layer: go/params option "${key}" is not supported`);
  }
  return (options ?? {}) as GoOptions;
}

/** ElectroDB's cursor: the LastEvaluatedKey as base64url JSON. */
export const cursors = {
  serialize: (key: Record<string, unknown> | undefined): string | null =>
    key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null,
  deserialize: (cursor: string | null | undefined): Record<string, unknown> | undefined => {
    if (!cursor) return undefined;
    try {
      return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new Error('Unable to parse cursor');
    }
  },
};
