import { describe, expect, it } from 'vitest';
import { mergeByDeadline, type QueuePage, type QueuePosition } from '../src/assistance/merge';

interface Req {
  dueAt: string;
  requestId: string;
}
const req = (day: number, id: string): Req => ({
  dueAt: `2026-03-${String(day).padStart(2, '0')}T00:00:00.000Z`,
  requestId: id,
});
const after = (item: Req) => `after:${item.requestId}`;

/** A store of sorted district queues that pages like DynamoDB (cursor = last key read). */
function store(districts: Req[][]) {
  return (index: number, from: string | null, limit: number): QueuePage<Req> => {
    const all = districts[index] ?? [];
    const start = from === null ? 0 : all.findIndex((r) => `after:${r.requestId}` === from) + 1;
    const items = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return { from, items, cursor: more ? after(items.at(-1) as Req) : null };
  };
}

function readAll(districts: Req[][], limit: number): Req[][] {
  const read = store(districts);
  let positions: QueuePosition[] = districts.map(() => null);
  const pages: Req[][] = [];
  while (positions.some((p) => p !== false)) {
    const merged = mergeByDeadline(
      positions.map((p, i) => (p === false ? 'done' : read(i, p, limit))),
      limit,
      after,
    );
    pages.push(merged.items);
    positions = merged.positions;
    if (pages.length > 100) throw new Error('no progress');
  }
  return pages;
}

describe('merging district queues by deadline', () => {
  const districts = [
    [req(1, 'a1'), req(4, 'a4'), req(5, 'a5'), req(9, 'a9')],
    [req(2, 'b2'), req(3, 'b3'), req(6, 'b6')],
    [],
    [req(1, 'c1'), req(7, 'c7'), req(8, 'c8')],
  ];
  const expected = districts
    .flat()
    .sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.requestId.localeCompare(y.requestId));

  it('lists every request once, earliest deadline first, whatever the page size', () => {
    for (const limit of [1, 2, 3, 4, 10]) {
      const pages = readAll(districts, limit);
      expect(pages.flat(), `limit ${limit}`).toEqual(expected);
      expect(pages.every((page) => page.length <= limit)).toBe(true);
    }
  });

  it('breaks equal deadlines by id, so paging is stable', () => {
    const pages = readAll(districts, 1);
    expect(
      pages
        .slice(0, 2)
        .flat()
        .map((r) => r.requestId),
    ).toEqual(['a1', 'c1']);
  });

  it('resumes an untouched district where it was, and closes an exhausted one', () => {
    const read = store(districts);
    const merged = mergeByDeadline([read(0, null, 2), read(1, null, 2), 'done', read(3, null, 2)], 2, after);
    expect(merged.items.map((r) => r.requestId)).toEqual(['a1', 'c1']);
    expect(merged.positions).toEqual(['after:a1', null, false, 'after:c1']);
  });

  it('ends with no position left when everything was read', () => {
    const merged = mergeByDeadline([store(districts)(1, null, 10)], 10, after);
    expect(merged.positions).toEqual([false]);
  });

  it('does not take items past a short page that has more (its unread items may come first)', () => {
    const short: QueuePage<Req> = { from: null, items: [req(2, 'x2')], cursor: 'after:x2' };
    const full: QueuePage<Req> = { from: null, items: [req(1, 'y1'), req(3, 'y3')], cursor: null };
    const merged = mergeByDeadline([short, full], 5, after);
    expect(merged.items.map((r) => r.requestId)).toEqual(['y1', 'x2']);
    expect(merged.positions).toEqual(['after:x2', 'after:y1']);
  });
});
