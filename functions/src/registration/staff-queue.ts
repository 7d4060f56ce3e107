import type { DistrictCode, ListQuery, RegistrationStatus, SessionUser } from '@hongjia/shared';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { forbidden, validationFailed } from '../commons/errors';
import { type AccessChecks, covers } from '../staff/jurisdiction';
import type { RegistrationItem } from './entity';
import type { RegistrationRecords } from './records';

/** City staff walk the districts in order; the cursor says which district and where in it. */
const StaffCursor = z.object({ d: z.number().int().min(0), c: z.string().nullable() });

/**
 * The lists: a family's own (its partition of byUser, newest first) and a
 * district's review queue (byJurisdiction, oldest first: first come, first
 * reviewed). District staff asking for another district get 403.
 */
export function createStaffQueue(records: RegistrationRecords, access: AccessChecks) {
  const { registrations } = records;
  return {
    async listMine<T>(caller: SessionUser, query: ListQuery, view: (item: RegistrationItem) => T) {
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await registrations.query
        .byUser({ userId: caller.id })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      return { items: page.data.map(view), nextCursor: await encodeCursor(page.cursor) };
    },

    async listForStaff<T>(
      caller: SessionUser,
      query: ListQuery & { status: RegistrationStatus; district?: DistrictCode | undefined },
      view: (item: RegistrationItem) => T,
    ) {
      const jurisdiction = await access.staffJurisdiction(caller);
      if (query.district && !covers(jurisdiction, query.district)) throw forbidden('只能查看本县区的登记');
      const districts = query.district ? [query.district] : jurisdiction.districts;
      const decoded = await decodeCursor<unknown>(query.cursor);
      const parsed = decoded === undefined ? undefined : StaffCursor.safeParse(decoded);
      if (parsed && !parsed.success) throw validationFailed('分页游标无效，请从第一页重新加载');
      let position = parsed?.data ?? { d: 0, c: null };
      const items: T[] = [];
      while (position.d < districts.length && items.length < query.limit) {
        const jurisdictionCode = districts[position.d] as DistrictCode;
        const page = await registrations.query
          .byJurisdiction({ jurisdiction: jurisdictionCode, status: query.status })
          .go({
            limit: query.limit - items.length,
            order: 'asc',
            ...(position.c ? { cursor: position.c } : {}),
          });
        items.push(...page.data.map(view));
        position = page.cursor ? { d: position.d, c: page.cursor } : { d: position.d + 1, c: null };
      }
      return { items, nextCursor: position.d < districts.length ? await encodeCursor(position) : null };
    },
  };
}
