import { todayInChina } from '@hongjia/shared/calendar/days';
import { useState } from 'react';
import { isApiError } from '../../../api/errors';
import { csvFileName, toCsv } from '../../../lib/csv';
import { type Column, collectAllPages, csvTable } from '../../../lib/table';

/** Hands a finished CSV to the browser as a download (h5 only). */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 导出 CSV of a whole list under today's server-side filters: every page fetched through the
 * list API the table uses, so the export passes the same authorization, masking and read
 * audit — it can never show what the list does not. Client-side filters (dates) apply too,
 * through `keep`. Progress is announced politely.
 */
export function ExportCsv<T>({
  id,
  list,
  load,
  columns,
  keep = (rows) => rows,
}: {
  id: string;
  /** The list's Chinese name: in the button, the file name and the announcement. */
  list: string;
  load: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>;
  columns: readonly Column<T>[];
  keep?: (rows: T[]) => T[];
}) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  async function run() {
    if (busy) return;
    setBusy(true);
    setStatus(`正在导出${list}：已取 0 条…`);
    try {
      const all = keep(await collectAllPages(load, (n) => setStatus(`正在导出${list}：已取 ${n} 条…`)));
      const table = csvTable(columns, all);
      download(csvFileName(list, todayInChina()), toCsv(table.headers, table.rows));
      setStatus(`已导出${list} ${all.length} 条`);
    } catch (e) {
      setStatus(
        isApiError(e)
          ? `导出失败：${e.message}`
          : e instanceof Error
            ? `导出失败：${e.message}`
            : '导出失败，请稍后再试',
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" id={id} onClick={() => void run()} disabled={busy} aria-label={`导出${list} CSV`}>
        {busy ? '导出中…' : '导出 CSV'}
      </button>
      <span className="console-note" id={`${id}-status`} role="status" aria-live="polite">
        {status}
      </span>
    </>
  );
}
