import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserApp, startBrowserApp } from './browser';
import { measureLayoutShifts, signedInStorage } from './layout-shift';

/**
 * Layout shift of a cold load under Lighthouse's mobile emulation (layout-shift.ts), against
 * the "good" bound of 0.1 (Lighthouse counts the worst burst; this sums every shift, so it is
 * the stricter of the two). 生育登记 as a signed-in family scored CLS 0.237 in the Lighthouse
 * bench (decision 0031, 2026-12-01 evening): the viewport was briefly shorter than wide during
 * the load, Taro's root-font script sized the rem from the short side and corrected it 500 ms
 * later, with the page drawn (0.237 here too); and Taro's h5 navigation bar stood 24 px above
 * the first page until that page hid it (0.029 on every page). What moved is in the message.
 */
let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp('layout-shift');
});
afterAll(async () => app?.close());

describe('layout shift on a cold load (Lighthouse mobile emulation)', () => {
  it('生育登记, signed in with registrations: CLS ≤ 0.1', async () => {
    const { cls, shifts } = await measureLayoutShifts(app.browser, {
      origin: app.runtime.webUrl,
      url: `${app.runtime.webUrl}/#/packages/family/pages/registration/index`,
      storage: await signedInStorage(app.runtime.apiUrl, 'family-11'),
      settled: '#my-registration-0',
      squeeze: { height: 360, holdMs: 600 },
    });
    const moved = shifts.map((s) => `${s.value.toFixed(3)}: ${s.sources.map((x) => x.node).join(', ')}`);
    expect(cls, `shifts: ${moved.join('; ')}`).toBeLessThanOrEqual(0.1);
  });
});
