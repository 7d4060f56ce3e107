import type { ConflictSideStatus, ConflictView } from '@hongjia/shared';
import type { ConflictItem, ConflictSideItem } from './entity';
import type { SideDetail } from './sealing';

function sideView(
  name: 'first' | 'second',
  side: ConflictSideItem,
  statuses: ReadonlyMap<string, ConflictSideStatus>,
  opened: SideDetail | undefined,
): ConflictView['sides'][number] {
  return {
    side: name,
    recordId: side.recordId,
    applicantNameMasked: side.applicantNameMasked,
    filedAt: side.filedAt,
    // A record that is gone (a filing discarded after its own double submission) stands for nothing.
    status: statuses.get(side.recordId) ?? 'voided',
    facts: [...side.facts, ...(opened?.facts ?? [])].map(({ label, value }) => ({ label, value })),
    evidence: [...side.evidence, ...(opened?.evidence ?? [])],
  };
}

/**
 * Staff's view: both sides masked as recorded (with their sealed part opened),
 * their records' statuses now, and the decision once made.
 */
export function toConflictView(
  item: ConflictItem,
  statuses: ReadonlyMap<string, ConflictSideStatus>,
  opened: { first?: SideDetail | undefined; second?: SideDetail | undefined } = {},
): ConflictView {
  return {
    id: item.conflictId,
    kind: item.kind,
    district: item.district,
    status: item.status,
    subject: item.subjectMasked,
    createdAt: item.createdAt,
    sides: [
      sideView('first', item.first, statuses, opened.first),
      sideView('second', item.second, statuses, opened.second),
    ],
    ...(item.status === 'resolved' && item.standing && item.resolvedAt
      ? {
          resolution: {
            standing: item.standing,
            resolvedAt: item.resolvedAt,
            resolvedBy: item.resolvedBy ?? '',
            comment: item.comment ?? '',
          },
        }
      : {}),
    version: item.version,
  };
}
