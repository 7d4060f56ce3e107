/**
 * `npm run screens`: the screenshot gallery docs/screens/ (issue 14, build item 6), so a reader
 * sees the product before running it. Each person's main pages, on a phone (375×812) and, for
 * staff, a desktop (1280×800: the console), in normal and elderly mode, from the local app on a freshly seeded city
 * (the browser tests' harness: tests/e2e/browser.ts, roles.ts, visit.ts), plus
 * docs/screens/README.md, the gallery's index. Needs the local h5 build
 * (`npm run build:h5:local -w miniapp`). Screenshots are taken at one device pixel per CSS
 * pixel, of the screen only (not the whole scrolled page), to keep the gallery a few MB.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routes } from '../miniapp/src/config/routes';
import { desktop, phone, startBrowserApp } from '../tests/e2e/browser';
import { type Role, type RouteName, roles, visitsOf } from '../tests/e2e/page-plan';
import { openAs } from '../tests/e2e/roles';
import { visit } from '../tests/e2e/visit';
import { ensureSeededTemplate } from '../tests/seeded-city/template';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = join(repoRoot, 'docs', 'screens');

/** Each person's main pages: what they open first and most. */
const mainPages: Record<Role['name'], (RouteName | 'login')[]> = {
  anonymous: ['home', 'me', 'login'],
  family: [
    'home',
    'me',
    'registration',
    'childcare',
    'childcareInstitution',
    'specialAssistance',
    'subsidies',
  ],
  provider: ['provider', 'providerSlots'],
  'staff-district': [
    'staff',
    'staffRegistrations',
    'staffRegistration',
    'staffSpecialFamilies',
    'staffMonitoringDashboard',
    'staffFactClaims',
    'staffVolunteerOrganisations',
  ],
  'staff-city': ['staff', 'staffStats'],
  volunteer: ['volunteer'],
};

const devices = [
  { name: 'phone', options: { ...phone, deviceScaleFactor: 1 } },
  { name: 'desktop', options: desktop },
] as const;

/** Who is shown on a desktop too: staff, whose pages become a console at ≥ 1024 px. */
const atDesk = new Set<Role['name']>(['staff-district', 'staff-city']);

/**
 * The browser's clock, stopped at the start of the run (on the minute): every page of a run
 * shows the same "now", so times and "今天/明天" agree from shot to shot. Not a fixed hour of the
 * day: the sessions are real ones from the API and expire two hours after the real sign-in, and
 * the seed places slots and births relative to the real today.
 */
const shownAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);

interface Shot {
  role: Role;
  page: string;
  device: string;
  elderly: boolean;
  file: string;
}

const titles: Partial<Record<RouteName | 'login', string>> = {
  home: '首页',
  me: '我的',
  login: '登录（本地开发）',
  registration: '生育登记',
  childcare: '托育服务',
  childcareInstitution: '托育机构详情',
  specialAssistance: '特殊家庭帮扶',
  subsidies: '育儿补贴',
  provider: '机构工作台',
  providerSlots: '托位时段',
  staff: '工作台',
  staffRegistrations: '生育登记审核',
  staffRegistration: '登记详情',
  staffSpecialFamilies: '特殊家庭档案',
  staffMonitoringDashboard: '人口监测',
  staffStats: '托育统计',
  staffFactClaims: '证明材料审核',
  staffVolunteerOrganisations: '社会组织',
  volunteer: '社会组织工作台',
};

async function main() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const started = Date.now();
  // The browser tests' seeded city (seeded once, cached by source hash and day).
  const app = await startBrowserApp('screens', { template: ensureSeededTemplate() });
  const shots: Shot[] = [];
  try {
    for (const role of roles) {
      const wanted = mainPages[role.name];
      for (const device of devices) {
        if (device.name === 'desktop' && !atDesk.has(role.name)) continue;
        const person = await openAs(app.browser, app.runtime, role.openid, device.options);
        const { page } = person;
        // Before setElderly's reload below, so every screenshot's page starts on the fixed clock.
        await person.context.clock.setFixedTime(shownAt);
        if (!role.openid) {
          await page.locator('#privacy-agree').filter({ visible: true }).first().click();
        }
        const visits = (await visitsOf({ ...role, pages: wanted }, app.runtime.apiUrl, person.token)).filter(
          (v) => v.name === 'login' || v.name in routes,
        );
        for (const elderly of [false, true]) {
          await person.setElderly(elderly);
          for (const { name, path } of visits) {
            await visit(page, app.runtime.webUrl, path);
            const file = `${role.name}-${name}-${device.name}${elderly ? '-elderly' : ''}.png`;
            await page.screenshot({ path: join(outDir, file), animations: 'disabled', caret: 'hide' });
            shots.push({ role, page: name, device: device.name, elderly, file });
          }
        }
        await person.context.close();
      }
    }
  } finally {
    await app.close();
  }
  writeFileSync(join(outDir, 'README.md'), gallery(shots));
  const bytes = readdirSync(outDir).reduce((sum, file) => sum + statSync(join(outDir, file)).size, 0);
  console.log(
    `docs/screens: ${shots.length} screenshots, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** The index: per person, per page, one row of pictures (phone, phone elderly; staff also desktop, desktop elderly). */
function gallery(shots: Shot[]): string {
  const lines = [
    '# Screens',
    '',
    'Generated by `npm run screens` from the local app on a freshly seeded demo city',
    '(scripts/screens.ts; do not edit by hand). Phone 375×812, and for staff the desktop console',
    '1280×800, each in normal and 长辈模式 (elderly mode). Each person signs in as a seeded account',
    '(local/seed/accounts.ts); the browser clock stands still at the start of the run.',
    '',
  ];
  for (const role of roles) {
    const mine = shots.filter((shot) => shot.role.name === role.name);
    if (mine.length === 0) continue;
    lines.push(`## ${role.label}${role.openid ? ` (\`dev:${role.openid}\`)` : ''}`, '');
    const columns: [device: string, elderly: boolean][] = [
      ['phone', false],
      ['phone', true],
      ...(atDesk.has(role.name)
        ? ([
            ['desktop', false],
            ['desktop', true],
          ] as [string, boolean][])
        : []),
    ];
    const header = columns.map(([device, elderly]) => `${device}${elderly ? ', elderly' : ''}`);
    lines.push(`| page | ${header.join(' | ')} |`, `|---|${header.map(() => '---|').join('')}`);
    for (const name of [...new Set(mine.map((shot) => shot.page))]) {
      const title = titles[name as RouteName] ?? name;
      const cell = (device: string, elderly: boolean) => {
        const shot = mine.find((s) => s.page === name && s.device === device && s.elderly === elderly);
        const alt = `${title}（${device === 'phone' ? '手机' : '电脑'}${elderly ? '，长辈模式' : ''}）`;
        return shot ? `<img src="${shot.file}" width="${device === 'phone' ? 150 : 320}" alt="${alt}">` : '';
      };
      lines.push(`| ${title} | ${columns.map(([device, elderly]) => cell(device, elderly)).join(' | ')} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
