import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../miniapp/src/config/routes';
import { type BrowserApp, startBrowserApp } from './browser';
import { roles, visitsOf } from './page-plan';
import { openAs, type RoleContext } from './roles';
import { visit } from './visit';

/**
 * SPEC C5's elderly-mode numbers (适老化, MIIT 2021), measured from computed styles in the
 * browser on a 375-px phone, on every page of routes.ts as each person who opens it
 * (page-plan.ts, as accessibility.test.ts): body text ≥ 18 pt (24 CSS px), key text (titles,
 * primary buttons, service names, tab labels) ≥ 30 pt (40 px), line spacing ≥ 1.3, text contrast
 * ≥ 4.5:1 against the background it sits on, tap targets (buttons, links, cells, switches,
 * chips, checkboxes) ≥ 60×60 px. Then Taro's h5 modal and toast, and the keyboard: on a form
 * page Tab visits the controls in the order they stand on the page. One browser, one sign-in
 * per person, pages in turn by hash change.
 */
let app: BrowserApp;
let family: RoleContext;
const startedAt = Date.now();

beforeAll(async () => {
  app = await startBrowserApp('elderly');
  family = await openAs(app.browser, app.runtime, 'member-360102');
  await family.setElderly(true);
});
afterAll(async () => {
  await family?.context.close();
  await app?.close();
  console.log(`elderly-mode.test.ts: ${((Date.now() - startedAt) / 1000).toFixed(1)} s wall`);
});

/** SPEC C5 in CSS px on a 375-px phone, 1 pt = 4/3 CSS px (decision 0031): 80/48 design px in the styles. */
const bodyPx = 24; // 18 pt
const keyPx = 40; // 30 pt
const minLineRatio = 1.3;
const minContrast = 4.5;
const targetPx = 60;

/** What falls short on the shown page, one line per miss: selector-ish description and its size. */
interface Misses {
  small: string[];
  tight: string[];
  faint: string[];
  smallKey: string[];
  tiny: string[];
  /** How much was measured: a page with nothing measured would pass every check. */
  counted: { texts: number; targets: number };
}

/**
 * One evaluate per page: every visible text run of the shown page (size, line spacing,
 * contrast on the first opaque background behind it), key text, the tab bar's labels when it
 * shows, and every control a finger taps.
 */
function measure(
  page: Page,
  limits: { bodyPx: number; keyPx: number; minLineRatio: number; minContrast: number; targetPx: number },
): Promise<Misses> {
  return page.evaluate((limit) => {
    const none: Misses = {
      small: [],
      tight: [],
      faint: [],
      smallKey: [],
      tiny: [],
      counted: { texts: 0, targets: 0 },
    };
    const shown = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).find(
      (p) => getComputedStyle(p).display !== 'none' && p.getBoundingClientRect().width > 0,
    );
    if (!shown) return none;
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
    /** A selector a reader can find in the CSS: id, else the element's classes. */
    const name = (element: Element) => {
      const classes = Array.from(element.classList)
        .filter((c) => !c.startsWith('taro') && !c.startsWith('hydrated'))
        .map((c) => `.${c}`)
        .join('');
      const host = element.id ? `#${element.id}` : classes || element.tagName.toLowerCase();
      const within = element.id ? '' : element.closest('[id]')?.id;
      return within ? `#${within} ${host}` : host;
    };
    const visible = (element: HTMLElement) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return (
        box.width > 0 &&
        box.height > 0 &&
        style.visibility !== 'hidden' &&
        !element.closest('[aria-hidden="true"]')
      );
    };
    const out = none;
    const walker = document.createTreeWalker(shown, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const element = node.parentElement;
      if (!text || !element || !visible(element)) continue;
      const style = getComputedStyle(element);
      const fontPx = Number.parseFloat(style.fontSize);
      const line = style.lineHeight === 'normal' ? fontPx * 1.2 : Number.parseFloat(style.lineHeight);
      const fg = luminance(rgba(style.color));
      const bg = luminance(background(element));
      const contrast = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const what = `${name(element)} "${text.slice(0, 12)}"`;
      out.counted.texts++;
      if (fontPx < limit.bodyPx) out.small.push(`${what}: ${fontPx}px`);
      if (line / fontPx < limit.minLineRatio) out.tight.push(`${what}: ${(line / fontPx).toFixed(2)}`);
      if (contrast < limit.minContrast) out.faint.push(`${what}: ${contrast.toFixed(2)}:1`);
    }
    // Key text: titles, primary buttons, 首页's service names; the tab bar's labels (outside the page) when it shows.
    const key = [
      ...Array.from(
        shown.querySelectorAll<HTMLElement>(
          '.elderly .title, .elderly .btn--primary, .elderly .service-card__name',
        ),
      ),
      ...Array.from(document.querySelectorAll<HTMLElement>('.weui-tabbar__label')),
    ];
    for (const element of key) {
      if (!visible(element)) continue;
      const px = Number.parseFloat(getComputedStyle(element).fontSize);
      if (px < limit.keyPx)
        out.smallKey.push(`${name(element)} "${(element.textContent ?? '').trim().slice(0, 12)}": ${px}px`);
    }
    const targets = shown.querySelectorAll<HTMLElement>(
      '[role="button"], [role="link"], [role="checkbox"], [role="switch"], taro-button-core, taro-switch-core, taro-checkbox-core, a, .chip, .cell--link',
    );
    for (const element of Array.from(targets)) {
      if (!visible(element)) continue;
      const box = element.getBoundingClientRect();
      out.counted.targets++;
      if (box.width < limit.targetPx || box.height < limit.targetPx)
        out.tiny.push(
          `${name(element)} "${(element.textContent ?? '').trim().slice(0, 12)}": ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return out;
  }, limits);
}

const limits = { bodyPx, keyPx, minLineRatio, minContrast, targetPx };

function report(where: string, misses: Misses): string[] {
  const lines: string[] = [];
  const add = (what: string, list: string[]) => {
    for (const miss of list) lines.push(`${where}: ${what} ${miss}`);
  };
  add(`text < ${bodyPx}px`, misses.small);
  add(`line spacing < ${minLineRatio}`, misses.tight);
  add(`contrast < ${minContrast}:1`, misses.faint);
  add(`key text < ${keyPx}px`, misses.smallKey);
  add(`target < ${targetPx}×${targetPx}`, misses.tiny);
  return lines;
}

describe('elderly mode by measure (SPEC C5)', () => {
  it('finds what it is there to find (a shrunken style fails every check)', async () => {
    // Without this, a measurement that matched nothing would pass every page.
    const { page } = family;
    await visit(page, app.runtime.webUrl, routes.me);
    await page.locator('.page.elderly').filter({ visible: true }).first().waitFor();
    await page.addStyleTag({
      content:
        '.elderly .text, .elderly .title, .elderly .cell__title { font-size: 10px !important; line-height: 1 !important; color: #bbb !important }' +
        ' .elderly .btn, .elderly .cell { min-height: 0 !important; height: 30px !important }' +
        ' .weui-tabbar__label { font-size: 10px !important }',
    });
    try {
      const misses = await measure(page, limits);
      expect(misses.small.length, 'small text found').toBeGreaterThan(0);
      expect(misses.tight.length, 'tight lines found').toBeGreaterThan(0);
      expect(misses.faint.length, 'faint text found').toBeGreaterThan(0);
      expect(misses.smallKey.length, 'small key text found').toBeGreaterThan(0);
      expect(misses.tiny.length, 'small targets found').toBeGreaterThan(0);
    } finally {
      // A reload drops the injected style (setElderly reloads).
      await family.setElderly(true);
    }
  });

  for (const role of roles) {
    it(`${role.label} (${role.name}): every page — text ≥ 24 px, key text ≥ 40 px, line spacing ≥ 1.3, contrast ≥ 4.5:1, targets ≥ 60×60`, async () => {
      const person =
        role.openid === 'member-360102' ? family : await openAs(app.browser, app.runtime, role.openid);
      const lines: string[] = [];
      const blank: string[] = [];
      try {
        const { page } = person;
        if (!role.openid) {
          await page.locator('#privacy-agree').filter({ visible: true }).first().click();
        }
        if (person !== family) await person.setElderly(true);
        const visits = await visitsOf(role, app.runtime.apiUrl, person.token);
        for (const { name, path } of visits) {
          await visit(page, app.runtime.webUrl, path);
          await page.locator('.page.elderly').filter({ visible: true }).first().waitFor();
          const misses = await measure(page, limits);
          // A detail page opened without a record (this member has no certificate) shows nothing.
          if (misses.counted.texts === 0) blank.push(name);
          lines.push(...report(name, misses));
        }
        // Most pages must have had something to measure, or a broken measurement passes.
        expect(blank.length, `pages with no text: ${blank.join(', ')}`).toBeLessThan(visits.length / 4);
      } finally {
        if (person !== family) await person.context.close();
      }
      expect(lines, lines.join('\n')).toEqual([]);
    }, 300_000);
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

  it('enlarges the h5 toast (Taro.showToast) too: its title is key text, ≥ 40 px, on one line', async () => {
    // A real toast from a real write: 特殊家庭帮扶's sharing consent, switched and confirmed,
    // answers 已同意 (or 已撤回) as a toast. Last of the page checks: it changes the member's consent.
    const { page } = family;
    await visit(page, app.runtime.webUrl, routes.specialAssistance);
    // Measured the moment taro-h5 puts the toast in, whatever its opacity or how soon it goes.
    await page.evaluate(() => {
      const seen: { text: string; fontPx: number; lineRatio: number; lines: number }[] = [];
      (window as unknown as { toasts: typeof seen }).toasts = seen;
      const measure = () => {
        const title = document.querySelector<HTMLElement>('.taro__toast > div:last-child > p:last-child');
        if (!title?.textContent) return;
        const style = getComputedStyle(title);
        const fontPx = Number.parseFloat(style.fontSize);
        const line = Number.parseFloat(style.lineHeight);
        seen.push({
          text: title.textContent,
          fontPx,
          lineRatio: line / fontPx,
          lines: Math.round(title.getBoundingClientRect().height / line),
        });
      };
      new MutationObserver(measure).observe(document.body, { childList: true, subtree: true });
    });
    // The switch is disabled until the member's consents are read: press until the dialog asks.
    const confirmButton = page.locator('#special-sharing-dialog-confirm').filter({ visible: true }).first();
    for (let tries = 0; tries < 5 && !(await confirmButton.isVisible()); tries++) {
      await page.locator('#special-sharing-switch').filter({ visible: true }).first().click();
      await confirmButton.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await confirmButton.click();
    // The write shows Taro's loading toast (加载中, api/loading.ts) first, in the same element.
    await page.waitForFunction(
      () =>
        (window as unknown as { toasts: { text: string }[] }).toasts.some((t) =>
          /^已(同意|撤回)$/.test(t.text),
        ) || Array.from(document.querySelectorAll('[id="special-sharing-error"]')).some((e) => e.textContent),
      undefined,
      { timeout: 15_000 },
    );
    const refused = await page.locator('#special-sharing-error').filter({ visible: true }).allTextContents();
    expect(refused, 'the consent write failed').toEqual([]);
    const seen = await page.evaluate(
      () =>
        (
          window as unknown as {
            toasts: { text: string; fontPx: number; lineRatio: number; lines: number }[];
          }
        ).toasts,
    );
    const sizes = seen.find((t) => /^已(同意|撤回)$/.test(t.text));
    if (!sizes) throw new Error(`no toast of the write, only: ${seen.map((t) => t.text).join(', ')}`);
    // Every toast shown on the way, the loading one included, is key text.
    for (const shown of seen) expect(shown.fontPx, `toast "${shown.text}"`).toBeGreaterThanOrEqual(keyPx);
    expect(sizes.text).toMatch(/^已(同意|撤回)$/);
    expect(sizes.fontPx, 'toast title').toBeGreaterThanOrEqual(keyPx);
    expect(sizes.lineRatio, 'toast line spacing').toBeGreaterThanOrEqual(minLineRatio);
    expect(sizes.lines, 'toast title on one line').toBe(1);
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
