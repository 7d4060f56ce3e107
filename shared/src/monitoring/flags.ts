import { atypicalWeight, type Figures } from './figures';

/**
 * Data-quality flags shown beside the figures, so staff look before they
 * report. Each is a test on the counters (and, for repeat deliveries, on the
 * reconciliation's open identity conflicts), never a judgement on a person.
 */
export type FlagKind =
  | 'sex_ratio_out_of_band'
  | 'births_off_trend'
  | 'birth_weight_atypical'
  | 'repeat_delivery';

export interface QualityFlag {
  kind: FlagKind;
  /** The month the flag is about; absent when it is about the whole range. */
  month?: string;
  message: string;
}

/** The sex ratio at birth of a population without selection: about 105 boys per 100 girls. */
export const normalBoysShare = 105 / 205;
/** z of a two-sided 99 % interval: a flag should mean "look", not fire on every tenth district-month. */
const z99 = 2.576;

/**
 * Whether `boys` of `births` is outside the binomial band around 105/205 for
 * that sample size (normal approximation, 99 %). A small district-month has a
 * wide band (30 births: roughly 28–74 % boys), so it flags only what its size
 * cannot explain; fewer than 20 births say nothing at all.
 */
export function sexRatioBand(births: number): { low: number; high: number } | undefined {
  if (births < 20) return undefined;
  const half = z99 * Math.sqrt((normalBoysShare * (1 - normalBoysShare)) / births);
  return { low: normalBoysShare - half, high: normalBoysShare + half };
}

export function sexRatioOutOfBand(boys: number, births: number): boolean {
  const band = sexRatioBand(births);
  return band !== undefined && (boys / births < band.low || boys / births > band.high);
}

/**
 * A month's births far off the trend of the months before it: the mean of up
 * to 6 earlier months (at least 3 with births), off by more than 3 Poisson
 * standard deviations AND by more than 30 % — a missing hospital file, or one
 * imported twice under new ids, looks like this.
 */
export function offTrend(births: number, earlier: readonly number[]): { expected: number } | undefined {
  const window = earlier.slice(-6);
  if (window.filter((value) => value > 0).length < 3) return undefined;
  const expected = window.reduce((sum, value) => sum + value, 0) / window.length;
  if (expected <= 0) return undefined;
  const off = Math.abs(births - expected);
  return off > 3 * Math.sqrt(expected) && off > 0.3 * expected ? { expected } : undefined;
}

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * The flags of a range: per month (sex ratio, trend, weights) and, for the
 * range, repeat deliveries. `history` holds the figures of up to 6 months
 * before the range's first month, for the trend.
 */
export function qualityFlags(input: {
  months: readonly { month: string; figures: Figures }[];
  history: readonly { month: string; figures: Figures }[];
  repeatDeliveries: number;
}): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const series = [...input.history, ...input.months].map((entry) => entry.figures.births);
  input.months.forEach(({ month, figures }, index) => {
    if (sexRatioOutOfBand(figures.boys, figures.births)) {
      const band = sexRatioBand(figures.births);
      flags.push({
        kind: 'sex_ratio_out_of_band',
        month,
        message: `${month} 出生 ${figures.births} 人，男婴占 ${percent(figures.boys / figures.births)}，超出该样本量的正常范围（${percent(band?.low ?? 0)}–${percent(band?.high ?? 0)}），请核对性别登记或是否漏报`,
      });
    }
    const position = input.history.length + index;
    const trend = offTrend(figures.births, series.slice(Math.max(0, position - 6), position));
    if (trend) {
      flags.push({
        kind: 'births_off_trend',
        month,
        message: `${month} 出生 ${figures.births} 人，与此前月份的平均 ${Math.round(trend.expected)} 人相差较大，请确认各医院数据是否齐全或重复`,
      });
    }
    if (figures.weightAtypical > 0) {
      flags.push({
        kind: 'birth_weight_atypical',
        month,
        message: `${month} 有 ${figures.weightAtypical} 名新生儿出生体重低于 ${atypicalWeight.below} 克或高于 ${atypicalWeight.above} 克，请核对是否录入有误`,
      });
    }
  });
  if (input.repeatDeliveries > 0) {
    flags.push({
      kind: 'repeat_delivery',
      message: `有 ${input.repeatDeliveries} 条同一母亲数月内两次分娩的记录，见核查清单「身份冲突」`,
    });
  }
  return flags;
}
