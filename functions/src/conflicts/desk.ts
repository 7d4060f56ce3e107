import {
  type ConflictResolution,
  type ConflictSideStatus,
  type DistrictCode,
  districtByCode,
  type ListQuery,
  type SessionUser,
} from '@hongjia/shared';
import type { AuditTrail } from '../commons/audit';
import { conflict, forbidden, notFound } from '../commons/errors';
import type { PiiCipher } from '../commons/pii';
import type { NotificationMessage, Notifier } from '../notifications/notifier';
import { type AccessChecks, covers, type Jurisdiction, refuseOwnCase } from '../staff/jurisdiction';
import type { ConflictItem, ConflictSideItem } from './entity';
import type { ConflictKind, ConflictRecords } from './records';
import { openSide } from './sealing';
import { toConflictView } from './views';

/**
 * What one kind of record does when a conflict on it is resolved. Each step
 * must be safe to repeat: a resolution interrupted after its lock is finished
 * by the reviewer's retry, which runs every step again.
 */
export interface ConflictParties {
  kind: ConflictKind;
  /** The audit trail's subject type of these records (`childcareSubsidy`, `birthBundle`, `institution`). */
  subjectType: string;
  /** Where each record stands now, by id (one batch read per page). */
  statuses(recordIds: readonly string[]): Promise<Map<string, ConflictSideStatus>>;
  /** Voids the record of the side that does not stand and releases its claim. */
  voidSide(conflict: ConflictItem, side: ConflictSideItem, now: Date): Promise<void>;
  /** The standing record goes on along its ordinary path (review, hand-off). */
  proceed(conflict: ConflictItem, side: ConflictSideItem, now: Date): Promise<void>;
  /** Neutral words for each party: nothing about the other side. */
  message(conflict: ConflictItem, side: ConflictSideItem, outcome: 'stands' | 'voided'): NotificationMessage;
}

export interface ConflictDeskDeps {
  records: ConflictRecords;
  parties: ConflictParties;
  access: AccessChecks;
  audit: AuditTrail;
  notifier: Notifier;
  /** Opens the sides' sealed part; groups without PII access record no sealed part. */
  cipher?: () => Promise<PiiCipher>;
}

const staleMessage = '该冲突已被他人处理或已更新，请刷新后重试';

const officeOf = (jurisdiction: Jurisdiction) =>
  jurisdiction.cityWide
    ? '南昌市卫生健康委员会'
    : `${districtByCode(jurisdiction.districts[0]).name}卫生健康委员会`;

/**
 * A kind's conflict queue for staff (decision 0013): the jurisdiction's
 * conflicts oldest first, each with both sides and the evidence; and the one
 * decision per conflict. Staff outside the responsible district get 404 for a
 * conflict and 403 for a district's list; city staff see all. Resolving is
 * audited (`resolve_conflict`) before the lock, locked on `version`, then the
 * side that does not stand is voided (its claim released), the standing side
 * proceeds and both parties are told in neutral words. If a step after the
 * lock fails, the same request again (same side, the version it saw) finishes
 * the steps instead of being refused as stale.
 */
export function createConflictDesk(deps: ConflictDeskDeps) {
  const { records, parties, access, audit, notifier } = deps;

  const open = async (side: ConflictSideItem) => {
    if (!side.sealed) return undefined;
    if (!deps.cipher) throw new Error('a sealed conflict side needs the PII cipher');
    return openSide(await deps.cipher(), side.sealed);
  };

  const view = async (items: ConflictItem[]) => {
    const statuses = await parties.statuses(
      items.flatMap((item) => [item.first.recordId, item.second.recordId]),
    );
    return Promise.all(
      items.map(async (item) =>
        toConflictView(item, statuses, { first: await open(item.first), second: await open(item.second) }),
      ),
    );
  };

  const finish = async (item: ConflictItem, now: Date) => {
    const standing = item.standing === 'second' ? item.second : item.first;
    const voided = item.standing === 'second' ? item.first : item.second;
    // Void first: the standing side may need the claim the voided one held.
    await parties.voidSide(item, voided, now);
    await parties.proceed(item, standing, now);
    for (const [side, outcome] of [
      [standing, 'stands'],
      [voided, 'voided'],
    ] as const) {
      await notifier.notify(side.userId, parties.message(item, side, outcome), {
        dedupeKey: `conflict:${item.conflictId}:${side.recordId}`,
        now,
      });
    }
  };

  return {
    async list(
      caller: SessionUser,
      query: ListQuery & { status: ConflictItem['status']; district?: DistrictCode | undefined },
    ) {
      const jurisdiction = await access.staffJurisdiction(caller);
      if (query.district && !covers(jurisdiction, query.district)) throw forbidden('只能查看本县区的冲突');
      const districts = query.district ? [query.district] : jurisdiction.districts;
      const page = await records.list(parties.kind, districts, query);
      return { items: await view(page.items), nextCursor: page.nextCursor };
    },

    async resolve(
      caller: SessionUser,
      conflictId: string,
      body: ConflictResolution,
      context: { now: Date; requestId: string; sourceIp: string },
    ) {
      const { now } = context;
      const jurisdiction = await access.staffJurisdiction(caller);
      const item = await records.get(conflictId);
      if (!item || item.kind !== parties.kind || !covers(jurisdiction, item.district)) {
        throw notFound('未找到该冲突');
      }
      // Neither applicant decides which of the two filings stands.
      refuseOwnCase(caller, [item.first.userId, item.second.userId]);
      let resolved: ConflictItem;
      if (item.status === 'resolved') {
        if (item.standing !== body.standing || item.version !== body.expectedVersion + 1) {
          throw conflict('该冲突已处理，不能重复处理');
        }
        resolved = item; // the same decision again: finish what an interrupted attempt left
      } else {
        if (item.version !== body.expectedVersion) {
          throw conflict(staleMessage, [{ path: 'body.expectedVersion', message: '版本已过期' }]);
        }
        const standing = body.standing === 'second' ? item.second : item.first;
        const voided = body.standing === 'second' ? item.first : item.second;
        await audit.record(
          caller,
          {
            subjectType: parties.subjectType,
            subjectId: standing.recordId,
            action: 'resolve_conflict',
            district: item.district,
            objectId: voided.recordId,
            note: `${item.conflictId}: ${body.standing} stands`,
            requestId: context.requestId,
            sourceIp: context.sourceIp,
          },
          now,
        );
        resolved = await records.resolve(
          item,
          { standing: body.standing, resolvedBy: officeOf(jurisdiction), comment: body.comment },
          now,
        );
      }
      await finish(resolved, now);
      const [answer] = await view([resolved]);
      if (!answer) throw new Error('conflict view missing');
      return answer;
    },
  };
}

export type ConflictDesk = ReturnType<typeof createConflictDesk>;
