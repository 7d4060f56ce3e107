import {
  type ConflictKind,
  ConflictResolution,
  type ConflictSideName,
  type ConflictSideStatus,
  type ConflictStatus,
  type ConflictView,
} from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { api } from '../../../api/endpoints';

/**
 * 申请冲突核对 (decision 0013): what staff read on the conflict queues. Two filings claim one
 * child, birth certificate or credit code; staff choose the side that stands.
 */
export const conflictKinds: readonly ConflictKind[] = ['childcare_subsidy', 'birth_bundle', 'credit_code'];

export const conflictKindNames: Record<ConflictKind, string> = {
  childcare_subsidy: '育儿补贴',
  birth_bundle: '出生一件事',
  credit_code: '机构备案',
};

/** What both sides claim, by kind: the subject line of a card. */
export const conflictSubjectNames: Record<ConflictKind, string> = {
  childcare_subsidy: '孩子身份证号',
  birth_bundle: '出生医学证明',
  credit_code: '统一社会信用代码',
};

export const conflictStatusNames: Record<ConflictStatus, string> = { open: '待核对', resolved: '已处理' };

export const sideStatusNames: Record<ConflictSideStatus, string> = {
  pending_review: '审核中',
  approved: '已通过',
  published: '已发布',
  handing_off: '办理中',
  on_hold: '等待核对',
  rejected: '未通过',
  voided: '已作废',
};

export const sideNames: Record<ConflictSideName, string> = { first: '先提交的一方', second: '后提交的一方' };

/** The two routes of each kind's queue (each lives in the function group that owns its records). */
export const conflictRoutes = {
  childcare_subsidy: { list: api.staffSubsidyConflicts, resolve: api.resolveSubsidyConflict },
  birth_bundle: { list: api.staffBundleConflicts, resolve: api.resolveBundleConflict },
  credit_code: { list: api.staffFilingConflicts, resolve: api.resolveFilingConflict },
} as const;

export function isConflictKind(value: string | undefined): value is ConflictKind {
  return conflictKinds.includes(value as ConflictKind);
}

export interface SideModel {
  side: ConflictSideName;
  title: string;
  who: string;
  status: string;
  facts: Array<{ label: string; value: string }>;
  /** The evidence notes, or the one line that says there is none. */
  evidence: string[];
  hasEvidence: boolean;
  standing: boolean;
}

const noEvidence = '系统中没有可供核对的记录，请核对原件。';

/** One side as its column on the card reads it. */
export function sideModel(view: ConflictView, side: ConflictView['sides'][number]): SideModel {
  return {
    side: side.side,
    title: sideNames[side.side],
    who: `${side.applicantNameMasked} · ${formatChinaDateTime(side.filedAt)}`,
    status: sideStatusNames[side.status],
    facts: side.facts,
    evidence: side.evidence.length ? side.evidence : [noEvidence],
    hasEvidence: side.evidence.length > 0,
    standing: view.resolution?.standing === side.side,
  };
}

/** The confirmation before a decision: which side stands, and what happens to each. */
export function resolveConfirm(
  view: ConflictView,
  standing: ConflictSideName,
): { title: string; message: string } {
  const kept = view.sides.find((s) => s.side === standing);
  const voided = view.sides.find((s) => s.side !== standing);
  const next: Record<ConflictKind, string> = {
    childcare_subsidy: '保留的申请转入正常审核',
    birth_bundle: '保留的申请交各部门办理',
    credit_code: '保留的备案转入正常审核',
  };
  return {
    title: `以${sideNames[standing]}为准？`,
    message: `${kept?.applicantNameMasked ?? ''}的${conflictKindNames[view.kind]}保留，${voided?.applicantNameMasked ?? ''}的作废并释放占用；${next[view.kind]}。双方会收到不提及对方的通知，此操作不能撤销。`,
  };
}

/** The request body with the version the card was loaded with; the reason is checked by the shared schema. */
export function resolutionBody(view: ConflictView, standing: ConflictSideName, comment: string) {
  return ConflictResolution.safeParse({ standing, comment, expectedVersion: view.version });
}
