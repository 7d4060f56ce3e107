import { privacyPolicyVersion } from '@hongjia/shared';
import type { Browser } from 'playwright-core';

/**
 * Cumulative layout shift of one cold page load, under Lighthouse 12's mobile emulation
 * (Moto G Power: 412×823 CSS px at 1.75 device pixels, a touch phone, 4× CPU slowdown through
 * CDP), as the Lighthouse bench measures it (scripts/bench/lighthouse.ts): the person's session
 * already in storage, the page loaded from nothing. Returns every `layout-shift` entry with
 * what moved (the node's id/class and its rectangles before and after), to find the cause.
 */
export const lighthouseMobile = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  // Lighthouse 12's emulated phone (constants.js `userAgents.mobile`).
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36',
} as const;

export interface ShiftSource {
  node: string;
  previousRect: { x: number; y: number; width: number; height: number };
  currentRect: { x: number; y: number; width: number; height: number };
}

export interface Shift {
  value: number;
  startTime: number;
  hadRecentInput: boolean;
  sources: ShiftSource[];
}

/** Records every layout-shift entry (and what moved) in `window.__shifts`. */
const observeShifts = `
  (() => {
    const shifts = [];
    window.__shifts = shifts;
    const describe = (node) => {
      if (!node) return '(gone)';
      if (!(node instanceof Element)) return 'text in ' + describe(node.parentElement);
      const cls = typeof node.className === 'string' ? node.className.trim().split(/\\s+/).slice(0, 3).join('.') : '';
      return node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + (cls ? '.' + cls : '');
    };
    const rect = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        shifts.push({
          value: entry.value,
          startTime: entry.startTime,
          hadRecentInput: entry.hadRecentInput,
          sources: entry.sources.map((s) => ({
            node: describe(s.node),
            previousRect: rect(s.previousRect),
            currentRect: rect(s.currentRect),
          })),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  })();
`;

/**
 * What a cold page load finds in storage (this check and the Lighthouse bench): the privacy
 * choice, and a session when signed in, so the page under test draws its real content.
 */
export async function signedInStorage(apiUrl: string, openid?: string): Promise<Record<string, unknown>> {
  const storage: Record<string, unknown> = { 'hongjia.privacy.agreedVersion': privacyPolicyVersion };
  if (!openid) return storage;
  const response = await fetch(`${apiUrl}/v1/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: `dev:${openid}` }),
  });
  if (!response.ok) throw new Error(`sign-in as ${openid}: ${response.status}`);
  const session = (await response.json()) as { token: string };
  const consent = await fetch(`${apiUrl}/v1/me/consents`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${session.token}`,
      'idempotency-key': `privacy-consent-${openid}`,
    },
    body: JSON.stringify({ kind: 'privacy_policy' }),
  });
  if (!consent.ok) throw new Error(`consent of ${openid}: ${consent.status}`);
  storage['hongjia.session'] = session;
  return storage;
}

/**
 * Loads `url` cold in a fresh context with `storage`, waits until `settled` is visible and
 * `quietMs` passed without a shift, and returns the shifts; `cls` sums them all (Lighthouse
 * reports the worst 5-s window of those not after input, never more than this sum).
 */
export async function measureLayoutShifts(
  browser: Browser,
  {
    origin,
    url,
    storage,
    settled,
    squeeze,
    quietMs = 1500,
  }: {
    origin: string;
    url: string;
    storage: Record<string, unknown>;
    settled: string;
    /**
     * Shrink the viewport to `height` as soon as the first page is in the DOM, until `settled`
     * shows and `holdMs` more, then give the full height back:
     * what a soft keyboard, a WebView's toolbar or a turn to landscape does, and what
     * Lighthouse's screen emulation did to the bench's tab during its loads (the resize
     * itself is not counted by CLS; what the page moves afterwards is).
     */
    squeeze?: { height: number; holdMs: number };
    quietMs?: number;
  },
): Promise<{ cls: number; shifts: Shift[] }> {
  const context = await browser.newContext(lighthouseMobile);
  try {
    await context.addInitScript(
      ({ origin: o, entries }) => {
        if (location.origin !== o || sessionStorage.getItem('hongjia.test.seeded')) return;
        sessionStorage.setItem('hongjia.test.seeded', '1');
        for (const [key, value] of Object.entries(entries))
          localStorage.setItem(key, JSON.stringify({ data: value }));
      },
      { origin, entries: storage },
    );
    // Plain source, not a function: tsx/esbuild would wrap named inner functions in a `__name`
    // helper the page does not have.
    await context.addInitScript({ content: observeShifts });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: squeeze ? 'commit' : 'load' });
    if (squeeze) {
      // The viewport is briefly shorter than it is wide while the first page is built.
      await page.locator('.taro_page').first().waitFor({ state: 'attached' });
      await page.setViewportSize({ width: lighthouseMobile.viewport.width, height: squeeze.height });
      // Until the page has drawn its content at that size (and Taro's 500-ms re-check ran).
      await page.locator(settled).filter({ visible: true }).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(squeeze.holdMs);
      await page.setViewportSize(lighthouseMobile.viewport);
    }
    await page.locator(settled).filter({ visible: true }).first().waitFor({ timeout: 60_000 });
    // Settled: no new shift for quietMs.
    let count = -1;
    for (;;) {
      const now = await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts.length);
      if (now === count) break;
      count = now;
      await page.waitForTimeout(quietMs);
    }
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
    // Every shift: nothing here is user input, but Chrome flags shifts up to 500 ms after a
    // viewport resize emulated through CDP as `hadRecentInput`, and Taro's re-check comes at
    // 500 ms; in the bench's tab the same correction counted (0.237).
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    return { cls, shifts };
  } finally {
    await context.close();
  }
}
