import { type Indicators, motherAgeGroups, parityGroups, reconciliationKinds } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { commentary } from '../src/reports/commentary';
import type { ReportInputs } from '../src/reports/inputs';

function indicatorsOf(overrides: Partial<Indicators> = {}): Indicators {
  const births = overrides.births ?? 1000;
  return {
    district: '360102',
    from: '2025-01',
    to: '2025-12',
    births,
    boys: 0,
    girls: 0,
    sexRatio: 105,
    parityShares: parityGroups.map((group) => ({
      parity: group.field,
      label: group.label,
      births: 0,
      share: null,
    })),
    motherAgeGroups: motherAgeGroups.map((group) => ({
      group: group.field,
      label: group.label,
      births: group.field === 'age35to39' ? births / 10 : group.field === 'age40plus' ? births / 20 : 0,
      share: null,
    })),
    registered: 0,
    registrationCoverage: 0.95,
    migrationIn: 0,
    migrationOut: 0,
    byMonth: [],
    flags: [],
    ...overrides,
  };
}

const noGaps = () =>
  Object.fromEntries(reconciliationKinds.map((kind) => [kind, 0])) as ReportInputs['current']['gaps'];

function inputsOf(
  now: Partial<Indicators>,
  before: Partial<Indicators> = {},
  gaps: Partial<ReportInputs['current']['gaps']> = {},
): ReportInputs {
  return {
    district: '360102',
    areaName: '东湖区',
    current: { year: 2025, indicators: indicatorsOf(now), gaps: { ...noGaps(), ...gaps } },
    previous: { year: 2024, indicators: indicatorsOf(before), gaps: noGaps() },
    districts: [],
  };
}

const sentence = (inputs: ReportInputs, pattern: RegExp) =>
  commentary(inputs).find((line) => pattern.test(line));

describe('report commentary rules', () => {
  it('says births went up by the share of last year', () => {
    expect(sentence(inputsOf({ births: 1100 }, { births: 1000 }), /出生/)).toBe(
      '2025年东湖区出生 1100 人，较上年（1000）增加 10.0%。',
    );
  });

  it('says births went down, and calls a change under half a percent flat', () => {
    expect(sentence(inputsOf({ births: 900 }, { births: 1000 }), /出生 900/)).toContain('减少 10.0%');
    expect(sentence(inputsOf({ births: 1004 }, { births: 1000 }), /出生 1004/)).toContain('基本持平');
  });

  it('does not compare with a year that had no births', () => {
    expect(sentence(inputsOf({ births: 12 }, { births: 0 }), /出生 12/)).toContain('上年无数据');
  });

  it('places the sex ratio inside or outside the normal band of 103–107', () => {
    expect(sentence(inputsOf({ sexRatio: 105.2 }), /性别比/)).toContain('处于正常范围（103–107）内');
    expect(sentence(inputsOf({ sexRatio: 112.4 }), /性别比/)).toContain('偏高，超出正常范围');
    expect(sentence(inputsOf({ sexRatio: 98 }), /性别比/)).toContain('偏低，超出正常范围');
  });

  it('does not judge the sex ratio of a small sample', () => {
    const line = sentence(inputsOf({ births: 40, sexRatio: 150 }), /性别比/);
    expect(line).toContain('样本较小');
    expect(line).not.toContain('超出正常范围');
  });

  it('says so when the sex ratio cannot be computed', () => {
    expect(sentence(inputsOf({ sexRatio: null }), /性别比/)).toContain('无法计算');
  });

  it('measures registration coverage against 90%', () => {
    expect(sentence(inputsOf({ registrationCoverage: 0.95 }, { registrationCoverage: 0.9 }), /覆盖率/)).toBe(
      '生育登记覆盖率 95.0%（上年 90.0%），达到 90% 的目标。',
    );
    expect(sentence(inputsOf({ registrationCoverage: 0.5 }), /覆盖率/)).toContain('低于 90%，建议核查');
    expect(sentence(inputsOf({ registrationCoverage: null }), /覆盖率/)).toBeUndefined();
  });

  it('gives the share of mothers 35 and over', () => {
    expect(sentence(inputsOf({ births: 1000 }), /35岁/)).toBe('35岁及以上母亲分娩占 15.0%。');
  });

  it('states net migration', () => {
    expect(sentence(inputsOf({ migrationIn: 30, migrationOut: 50 }), /迁入/)).toBe(
      '户籍迁入 30 人、迁出 50 人，净迁出 20 人。',
    );
    expect(sentence(inputsOf({}), /迁入/)).toBeUndefined();
  });

  it('names the open reconciliation gaps and the largest kind', () => {
    expect(
      sentence(inputsOf({}, {}, { delivery_without_birth_certificate: 3, identity_conflict: 1 }), /核查/),
    ).toBe('尚有 4 条待核查差异，以“分娩无出生证”最多（3 条）。');
    expect(sentence(inputsOf({}), /差异/)).toBe('各数据来源间无待核查差异。');
  });

  it('points at data-quality flags', () => {
    const flags: Indicators['flags'] = [{ kind: 'births_off_trend', month: '2025-03', message: '偏离' }];
    expect(sentence(inputsOf({ flags }), /质量/)).toBe('有 1 项数据质量提示，引用数据前请先核实。');
  });
});
