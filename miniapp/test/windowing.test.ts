import { describe, expect, it } from 'vitest';
import { visibleRange } from '../src/components/windowing';

describe('visibleRange', () => {
  it('renders the first screen plus the buffer at the top', () => {
    expect(
      visibleRange({ scrollTop: 0, viewportHeight: 500, itemHeight: 100, count: 1000, buffer: 5 }),
    ).toEqual({
      start: 0,
      end: 11,
      padTop: 0,
      padBottom: 98_900,
    });
  });

  it('renders a bounded window in the middle, whatever the list length', () => {
    const range = visibleRange({
      scrollTop: 50_000,
      viewportHeight: 500,
      itemHeight: 100,
      count: 100_000,
      buffer: 5,
    });
    expect(range.start).toBe(495);
    expect(range.end - range.start).toBe(16);
    expect(range.padTop + (range.end - range.start) * 100 + range.padBottom).toBe(100_000 * 100);
  });

  it('clamps at the end and on overscroll', () => {
    const range = visibleRange({
      scrollTop: 99_999,
      viewportHeight: 500,
      itemHeight: 100,
      count: 20,
      buffer: 5,
    });
    expect(range.end).toBe(20);
    expect(range.start).toBe(14);
    expect(range.padBottom).toBe(0);
    expect(
      visibleRange({ scrollTop: -40, viewportHeight: 500, itemHeight: 100, count: 3, buffer: 5 }),
    ).toMatchObject({
      start: 0,
      end: 3,
    });
  });

  it('renders nothing for an empty list', () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 500, itemHeight: 100, count: 0, buffer: 5 })).toEqual(
      {
        start: 0,
        end: 0,
        padTop: 0,
        padBottom: 0,
      },
    );
  });
});
