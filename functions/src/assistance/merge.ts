/**
 * City staff see several districts' queues as one list, earliest deadline
 * first. Each district is its own gsi2 partition, so a page reads the next
 * `limit` items of every district still open and keeps the earliest `limit`
 * of all; the cursor remembers, per district, where to resume.
 */

/** Where a district's queue resumes: null = from its start, false = nothing left, else a store cursor. */
export type QueuePosition = string | null | false;

export interface QueuePage<T> {
  /** Where this page was read from (an untouched page resumes there). */
  from: string | null;
  items: T[];
  /** The store's cursor after the page; null when the district has no more. */
  cursor: string | null;
}

interface Due {
  dueAt: string;
  requestId: string;
}

const order = (a: Due, b: Due) =>
  a.dueAt < b.dueAt
    ? -1
    : a.dueAt > b.dueAt
      ? 1
      : a.requestId < b.requestId
        ? -1
        : a.requestId > b.requestId
          ? 1
          : 0;

/**
 * Merges one page per district ('done' for districts already exhausted).
 * Items past the last one of a page that has more are not taken: that
 * district's unread items could come before them. Since each page is sorted,
 * what is taken from a page is always a prefix of it.
 */
export function mergeByDeadline<T extends Due>(
  pages: readonly (QueuePage<T> | 'done')[],
  limit: number,
  cursorAfter: (item: T) => string,
): { items: T[]; positions: QueuePosition[] } {
  const horizon = pages
    .flatMap((page) =>
      page !== 'done' && page.cursor !== null && page.items.length ? [page.items.at(-1) as T] : [],
    )
    .sort(order)[0];
  const candidates = pages
    .flatMap((page, index) => (page === 'done' ? [] : page.items.map((item) => ({ item, index }))))
    .filter(({ item }) => horizon === undefined || order(item, horizon) <= 0)
    .sort((a, b) => order(a.item, b.item))
    .slice(0, limit);
  const taken = pages.map((_, index) => candidates.filter((c) => c.index === index).length);
  const positions = pages.map((page, index): QueuePosition => {
    if (page === 'done') return false;
    const count = taken[index] ?? 0;
    if (count === page.items.length) return page.cursor ?? false;
    return count === 0 ? page.from : cursorAfter(page.items[count - 1] as T);
  });
  return { items: candidates.map((c) => c.item), positions };
}
