/**
 * Screen-reader label for a Taro component. On h5 the `aria-label` prop reaches the DOM; the weapp
 * templates of Taro 4.2 drop aria attributes, so every control also carries visible text
 * (WeChat's screen reader reads that). `id` gives tests and WeChat privacy buttons a stable handle.
 */
export function label(text: string, id?: string): { 'aria-label': string; id?: string } {
  return id ? { 'aria-label': text, id } : { 'aria-label': text };
}

/**
 * Label plus role for anything tappable, so h5 screen readers (and getByRole) see a button, and
 * a tab stop: Taro's h5 controls are custom elements (`taro-button-core`, `taro-view-core`) that
 * take no keyboard focus of their own, so without it Tab went from the address bar straight to
 * the tab bar. Enter and Space press it (h5-a11y.ts).
 */
export function button(
  text: string,
  id?: string,
): { 'aria-label': string; id?: string; role: 'button'; tabIndex: 0 } {
  return { ...label(text, id), role: 'button', tabIndex: 0 };
}

/**
 * Role and tab stop for something tappable whose visible text is its whole name (a card with a
 * title and a line under it, an entry with its state): an aria-label there would have to repeat
 * that text exactly (axe's label-content-name-mismatch), so the name comes from the content.
 */
export function pressable(id: string): { id: string; role: 'button'; tabIndex: 0 } {
  return { id, role: 'button', tabIndex: 0 };
}

/**
 * The spoken name of a button whose visible text is shorter than its label (查看预约 for
 * "查看某机构的预约"): it must contain the visible text, or a person who says what they see to
 * voice control finds nothing (WCAG 2.5.3; axe label-content-name-mismatch). The visible text
 * first, then the rest of the label, unless the label already contains it.
 */
export function nameWithVisible(label: string, visible: unknown): string {
  if (typeof visible !== 'string' || visible.trim() === '' || label.includes(visible.trim())) return label;
  return `${visible.trim()}：${label}`;
}
