import { randomBytes } from 'node:crypto';
import { districtByCode, type SessionUser } from '@hongjia/shared';
import type { UserStore } from '../auth/users';
import type { FamilyEntities } from './entities';

export type AuditAction = 'list' | 'view' | 'update' | 'screening' | 'enrol' | 'proxy_request';

/**
 * Names one entry for good: written again (a retried request finishing its
 * side effects, decision 0015) it lands on the same key and stays one entry.
 * `id` comes from what the request created or its operation id, `at` from the
 * stored record, so a retry minutes later writes the very same item.
 */
export interface AuditEventKey {
  id: string;
  at: string;
}

/** How the family reads each entry (plain words for elderly readers). */
export const auditActionLabels: Record<AuditAction, string> = {
  list: '查看名单',
  view: '查看档案',
  update: '更新档案',
  screening: '免申即享筛查',
  enrol: '纳入待遇',
  proxy_request: '代为求助',
};

/**
 * Every staff read or change of a family's record is written down (SPEC §4),
 * and the family sees it. The entry names the office (users.displayName, e.g.
 * 东湖区卫生健康委员会), never a person: the family needs to know which
 * authority looked, staff need not be exposed by name.
 */
export function createRecordAuditor(entities: Pick<FamilyEntities, 'audits'>, users: UserStore) {
  const officeOf = async (caller: SessionUser) => {
    const user = await users.get(caller.id);
    if (user?.displayName) return user.displayName;
    if (user?.district) return `${districtByCode(user.district).name}卫生健康委员会`;
    return '南昌市卫生健康委员会';
  };

  return {
    /**
     * One entry per family (a list page writes one per family shown), in one batch write.
     * With `event`, the entries are named by it (a put of the same key again is one entry).
     */
    async record(
      familyIds: readonly string[],
      action: AuditAction,
      caller: SessionUser,
      now: Date,
      event?: AuditEventKey,
    ) {
      if (familyIds.length === 0) return;
      const viewer = await officeOf(caller);
      const at = event?.at ?? now.toISOString();
      const auditId = event?.id;
      const entries = [...new Set(familyIds)].map((familyId) => ({
        familyId,
        auditId: auditId ?? randomBytes(8).toString('hex'),
        at,
        action,
        staffUserId: caller.id,
        viewer,
      }));
      const { unprocessed } = await entities.audits.put(entries).go();
      if (unprocessed.length) throw new Error(`record audit: ${unprocessed.length} entries not written`);
    },
  };
}

export type RecordAuditor = ReturnType<typeof createRecordAuditor>;
