import * as z from 'zod';
import { reconciliationKinds } from '../monitoring/reconciliation-kinds';
import { monitoringSources } from '../monitoring/sources';
import { DistrictCodeSchema } from '../roles';
import { defineRoute, FileAnswer, ListQuery, pageOf } from './contract';

/**
 * Population monitoring (SPEC C4, issue 11): staff import the records
 * hospitals and agencies send, read indicators kept as counters per district
 * and month, and work through the reconciliation of the sources. Staff only;
 * district staff see and import their district, city staff every district.
 */
export const MonitoringSourceSchema = z.enum(monitoringSources, {
  error: '数据来源应为 hospital_delivery、vaccination、birth_certificate 或 household_migration',
});

export const ImportStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportRowError = z.object({
  row: z.number().int().describe('Spreadsheet row (the header is row 1)'),
  field: z.string().describe('Column name of the layout, or `row` / `district` for the row as a whole'),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/** How many row errors an import's answer carries; errors.csv has them all. */
export const importErrorsShown = 100;

export const ImportView = z.object({
  id: z.string(),
  source: MonitoringSourceSchema,
  fileName: z.string(),
  dryRun: z.boolean(),
  /** Whose rows it may hold: a district, or `city` for city staff. */
  scope: z.union([DistrictCodeSchema, z.literal('city')]),
  status: ImportStatus,
  rows: z.number().int().describe('Data rows read so far (all of them once done)'),
  accepted: z.number().int(),
  duplicates: z
    .number()
    .int()
    .describe('Rows whose natural key was already imported (or came earlier in the file)'),
  rejected: z.number().int(),
  errors: z
    .array(ImportRowError)
    .describe(`The first ${importErrorsShown} row errors; errors.csv lists every one`),
  /** 0–1 while running: how far into the file the import is. */
  progress: z.number().min(0).max(1),
  /** Why a failed import failed (a header that does not match the layout, an unreadable file). */
  failure: z.object({ message: z.string() }).optional(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
});
export type ImportView = z.infer<typeof ImportView>;

export const CreateImportRequest = z.object({
  source: MonitoringSourceSchema,
  uploadId: z.string({ error: '请先上传文件' }).min(1, '请先上传文件').max(64),
  dryRun: z
    .boolean()
    .optional()
    .describe('Validate the whole file and report, without writing any record or figure'),
});
export type CreateImportRequest = z.infer<typeof CreateImportRequest>;

export const createMonitoringImport = defineRoute({
  operationId: 'createMonitoringImport',
  method: 'POST',
  path: '/v1/staff/monitoring/imports',
  summary: '导入监测数据 Queue the import of an uploaded CSV/xlsx file of one source (or a dry run)',
  tag: 'monitoring',
  access: ['staff'],
  // The request names no district: the import's scope is the importer's stored jurisdiction, and a
  // row of another district is refused row by row (imports-service.ts, import-run.ts).
  owner: 'self',
  body: CreateImportRequest,
  response: ImportView,
  successStatus: 202,
  idempotent: true,
});

export const monitoringImport = defineRoute({
  operationId: 'monitoringImport',
  method: 'GET',
  path: '/v1/staff/monitoring/imports/{id}',
  summary: '导入进度 One import: status, progress and its report',
  tag: 'monitoring',
  access: ['staff'],
  owner: 'district',
  params: z.object({ id: z.string().min(1).max(64) }),
  response: ImportView,
});

export const MonitoringImportsQuery = ListQuery.extend({ district: DistrictCodeSchema.optional() });

export const monitoringImports = defineRoute({
  operationId: 'monitoringImports',
  method: 'GET',
  path: '/v1/staff/monitoring/imports',
  summary: '导入记录 The imports of the district (city staff: all, or one district), newest first',
  tag: 'monitoring',
  access: ['staff'],
  owner: 'districtScope',
  query: MonitoringImportsQuery,
  response: pageOf(ImportView),
});

export const monitoringImportErrors = defineRoute({
  operationId: 'monitoringImportErrors',
  method: 'GET',
  path: '/v1/staff/monitoring/imports/{id}/errors.csv',
  summary: '错误清单 Every rejected row with its reason, as CSV (UTF-8 with BOM, for Excel)',
  tag: 'monitoring',
  access: ['staff'],
  owner: 'district',
  params: z.object({ id: z.string().min(1).max(64) }),
  response: z.string(),
  responseContentType: 'text/csv; charset=utf-8',
});

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const IndicatorsQuery = z
  .object({
    district: DistrictCodeSchema.optional().describe('Omitted: the whole city (city staff only)'),
    from: Month,
    to: Month,
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: '结束月份不能早于开始月份' })
  .refine(
    (query) =>
      (Number(query.to.slice(0, 4)) - Number(query.from.slice(0, 4))) * 12 +
        Number(query.to.slice(5)) -
        Number(query.from.slice(5)) <
      60,
    { path: ['to'], message: '一次最多查询 60 个月' },
  );

const Share = z.number().min(0).max(1).nullable();

export const MonthFigures = z.object({
  month: z.string(),
  births: z.number().int(),
  boys: z.number().int(),
  girls: z.number().int(),
  sexRatio: z.number().nullable(),
  registered: z.number().int(),
  registrationCoverage: Share,
  migrationIn: z.number().int(),
  migrationOut: z.number().int(),
});

export const QualityFlagView = z.object({
  kind: z.enum(['sex_ratio_out_of_band', 'births_off_trend', 'birth_weight_atypical', 'repeat_delivery']),
  month: z.string().optional(),
  message: z.string(),
});

export const Indicators = z.object({
  district: DistrictCodeSchema.nullable().describe('null: the whole city'),
  from: z.string(),
  to: z.string(),
  births: z.number().int(),
  boys: z.number().int(),
  girls: z.number().int(),
  sexRatio: z.number().nullable().describe('Boys per 100 girls'),
  parityShares: z.array(
    z.object({ parity: z.string(), label: z.string(), births: z.number().int(), share: Share }),
  ),
  motherAgeGroups: z.array(
    z.object({ group: z.string(), label: z.string(), births: z.number().int(), share: Share }),
  ),
  registered: z.number().int().describe('Deliveries matched to an approved 生育登记'),
  registrationCoverage: Share,
  migrationIn: z.number().int(),
  migrationOut: z.number().int(),
  byMonth: z.array(MonthFigures),
  flags: z.array(QualityFlagView),
});
export type Indicators = z.infer<typeof Indicators>;

export const monitoringIndicators = defineRoute({
  operationId: 'monitoringIndicators',
  method: 'GET',
  path: '/v1/staff/monitoring/indicators',
  summary:
    '人口监测指标 Births, sex ratio, parity, mothers’ ages, registration coverage, migration — from counters',
  tag: 'monitoring',
  access: ['staff'],
  owner: 'districtScope',
  query: IndicatorsQuery,
  response: Indicators,
});

export const ReconciliationKind = z.enum(reconciliationKinds);
export type ReconciliationKind = z.infer<typeof ReconciliationKind>;

export const ReconciliationQuery = ListQuery.extend({
  district: DistrictCodeSchema.optional().describe('Required for city staff; district staff: their own'),
  month: Month,
  kind: ReconciliationKind.optional(),
  status: z.enum(['open', 'resolved']).default('open'),
});

export const ReconciliationItem = z.object({
  id: z.string(),
  kind: ReconciliationKind,
  status: z.enum(['open', 'resolved']),
  district: DistrictCodeSchema,
  month: z.string(),
  /** What the item is about, masked: the mother's ID number, the record numbers, the child's name. */
  references: z.array(z.object({ label: z.string(), value: z.string() })),
  detail: z.string().describe('What is missing or what disagrees, in words'),
  createdAt: z.iso.datetime(),
  version: z.number().int(),
  resolution: z.object({ note: z.string(), resolvedAt: z.iso.datetime(), resolvedBy: z.string() }).optional(),
});
export type ReconciliationItem = z.infer<typeof ReconciliationItem>;

export const Reconciliation = z.object({
  district: DistrictCodeSchema,
  month: z.string(),
  counts: z.object(
    Object.fromEntries(reconciliationKinds.map((kind) => [kind, z.number().int()])) as Record<
      ReconciliationKind,
      z.ZodNumber
    >,
  ),
  items: z.array(ReconciliationItem),
  nextCursor: z.string().nullable(),
});
export type Reconciliation = z.infer<typeof Reconciliation>;

export const monitoringReconciliation = defineRoute({
  operationId: 'monitoringReconciliation',
  method: 'GET',
  path: '/v1/staff/monitoring/reconciliation',
  summary: '数据核查 Open gaps between the sources for one district and month, with masked references',
  tag: 'monitoring',
  access: ['staff'],
  owner: 'districtScope',
  query: ReconciliationQuery,
  response: Reconciliation,
  // Masked references to mothers and children of other sources: each item shown is audited (0019).
  auditsReads: 'reconciliationItem',
});

export const ResolveReconciliationRequest = z.object({
  note: z.string({ error: '请填写核查说明' }).trim().min(2, '请填写核查说明').max(500, '说明不能超过 500 字'),
  expectedVersion: z.number().int().min(0),
});

export const resolveReconciliationItem = defineRoute({
  operationId: 'resolveReconciliationItem',
  method: 'POST',
  path: '/v1/staff/monitoring/reconciliation/{id}/resolution',
  summary: '核查说明 Mark a gap explained with a note (audited); it leaves the open counts',
  tag: 'monitoring',
  access: ['staff'],
  owner: 'district',
  params: z.object({ id: z.string().min(1).max(128) }),
  body: ResolveReconciliationRequest,
  response: ReconciliationItem,
  idempotent: true,
});

export const reportFormats = ['pdf', 'html'] as const;
export const reportContentTypes = { pdf: 'application/pdf', html: 'text/html; charset=utf-8' } as const;

export const ReportQuery = z.object({
  district: DistrictCodeSchema.optional().describe(
    'Omitted: the city report with every district (city staff only)',
  ),
  year: z.coerce
    .number({ error: '年份必须是数字' })
    .int('年份必须是整数')
    .min(2000, '年份不能早于 2000 年')
    .max(2100, '年份不能晚于 2100 年'),
  format: z.enum(reportFormats, { error: '格式应为 pdf 或 html' }).default('pdf'),
});

export const monitoringReport = defineRoute({
  operationId: 'monitoringReport',
  method: 'GET',
  path: '/v1/staff/monitoring/reports',
  summary:
    '人口形势分析报告 The year’s situation report (PDF or HTML): charts and tables beside the previous year, with commentary',
  tag: 'monitoring',
  access: ['staff'],
  owner: 'districtScope',
  query: ReportQuery,
  response: FileAnswer,
  responseFile: { contentTypes: Object.values(reportContentTypes) },
});
