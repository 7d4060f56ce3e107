import { childcareSubsidyPolicyFrom, PolicyDefinition, type PolicyVersionRequest } from '@hongjia/shared';
import { conflict, notFound, validationFailed } from '../commons/errors';

/**
 * An admin's correction as a new version (pure). Versions only move forward:
 * the new `effectiveFrom` must be later than every existing version's, so the
 * history families were told stays as it was and the engine (latest version
 * started on the day) needs no edit of the previous version's `effectiveTo`.
 * Name, condition, basis and parameters are copied from the latest version;
 * the amount, its confirmation, the source note and (optionally) the kind are new.
 */
export function nextPolicyVersion(
  versions: readonly PolicyDefinition[],
  policyId: string,
  request: PolicyVersionRequest,
): PolicyDefinition {
  const existing = versions
    .filter((p) => p.id === policyId)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const latest = existing[existing.length - 1];
  if (!latest) throw notFound('没有这项政策');
  if (request.effectiveFrom <= latest.effectiveFrom) {
    throw conflict(`新版本的生效日期须晚于现有版本的生效日期 ${latest.effectiveFrom}`, [
      { path: 'body.effectiveFrom', message: `须晚于 ${latest.effectiveFrom}` },
    ]);
  }
  const endsLater = latest.effectiveTo !== null && latest.effectiveTo >= request.effectiveFrom;
  const candidate = {
    ...latest,
    kind: request.kind ?? latest.kind,
    amountYuan: request.amountYuan,
    amountConfirmed: request.amountConfirmed,
    sourceNote: request.sourceNote,
    effectiveFrom: request.effectiveFrom,
    effectiveTo: endsLater ? latest.effectiveTo : null,
  };
  const parsed = PolicyDefinition.safeParse(candidate);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw validationFailed(details[0]?.message ?? '政策版本不正确', details);
  }
  if (parsed.data.parameters?.untilAgeMonths !== undefined) requirePerChildAmount(parsed.data);
  return parsed.data;
}

/** 育儿补贴's calculator needs a yearly amount: a version without one would stop every application. */
function requirePerChildAmount(policy: PolicyDefinition): void {
  try {
    childcareSubsidyPolicyFrom(policy);
  } catch {
    throw validationFailed('育儿补贴须按年填写每孩金额', [
      { path: 'body.amountYuan', message: '请填写每孩每年的金额，kind 为 yearly' },
    ]);
  }
}
