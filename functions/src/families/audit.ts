import { randomBytes } from 'node:crypto';
import { districtByCode, type SessionUser } from '@hongjia/shared';
import { isConditionFailure } from '../commons/guards';
import type { UserStore } from '../commons/users';
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

/** Conditional puts in flight at once (a list page may audit a few hundred families). */
const auditWriteConcurrency = 25;

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
     * One entry per family (a list page writes one per family shown). Each is a
     * conditional create (PutItem with attribute_not_exists), the only write the
     * audit table allows: no batch write, which IAM cannot make append-only.
     * With `event`, the entries are named by it: a retry finds its entry already
     * written and leaves it as it is (one entry, not two).
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
      const unique = [...new Set(familyIds)];
      const write = async (familyId: string) => {
        try {
          await entities.audits
            .create({
              familyId,
              auditId: event?.id ?? randomBytes(8).toString('hex'),
              at,
              action,
              staffUserId: caller.id,
              viewer,
            })
            .go();
        } catch (error) {
          // Only a named entry can already exist: the same event, written by an earlier attempt.
          if (!(event && isConditionFailure(error))) throw error;
        }
      };
      for (let start = 0; start < unique.length; start += auditWriteConcurrency) {
        await Promise.all(unique.slice(start, start + auditWriteConcurrency).map(write));
      }
    },
  };
}

export type RecordAuditor = ReturnType<typeof createRecordAuditor>;
