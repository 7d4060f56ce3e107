import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { privacyVersion } from '../src/privacy/policy';
import { installShim, setRoute, wxStub } from './weapp-shim';

/**
 * weapp's custom tab bar (decision 0045), rendered from the weapp build (this test never
 * builds): app.json asks for it, it draws 首页 and 我的, marks the tab page that shows, and in elderly mode carries the class that makes its labels key text.
 */
const root = path.resolve(__dirname, '../dist/weapp');
const nodeRequire = createRequire(import.meta.url);
type Simulate = typeof import('miniprogram-simulate');

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'custom-tab-bar/index.js'))) {
    throw new Error('miniapp/dist/weapp has no custom-tab-bar: run `npm run build:weapp -w miniapp` first.');
  }
});

/** Waits (generously: CI machines are busy) until `done` holds of the rendered markup. */
async function until(simulate: Simulate, html: () => string, done: (html: string) => boolean) {
  for (let waited = 0; waited < 10_000 && !done(html()); waited += 50) await simulate.sleep(50);
  return html();
}

describe('weapp custom tab bar', () => {
  it('is declared in app.json, with the native list kept for WeChat', () => {
    const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as {
      tabBar: { custom?: boolean; list: { pagePath: string; text: string }[] };
    };
    expect(app.tabBar.custom).toBe(true);
    expect(app.tabBar.list.map((tab) => tab.text)).toEqual(['首页', '我的']);
  });

  it('shows both tabs, marks the shown tab page, and grows in elderly mode', async () => {
    installShim();
    const simulate = nodeRequire('miniprogram-simulate') as Simulate;
    installShim();
    // Taro's component config (createComponentConfig) sets `behaviors: {}` when the component
    // has none; WeChat accepts it, j-component (under miniprogram-simulate) wants an array.
    const g = globalThis as unknown as { Component: (definition: Record<string, unknown>) => void };
    const register = g.Component;
    g.Component = (definition) =>
      register({ ...definition, behaviors: Array.isArray(definition.behaviors) ? definition.behaviors : [] });
    const wx = wxStub as unknown as { setStorageSync: (key: string, value: unknown) => void };
    wx.setStorageSync('hongjia.privacy.agreedVersion', privacyVersion);
    wx.setStorageSync('hongjia.elderly.choice', 'on');
    nodeRequire(path.join(root, 'app.js'));

    const bar = simulate.render(
      simulate.load(path.join(root, 'custom-tab-bar/index'), { compiler: 'official', rootPath: root }),
    );
    bar.attach(document.createElement('parent-wrapper'));
    const html = () => bar.dom?.innerHTML ?? '';
    /** The label of the tab marked as selected. */
    const selected = () =>
      Array.from(bar.dom?.querySelectorAll('[class*="tab-bar__item--on"]') ?? []).map(
        (item) => item.textContent,
      );
    await until(simulate, html, (h) => h.includes('我的'));
    expect(bar.dom?.textContent).toContain('首页');
    expect(bar.dom?.textContent).toContain('我的');
    expect(selected()).toEqual(['首页']);
    expect(html()).toMatch(/tab-bar--elderly/);

    // 我的 shows: its PageShell marks it (useDidShow), and the bar follows.
    setRoute('pages/me/index');
    const me = simulate.render(
      simulate.load(path.join(root, 'pages/me/index'), { compiler: 'official', rootPath: root }),
    );
    me.attach(document.createElement('parent-wrapper'));
    await until(simulate, html, () => selected()[0] === '我的');
    expect(selected()).toEqual(['我的']);
  });
});
