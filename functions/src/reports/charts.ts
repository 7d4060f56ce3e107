import { parityGroups, reconciliationKinds } from '@hongjia/shared';
import { gapLabels, normalSexRatio } from './commentary';
import type { Figure } from './figure';
import type { ReportInputs } from './inputs';
import { chartFigure, type Series } from './plot';

export { chartSize } from './plot';

/** One figure of the report: its title, its chart as figure shapes (both renderers draw them) and its table. */
export interface ReportSection {
  title: string;
  figure: Figure;
  table: { head: string[]; rows: (string | number)[][] };
}

const monthLabels = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);
const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const ratio = (value: number | null) => (value === null ? '—' : value.toFixed(1));
const percentTick = (value: number) => `${value}%`;

const bars = (categories: string[], series: Series[], format?: (value: number) => string) =>
  chartFigure({ kind: 'bar', categories, series, ...(format ? { format } : {}) });

/** The report's figures, each with the previous year beside the current one. */
export function reportSections(inputs: ReportInputs): ReportSection[] {
  const now = inputs.current;
  const before = inputs.previous;
  const names = [`${now.year}年`, `${before.year}年`];
  const byMonth = (year: typeof now, pick: (m: (typeof now.indicators.byMonth)[number]) => number | null) =>
    monthLabels.map((_, index) => {
      const month = year.indicators.byMonth[index];
      return month ? pick(month) : null;
    });

  const births = [byMonth(now, (m) => m.births), byMonth(before, (m) => m.births)];
  const sexRatios = [byMonth(now, (m) => m.sexRatio), byMonth(before, (m) => m.sexRatio)];
  const coverage = [
    byMonth(now, (m) => m.registrationCoverage),
    byMonth(before, (m) => m.registrationCoverage),
  ];
  /** A composition (parity, mother's age): both years' shares as bars, their counts and shares in the table. */
  const shares = (
    title: string,
    column: string,
    categories: string[],
    pick: (year: typeof now) => readonly { label: string; births: number; share: number | null }[],
  ): ReportSection => ({
    title,
    figure: bars(
      categories,
      [now, before].map((year, index) => ({
        name: names[index] as string,
        values: pick(year).map((entry) => (entry.share === null ? 0 : entry.share * 100)),
      })),
      percentTick,
    ),
    table: {
      head: [column, ...names.flatMap((name) => [`${name}人数`, `${name}占比`])],
      rows: pick(now).map((entry, index) => {
        const previous = pick(before)[index];
        return [
          entry.label,
          entry.births,
          pct(entry.share),
          previous?.births ?? 0,
          pct(previous?.share ?? null),
        ];
      }),
    },
  });
  const sections: ReportSection[] = [
    {
      title: '一、分月出生数',
      figure: bars(monthLabels, [
        { name: names[0] as string, values: births[0] as (number | null)[] },
        { name: names[1] as string, values: births[1] as (number | null)[] },
      ]),
      table: {
        head: ['月份', ...names],
        rows: [
          ...monthLabels.map((label, index) => [label, births[0]?.[index] ?? 0, births[1]?.[index] ?? 0]),
          ['合计', now.indicators.births, before.indicators.births],
        ],
      },
    },
    {
      title: '二、出生人口性别比（女婴=100）',
      // The axis fits the data and the normal band (103–107), shaded behind the lines.
      figure: chartFigure({
        kind: 'line',
        categories: monthLabels,
        series: names.map((name, index) => ({ name, values: sexRatios[index] as (number | null)[] })),
        axis: { fit: true },
        band: { low: normalSexRatio.low, high: normalSexRatio.high },
      }),
      table: {
        head: ['', ...names],
        rows: [
          ['男婴', now.indicators.boys, before.indicators.boys],
          ['女婴', now.indicators.girls, before.indicators.girls],
          ['性别比', ratio(now.indicators.sexRatio), ratio(before.indicators.sexRatio)],
        ],
      },
    },
    shares(
      '三、孩次构成',
      '孩次',
      parityGroups.map((group) => group.label),
      (year) => year.indicators.parityShares,
    ),
    shares(
      '四、母亲年龄构成',
      '年龄组',
      now.indicators.motherAgeGroups.map((group) => group.label),
      (year) => year.indicators.motherAgeGroups,
    ),
    {
      title: '五、生育登记覆盖率',
      figure: chartFigure({
        kind: 'line',
        categories: monthLabels,
        series: coverage.map((values, index) => ({
          name: names[index] as string,
          values: values.map((value) => (value === null ? null : Math.round(value * 1000) / 10)),
        })),
        format: percentTick,
        axis: { fixed: [0, 100] },
      }),
      table: {
        head: ['', ...names],
        rows: [
          ['分娩数', now.indicators.births, before.indicators.births],
          ['已登记', now.indicators.registered, before.indicators.registered],
          ['覆盖率', pct(now.indicators.registrationCoverage), pct(before.indicators.registrationCoverage)],
        ],
      },
    },
    {
      title: '六、户籍迁移',
      figure: bars(
        ['迁入', '迁出', '净迁入'],
        [now, before].map((year, index) => ({
          name: names[index] as string,
          values: [
            year.indicators.migrationIn,
            year.indicators.migrationOut,
            year.indicators.migrationIn - year.indicators.migrationOut,
          ],
        })),
      ),
      table: {
        head: ['', ...names],
        rows: [
          ['迁入', now.indicators.migrationIn, before.indicators.migrationIn],
          ['迁出', now.indicators.migrationOut, before.indicators.migrationOut],
          [
            '净迁入',
            now.indicators.migrationIn - now.indicators.migrationOut,
            before.indicators.migrationIn - before.indicators.migrationOut,
          ],
        ],
      },
    },
    {
      title: '七、数据核查待办（未处理差异）',
      figure: bars(
        reconciliationKinds.map((kind) => gapLabels[kind]),
        [now, before].map((year, index) => ({
          name: names[index] as string,
          values: reconciliationKinds.map((kind) => year.gaps[kind]),
        })),
      ),
      table: {
        head: ['差异类型', ...names],
        rows: reconciliationKinds.map((kind) => [gapLabels[kind], now.gaps[kind], before.gaps[kind]]),
      },
    },
  ];

  if (inputs.districts.length > 0) {
    sections.push({
      title: '八、各县区出生情况',
      figure: bars(
        inputs.districts.map((line) => line.name),
        [
          { name: names[0] as string, values: inputs.districts.map((line) => line.current.births) },
          { name: names[1] as string, values: inputs.districts.map((line) => line.previous.births) },
        ],
      ),
      table: {
        head: ['县区', `${names[0]}出生`, `${names[1]}出生`, '性别比', '登记覆盖率'],
        rows: inputs.districts.map((line) => [
          line.name,
          line.current.births,
          line.previous.births,
          ratio(line.current.sexRatio),
          pct(line.current.registrationCoverage),
        ]),
      },
    });
  }
  return sections;
}
