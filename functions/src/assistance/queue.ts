import type { AssistanceStatus, DistrictCode, SessionUser } from '@hongjia/shared';
import * as z from 'zod';
import { type AccessChecks, districtsAsked } from '../commons/access';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { validationFailed } from '../commons/errors';
import type { AssistanceRequestItem } from './entities';
import { mergeByDeadline, type QueuePage } from './merge';
import { type AssistanceRecords, queuePositionAfter } from './records';

export interface StaffQueueQuery {
  limit: number;
  cursor?: string | undefined;
  district?: DistrictCode | undefined;
  status: AssistanceStatus;
  overdue?: boolean | undefined;
}

/** The slice the cursor was made for, and where each district resumes. */
const QueueCursor = z.object({
  q: z.string(),
  p: z.array(z.union([z.string(), z.null(), z.literal(false)])),
});

/**
 * The staff list. District staff see their district (another one → 403);
 * city staff see the district they ask for, or all nine merged by deadline.
 * overdue=true is the awaiting_response queue with `dueAt < now` as a key
 * condition (the asked status is then ignored: only unanswered requests can
 * be overdue).
 */
export function createStaffQueue(records: AssistanceRecords, access: AccessChecks) {
  return {
    async list(
      caller: SessionUser,
      query: StaffQueueQuery,
      now: Date,
    ): Promise<{
      items: AssistanceRequestItem[];
      nextCursor: string | null;
    }> {
      const jurisdiction = await access.staffJurisdiction(caller);
      const districts = districtsAsked(jurisdiction, query.district, '只能查看本县区的求助');
      const status = query.overdue ? 'awaiting_response' : query.status;
      const dueBefore = query.overdue ? now.toISOString() : undefined;
      const slice = `${status}|${query.overdue ? 'overdue' : ''}|${districts.join(',')}`;

      const decoded = await decodeCursor<unknown>(query.cursor);
      const parsed = decoded === undefined ? undefined : QueueCursor.safeParse(decoded);
      if (parsed && (!parsed.success || parsed.data.q !== slice || parsed.data.p.length !== districts.length))
        throw validationFailed('分页游标无效，请从第一页重新加载', [
          { path: 'query.cursor', message: '游标与查询条件不符' },
        ]);
      const positions = parsed?.data.p ?? districts.map(() => null);

      const pages = await Promise.all(
        districts.map(async (district, index): Promise<QueuePage<AssistanceRequestItem> | 'done'> => {
          const from = positions[index] ?? null;
          if (from === false) return 'done';
          const page = await records.pageOfQueue(
            { district, status, ...(dueBefore ? { dueBefore } : {}) },
            query.limit,
            from ?? undefined,
          );
          return { from, items: page.items, cursor: page.next };
        }),
      );
      const merged = mergeByDeadline(pages, query.limit, queuePositionAfter);
      const more = merged.positions.some((p) => p !== false);
      return {
        items: merged.items,
        nextCursor: more ? await encodeCursor({ q: slice, p: merged.positions }) : null,
      };
    },
  };
}
