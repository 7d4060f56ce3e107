import type { DistrictCode, ListQuery, RegistrationStatus, SessionUser } from '@hongjia/shared';
import { type AccessChecks, districtsAsked } from '../commons/access';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { pageAcross } from '../commons/paging';
import type { RegistrationItem } from './entity';
import type { RegistrationRecords } from './records';

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
      const districts = districtsAsked(jurisdiction, query.district, '只能查看本县区的登记');
      return pageAcross(districts, query, async (jurisdiction, limit, cursor) => {
        const page = await registrations.query
          .byJurisdiction({ jurisdiction, status: query.status })
          .go({ limit, order: 'asc', ...(cursor ? { cursor } : {}) });
        return { items: page.data.map(view), cursor: page.cursor };
      });
    },
  };
}
