import { useEffect, useState } from 'react';

/** The staff console's breakpoint (decision 0030): a desk's browser, not a phone or a small tablet. */
export const wideQuery = '(min-width: 1024px)';

function matches(): boolean {
  return (
    process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.matchMedia(wideQuery).matches
  );
}

/**
 * True while the h5 window is at least 1024 px wide, following resizes. Always false in the
 * mini-program: WeChat runs on phones and the weapp build keeps today's layout. The CSS media
 * query of the same width lays out what is shared; this hook picks what differs in behaviour
 * (a table instead of cards, a detail pane instead of a new page, an export button).
 */
export function useWideLayout(): boolean {
  const [wide, setWide] = useState(matches);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return;
    const query = window.matchMedia(wideQuery);
    const follow = () => setWide(query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return wide;
}
