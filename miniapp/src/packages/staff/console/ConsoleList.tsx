import { type ReactNode, useState } from 'react';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { type Column, type SortState, withinDays } from '../../../lib/table';
import { DataTable } from './DataTable';
import { DateRange } from './DateRange';
import { ExportCsv } from './ExportCsv';

type Load<T> = (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>;

/**
 * One staff list in the console: the page's own filters (status, district: query parameters,
 * so they go to the server), a date range over the loaded rows where the rows have a date,
 * CSV export of the whole list, the sortable table, 加载更多 through the API's cursor, and the
 * selected row's detail in a pane beside the table.
 */
export function ConsoleList<T>({
  id,
  title,
  list,
  load,
  columns,
  keyOf,
  rowLabel,
  dateOf,
  filters,
  pane,
  paneLabel = '详情',
}: {
  id: string;
  /** 生育登记: heading, table caption, file name. */
  title: string;
  list: {
    items: T[];
    loading: boolean;
    error?: string;
    hasMore: boolean;
    loadMore: () => void | Promise<void>;
  };
  load: Load<T>;
  columns: readonly Column<T>[];
  keyOf: (row: T) => string;
  rowLabel: (row: T) => string;
  /** The instant the date range filters on; no range without it. */
  dateOf?: (row: T) => string | undefined;
  filters?: ReactNode;
  /** The selected row's detail, reusing the page's own detail content. */
  pane?: (row: T) => ReactNode;
  paneLabel?: string;
}) {
  const [sort, setSort] = useState<SortState>();
  const [days, setDays] = useState<{ from?: string; to?: string }>({});
  const [selected, setSelected] = useState<string>();
  const keep = (rows: T[]) => (dateOf ? withinDays(rows, dateOf, days) : rows);
  const rows = keep(list.items);
  const chosen = selected === undefined ? undefined : list.items.find((r) => keyOf(r) === selected);
  return (
    <>
      <h1 className="title">{title}</h1>
      {filters}
      <div className="console-toolbar">
        {dateOf ? (
          <DateRange id={`${id}-days`} value={days} onChange={setDays} loaded={list.items.length} />
        ) : null}
        <ExportCsv id={`${id}-export`} list={title} load={load} columns={columns} keep={keep} />
      </div>
      <Banner id={`${id}-error`} text={list.error} />
      <div className="console-split">
        <div className="console-split__list">
          <DataTable
            id={`${id}-table`}
            caption={title}
            columns={columns}
            rows={rows}
            keyOf={keyOf}
            rowLabel={rowLabel}
            sort={sort}
            onSort={setSort}
            selected={selected}
            onSelect={pane ? (row) => setSelected(keyOf(row)) : undefined}
          />
          <div className="console-toolbar">
            <span className="console-note" id={`${id}-end`}>
              {list.loading
                ? '加载中…'
                : list.hasMore
                  ? `已加载 ${list.items.length} 条，还有更多`
                  : `共 ${list.items.length} 条`}
            </span>
            <LoadMore list={list} what={title} id={`${id}-more`} />
          </div>
        </div>
        {pane && chosen ? (
          <section className="console-split__pane" aria-label={paneLabel} id={`${id}-pane`}>
            {pane(chosen)}
          </section>
        ) : null}
      </div>
    </>
  );
}
