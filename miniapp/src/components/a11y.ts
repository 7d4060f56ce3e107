/**
 * Screen-reader label for a Taro component. On h5 the `aria-label` prop reaches the DOM; the weapp
 * templates of Taro 4.2 drop aria attributes, so every control also carries visible text
 * (WeChat's screen reader reads that). `id` gives tests and WeChat privacy buttons a stable handle.
 */
export function label(text: string, id?: string): { 'aria-label': string; id?: string } {
  return id ? { 'aria-label': text, id } : { 'aria-label': text };
}

/** Label plus role for anything tappable, so h5 screen readers (and getByRole) see a button. */
export function button(text: string, id?: string): { 'aria-label': string; id?: string; role: 'button' } {
  return { ...label(text, id), role: 'button' };
}
