import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/commons/cursor';
import { isAppError } from '../src/commons/errors';
import {
  cellPrecision,
  coveringCells,
  createMemoryCellIndex,
  decodeNearbyCursor,
  encodeNearbyCursor,
  searchNearby,
} from '../src/geo';

beforeAll(() => {
  process.env.CURSOR_SECRET ??= 'unit-test-cursor-secret-unit-test-cursor-secret';
});

/** A 41 × 41 grid of places 500 m apart around Nanchang's centre: a dense city. */
const origin = { lat: 28.6829, lng: 115.8579 };
const grid = Array.from({ length: 41 * 41 }, (_, n) => ({
  id: `g${String(n).padStart(4, '0')}`,
  lat: origin.lat + (Math.floor(n / 41) - 20) * 0.0045,
  lng: origin.lng + ((n % 41) - 20) * 0.0051,
}));

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('nearby engine', () => {
  it('answers a first page from the nearest cells only', async () => {
    const { engine, loaded } = createMemoryCellIndex(grid, cellPrecision);
    const page = await searchNearby({ origin, radiusM: 20_000, limit: 10 }, engine);
    expect(page.items).toHaveLength(10);
    expect(page.next).toBeDefined();
    const covering = coveringCells(origin, 20_000, cellPrecision);
    expect(loaded.length).toBeLessThanOrEqual(4);
    expect(loaded.length).toBeLessThan(covering.length / 10);
    expect(page.stats.candidatesRead).toBeLessThan(grid.length / 5);
  });

  it('skips cells wholly before the cursor on later pages', async () => {
    const { engine, loaded } = createMemoryCellIndex(grid, cellPrecision);
    const page = await searchNearby(
      { origin, radiusM: 20_000, limit: 5, after: { distanceM: 9000, id: 'g0000' } },
      engine,
    );
    expect(page.items[0]?.distanceM).toBeGreaterThanOrEqual(9000);
    const nearest = coveringCells(origin, 20_000, cellPrecision)[0]?.cell;
    expect(loaded).not.toContain(nearest);
  });

  it('breaks distance ties by id', async () => {
    const twins = ['b', 'c', 'a'].map((id) => ({ id, lat: 28.69, lng: 115.86 }));
    const { engine } = createMemoryCellIndex(twins, cellPrecision);
    const first = await searchNearby({ origin, radiusM: 3000, limit: 2 }, engine);
    expect(first.items.map((hit) => hit.candidate.id)).toEqual(['a', 'b']);
    const second = await searchNearby(
      { origin, radiusM: 3000, limit: 2, ...(first.next ? { after: first.next } : {}) },
      engine,
    );
    expect(second.items.map((hit) => hit.candidate.id)).toEqual(['c']);
    expect(second.next).toBeUndefined();
  });

  it('waits for cells it read ahead before answering', async () => {
    let inFlight = 0;
    const { engine } = createMemoryCellIndex(grid, cellPrecision);
    const slow = {
      ...engine,
      readAhead: 3,
      loadCell: async (cell: string) => {
        inFlight += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return engine.loadCell(cell);
      },
    };
    await searchNearby({ origin, radiusM: 20_000, limit: 3 }, slow);
    expect(inFlight).toBe(0);
  });
});

describe('nearby cursors', () => {
  const fingerprint = 'query-a';

  it('round-trips the exact distance and id', async () => {
    const position = { distanceM: 1234.5678901234567, id: 'ins_1' };
    const cursor = await encodeNearbyCursor(position, fingerprint);
    expect(await decodeNearbyCursor(cursor ?? undefined, fingerprint)).toEqual(position);
    expect(await encodeNearbyCursor(undefined, fingerprint)).toBeNull();
  });

  it('refuses an edited cursor with a 400 naming query.cursor', async () => {
    const cursor = (await encodeNearbyCursor({ distanceM: 10, id: 'x' }, fingerprint)) as string;
    const [payload, signature] = cursor.split('.') as [string, string];
    const edited = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('"d":10', '"d":0'),
    ).toString('base64url');
    const error = await rejection(decodeNearbyCursor(`${edited}.${signature}`, fingerprint));
    expect(isAppError(error) && error.status).toBe(400);
    expect(isAppError(error) && error.details[0]?.path).toBe('query.cursor');
  });

  it('refuses a cursor of another query with a 400', async () => {
    const cursor = (await encodeNearbyCursor({ distanceM: 10, id: 'x' }, 'query-b')) as string;
    const error = await rejection(decodeNearbyCursor(cursor, fingerprint));
    expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
    expect(isAppError(error) && error.details[0]?.path).toBe('query.cursor');
  });

  it('refuses a genuine cursor of another list with a 400, not a 500', async () => {
    const foreign = (await encodeCursor({ pk: 'u_1', sk: 'booking' })) as string;
    const error = await rejection(decodeNearbyCursor(foreign, fingerprint));
    expect(isAppError(error) && error.status).toBe(400);
  });
});
