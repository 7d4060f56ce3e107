import { type ReconciliationKind, reconciliationKinds } from '@hongjia/shared';
import type { ReportInputs } from './inputs';

/** The internationally accepted normal range of the sex ratio at birth (boys per 100 girls). */
export const normalSexRatio = { low: 103, high: 107 } as const;
/** Below this many births a year the sex ratio is too noisy to judge against the band. */
export const minBirthsForSexRatio = 200;
/** Registration coverage below this is worth a look (share of deliveries with a 生育登记). */
export const coverageTarget = 0.9;
/** A change within ±this share of last year reads as 持平. */
export const flatChange = 0.005;

export const gapLabels: Record<ReconciliationKind, string> = {
  delivery_without_registration: '分娩未登记',
  registration_overdue: '登记逾期未分娩',
  delivery_without_birth_certificate: '分娩无出生证',
  birth_without_vaccination: '出生未接种',
  identity_conflict: '身份信息冲突',
};

const percent = (value: number, digits = 1) => `${(value * 100).toFixed(digits)}%`;

function change(current: number, previous: number): string {
  if (previous === 0) return current === 0 ? '与上年均为 0' : '上年无数据，无法比较';
  const ratio = (current - previous) / previous;
  if (Math.abs(ratio) < flatChange) return `与上年（${previous}）基本持平`;
  return `较上年（${previous}）${ratio > 0 ? '增加' : '减少'} ${percent(Math.abs(ratio))}`;
}

/**
 * The report's short commentary, one sentence per rule, from the figures alone
 * (rule-based, so the same inputs always say the same thing): births against
 * last year, the sex ratio against the normal band (judged only on enough
 * births), registration coverage against its target, the share of mothers
 * 35 and over, net migration, open reconciliation gaps and data-quality flags.
 */
export function commentary(inputs: ReportInputs): string[] {
  const now = inputs.current.indicators;
  const before = inputs.previous.indicators;
  const lines: string[] = [];

  lines.push(
    `${inputs.current.year}年${inputs.areaName}出生 ${now.births} 人，${change(now.births, before.births)}。`,
  );

  if (now.sexRatio === null) {
    lines.push('本年度无女婴出生记录，出生人口性别比无法计算。');
  } else if (now.births < minBirthsForSexRatio) {
    lines.push(
      `出生人口性别比为 ${now.sexRatio.toFixed(1)}，出生数不足 ${minBirthsForSexRatio} 人，样本较小，仅供参考。`,
    );
  } else if (now.sexRatio < normalSexRatio.low || now.sexRatio > normalSexRatio.high) {
    lines.push(
      `出生人口性别比为 ${now.sexRatio.toFixed(1)}，${now.sexRatio > normalSexRatio.high ? '偏高' : '偏低'}，超出正常范围（${normalSexRatio.low}–${normalSexRatio.high}），请核查数据并关注。`,
    );
  } else {
    lines.push(
      `出生人口性别比为 ${now.sexRatio.toFixed(1)}，处于正常范围（${normalSexRatio.low}–${normalSexRatio.high}）内。`,
    );
  }

  if (now.registrationCoverage !== null) {
    const previous =
      before.registrationCoverage === null ? '' : `（上年 ${percent(before.registrationCoverage)}）`;
    lines.push(
      now.registrationCoverage >= coverageTarget
        ? `生育登记覆盖率 ${percent(now.registrationCoverage)}${previous}，达到 ${percent(coverageTarget, 0)} 的目标。`
        : `生育登记覆盖率 ${percent(now.registrationCoverage)}${previous}，低于 ${percent(coverageTarget, 0)}，建议核查未登记的分娩。`,
    );
  }

  const older = now.motherAgeGroups
    .filter((group) => group.group === 'age35to39' || group.group === 'age40plus')
    .reduce((sum, group) => sum + group.births, 0);
  if (now.births > 0) lines.push(`35岁及以上母亲分娩占 ${percent(older / now.births)}。`);

  const net = now.migrationIn - now.migrationOut;
  if (now.migrationIn + now.migrationOut > 0) {
    lines.push(
      `户籍迁入 ${now.migrationIn} 人、迁出 ${now.migrationOut} 人，${net === 0 ? '迁移平衡' : `净${net > 0 ? '迁入' : '迁出'} ${Math.abs(net)} 人`}。`,
    );
  }

  const open = reconciliationKinds.reduce((sum, kind) => sum + inputs.current.gaps[kind], 0);
  if (open === 0) {
    lines.push('各数据来源间无待核查差异。');
  } else {
    const largest = [...reconciliationKinds].sort(
      (a, b) => inputs.current.gaps[b] - inputs.current.gaps[a],
    )[0];
    lines.push(
      `尚有 ${open} 条待核查差异${largest ? `，以“${gapLabels[largest]}”最多（${inputs.current.gaps[largest]} 条）` : ''}。`,
    );
  }

  if (now.flags.length > 0) lines.push(`有 ${now.flags.length} 项数据质量提示，引用数据前请先核实。`);
  return lines;
}
