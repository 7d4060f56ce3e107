import {
  type DistrictCode,
  type ImportUploadRequest,
  ImportUploadRequest as ImportUploadSchema,
  type ImportView,
  type Indicators,
  type MonitoringSource,
  monitoringSources,
  type ReconciliationKind,
  reconciliationKinds,
  sourceHeaders,
  sourceNames,
  xlsxContentType,
} from '@hongjia/shared';
import { addMonths, monthOf } from '@hongjia/shared/calendar/months';

/**
 * What the 人口监测 pages show, as pure functions of the HTTP contracts
 * (shared/src/api/monitoring.ts), so the states are tested without a page:
 * the import's phase and counts, the dashboard's figures and bars, the
 * reconciliation kinds and the report links.
 */

export const sourceOptions = monitoringSources.map((source) => ({
  value: source,
  key: source,
  text: sourceNames[source],
}));

/** The header row the chosen source's file must start with (shown under the picker). */
export const templateOf = (source: MonitoringSource) => sourceHeaders[source].join(',');

const importContentTypeOf = (fileName: string) => {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'csv') return 'text/csv' as const;
  if (ext === 'xlsx') return xlsxContentType;
  return undefined;
};

/** The POST /v1/uploads body of an import file, or the message when the contract refuses it. */
export function importUploadBody(
  fileName: string,
  size: number,
  sha256: string,
): { ok: true; body: ImportUploadRequest } | { ok: false; message: string } {
  const parsed = ImportUploadSchema.safeParse({
    fileName,
    contentType: importContentTypeOf(fileName),
    size,
    sha256,
  });
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? '导入文件只能是 csv 或 xlsx' };
}

/** Before the bytes are read: a name and size the contract would refuse (a real digest's shape stands in). */
export function importFileProblem(fileName: string, size: number): string | undefined {
  const result = importUploadBody(fileName, size, `${'A'.repeat(42)}A=`);
  return result.ok ? undefined : result.message;
}

export type ImportPhase =
  | { state: 'idle' }
  | { state: 'uploading'; progress: number | undefined }
  | { state: 'queued' | 'running'; progress: number }
  | { state: 'done' | 'failed'; progress: 1 };

export function phaseOf(view: ImportView): ImportPhase {
  if (view.status === 'done' || view.status === 'failed') return { state: view.status, progress: 1 };
  return { state: view.status, progress: view.progress };
}

export const isFinished = (view: ImportView) => view.status === 'done' || view.status === 'failed';

/** The words beside the progress bar. */
export function phaseText(phase: ImportPhase): string {
  switch (phase.state) {
    case 'idle':
      return '';
    case 'uploading':
      return phase.progress === undefined
        ? '正在上传文件…'
        : `正在上传文件 ${Math.round(phase.progress * 100)}%`;
    case 'queued':
      return '已排队，等待导入…';
    case 'running':
      return `正在导入 ${Math.round(phase.progress * 100)}%`;
    case 'done':
      return '导入完成';
    case 'failed':
      return '导入失败';
  }
}

/** 共 120 行：导入 110 行，重复 5 行，错误 5 行（dry runs say so). */
export function importCounts(view: ImportView): string {
  const head = view.dryRun ? '试导入（未写入）' : '';
  return `${head}共 ${view.rows} 行：${view.dryRun ? '可导入' : '导入'} ${view.accepted} 行，重复 ${view.duplicates} 行，错误 ${view.rejected} 行`;
}

/** The rows of the first-errors table (the field named in Chinese where the layout has it). */
export function errorRows(view: ImportView, columnNames: Readonly<Record<string, string>>, limit = 20) {
  return view.errors.slice(0, limit).map((error, index) => ({
    key: `${error.row}-${error.field}-${index}`,
    row: String(error.row),
    field:
      error.field === 'row'
        ? '整行'
        : error.field === 'district'
          ? '县区代码'
          : (columnNames[error.field] ?? error.field),
    message: error.message,
  }));
}

export const statusNames: Record<ImportView['status'], string> = {
  queued: '排队中',
  running: '导入中',
  done: '已完成',
  failed: '失败',
};

/** One line of the district's import list. */
export function importLine(view: ImportView): string {
  const day = view.createdAt.slice(0, 10);
  const counts = view.status === 'done' ? `，导入 ${view.accepted} / 错误 ${view.rejected}` : '';
  return `${day} ${sourceNames[view.source]} · ${view.fileName} · ${statusNames[view.status]}${counts}`;
}

// ——— dashboard ———

/** The last `months` months up to today's (YYYY-MM), the dashboard's default range. */
export function lastMonths(today: string, months = 12): { from: string; to: string } {
  const to = monthOf(today);
  return { from: addMonths(to, 1 - months), to };
}

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—（出生数过少）' : ratio.toFixed(1);
}

/** The headline figures of a range, in the order the page shows them. */
export function headlineFigures(figures: Indicators) {
  return [
    { key: 'births', label: '出生数', value: `${figures.births}` },
    { key: 'sex-ratio', label: '出生人口性别比（女=100）', value: formatRatio(figures.sexRatio) },
    { key: 'boys-girls', label: '男 / 女', value: `${figures.boys} / ${figures.girls}` },
    {
      key: 'coverage',
      label: '生育登记覆盖率',
      value: `${percent(figures.registrationCoverage)}（${figures.registered} 人已登记）`,
    },
    { key: 'migration', label: '户籍迁入 / 迁出', value: `${figures.migrationIn} / ${figures.migrationOut}` },
  ];
}

/** Parity and mothers' age shares as rows with a bar width (0–100). */
export function shareRows(rows: Indicators['parityShares'] | Indicators['motherAgeGroups']) {
  return rows.map((row) => ({
    key: 'parity' in row ? row.parity : row.group,
    label: row.label,
    text: `${row.births}（${percent(row.share)}）`,
    width: row.share === null ? 0 : Math.round(row.share * 1000) / 10,
  }));
}

/** The by-month bars: births against the busiest month, with the month's flags in words beside it. */
export function monthBars(figures: Indicators) {
  const max = Math.max(1, ...figures.byMonth.map((month) => month.births));
  return figures.byMonth.map((month) => ({
    key: month.month,
    label: month.month.slice(2).replace('-', '/'),
    births: month.births,
    width: Math.round((month.births / max) * 1000) / 10,
    text: `${month.births}（性别比 ${month.sexRatio === null ? '—' : month.sexRatio.toFixed(0)}）`,
    flags: figures.flags.filter((flag) => flag.month === month.month).map((flag) => flag.message),
  }));
}

/** Flags of the whole range (no month), shown above the figures. */
export const rangeFlags = (figures: Indicators) =>
  figures.flags.filter((flag) => flag.month === undefined).map((flag) => flag.message);

// ——— reconciliation ———

export const kindNames: Record<ReconciliationKind, string> = {
  delivery_without_registration: '分娩未见生育登记',
  registration_overdue: '登记逾期未见分娩',
  delivery_without_birth_certificate: '分娩未见出生医学证明',
  birth_without_vaccination: '出生未见预防接种',
  identity_conflict: '身份信息不一致',
};

export function kindTabs(counts: Record<ReconciliationKind, number>) {
  return reconciliationKinds.map((kind) => ({
    value: kind,
    key: kind,
    text: `${kindNames[kind]}（${counts[kind]}）`,
  }));
}

export const totalOpen = (counts: Record<ReconciliationKind, number>) =>
  reconciliationKinds.reduce((sum, kind) => sum + counts[kind], 0);

// ——— reports ———

/** The report route of the report group (GET /v1/staff/monitoring/reports), linked by URL only. */
export function reportUrl(
  apiBase: string,
  query: { district?: DistrictCode; year: number; format: 'pdf' | 'html' },
): string {
  const params = [`year=${query.year}`, `format=${query.format}`];
  if (query.district) params.unshift(`district=${query.district}`);
  return `${apiBase.replace(/\/$/, '')}/v1/staff/monitoring/reports?${params.join('&')}`;
}

export function reportYears(today: string, count = 5): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, index) => year - index);
}
