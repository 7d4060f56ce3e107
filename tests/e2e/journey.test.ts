import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultH5Directory, type LocalRuntime, startLocalRuntime } from '../../local/runtime';

/**
 * A person's first visit, in headless Debian chromium at phone size, against the
 * local h5 build served by the real local runtime: home → 我的 → privacy → dev
 * sign-in → 我的 → 长辈模式. Screenshots go to test-results/.
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
  dataDir = mkdtempSync(join(tmpdir(), 'hongjia-e2e-'));
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

/** Waits until the page the person sees (the one at the centre of the screen) is `path`. */
async function onPage(path: string) {
  await page.waitForURL(new RegExp(path.replace(/\//g, '\\/')));
  await page.waitForFunction(
    (target) =>
      document.elementFromPoint(187, 300)?.closest('.taro_page')?.id.startsWith(`/${target}`) ?? false,
    path,
  );
}

/** Screenshots after page transitions have finished, so each shows one settled page. */
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
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

async function fontSizePx(selector: string): Promise<number> {
  const element = visible(selector);
  await element.waitFor({ state: 'visible' });
  return element.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize));
}

describe('first visit in the h5 app', () => {
  it('opens the home page with the four services and the privacy guideline', async () => {
    await page.goto(`${runtime.webUrl}/#/pages/index/index`);
    for (const name of ['生育登记', '证件查询', '托育服务', '特殊家庭帮扶']) {
      await expect(page.getByText(name, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    await page.locator('#privacy-gate').waitFor({ state: 'visible' });
    await shot('01-home-privacy');
    await visible('#privacy-agree').click();
    await page.locator('#privacy-gate').waitFor({ state: 'detached' });
    await shot('02-home');
  });

  it('signs in a new family through the dev sign-in screen and records the privacy consent', async () => {
    await page.getByText('我的', { exact: true }).last().click();
    await visible('#me-sign-in').click();
    await onPage('pages/login/index');
    await visible('#login-openid input').fill(`e2e-family-${Date.now()}`);
    const consent = page.waitForResponse(
      (response) => response.url().endsWith('/v1/me/consents') && response.request().method() === 'POST',
    );
    await visible('#login-submit').click();
    await onPage('pages/me/index');
    await expect(visible('#me-roles').textContent()).resolves.toContain('家庭用户');
    expect((await consent).status()).toBe(201);
    await shot('03-me-family');
  });

  it('shows staff of 东湖区 their district after signing in as dev:staff-360102', async () => {
    await visible('#me-sign-out').click();
    await visible('#me-sign-in').click();
    await onPage('pages/login/index');
    await visible('#login-as-staff-360102').click();
    await onPage('pages/me/index');
    await expect(visible('#me-district').textContent()).resolves.toContain('东湖区');
    await shot('04-me-staff');
  });

  it('switches elderly mode on: larger text and tap targets on 我的 and the home page', async () => {
    const normalTitle = await fontSizePx('#page-me .title');
    await visible('#me-elderly').click();
    await page.locator('#page-me.elderly').waitFor({ state: 'visible' });
    // SPEC C5 at 375 CSS px: body ≥ 18 pt (24 px), key text ≥ 30 pt (40 px), targets ≥ 60 px.
    expect(await fontSizePx('#page-me .text')).toBeGreaterThanOrEqual(24);
    expect(await fontSizePx('#page-me .title')).toBeGreaterThanOrEqual(40);
    expect(await fontSizePx('#page-me .title')).toBeGreaterThan(normalTitle);
    const signOut = await visible('#me-sign-out').boundingBox();
    expect(signOut?.height ?? 0).toBeGreaterThanOrEqual(60);
    await shot('05-me-elderly');

    await page.getByText('首页', { exact: true }).last().click();
    await page.locator('#page-home.elderly').waitFor({ state: 'visible' });
    expect(await fontSizePx('#page-home .service-card__name')).toBeGreaterThanOrEqual(40);
    const card = await visible('#service-childcare').boundingBox();
    expect(card?.height ?? 0).toBeGreaterThanOrEqual(60);
    await shot('06-home-elderly');
  });

  it('keeps elderly mode after a reload', async () => {
    await page.reload();
    await page.locator('#page-home.elderly').waitFor({ state: 'visible' });
    expect(await fontSizePx('#page-home .service-card__name')).toBeGreaterThanOrEqual(40);
  });
});
