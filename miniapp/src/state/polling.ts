import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

/**
 * Calls `tick` every `intervalMs` while `active`, one call at a time (a slow answer never
 * overlaps the next), and pauses while the page is hidden: a mini-program keeps hidden pages
 * alive, and nobody reads progress on a page they left.
 */
export function usePolling(tick: () => Promise<void>, active: boolean, intervalMs: number): void {
  const [visible, setVisible] = useState(true);
  const latest = useRef(tick);
  latest.current = tick;
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  useEffect(() => {
    if (!active || !visible) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loop = async () => {
      try {
        await latest.current();
      } finally {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      }
    };
    timer = setTimeout(loop, intervalMs);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [active, visible, intervalMs]);
}
