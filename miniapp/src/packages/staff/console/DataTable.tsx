import { ariaSort, type Column, nextSort, type SortState, sortRows } from '../../../lib/table';

/**
 * A dense table of one staff list, for the console only (h5 at ≥ 1024 px; the phone keeps its
 * cards). Semantic markup — caption, th scope="col" with aria-sort — so screen readers announce
 * headers and order. Sorting orders the rows loaded so far (the APIs sort newest first and take
 * no sort parameter). A row opens in the detail pane: by its first cell's button (keyboard) or
 * a click anywhere on it.
 */
export function DataTable<T>({
  id,
  caption,
  columns,
  rows,
  keyOf,
  rowLabel,
  sort,
  onSort,
  selected,
  onSelect,
}: {
  id: string;
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  keyOf: (row: T) => string;
  /** What the row's open button says to a screen reader (its receipt number first). */
  rowLabel: (row: T) => string;
  sort: SortState | undefined;
  onSort: (sort: SortState | undefined) => void;
  selected?: string;
  onSelect?: (row: T) => void;
}) {
  const shown = columns.filter((c) => !c.csvOnly);
  const ordered = sortRows(rows, shown, sort);
  const arrow = (key: string) => {
    const state = ariaSort(sort, key);
    return state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : '';
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus (axe scrollable-region-focusable).
    <section className="dt__scroll" aria-label={caption} tabIndex={0}>
      <table className="dt" id={id}>
        <caption>
          {caption}（{rows.length} 条）
        </caption>
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c.key} scope="col" aria-sort={ariaSort(sort, c.key)}>
                <button
                  type="button"
                  className="dt__sort"
                  id={`${id}-sort-${c.key}`}
                  onClick={() => onSort(nextSort(sort, c.key))}
                >
                  {c.header}
                  <span aria-hidden="true">{arrow(c.key)}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ordered.map((row, i) => {
            const key = keyOf(row);
            return (
              <tr
                key={key}
                id={`${id}-row-${i}`}
                aria-current={selected === key ? 'true' : undefined}
                onClick={onSelect ? () => onSelect(row) : undefined}
              >
                {shown.map((c, j) =>
                  j === 0 && onSelect ? (
                    <td key={c.key}>
                      <button
                        type="button"
                        className="dt__open"
                        aria-label={rowLabel(row)}
                        onClick={(event) => {
                          event.stopPropagation();
                          onSelect(row);
                        }}
                      >
                        {c.text(row)}
                      </button>
                    </td>
                  ) : (
                    <td key={c.key}>{c.text(row)}</td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
