import * as z from 'zod';
import { decodeCursor, encodeCursor } from './cursor';
import { validationFailed } from './errors';

/** Which partition (index into the list) and where in it. */
const Position = z.object({ p: z.number().int().min(0), c: z.string().nullable() });

export interface PartitionPage<T> {
  items: T[];
  cursor: string | null;
}

/**
 * One list over several partitions (city staff: every district's records, one
 * Query per district in order), with one signed cursor saying which partition
 * and where in it. Reads only what the page needs; never a scan. Every staff
 * list across districts pages with it: one cursor shape, one loop.
 */
export async function pageAcross<P extends string, T>(
  partitions: readonly P[],
  query: { limit: number; cursor?: string | undefined },
  read: (partition: P, limit: number, cursor: string | null) => Promise<PartitionPage<T>>,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const decoded = await decodeCursor<unknown>(query.cursor);
  const parsed = decoded === undefined ? undefined : Position.safeParse(decoded);
  if (parsed && !parsed.success) throw validationFailed('分页游标无效，请从第一页重新加载');
  let position = parsed?.data ?? { p: 0, c: null };
  const items: T[] = [];
  while (position.p < partitions.length && items.length < query.limit) {
    const page = await read(partitions[position.p] as P, query.limit - items.length, position.c);
    items.push(...page.items);
    position = page.cursor ? { p: position.p, c: page.cursor } : { p: position.p + 1, c: null };
  }
  return { items, nextCursor: position.p < partitions.length ? await encodeCursor(position) : null };
}

/**
 * One partition's page of an ElectroDB query for `pageAcross`: `go` takes no `cursor: null`,
 * and the staff lists map each item to its view (the registrations, filings, subsidies,
 * conflicts and identity-conflict queues all read their partitions this way).
 */
export async function partitionPage<I, T = I>(
  query: {
    go(options: { limit: number; order: 'asc' | 'desc'; cursor?: string }): Promise<{
      data: I[];
      cursor: string | null;
    }>;
  },
  options: { limit: number; cursor: string | null; order: 'asc' | 'desc' },
  view: (item: I) => T = (item) => item as unknown as T,
): Promise<PartitionPage<T>> {
  const { limit, cursor, order } = options;
  const page = await query.go({ limit, order, ...(cursor ? { cursor } : {}) });
  return { items: page.data.map(view), cursor: page.cursor };
}
