import {
  type FactClaim,
  type FactClaimKind,
  factClaimKindInfo,
  factClaimKinds,
  type SchoolStage,
} from '@hongjia/shared';

/**
 * Words for family-supplied proof (decision 0039), shared by the family's page and the staff
 * review list and its CSV export.
 */
export const factClaimStatusNames: Record<FactClaim['status'], string> = {
  pending_review: '审核中',
  approved: '已通过',
  rejected: '未通过',
};

export const schoolStageNames: Record<SchoolStage, string> = {
  preschool: '学前教育',
  compulsory: '义务教育（小学、初中）',
  high_school: '高中阶段（含中职）',
  university: '大学（普通高校本专科）',
};

export const factClaimKindOptions = factClaimKinds.map((kind: FactClaimKind) => ({
  value: kind,
  text: factClaimKindInfo[kind].name,
  key: kind,
}));

/** One line for what a claim says: 子女在读学段：高中阶段（含中职），子女生于 2009-09-01，证明开具日期 2026-09-05. */
export function factClaimSummary(claim: Pick<FactClaim, 'kind' | 'date' | 'childBirthDate' | 'schoolStage'>) {
  const info = factClaimKindInfo[claim.kind];
  const parts = [
    ...(claim.schoolStage ? [schoolStageNames[claim.schoolStage]] : []),
    ...(claim.childBirthDate ? [`子女生于 ${claim.childBirthDate}`] : []),
    `${info.dateLabel} ${claim.date}`,
  ];
  return `${info.name}：${parts.join('，')}`;
}
