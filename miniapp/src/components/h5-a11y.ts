/**
 * What Taro's h5 components leave out for keyboard and screen-reader users (found by axe,
 * tests/e2e/accessibility.test.ts), made good in one place for every page:
 * - a form control (`taro-input-core`, `taro-switch-core`, `taro-textarea-core`…) renders a
 *   native <input>/<textarea> inside its custom element, and the `aria-label` we give the
 *   component stays on the outer element: the control itself had no name. The label is copied
 *   onto the native control whenever one appears or changes;
 * - each page scrolls inside its own container (`.taro_page`): a page of text only (the
 *   privacy guideline) gave the keyboard nothing to focus, so it could not be scrolled
 *   without a mouse (axe scrollable-region-focusable). The container is a tab stop;
 * - a tappable View or Button with role="button" (a11y.ts `button()`) is a custom element, so
 *   Enter and Space did nothing on it: they click it, as they would a native button.
 * h5 only (app.ts): WeChat's own components read their labels on weapp.
 */
// Direct children only: the control the component itself rendered, not inputs of a labelled section.
const nativeControl = ':scope > input, :scope > textarea, :scope > select';

function mend(): void {
  // Pages, and the sideways-scrolling tables of the staff pages (.st-scroll).
  for (const page of Array.from(
    document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex]), .st-scroll:not([tabindex])'),
  )) {
    page.tabIndex = 0;
  }
  for (const host of Array.from(document.querySelectorAll<HTMLElement>('[aria-label]'))) {
    if (!host.tagName.startsWith('TARO-')) continue;
    const text = host.getAttribute('aria-label') ?? '';
    for (const control of Array.from(host.querySelectorAll<HTMLElement>(nativeControl))) {
      if (control.getAttribute('aria-label') !== text) control.setAttribute('aria-label', text);
    }
  }
}

function pressOnKey(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target as HTMLElement | null;
  if (target?.getAttribute('role') !== 'button' || !target.tagName.startsWith('TARO-')) return;
  event.preventDefault();
  target.click();
}

export function mendTaroH5Accessibility(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  // One pass per frame, however many mutations a render makes.
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mend();
    });
  };
  const observe = () => {
    schedule();
    new MutationObserver(schedule).observe(document.body, {
      subtree: true,
      childList: true,
      attributeFilter: ['aria-label'],
    });
  };
  if (document.body) observe();
  else document.addEventListener('DOMContentLoaded', observe);
  document.addEventListener('keydown', pressOnKey);
}
