/**
 * Windowing math for long lists: which rows to render for a scroll position, and the blank space
 * standing in for the rows above and below. Fixed row height keeps it O(1) and the setData small.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  itemHeight: number;
  count: number;
  /** Rows rendered beyond each edge, so a fast flick does not show blanks. */
  buffer: number;
}

export interface WindowRange {
  start: number;
  /** Exclusive. */
  end: number;
  padTop: number;
  padBottom: number;
}

export function visibleRange({
  scrollTop,
  viewportHeight,
  itemHeight,
  count,
  buffer,
}: WindowInput): WindowRange {
  if (count <= 0 || itemHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  // Clamped to the last row: a list that shrank under an old scroll position still shows its end.
  const first = Math.min(Math.floor(Math.max(0, scrollTop) / itemHeight), count - 1);
  const visible = Math.ceil(Math.max(0, viewportHeight) / itemHeight) + 1;
  const start = Math.min(Math.max(0, first - buffer), count);
  const end = Math.min(count, first + visible + buffer);
  return { start, end, padTop: start * itemHeight, padBottom: (count - end) * itemHeight };
}

export function sameRange(a: WindowRange, b: WindowRange): boolean {
  return a.start === b.start && a.end === b.end && a.padTop === b.padTop && a.padBottom === b.padBottom;
}
