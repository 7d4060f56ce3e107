import type { SessionUser } from '@hongjia/shared';
import { type AccessChecks, covers, type Jurisdiction, refuseOwnCase } from '../commons/access';
import { notFound } from '../commons/errors';
import type { SubsidyItem } from './entity';
import type { SubsidyRecords } from './records';

/**
 * The application a staff decision or payment acts on: settled (not `checking`) and of
 * the caller's jurisdiction — another district's is 404, as if it did not exist — and
 * never the caller's own (403 OWN_CASE, decision 0019).
 */
export async function staffCase(
  access: AccessChecks,
  records: Pick<SubsidyRecords, 'get'>,
  caller: SessionUser,
  subsidyId: string,
): Promise<{ jurisdiction: Jurisdiction; item: SubsidyItem }> {
  const jurisdiction = await access.staffJurisdiction(caller);
  const item = await records.get(subsidyId);
  if (!item || item.status === 'checking' || !covers(jurisdiction, item.jurisdiction)) {
    throw notFound('未找到该申请');
  }
  refuseOwnCase(caller, [item.userId]);
  return { jurisdiction, item };
}
