import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { availableChromium, launchChromium } from './chromium';

/**
 * The journeys run wherever `npm ci` has run: each browser this machine can start (always
 * the npm one) opens a page and draws Chinese with a real font, not the missing-glyph box.
 */
describe.each(availableChromium())('the %s Chromium', (source) => {
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
  });

  it('starts and draws Chinese glyphs, not the missing-glyph box', async () => {
    browser = await launchChromium(source);
    const page = await browser.newPage();
    await page.setContent(
      '<html lang="zh-CN"><body><canvas id="c" width="64" height="64"></canvas></body></html>',
    );
    const drawn = await page.evaluate(() => {
      const canvas = document.getElementById('c') as HTMLCanvasElement;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      const pixels = (text: string) => {
        context.clearRect(0, 0, 64, 64);
        context.font = '48px sans-serif';
        context.fillText(text, 4, 52);
        return Array.from(context.getImageData(0, 0, 64, 64).data).join(',');
      };
      // U+E000 (private use) is in no font: whatever is drawn for it is the fallback.
      const missing = pixels('\uE000');
      return {
        hong: pixels('洪') !== missing,
        jia: pixels('家') !== missing,
        blank: pixels('洪') === pixels(' '),
      };
    });
    expect(drawn).toEqual({ hong: true, jia: true, blank: false });
  });
});
