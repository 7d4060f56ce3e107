import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultH5Directory, type LocalRuntime, startLocalRuntime } from '../../local/runtime';
import { freshSeededDataDir } from '../seeded-city/fresh-data-dir';
import { launchChromium } from './chromium';

/**
 * One browser journey: the real local runtime (dynalite, seeded city) serving
 * the local h5 build, and Chromium (chromium.ts) at phone size. Screenshots go to
 * test-results/.
 */
export interface Journey {
  runtime: LocalRuntime;
  page: Page;
  /** Taro's h5 router keeps earlier pages in the DOM (hidden): act only on what the person sees. */
  visible(selector: string): ReturnType<Page['locator']>;
  /** Waits until the page at the centre of the screen is `path` (transitions done). */
  onPage(path: string): Promise<void>;
  /** Screenshot once animations have settled. */
  shot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Privacy gate → 我的 → dev sign-in as `openid` → back on 我的. */
  signIn(openid: string): Promise<void>;
  close(): Promise<void>;
}

const screenshots = resolve('test-results');

/** The screen a journey runs on: a phone unless it says otherwise (the staff console: a 1280×800 desktop). */
export interface Screen {
  viewport: { width: number; height: number };
  isMobile: boolean;
}
const phone: Screen = { viewport: { width: 375, height: 812 }, isMobile: true };

export async function startJourney(name: string, screen: Screen = phone): Promise<Journey> {
  if (!existsSync(join(defaultH5Directory, 'index.html'))) {
    throw new Error(
      'No h5 build in miniapp/dist/h5: run `npm run build:h5:local -w miniapp` (npm test does).',
    );
  }
  mkdirSync(screenshots, { recursive: true });
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const dataDir = freshSeededDataDir(`hongjia-e2e-${name}-`);
  const runtime = await startLocalRuntime({ dataDir, port: 0, webPort: 0 });
  const browser: Browser = await launchChromium();
  const context: BrowserContext = await browser.newContext({
    viewport: screen.viewport,
    deviceScaleFactor: screen.isMobile ? 2 : 1,
    isMobile: screen.isMobile,
    hasTouch: screen.isMobile,
    locale: 'zh-CN',
  });
  const page = await context.newPage();

  const visible = (selector: string) => page.locator(selector).filter({ visible: true }).first();

  const onPage = async (path: string) => {
    await page.waitForURL(new RegExp(path.replace(/\//g, '\\/')));
    await page.waitForFunction(
      (target) =>
        document.elementFromPoint(187, 300)?.closest('.taro_page')?.id.startsWith(`/${target}`) ?? false,
      path,
    );
  };

  const shot = async (file: string, options: { fullPage?: boolean } = {}) => {
    // allSettled: an animation cancelled midway rejects its `finished` promise.
    await page.evaluate(() =>
      Promise.allSettled(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
          .map((animation) => animation.finished),
      ),
    );
    await page.screenshot({ path: join(screenshots, `${file}.png`), fullPage: options.fullPage ?? false });
  };

  const signIn = async (openid: string) => {
    await page.goto(`${runtime.webUrl}/#/pages/me/index`);
    await page.evaluate(() => localStorage.removeItem('hongjia.session'));
    await page.reload();
    const gate = visible('#privacy-agree');
    if (await gate.isVisible().catch(() => false)) await gate.click();
    await visible('#me-sign-in').click();
    await onPage('pages/login/index');
    await visible('#login-openid input').fill(openid);
    await visible('#login-submit').click();
    await onPage('pages/me/index');
  };

  return {
    runtime,
    page,
    visible,
    onPage,
    shot,
    signIn,
    async close() {
      await context.close();
      await browser.close();
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
