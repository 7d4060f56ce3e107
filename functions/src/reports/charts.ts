import { parityGroups, reconciliationKinds } from '@hongjia/shared';
import type { EChartsOption } from 'echarts';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { gapLabels, normalSexRatio } from './commentary';
import type { ReportInputs } from './inputs';

/** One figure of the report: its title, its SVG (server-side ECharts) and its table. */
export interface ReportSection {
  title: string;
  svg: string;
  figure?: import('./figure').Figure;
  table: { head: string[]; rows: (string | number)[][] };
}

// Only the parts the report draws: all of ECharts is ≈ 930 KiB of the reports bundle (decision 0026).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export const chartSize = { width: 640, height: 260 } as const;
/** The font the SVG names: the PDF maps every family to the embedded CJK font, a browser uses its own. */
const fontFamily = 'Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif';
const colours = ['#c0392b', '#95a5a6', '#2c7fb8', '#7fcdbb'];

const monthLabels = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);
const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const ratio = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/**
 * An SVG string from ECharts' server-side renderer (`renderer: 'svg', ssr: true`):
 * no DOM, no canvas, no animation, so the same option always gives the same SVG.
 */
export function renderSvg(option: EChartsOption, size = chartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({
      animation: false,
      color: colours,
      textStyle: { fontFamily, fontSize: 12 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      legend: { top: 4, textStyle: { fontFamily } },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function bars(
  categories: string[],
  series: { name: string; data: (number | null)[] }[],
  extra: EChartsOption = {},
): string {
  return renderSvg({
    xAxis: { type: 'category', data: categories, axisLabel: { fontFamily, interval: 0 } },
    yAxis: { type: 'value', axisLabel: { fontFamily } },
    series: series.map((entry) => ({ type: 'bar', name: entry.name, data: entry.data })),
    ...extra,
  });
}

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
    svg: bars(
      categories,
      [now, before].map((year, index) => ({
        name: names[index] as string,
        data: pick(year).map((entry) => (entry.share === null ? 0 : entry.share * 100)),
      })),
      { yAxis: { type: 'value', axisLabel: { fontFamily, formatter: '{value}%' } } },
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
      svg: bars(monthLabels, [
        { name: names[0] as string, data: births[0] as number[] },
        { name: names[1] as string, data: births[1] as number[] },
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
      svg: renderSvg({
        xAxis: { type: 'category', data: monthLabels, axisLabel: { fontFamily } },
        yAxis: { type: 'value', scale: true, axisLabel: { fontFamily } },
        series: [
          {
            type: 'line',
            name: names[0],
            data: sexRatios[0],
            connectNulls: true,
            markArea: {
              silent: true,
              itemStyle: { color: 'rgba(46, 204, 113, 0.12)' },
              data: [[{ yAxis: normalSexRatio.low }, { yAxis: normalSexRatio.high }]],
            },
          },
          { type: 'line', name: names[1], data: sexRatios[1], connectNulls: true },
        ],
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
      svg: renderSvg({
        xAxis: { type: 'category', data: monthLabels, axisLabel: { fontFamily } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { fontFamily, formatter: '{value}%' } },
        series: coverage.map((data, index) => ({
          type: 'line',
          name: names[index],
          connectNulls: true,
          data: data.map((value) => (value === null ? null : Math.round(value * 1000) / 10)),
        })),
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
      svg: bars(
        ['迁入', '迁出', '净迁入'],
        [now, before].map((year, index) => ({
          name: names[index] as string,
          data: [
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
      svg: bars(
        reconciliationKinds.map((kind) => gapLabels[kind]),
        [now, before].map((year, index) => ({
          name: names[index] as string,
          data: reconciliationKinds.map((kind) => year.gaps[kind]),
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
      svg: bars(
        inputs.districts.map((line) => line.name),
        [
          { name: names[0] as string, data: inputs.districts.map((line) => line.current.births) },
          { name: names[1] as string, data: inputs.districts.map((line) => line.previous.births) },
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
