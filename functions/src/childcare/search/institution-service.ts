import {
  addDays,
  chinaDate,
  daysBetween,
  type InstitutionDetail,
  type SessionUser,
  type Slot,
} from '@hongjia/shared';
import { notFound, validationFailed } from '../../commons/errors';
import type { InstitutionEntity, InstitutionItem, SlotEntity } from '../entities';
import { toDetail, toSlot } from '../views';
import { canSeeInstitution } from './visibility';

/** Slots are listed 14 days ahead unless asked otherwise, and never more than 60 days at once. */
export const defaultSlotDays = 14;
export const maxSlotRangeDays = 60;

export function createInstitutionService(deps: { institutions: InstitutionEntity; slots: SlotEntity }) {
  async function visibleInstitution(id: string, caller: SessionUser | undefined): Promise<InstitutionItem> {
    const { data } = await deps.institutions.get({ institutionId: id }).go();
    if (!data || !canSeeInstitution(caller, data)) throw notFound('未找到该托育机构');
    return data;
  }

  return {
    async detail(id: string, caller: SessionUser | undefined): Promise<InstitutionDetail> {
      return toDetail(await visibleInstitution(id, caller));
    },

    /** Slots from `from` (default: today in Asia/Shanghai) to `to` inclusive (default: 14 days in all). */
    async slots(
      id: string,
      range: { from?: string; to?: string },
      caller: SessionUser | undefined,
      now: Date,
    ): Promise<{ items: Slot[] }> {
      const from = range.from ?? chinaDate(now);
      const to = range.to ?? addDays(from, defaultSlotDays - 1);
      const span = daysBetween(from, to);
      if (span < 0) {
        throw validationFailed('结束日期不能早于开始日期', [
          { path: 'query.to', message: '结束日期早于开始日期' },
        ]);
      }
      if (span > maxSlotRangeDays) {
        throw validationFailed(`一次最多查询 ${maxSlotRangeDays} 天的时段`, [
          { path: 'query.to', message: `日期范围超过 ${maxSlotRangeDays} 天` },
        ]);
      }
      await visibleInstitution(id, caller);
      // The sort key starts with the date; bounding by the next day's bare prefix keeps every session of `to`.
      const { data } = await deps.slots.query
        .byInstitution({ institutionId: id })
        .between({ date: from }, { date: addDays(to, 1) })
        .go({ pages: 'all' });
      return { items: data.filter((slot) => slot.date >= from && slot.date <= to).map(toSlot) };
    },
  };
}
