import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../miniapp/src/config/routes';
import { type BrowserApp, startBrowserApp } from './browser';
import { openAs, type RoleContext } from './roles';
import { visit } from './visit';

/**
 * SPEC C5's elderly-mode numbers (适老化, MIIT 2021), measured from computed styles in the
 * browser on a 375-px phone: body text ≥ 18 pt (24 CSS px), key text (titles, primary
 * buttons, service names) ≥ 30 pt (40 px), line spacing ≥ 1.3, text contrast ≥ 4.5:1 against
 * the background it sits on, tap targets ≥ 60×60 px. Then the keyboard: on a form page Tab
 * visits the controls in the order they stand on the page.
 */
let app: BrowserApp;
let family: RoleContext;

beforeAll(async () => {
  app = await startBrowserApp('elderly');
  family = await openAs(app.browser, app.runtime, 'member-360102');
  await family.setElderly(true);
});
afterAll(async () => {
  await family?.context.close();
  await app?.close();
});

interface Measured {
  what: string;
  fontPx: number;
  lineRatio: number;
  contrast: number;
}

/** Every visible text run of the shown page: its size, line spacing and contrast on its background. */
function measureText(page: Page): Promise<Measured[]> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find(
      (p) => getComputedStyle(p).display !== 'none' && p.getBoundingClientRect().width > 0,
    );
    if (!shown) return [];
    const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (element: Element | null): number[] => {
      for (let at = element; at; at = at.parentElement) {
        const [r = 0, g = 0, b = 0, a = 1] = rgba(getComputedStyle(at).backgroundColor);
        if (getComputedStyle(at).backgroundColor !== 'rgba(0, 0, 0, 0)' && a > 0.5) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const out: { what: string; fontPx: number; lineRatio: number; contrast: number }[] = [];
    const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const element = node.parentElement;
      if (!text || !element) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (
        box.width === 0 ||
        box.height === 0 ||
        style.visibility === 'hidden' ||
        element.closest('[aria-hidden="true"]')
      )
        continue;
      const fontPx = Number.parseFloat(style.fontSize);
      const line = style.lineHeight === 'normal' ? fontPx * 1.2 : Number.parseFloat(style.lineHeight);
      const fg = luminance(rgba(style.color));
      const bg = luminance(background(element));
      const contrast = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const id = element.id || element.closest('[id]')?.id || '';
      out.push({
        what: `${id} ${element.className} "${text.slice(0, 16)}"`,
        fontPx,
        lineRatio: line / fontPx,
        contrast,
      });
    }
    return out;
  });
}

/** The size of every visible control a finger taps: buttons, links, switches, chips. */
function measureTargets(page: Page): Promise<{ what: string; width: number; height: number }[]> {
  return page.evaluate(() => {
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find(
      (p) => getComputedStyle(p).display !== 'none' && p.getBoundingClientRect().width > 0,
    );
    if (!shown) return [];
    return Array.from(
      shown.querySelectorAll<HTMLElement>('[role="button"], taro-button-core, taro-switch-core, a'),
    )
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
      .map(({ element, box }) => ({
        what: `${element.id || element.className} "${(element.textContent ?? '').trim().slice(0, 12)}"`,
        width: Math.round(box.width),
        height: Math.round(box.height),
      }));
  });
}

/** Pages a family opens most, one of each kind: a menu, a list, a form, a search. */
const pages = [routes.home, routes.me, routes.registrationForm, routes.childcare, routes.specialAssistance];

describe('elderly mode by measure (SPEC C5)', () => {
  for (const path of pages) {
    it(`${path}: text ≥ 24 px (key text ≥ 40 px), line spacing ≥ 1.3, contrast ≥ 4.5:1, targets ≥ 60×60`, async () => {
      await visit(family.page, app.runtime.webUrl, path);
      await family.page.locator('.page.elderly').filter({ visible: true }).first().waitFor();
      const texts = await measureText(family.page);
      expect(texts.length).toBeGreaterThan(0);
      const small = texts.filter((t) => t.fontPx < 24).map((t) => `${t.what}: ${t.fontPx}px`);
      const tight = texts.filter((t) => t.lineRatio < 1.3).map((t) => `${t.what}: ${t.lineRatio.toFixed(2)}`);
      const faint = texts.filter((t) => t.contrast < 4.5).map((t) => `${t.what}: ${t.contrast.toFixed(2)}:1`);
      expect(small, 'body text under 18 pt').toEqual([]);
      expect(tight, 'line spacing under 1.3').toEqual([]);
      expect(faint, 'contrast under 4.5:1').toEqual([]);

      const key = await family.page.evaluate(() =>
        Array.from(
          document.querySelectorAll<HTMLElement>(
            '.page.elderly .title, .page.elderly .btn--primary, .page.elderly .service-card__name',
          ),
        )
          .filter((element) => element.getBoundingClientRect().width > 0)
          .map((element) => ({
            what: `${element.id || element.className} "${(element.textContent ?? '').trim().slice(0, 12)}"`,
            px: Number.parseFloat(getComputedStyle(element).fontSize),
          })),
      );
      const smallKey = key.filter((k) => k.px < 40).map((k) => `${k.what}: ${k.px}px`);
      expect(smallKey, 'key text under 30 pt').toEqual([]);

      const targets = await measureTargets(family.page);
      expect(targets.length).toBeGreaterThan(0);
      const tiny = targets
        .filter((t) => t.width < 60 || t.height < 60)
        .map((t) => `${t.what}: ${t.width}×${t.height}`);
      expect(tiny, 'tap targets under 60×60').toEqual([]);
    });
  }

  it('enlarges the h5 modal (Taro.showModal) too: title and buttons ≥ 40 px, message ≥ 24 px', async () => {
    const { page } = family;
    await visit(page, app.runtime.webUrl, routes.me);
    await page.locator('#me-sign-out').filter({ visible: true }).first().click();
    const modal = page.locator('.taro-modal__content').filter({ visible: true }).first();
    await modal.waitFor();
    const sizes = await modal.evaluate((content) => {
      const of = (selector: string) => {
        const element = content.querySelector<HTMLElement>(selector);
        if (!element) return { fontPx: 0, lineRatio: 0, height: 0, color: '' };
        const style = getComputedStyle(element);
        const fontPx = Number.parseFloat(style.fontSize);
        return {
          fontPx,
          lineRatio: Number.parseFloat(style.lineHeight) / fontPx,
          height: element.getBoundingClientRect().height,
          color: style.color,
        };
      };
      return {
        title: of('.taro-modal__title'),
        text: of('.taro-modal__text'),
        cancel: of('.taro-model__cancel'),
        confirm: of('.taro-model__confirm'),
      };
    });
    // Cancel, so the family stays signed in for what follows.
    await page.locator('.taro-model__cancel').filter({ visible: true }).first().click();
    expect(sizes.title.fontPx, 'modal title').toBeGreaterThanOrEqual(40);
    expect(sizes.text.fontPx, 'modal message').toBeGreaterThanOrEqual(24);
    expect(sizes.text.lineRatio, 'modal message line spacing').toBeGreaterThanOrEqual(1.3);
    // #1a1a1a on white, 17.4:1 (Taro's own #808080 is 3.9:1).
    expect(sizes.text.color).toBe('rgb(26, 26, 26)');
    for (const button of [sizes.cancel, sizes.confirm]) {
      expect(button.fontPx, 'modal button text').toBeGreaterThanOrEqual(40);
      expect(button.height, 'modal button height').toBeGreaterThanOrEqual(60);
    }
  });

  it('moves the keyboard focus through a form in the order of the page', async () => {
    const { page } = family;
    await visit(page, app.runtime.webUrl, routes.registrationForm);
    await page.locator('.page.elderly').filter({ visible: true }).first().waitFor();
    // Start from the top of the page, then Tab through what follows.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const stops: { id: string; top: number; left: number }[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const page = element.closest('.taro_page');
        if (!page) return null; // the tab bar, after the page
        const box = element.getBoundingClientRect();
        const host = element.closest('[id]');
        return {
          id: host?.id ?? element.tagName,
          top: box.top + window.scrollY + (page.scrollTop ?? 0),
          left: box.left,
        };
      });
      if (!stop) break;
      stops.push(stop);
    }
    expect(stops.length, 'controls reached by Tab').toBeGreaterThanOrEqual(3);
    for (let i = 1; i < stops.length; i++) {
      const [before, after] = [stops[i - 1], stops[i]];
      if (!before || !after) continue;
      // Down the page, or along the same row left to right.
      const inOrder =
        after.top > before.top + 1 || (Math.abs(after.top - before.top) <= 1 && after.left > before.left);
      expect(inOrder, `focus went from ${before.id} to ${after.id} against the page order`).toBe(true);
    }
  });
});
