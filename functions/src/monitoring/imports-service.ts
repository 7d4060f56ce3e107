import {
  type CreateImportRequest,
  chinaDate,
  type DistrictCode,
  type ImportView,
  isImportContentType,
  type SessionUser,
} from '@hongjia/shared';
import type { Jurisdiction } from '../commons/access';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { forbidden, notFound, validationFailed } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { newId } from '../commons/ids';
import type { MessageQueue } from '../commons/queue';
import type { UploadEntity } from '../uploads';
import type { ImportItem, MonitoringEntities } from './entities';
import type { MonitoringMessage } from './messages';

/**
 * The import routes: queue an import of an uploaded file, follow it, list a
 * district's imports, download every rejected row. Jurisdiction from the
 * stored user (staff of a district: its imports; city staff: all).
 */
export function createImportsService(deps: {
  entities: MonitoringEntities;
  uploads: UploadEntity;
  queue: MessageQueue;
  jurisdiction: (caller: SessionUser) => Promise<Jurisdiction>;
}) {
  const { entities, uploads, queue } = deps;

  const viewOf = (item: ImportItem): ImportView => ({
    id: item.importId,
    source: item.source,
    fileName: item.fileName,
    dryRun: item.dryRun,
    scope: item.scope,
    status: item.status,
    rows: item.rows,
    accepted: item.accepted,
    duplicates: item.duplicates,
    rejected: item.rejected,
    errors: item.errors,
    progress:
      item.status === 'done'
        ? 1
        : item.size > 0
          ? Math.min(0.99, Math.max(0, item.bytesRead / item.size))
          : 0,
    ...(item.failureMessage ? { failure: { message: item.failureMessage } } : {}),
    createdAt: item.createdAt,
    ...(item.finishedAt ? { finishedAt: item.finishedAt } : {}),
  });

  const scopeOf = (jurisdiction: Jurisdiction): DistrictCode | 'city' =>
    jurisdiction.cityWide ? 'city' : jurisdiction.districts[0];

  /** An import the caller may see: their district's, or any for city staff. Others: 404 (as if absent). */
  const visible = async (caller: SessionUser, importId: string): Promise<ImportItem> => {
    const jurisdiction = await deps.jurisdiction(caller);
    const item = (await entities.imports.get({ importId }).go({ consistent: true })).data;
    if (!item || (!jurisdiction.cityWide && item.scope !== jurisdiction.districts[0])) {
      throw notFound('未找到该导入记录');
    }
    return item;
  };

  return {
    async create(caller: SessionUser, request: CreateImportRequest, now: Date, operationId?: string) {
      const jurisdiction = await deps.jurisdiction(caller);
      const upload = (await uploads.get({ uploadId: request.uploadId }).go({ consistent: true })).data;
      if (!upload || upload.userId !== caller.id || !isImportContentType(upload.contentType)) {
        throw validationFailed('未找到该上传文件，请先上传 csv 或 xlsx 文件', [
          { path: 'body.uploadId', message: '不是本账号上传的导入文件' },
        ]);
      }
      const importId = newId('imp', operationId);
      const item = {
        importId,
        scope: scopeOf(jurisdiction),
        userId: caller.id,
        source: request.source,
        uploadId: upload.uploadId,
        fileName: upload.fileName,
        contentType: upload.contentType,
        objectKey: upload.key,
        size: upload.size,
        dryRun: request.dryRun ?? false,
        today: chinaDate(now),
        status: 'queued' as const,
        chunk: 0,
        rows: 0,
        accepted: 0,
        duplicates: 0,
        rejected: 0,
        errors: [],
        bytesRead: 0,
        createdAt: now.toISOString(),
        everyImport: 'all',
      };
      let stored = item as unknown as ImportItem;
      try {
        await entities.imports.create(item).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // A retry of this request: the import exists; queue it again (a run of a running import is a no-op).
        stored = (await entities.imports.get({ importId }).go({ consistent: true })).data as ImportItem;
      }
      const message: MonitoringMessage = { kind: 'import', importId };
      await queue.send(message);
      return viewOf(stored);
    },

    async get(caller: SessionUser, importId: string): Promise<ImportView> {
      return viewOf(await visible(caller, importId));
    },

    async list(caller: SessionUser, query: { district?: DistrictCode; limit: number; cursor?: string }) {
      const jurisdiction = await deps.jurisdiction(caller);
      if (!jurisdiction.cityWide && query.district && query.district !== jurisdiction.districts[0]) {
        throw forbidden('只能查看本县区的导入记录');
      }
      const cursor = (await decodeCursor<string>(query.cursor)) ?? null;
      const page =
        jurisdiction.cityWide && !query.district
          ? await entities.imports.query
              .all({ everyImport: 'all' })
              .go({ order: 'desc', limit: query.limit, cursor })
          : await entities.imports.query
              .byScope({
                scope: jurisdiction.cityWide ? (query.district as DistrictCode) : jurisdiction.districts[0],
              })
              .go({ order: 'desc', limit: query.limit, cursor });
      return { items: page.data.map(viewOf), nextCursor: await encodeCursor(page.cursor) };
    },

    /** Every rejected row, as CSV with a BOM (Excel on Chinese Windows then reads it as UTF-8). */
    async errorsCsv(caller: SessionUser, importId: string): Promise<string> {
      await visible(caller, importId);
      const chunks = (await entities.importErrors.query.byImport({ importId }).go({ pages: 'all' })).data;
      const quote = (value: string | number) => {
        const text = String(value);
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      };
      const lines = ['row,field,message'];
      for (const chunk of chunks.sort((a, b) => a.chunk - b.chunk)) {
        for (const error of JSON.parse(chunk.errors) as { row: number; field: string; message: string }[]) {
          lines.push([error.row, error.field, error.message].map(quote).join(','));
        }
      }
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
