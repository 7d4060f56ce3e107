import { addDays, chinaDate, type ListQuery, type SessionUser } from '@hongjia/shared';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { AppError, notFound } from '../commons/errors';
import type { SubsidyRecords } from './records';
import { nextRenewal, renewalOpen, renewalWindowDays } from './rules';
import { toView } from './views';

const renewalNotDue = (message: string) => new AppError('RENEWAL_NOT_DUE', message);

/**
 * The applicant's side after applying: 我的育儿补贴 (newest first; an
 * unfinished `checking` attempt is not an application and is left out), and
 * 年度确认 — the applicant confirms an approved application from 30 days
 * before its renewal date, which moves the date a year on (or clears it when
 * the child has no paid month left by then).
 */
export function createSubsidyFamilySide(records: SubsidyRecords) {
  return {
    async listMine(caller: SessionUser, query: ListQuery) {
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await records.subsidies.query
        .byUser({ userId: caller.id })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      return {
        items: page.data.filter((item) => item.status !== 'checking').map(toView),
        nextCursor: await encodeCursor(page.cursor),
      };
    },

    async renew(caller: SessionUser, subsidyId: string, now: Date) {
      const item = await records.get(subsidyId);
      if (!item || item.userId !== caller.id || item.status === 'checking') throw notFound('未找到该申请');
      if (item.status !== 'approved') throw renewalNotDue('只有审核通过的申请需要年度确认');
      if (!item.renewalDueOn) throw renewalNotDue('该申请的补贴月份已全部确认，无需再做年度确认');
      const today = chinaDate(now);
      if (!renewalOpen(item.renewalDueOn, today)) {
        throw renewalNotDue(
          `年度确认日期为 ${item.renewalDueOn}，可在到期前 ${renewalWindowDays} 天内（${addDays(item.renewalDueOn, -renewalWindowDays)} 起）办理`,
        );
      }
      const renewalDueOn = nextRenewal(item.renewalDueOn, item.lastMonth);
      const renewed = await records.move(item, { renewalDueOn, renewalMonth: renewalDueOn.slice(0, 7) }, now);
      return toView(renewed);
    },
  };
}

export type SubsidyFamilySide = ReturnType<typeof createSubsidyFamilySide>;
