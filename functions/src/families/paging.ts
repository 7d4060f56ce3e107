import type { ListQuery } from '@hongjia/shared';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { validationFailed } from '../commons/errors';

/** Which partition (index into the list) and where in it. */
const Position = z.object({ p: z.number().int().min(0), c: z.string().nullable() });

export interface PartitionPage<T> {
  items: T[];
  cursor: string | null;
}

/**
 * One list over several partitions (city staff: every district's records, one
 * Query per district in order), with one signed cursor saying which partition
 * and where in it. Reads only what the page needs; never a scan.
 */
export async function pageAcross<T>(
  partitions: readonly string[],
  query: ListQuery,
  read: (partition: string, limit: number, cursor: string | null) => Promise<PartitionPage<T>>,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const decoded = await decodeCursor<unknown>(query.cursor);
  const parsed = decoded === undefined ? undefined : Position.safeParse(decoded);
  if (parsed && !parsed.success) throw validationFailed('分页游标无效，请从第一页重新加载');
  let position = parsed?.data ?? { p: 0, c: null };
  const items: T[] = [];
  while (position.p < partitions.length && items.length < query.limit) {
    const page = await read(partitions[position.p] as string, query.limit - items.length, position.c);
    items.push(...page.items);
    position = page.cursor ? { p: position.p, c: page.cursor } : { p: position.p + 1, c: null };
  }
  return { items, nextCursor: position.p < partitions.length ? await encodeCursor(position) : null };
}
