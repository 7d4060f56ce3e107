import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultH5Directory, type LocalRuntime, startLocalRuntime } from '../../local/runtime';
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

/** The phone every journey runs on (a 375-px-wide iPhone-sized screen). */
export const phone = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
} as const;

/** A desk: the staff console width (and what a family sees on a laptop). */
export const desktop = {
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
  locale: 'zh-CN',
} as const;

/** The local runtime on a copy of the seeded city, serving the h5 build, and one browser. */
export interface BrowserApp {
  runtime: LocalRuntime & { webUrl: string };
  browser: Browser;
  close(): Promise<void>;
}

/**
 * `template`: the seeded city to copy, for a script outside vitest (which provides it to tests):
 * `ensureSeededTemplate()` of tests/seeded-city, cached by source hash and day.
 */
export async function startBrowserApp(
  name: string,
  { template }: { template?: string } = {},
): Promise<BrowserApp> {
  if (!existsSync(join(defaultH5Directory, 'index.html'))) {
    throw new Error(
      'No h5 build in miniapp/dist/h5: run `npm run build:h5:local -w miniapp` (npm test does).',
    );
  }
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  let dataDir: string;
  if (template) {
    dataDir = mkdtempSync(join(tmpdir(), `hongjia-e2e-${name}-`));
    cpSync(template, dataDir, { recursive: true });
  } else {
    // Imported only here: it reads vitest's provided context, which a script outside vitest has not.
    dataDir = (await import('../seeded-city/fresh-data-dir')).freshSeededDataDir(`hongjia-e2e-${name}-`);
  }
  const runtime = await startLocalRuntime({ dataDir, port: 0, webPort: 0 });
  const browser: Browser = await launchChromium();
  const { webUrl } = runtime;
  if (!webUrl) throw new Error('the local runtime serves no h5 app');
  return {
    runtime: Object.assign(runtime, { webUrl }),
    browser,
    async close() {
      await browser.close();
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The screen a journey runs on: a phone unless it says otherwise (the staff console: a desk). */
export type Screen = typeof phone | typeof desktop;

export async function startJourney(name: string, screen: Screen = phone): Promise<Journey> {
  mkdirSync(screenshots, { recursive: true });
  const app = await startBrowserApp(name);
  const { runtime, browser } = app;
  const context: BrowserContext = await browser.newContext(screen);
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
      await app.close();
    },
  };
}
