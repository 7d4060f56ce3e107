import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ImportView, Indicators } from '@hongjia/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { privacyVersion } from '../src/privacy/policy';
import { installShim, setRoute, wxStub } from './weapp-shim';

/**
 * Renders the 指标看板 and 数据导入 pages of the weapp build (this test never
 * builds: `npm run build:weapp -w miniapp` first) for 东湖区 staff, with
 * wx.request answering the reads each page makes.
 */
const root = path.resolve(__dirname, '../dist/weapp');
const dashboard = 'packages/staff/pages/monitoring-dashboard';
const importPage = 'packages/staff/pages/monitoring-import';
const nodeRequire = createRequire(import.meta.url);

const indicators: Indicators = {
  district: '360102',
  from: '2025-12',
  to: '2026-11',
  births: 1234,
  boys: 641,
  girls: 593,
  sexRatio: 108.09,
  parityShares: [
    { parity: '1', label: '一孩', births: 600, share: 0.486 },
    { parity: '2', label: '二孩', births: 500, share: 0.405 },
    { parity: '3+', label: '三孩及以上', births: 134, share: 0.109 },
  ],
  motherAgeGroups: [{ group: '25-29', label: '25–29 岁', births: 1234, share: 1 }],
  registered: 1049,
  registrationCoverage: 0.85,
  migrationIn: 120,
  migrationOut: 98,
  byMonth: [
    {
      month: '2026-10',
      births: 100,
      boys: 70,
      girls: 30,
      sexRatio: 233.3,
      registered: 85,
      registrationCoverage: 0.85,
      migrationIn: 10,
      migrationOut: 8,
    },
    {
      month: '2026-11',
      births: 90,
      boys: 46,
      girls: 44,
      sexRatio: 104.5,
      registered: 80,
      registrationCoverage: 0.89,
      migrationIn: 10,
      migrationOut: 8,
    },
  ],
  flags: [
    {
      kind: 'sex_ratio_out_of_band',
      month: '2026-10',
      message: '2026-10 出生性别比偏离正常范围，请核查数据',
    },
  ],
};

const imported: ImportView = {
  id: 'imp_1',
  source: 'vaccination',
  fileName: '接种-十一月.csv',
  dryRun: false,
  scope: '360102',
  status: 'done',
  rows: 120,
  accepted: 118,
  duplicates: 0,
  rejected: 2,
  errors: [],
  progress: 1,
  createdAt: '2026-11-30T02:00:00.000Z',
  finishedAt: '2026-11-30T02:01:00.000Z',
};

const answers: Record<string, unknown> = {
  '/v1/staff/monitoring/indicators': indicators,
  '/v1/staff/monitoring/imports': { items: [imported], nextCursor: null },
};

interface RequestOptions {
  url: string;
  success?: (res: { statusCode: number; data: unknown; header: Record<string, string> }) => void;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(root, dashboard.concat('.js')))) {
    throw new Error('miniapp/dist/weapp is missing or stale: run `npm run build:weapp -w miniapp` first.');
  }
});

async function render(page: string, until: string) {
  const simulate = nodeRequire('miniprogram-simulate') as typeof import('miniprogram-simulate');
  setRoute(page);
  const id = simulate.load(path.join(root, page), { compiler: 'official', rootPath: root });
  const rendered = simulate.render(id);
  rendered.attach(document.createElement('parent-wrapper'));
  let text = '';
  for (let waited = 0; waited < 10_000 && !text.includes(until); waited += 50) {
    await simulate.sleep(50);
    text = rendered.dom?.textContent ?? '';
  }
  return text;
}

describe('人口监测 pages (weapp)', () => {
  it('the dashboard shows the figures, the month bars and the flag beside its month', async () => {
    // As special-family-render.test.ts: the shim before and after loading the simulator.
    installShim();
    nodeRequire('miniprogram-simulate');
    installShim();
    const wx = wxStub as unknown as Record<string, unknown> & {
      setStorageSync: (key: string, value: unknown) => void;
    };
    wx.setStorageSync('hongjia.privacy.agreedVersion', privacyVersion);
    wx.setStorageSync('hongjia.session', {
      token: 'token-1',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: { id: 'u1', roles: ['staff'], district: '360102' },
    });
    wx.request = (options: RequestOptions) => {
      const found = Object.entries(answers).find(([p]) => new URL(options.url).pathname === p);
      setTimeout(() =>
        options.success?.({
          statusCode: found ? 200 : 404,
          data: found
            ? found[1]
            : { error: { code: 'NOT_FOUND', message: '未找到', details: [], requestId: 'r' } },
          header: {},
        }),
      );
      return { abort: () => undefined };
    };
    nodeRequire(path.join(root, 'app.js'));
    const text = await render(dashboard, '逐月出生数');
    expect(text).toContain('1234');
    expect(text).toContain('108.1');
    expect(text).toContain('85.0%（1049 人已登记）');
    expect(text).toContain('三孩及以上');
    expect(text).toContain('134（10.9%）');
    expect(text).toContain('2026-10 出生性别比偏离正常范围，请核查数据');
    expect(text).toContain('26/10');
  });

  it('the import page offers the four sources, the template and the district’s imports', async () => {
    const text = await render(importPage, '接种-十一月.csv');
    for (const source of ['住院分娩', '预防接种', '出生医学证明', '户籍迁移']) expect(text).toContain(source);
    expect(text).toContain('deliveryId,motherIdNumber');
    expect(text).toContain('选择文件并导入');
    expect(text).toContain('接种-十一月.csv · 已完成，导入 118 / 错误 2');
  });
});
