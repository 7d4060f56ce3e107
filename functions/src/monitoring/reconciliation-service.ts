import {
  chinaDate,
  type DistrictCode,
  type Reconciliation,
  type ReconciliationItem,
  type ReconciliationKind,
  reconciliationKinds,
  type SessionUser,
} from '@hongjia/shared';
import type { Jurisdiction } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { conflict, forbidden, notFound, validationFailed } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import type { PiiCipher } from '../commons/pii';
import type { GapEntity, GapItem } from './entities';
import type { Gaps } from './gaps';

export const noteField = 'monitoring.gap.note';

/**
 * The reconciliation worklist of one district-month: open counts per kind (a
 * COUNT Query each), the items paged from the district-month index, and staff
 * resolution — audited first (the shared audit trail), then `open → resolved`
 * conditional on the item's version, the note sealed.
 */
export function createReconciliationService(deps: {
  gaps: Gaps;
  gapEntity: GapEntity;
  cipher: PiiCipher;
  audit: Pick<AuditTrail, 'record'>;
  jurisdiction: (caller: SessionUser) => Promise<Jurisdiction>;
}) {
  const { gaps, gapEntity } = deps;

  const districtFor = (jurisdiction: Jurisdiction, district: DistrictCode | undefined): DistrictCode => {
    if (!jurisdiction.cityWide) {
      if (district && district !== jurisdiction.districts[0]) throw forbidden('只能查看本县区的核查清单');
      return jurisdiction.districts[0];
    }
    if (!district)
      throw validationFailed('请选择县区', [{ path: 'query.district', message: '市级账号请选择县区' }]);
    return district;
  };

  const viewOf = async (item: GapItem): Promise<ReconciliationItem> => ({
    id: item.gapId,
    kind: item.kind,
    status: item.status === 'resolved' ? 'resolved' : 'open',
    district: item.district,
    month: item.month,
    references: item.references,
    detail: item.detail,
    createdAt: item.createdAt,
    version: item.version,
    ...(item.status === 'resolved' && item.noteSealed && item.resolvedAt && item.resolvedBy
      ? {
          resolution: {
            note: await deps.cipher.open(item.noteSealed, noteField),
            resolvedAt: item.resolvedAt,
            resolvedBy: item.resolvedBy,
          },
        }
      : {}),
  });

  return {
    async list(
      caller: SessionUser,
      query: {
        district?: DistrictCode;
        month: string;
        kind?: ReconciliationKind;
        status: 'open' | 'resolved';
        limit: number;
        cursor?: string;
      },
      now: Date,
    ): Promise<Reconciliation> {
      const district = districtFor(await deps.jurisdiction(caller), query.district);
      const today = chinaDate(now);
      const counts = Object.fromEntries(
        await Promise.all(
          reconciliationKinds.map(async (kind) => [
            kind,
            await gaps.countOpen(district, query.month, kind, today),
          ]),
        ),
      ) as Reconciliation['counts'];
      const cursor = (await decodeCursor<string>(query.cursor)) ?? null;
      const page = await gapEntity.query
        .byPeriod({
          district,
          month: query.month,
          status: query.status,
          ...(query.kind ? { kind: query.kind } : {}),
        })
        .where((attr, op) =>
          query.status === 'open' ? op.lte(attr.visibleFrom, today) : op.exists(attr.gapId),
        )
        .go({ limit: query.limit, cursor });
      return {
        district,
        month: query.month,
        counts,
        items: await Promise.all(page.data.map(viewOf)),
        nextCursor: await encodeCursor(page.cursor),
      };
    },

    async resolve(
      caller: SessionUser,
      gapId: string,
      request: { note: string; expectedVersion: number },
      now: Date,
      trace: { requestId: string; sourceIp: string },
    ): Promise<ReconciliationItem> {
      const jurisdiction = await deps.jurisdiction(caller);
      const item = await gaps.get(gapId);
      if (!item || !jurisdiction.districts.includes(item.district)) throw notFound('未找到该核查事项');
      const office = jurisdiction.cityWide ? '市卫生健康委' : '县区卫生健康委';
      if (item.status === 'resolved' && item.version === request.expectedVersion + 1) {
        return viewOf(item); // the same resolution, retried after it landed
      }
      if (item.status === 'closed') throw conflict('该事项的数据已补齐，无需再说明');
      if (item.status !== 'open' || item.version !== request.expectedVersion) {
        throw conflict('该事项已被他人处理或已更新，请刷新后再试');
      }
      await deps.audit.record(
        caller,
        {
          subjectType: 'monitoringGap',
          subjectId: gapId,
          action: 'resolve_reconciliation',
          district: item.district,
          note: item.kind,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      try {
        const updated = await gapEntity
          .patch({ gapId })
          .set({
            status: 'resolved',
            version: item.version + 1,
            noteSealed: await deps.cipher.seal(request.note, noteField),
            resolvedAt: now.toISOString(),
            resolvedBy: office,
          })
          .composite({ district: item.district, month: item.month, kind: item.kind })
          .where((attr, op) => `${op.eq(attr.version, item.version)} AND ${op.eq(attr.status, 'open')}`)
          .go({ response: 'all_new' });
        return viewOf(updated.data as GapItem);
      } catch (error) {
        if (isConditionFailure(error)) throw conflict('该事项已被他人处理或已更新，请刷新后再试');
        throw error;
      }
    },
  };
}
