import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installShim, setRoute } from './weapp-shim';

/**
 * Checks the weapp build output itself (this test never builds; the root `npm test` does).
 * miniprogram-simulate renders Taro's templates with the official WXML compiler (wcc).
 */
const root = path.resolve(__dirname, '../dist/weapp');
const nodeRequire = createRequire(import.meta.url);

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> };
  requiredPrivateInfos?: string[];
  __usePrivacyCheck__?: boolean;
  preloadRule?: Record<string, { network?: string; packages: string[] }>;
}

function readAppJson(): AppJson {
  return JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as AppJson;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'app.json'))) {
    throw new Error(
      'miniapp/dist/weapp is missing: run `npm run build:weapp -w miniapp` first (the root `npm test` builds it).',
    );
  }
});

describe('app.json of the weapp build', () => {
  it('keeps only entry pages in the main package, with 首页 and 我的 as tabs', () => {
    const app = readAppJson();
    expect(app.pages).toEqual(['pages/index/index', 'pages/me/index', 'pages/privacy/index']);
    expect(app.tabBar?.list.map((tab) => [tab.pagePath, tab.text])).toEqual([
      ['pages/index/index', '首页'],
      ['pages/me/index', '我的'],
    ]);
  });

  it('gives each tab an icon and a selected icon: small PNGs, as WeChat requires', () => {
    const tabs = readAppJson().tabBar?.list ?? [];
    const icons = tabs.flatMap((tab) => [tab.iconPath, tab.selectedIconPath]);
    expect(icons).toHaveLength(4);
    for (const icon of icons) {
      expect(icon).toMatch(/\.png$/);
      const bytes = fs.readFileSync(path.join(root, icon ?? ''));
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
      // The tab bar is in the main package (decision 0029): each icon stays well under 1 KiB.
      expect(bytes.length).toBeLessThan(1024);
    }
  });

  it('puts each role in its own subpackage', () => {
    const roots = readAppJson().subPackages?.map((pkg) => pkg.root);
    expect(roots).toEqual(['packages/family', 'packages/provider', 'packages/staff', 'packages/volunteer']);
  });

  it('fetches the family subpackage in the background once 首页 shows', () => {
    expect(readAppJson().preloadRule).toEqual({
      'pages/index/index': { network: 'all', packages: ['packages/family'] },
    });
  });

  it('keeps every service page in its role subpackage', () => {
    const pages = Object.fromEntries((readAppJson().subPackages ?? []).map((pkg) => [pkg.root, pkg.pages]));
    expect(pages['packages/family']).toEqual([
      'pages/registration/index',
      'pages/certificates/index',
      'pages/childcare/index',
      'pages/childcare/institution',
      'pages/childcare/book',
      'pages/bookings/index',
      'pages/messages/index',
      'pages/special-assistance/index',
      'pages/registration/form',
      'pages/registration/status',
      'pages/certificates/detail',
      'pages/service-points/index',
      'pages/birth-bundle/index',
      'pages/birth-bundle/progress',
      'pages/identity/index',
      'pages/special-assistance/benefits',
      'pages/special-assistance/help',
      'pages/special-assistance/requests',
      'pages/special-assistance/views',
      'pages/subsidies/index',
      'pages/subsidies/apply',
      'pages/family-policies/index',
      'pages/articles/index',
      'pages/articles/detail',
      'pages/special-assistance/proof',
    ]);
    expect(pages['packages/provider']).toEqual([
      'pages/index',
      'pages/filing',
      'pages/slots',
      'pages/bookings',
      'pages/affordable',
      'pages/inspections',
    ]);
    expect(pages['packages/staff']).toEqual([
      'pages/index',
      'pages/filings',
      'pages/stats',
      'pages/registrations',
      'pages/registration',
      'pages/special-families',
      'pages/special-family',
      'pages/special-family-form',
      'pages/coverage',
      'pages/screening',
      'pages/assistance',
      'pages/subsidies',
      'pages/conflicts',
      'pages/monitoring-import',
      'pages/monitoring-dashboard',
      'pages/monitoring-reconciliation',
      'pages/monitoring-report',
      'pages/affordable',
      'pages/supervision',
      'pages/overdue',
      'pages/operators',
      'pages/volunteer-organisations',
      'pages/fact-claims',
    ]);
    expect(pages['packages/volunteer']).toEqual(['pages/index']);
  });

  it('has no dev sign-in page, as a route or as a file', () => {
    const app = readAppJson();
    const allPages = [
      ...app.pages,
      ...(app.subPackages ?? []).flatMap((p) => p.pages.map((x) => `${p.root}/${x}`)),
    ];
    expect(allPages.some((page) => page.includes('login'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'pages/login'))).toBe(false);
  });

  it('declares fuzzy location and opts in to the privacy check', () => {
    const app = readAppJson();
    expect(app.requiredPrivateInfos).toContain('getFuzzyLocation');
    expect(app.__usePrivacyCheck__).toBe(true);
  });
});

/** Bytes of the main package (everything outside the subpackage roots) and of each subpackage. */
function packageSizes() {
  const subRoots = (readAppJson().subPackages ?? []).map((pkg) => pkg.root.replace(/\/$/, ''));
  const sizes = { main: 0, ...Object.fromEntries(subRoots.map((sub) => [sub, 0])) } as Record<string, number>;
  for (const file of filesUnder(root)) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    const owner = subRoots.find((sub) => relative.startsWith(`${sub}/`)) ?? 'main';
    sizes[owner] = (sizes[owner] ?? 0) + fs.statSync(file).size;
  }
  return sizes;
}

const mainPackageFiles = () => {
  const subRoots = (readAppJson().subPackages ?? []).map((pkg) => path.join(root, pkg.root) + path.sep);
  return filesUnder(root).filter((file) => !subRoots.some((sub) => file.startsWith(sub)));
};

describe('package sizes (WeChat refuses an upload over 2 MB a package)', () => {
  it('keeps the main package under 1 MB (decision 0027 aims at 350 KiB; the bundles bench reports it)', () => {
    expect(packageSizes().main).toBeLessThan(1024 * 1024);
  });

  it('keeps every subpackage under 1.5 MB', () => {
    const { main: _, ...subpackages } = packageSizes();
    expect(Object.keys(subpackages)).toHaveLength(4);
    const over = Object.entries(subpackages).filter(([, bytes]) => bytes >= 1.5 * 1024 * 1024);
    expect(over).toEqual([]);
  });

  it('carries no zod and no route contract in the main package (the client imports contract types only)', () => {
    const js = mainPackageFiles().filter((file) => file.endsWith('.js'));
    const withZod = js.filter((file) => fs.readFileSync(file, 'utf8').includes('$ZodType'));
    expect(withZod.map((file) => path.relative(root, file))).toEqual([]);
    // The full endpoint table lives in the subpackages; the main package has its six account routes.
    const withTable = js.filter((file) => fs.readFileSync(file, 'utf8').includes('/v1/staff/'));
    expect(withTable.map((file) => path.relative(root, file))).toEqual([]);
  });

  it('sets zod jitless in every subpackage that carries zod (WeChat forbids new Function)', () => {
    for (const pkg of readAppJson().subPackages ?? []) {
      const js = filesUnder(path.join(root, pkg.root))
        .filter((file) => file.endsWith('.js'))
        .map((file) => fs.readFileSync(file, 'utf8'));
      if (!js.some((code) => code.includes('$ZodType'))) continue;
      expect({ root: pkg.root, jitless: js.some((code) => /jitless:(!0|true)/.test(code)) }).toEqual({
        root: pkg.root,
        jitless: true,
      });
    }
  });
});

describe('rendering the home page', () => {
  it('shows the service grid with its icons', async () => {
    installShim();
    const simulate = nodeRequire('miniprogram-simulate') as typeof import('miniprogram-simulate');
    installShim(); // miniprogram-simulate defines its own global Component; Page forwards to it.
    nodeRequire(path.join(root, 'app.js'));
    setRoute('pages/index/index');
    const id = simulate.load(path.join(root, 'pages/index/index'), { compiler: 'official', rootPath: root });
    const page = simulate.render(id);
    page.attach(document.createElement('parent-wrapper'));
    // React renders the page asynchronously; on a loaded machine 50 ms was not always enough.
    // Wait (up to 10 s) for the page to show its title rather than guessing a delay.
    let text = '';
    for (let waited = 0; waited < 10_000; waited += 50) {
      await simulate.sleep(50);
      text = page.dom?.textContent ?? '';
      if (text.includes('南昌市家庭服务')) break;
    }
    for (const name of [
      '生育登记',
      '证件查询',
      '托育服务',
      '特殊家庭帮扶',
      '服务网点',
      '我的预约',
      '消息',
      '生育支持政策',
      '科学育儿',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('南昌市家庭服务');
    // First launch: the privacy gate is up before anything personal can happen.
    expect(text).toContain('同意并继续');
  });
});
