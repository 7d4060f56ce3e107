import type { Page } from 'playwright-core';

/**
 * Opens a page of the h5 app and waits until a person would see it finished: the page is the
 * one shown (Taro's h5 router keeps earlier pages in the DOM, hidden), its requests have been
 * answered, and its transition is over. A hash change within the loaded app (no reload), so a
 * tour of fifty pages pays for the app's scripts once.
 */
export async function visit(page: Page, webUrl: string, path: string): Promise<void> {
  const target = `${webUrl}/#${path}`;
  if (page.url().startsWith(webUrl)) {
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#${path}`);
  } else {
    await page.goto(target);
  }
  const pathname = path.split('?')[0] ?? path;
  await page.waitForFunction((want) => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
      (element) => element.offsetParent !== null || getComputedStyle(element).display !== 'none',
    );
    return shown.some((element) => element.id.startsWith(want));
  }, pathname);
  await settled(page);
}

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Counts the page's requests from now on, so `settled` can wait for answers. Once per page. */
export function trackRequests(page: Page): void {
  if (inFlight.has(page)) return;
  const open = new Set<unknown>();
  inFlight.set(page, open);
  page.on('request', (request) => open.add(request));
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
}

/** No request in flight for a short quiet spell (rendering follows an answer), then no animation running. */
export async function settled(page: Page, quietMs = 100): Promise<void> {
  trackRequests(page);
  const open = inFlight.get(page) ?? new Set();
  let quietSince = Date.now();
  for (;;) {
    await page.waitForTimeout(25);
    if (open.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) break;
  }
  // allSettled: an animation cancelled midway rejects its `finished` promise.
  await page.evaluate(() =>
    Promise.allSettled(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished),
    ),
  );
}
