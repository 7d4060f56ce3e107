import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IdentityView, MySpecialFamily } from '@hongjia/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { privacyVersion } from '../src/privacy/policy';
import { installShim, setRoute, wxStub } from './weapp-shim';

/**
 * Renders the 特殊家庭帮扶 page of the weapp build (like weapp.test.ts: this test never builds)
 * for a signed-in member, with wx.request answering the two reads the page makes.
 */
const root = path.resolve(__dirname, '../dist/weapp');
const page = 'packages/family/pages/special-assistance/index';
const nodeRequire = createRequire(import.meta.url);

const identity: IdentityView = {
  nameMasked: '张*英',
  idNumberMasked: '3601**********0022',
  birthDate: '1970-03-05',
  sex: 'F',
  verifiedBy: 'local',
  boundAt: '2026-11-01T00:00:00.000Z',
  specialFamilyMember: true,
};
const family: MySpecialFamily = {
  id: 'f1',
  kind: 'bereaved',
  district: '360102',
  role: 'mother',
  contactPerson: { name: '王芳', phone: '13800138000' },
  familyDoctor: {
    name: '刘医生',
    phone: '13900139000',
    institution: '东湖区社区卫生服务中心',
    signedOn: '2026-01-01',
  },
};

interface RequestOptions {
  url: string;
  success?: (res: { statusCode: number; data: unknown; header: Record<string, string> }) => void;
}

const answers: Record<string, unknown> = { '/v1/me/identity': identity, '/v1/me/special-family': family };

beforeAll(() => {
  if (!fs.existsSync(path.join(root, page.concat('.js')))) {
    throw new Error('miniapp/dist/weapp is missing or stale: run `npm run build:weapp -w miniapp` first.');
  }
});

describe('rendering 特殊家庭帮扶 for a member', () => {
  it('shows the four jobs, the people to call and no childcare', async () => {
    installShim();
    const simulate = nodeRequire('miniprogram-simulate') as typeof import('miniprogram-simulate');
    installShim();
    const wx = wxStub as unknown as Record<string, unknown> & {
      setStorageSync: (key: string, value: unknown) => void;
    };
    wx.setStorageSync('hongjia.privacy.agreedVersion', privacyVersion);
    wx.setStorageSync('hongjia.session', {
      token: 'token-1',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: { id: 'u1', roles: ['family'] },
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
    setRoute(page);
    const id = simulate.load(path.join(root, page), { compiler: 'official', rootPath: root });
    const rendered = simulate.render(id);
    rendered.attach(document.createElement('parent-wrapper'));
    // Two reads and a re-render: wait for them (generously: CI machines are busy), not a fixed time.
    let text = '';
    for (let waited = 0; waited < 10_000 && !text.includes('联系人和医生'); waited += 50) {
      await simulate.sleep(50);
      text = rendered.dom?.textContent ?? '';
    }
    for (const job of ['我的扶助政策', '我要求助', '我的求助', '联系人和医生', '谁查看了我的档案']) {
      expect(text).toContain(job);
    }
    expect(text).toContain('王芳');
    expect(text).toContain('电话 13800138000');
    expect(text).toContain('打电话');
    expect(text).toContain('东湖区社区卫生服务中心');
    expect(text).toContain('还没有为您安排就医绿色通道');
    expect(text).toContain('委托联系人王芳代为提出求助');
    expect(text).not.toMatch(/托育|育儿|生育登记/);
    // The member default of elderly mode took effect on this very page (no explicit choice stored).
    expect(rendered.dom?.innerHTML).toMatch(/page-special-assistance[^"]*\belderly\b/);
  });

  it('shows 我要求助 with the contact person by name and the urgency promises in words', async () => {
    const simulate = nodeRequire('miniprogram-simulate') as typeof import('miniprogram-simulate');
    const help = 'packages/family/pages/special-assistance/help';
    setRoute(help);
    const id = simulate.load(path.join(root, help), { compiler: 'official', rootPath: root });
    const rendered = simulate.render(id);
    rendered.attach(document.createElement('parent-wrapper'));
    let text = '';
    for (let waited = 0; waited < 10_000 && !text.includes('王芳'); waited += 50) {
      await simulate.sleep(50);
      text = rendered.dom?.textContent ?? '';
    }
    expect(text).toContain('您的联系人王芳会打电话或上门');
    expect(text).toContain('紧急，24小时内联系您');
    for (const chip of ['生活照料', '就医', '心理慰藉', '养老', '其他', '一般，3天内联系您'])
      expect(text).toContain(chip);
    expect(text).toContain('提交求助');
  });
});
