import { columnNames, type ImportView, type Indicators } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import {
  errorRows,
  headlineFigures,
  importCounts,
  importFileProblem,
  importUploadBody,
  isFinished,
  kindTabs,
  lastMonths,
  monthBars,
  phaseOf,
  phaseText,
  rangeFlags,
  reportUrl,
  shareRows,
  totalOpen,
} from '../src/packages/staff/model/monitoring';

const base: ImportView = {
  id: 'imp_1',
  source: 'hospital_delivery',
  fileName: 'deliveries.csv',
  dryRun: false,
  scope: '360102',
  status: 'queued',
  rows: 0,
  accepted: 0,
  duplicates: 0,
  rejected: 0,
  errors: [],
  progress: 0,
  createdAt: '2026-11-30T02:00:00.000Z',
};

describe('数据导入 states', () => {
  it('moves from queued through running to done, with the bar and the words', () => {
    expect(phaseText(phaseOf(base))).toBe('已排队，等待导入…');
    const running = { ...base, status: 'running' as const, progress: 0.42, rows: 420 };
    expect(phaseOf(running)).toEqual({ state: 'running', progress: 0.42 });
    expect(phaseText(phaseOf(running))).toBe('正在导入 42%');
    expect(isFinished(running)).toBe(false);
    const done = {
      ...running,
      status: 'done' as const,
      progress: 1,
      rows: 120,
      accepted: 110,
      duplicates: 5,
      rejected: 5,
    };
    expect(isFinished(done)).toBe(true);
    expect(phaseText(phaseOf(done))).toBe('导入完成');
    expect(importCounts(done)).toBe('共 120 行：导入 110 行，重复 5 行，错误 5 行');
    expect(importCounts({ ...done, dryRun: true })).toBe(
      '试导入（未写入）共 120 行：可导入 110 行，重复 5 行，错误 5 行',
    );
  });

  it('says a failed import failed, and uploading without a known fraction', () => {
    expect(phaseText(phaseOf({ ...base, status: 'failed', failure: { message: '表头不一致' } }))).toBe(
      '导入失败',
    );
    expect(phaseText({ state: 'uploading', progress: undefined })).toBe('正在上传文件…');
    expect(phaseText({ state: 'uploading', progress: 0.5 })).toBe('正在上传文件 50%');
  });

  it('names the column of each error in Chinese, and the whole row as 整行', () => {
    const rows = errorRows(
      {
        ...base,
        errors: [
          { row: 3, field: 'motherIdNumber', message: '母亲身份证号：校验码不正确' },
          { row: 4, field: 'row', message: '该行与第 2 行重复' },
        ],
      },
      columnNames,
    );
    expect(rows.map((row) => [row.row, row.field])).toEqual([
      ['3', '母亲身份证号'],
      ['4', '整行'],
    ]);
  });

  it('refuses a file the contract would refuse before reading it, and declares csv and xlsx', () => {
    expect(importFileProblem('births.xls', 100)).toBe('导入文件只能是 csv 或 xlsx');
    expect(importFileProblem('births.csv', 0)).toBe('文件为空');
    expect(importFileProblem('births.csv', 200 * 1024 * 1024)).toBe('导入文件不能超过 100 MB');
    expect(importFileProblem('births.csv', 10)).toBeUndefined();
    const digest = 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=';
    const xlsx = importUploadBody('births.xlsx', 10, digest);
    expect(xlsx.ok && xlsx.body.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const csv = importUploadBody('births.CSV', 10, digest);
    expect(csv.ok && csv.body).toEqual({
      fileName: 'births.CSV',
      contentType: 'text/csv',
      size: 10,
      sha256: digest,
    });
  });
});

const figures: Indicators = {
  district: '360102',
  from: '2026-09',
  to: '2026-11',
  births: 300,
  boys: 156,
  girls: 144,
  sexRatio: 108.33,
  parityShares: [
    { parity: '1', label: '一孩', births: 150, share: 0.5 },
    { parity: '2', label: '二孩', births: 120, share: 0.4 },
    { parity: '3+', label: '三孩及以上', births: 30, share: 0.1 },
  ],
  motherAgeGroups: [{ group: '25-29', label: '25–29 岁', births: 300, share: 1 }],
  registered: 255,
  registrationCoverage: 0.85,
  migrationIn: 12,
  migrationOut: 9,
  byMonth: [
    {
      month: '2026-09',
      births: 100,
      boys: 52,
      girls: 48,
      sexRatio: 108.3,
      registered: 85,
      registrationCoverage: 0.85,
      migrationIn: 4,
      migrationOut: 3,
    },
    {
      month: '2026-10',
      births: 150,
      boys: 90,
      girls: 60,
      sexRatio: 150,
      registered: 130,
      registrationCoverage: 0.87,
      migrationIn: 4,
      migrationOut: 3,
    },
    {
      month: '2026-11',
      births: 50,
      boys: 14,
      girls: 36,
      sexRatio: null,
      registered: 40,
      registrationCoverage: 0.8,
      migrationIn: 4,
      migrationOut: 3,
    },
  ],
  flags: [
    {
      kind: 'sex_ratio_out_of_band',
      month: '2026-10',
      message: '2026-10 出生性别比 150.0，超出正常波动范围',
    },
    { kind: 'repeat_delivery', message: '有 2 名产妇在 270 天内两次分娩，请核查' },
  ],
};

describe('指标看板 rendering', () => {
  it('shows the headline figures in words a reader understands', () => {
    expect(headlineFigures(figures).map((f) => [f.label, f.value])).toEqual([
      ['出生数', '300'],
      ['出生人口性别比（女=100）', '108.3'],
      ['男 / 女', '156 / 144'],
      ['生育登记覆盖率', '85.0%（255 人已登记）'],
      ['户籍迁入 / 迁出', '12 / 9'],
    ]);
    expect(headlineFigures({ ...figures, sexRatio: null })[1]?.value).toBe('—（出生数过少）');
  });

  it('draws month bars against the busiest month and puts each flag beside its month', () => {
    const bars = monthBars(figures);
    expect(bars.map((bar) => bar.width)).toEqual([66.7, 100, 33.3]);
    expect(bars[1]?.flags).toEqual(['2026-10 出生性别比 150.0，超出正常波动范围']);
    expect(bars[0]?.flags).toEqual([]);
    expect(bars[2]?.text).toBe('50（性别比 —）');
    expect(rangeFlags(figures)).toEqual(['有 2 名产妇在 270 天内两次分娩，请核查']);
  });

  it('shows shares as percentages and bar widths', () => {
    expect(shareRows(figures.parityShares).map((row) => [row.label, row.text, row.width])).toEqual([
      ['一孩', '150（50.0%）', 50],
      ['二孩', '120（40.0%）', 40],
      ['三孩及以上', '30（10.0%）', 10],
    ]);
  });

  it('defaults to the twelve months up to this one, across a new year', () => {
    expect(lastMonths('2026-11-30')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(lastMonths('2026-01-05', 3)).toEqual({ from: '2025-11', to: '2026-01' });
  });
});

describe('核查清单 and 形势报告', () => {
  it('labels each kind with its open count and totals them', () => {
    const counts = {
      delivery_without_registration: 4,
      registration_overdue: 1,
      delivery_without_birth_certificate: 2,
      birth_without_vaccination: 0,
      identity_conflict: 1,
    };
    expect(kindTabs(counts).map((tab) => tab.text)).toEqual([
      '分娩未见生育登记（4）',
      '登记逾期未见分娩（1）',
      '分娩未见出生医学证明（2）',
      '出生未见预防接种（0）',
      '身份信息不一致（1）',
    ]);
    expect(totalOpen(counts)).toBe(8);
  });

  it('links the report route by district, year and format', () => {
    expect(reportUrl('http://localhost:3000/', { district: '360102', year: 2025, format: 'pdf' })).toBe(
      'http://localhost:3000/v1/staff/monitoring/reports?district=360102&year=2025&format=pdf',
    );
    expect(reportUrl('https://api.example', { year: 2025, format: 'html' })).toBe(
      'https://api.example/v1/staff/monitoring/reports?year=2025&format=html',
    );
  });
});
