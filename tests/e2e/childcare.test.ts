import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultH5Directory, type LocalRuntime, startLocalRuntime } from '../../local/runtime';

/**
 * A family finds childcare and books it, in headless Debian chromium at phone
 * size against the local h5 build and the real local runtime (seeded city):
 * 托育服务 → 红谷滩区 → detail → book → 我的预约 → cancel. Screenshots in test-results/.
 */
const screenshots = resolve('test-results');
let runtime: LocalRuntime;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(join(defaultH5Directory, 'index.html'))) {
    throw new Error(
      'No h5 build in miniapp/dist/h5: run `npm run build:h5:local -w miniapp` (npm test does).',
    );
  }
  mkdirSync(screenshots, { recursive: true });
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  dataDir = mkdtempSync(join(tmpdir(), 'hongjia-e2e-childcare-'));
  runtime = await startLocalRuntime({ dataDir, port: 0, webPort: 0 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await runtime?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Taro's h5 router keeps earlier pages in the DOM (hidden): act only on what the person sees. */
const visible = (selector: string) => page.locator(selector).filter({ visible: true }).first();

/** Waits until the page at the centre of the screen is `path`. */
async function onPage(path: string) {
  await page.waitForURL(new RegExp(path.replace(/\//g, '\\/')));
  await page.waitForFunction(
    (target) =>
      document.elementFromPoint(187, 300)?.closest('.taro_page')?.id.startsWith(`/${target}`) ?? false,
    path,
  );
}

async function shot(name: string) {
  // allSettled: an animation cancelled midway rejects its `finished` promise.
  await page.evaluate(() =>
    Promise.allSettled(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished),
    ),
  );
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: false });
}

/** Today minus `years`, as YYYY-MM-DD in China time. */
function yearsAgo(years: number): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  now.setUTCFullYear(now.getUTCFullYear() - years);
  return now.toISOString().slice(0, 10);
}

describe('childcare in the h5 app', () => {
  it('signs in a new family', async () => {
    await page.goto(`${runtime.webUrl}/#/pages/index/index`);
    await visible('#privacy-agree').click();
    await page.getByText('我的', { exact: true }).last().click();
    await visible('#me-sign-in').click();
    await onPage('pages/login/index');
    await visible('#login-openid input').fill(`e2e-childcare-${Date.now()}`);
    await visible('#login-submit').click();
    await onPage('pages/me/index');
    await visible('#me-bookings').waitFor();
  });

  it('finds institutions near the 红谷滩区 centre without asking for location', async () => {
    await page.getByText('首页', { exact: true }).last().click();
    await visible('#service-childcare').click();
    await visible('#origin-picker').waitFor();
    await shot('10-childcare-origin');
    await visible('#district-360113').click();
    await visible('#result-0').waitFor();
    await expect(visible('#result-0').textContent()).resolves.toMatch(/(\d+ ?米|\d+(\.\d+)? ?公里)/);
    await shot('11-childcare-results');
  });

  it('opens the nearest institution and books a 托大班 place for a two-year-old', async () => {
    await visible('#result-0').click();
    await visible('#institution-slots').waitFor();
    await shot('12-institution-detail');
    const slot = page.locator('[aria-label^="预约托大班"]').filter({ visible: true }).first();
    await slot.click();
    await visible('#book-child-name input').fill('小明');
    await visible('#book-birth-date input').fill(yearsAgo(2));
    await visible('#book-phone input').fill('13800138000');
    await expect(visible('#book-class-hint').textContent()).resolves.toContain('托大班');
    await visible('#book-consent').click();
    await shot('13-booking-form');
    const created = page.waitForResponse(
      (response) =>
        /\/v1\/childcare\/slots\/[^/]+\/bookings$/.test(response.url()) &&
        response.request().method() === 'POST',
    );
    await visible('#book-submit').click();
    expect((await created).status()).toBe(201);
    await expect(visible('#book-result-title').textContent()).resolves.toMatch(/预约成功|已进入候补/);
    await shot('14-booking-result');
  });

  it('shows the booking in 我的预约 and cancels it', async () => {
    await visible('#book-go-bookings').click();
    await visible('[id^="booking-cancel-"]').waitFor();
    await expect(visible('[id^="booking-status-"]').textContent()).resolves.toMatch(/已确认|候补/);
    await shot('15-my-bookings');
    await visible('[id^="booking-cancel-"]').click();
    await visible('#cancel-dialog-confirm').click();
    await expect
      .poll(async () => visible('[id^="booking-status-"]').textContent(), { timeout: 10_000 })
      .toContain('已取消');
    await shot('16-my-bookings-cancelled');
  });
});
