import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/errors';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A cursor-paged list (SPEC §3: `{items, nextCursor}`). A reload drops answers of earlier loads
 * that arrive late, so changing a filter quickly never mixes two result sets. `reloadWhen`: the
 * first page loads whenever it is set (the session, the search origin) and `load` changes (a
 * filter); nothing loads while it is unset.
 */
export function usePaged<T>(
  load: (cursor?: string) => Promise<Page<T>>,
  options: { reloadWhen?: unknown } = {},
) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string>();
  const generation = useRef(0);
  const busy = useRef(false);

  const run = useCallback(
    async (from: string | undefined, append: boolean) => {
      const mine = append ? generation.current : ++generation.current;
      busy.current = true;
      setLoading(true);
      setError(undefined);
      try {
        const page = await load(from);
        if (mine !== generation.current) return;
        setItems((prev) => (append ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoaded(true);
      } catch (e) {
        if (mine === generation.current) setError(isApiError(e) ? e.message : '加载失败，请稍后再试');
      } finally {
        if (mine === generation.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [load],
  );

  const reload = useCallback(() => run(undefined, false), [run]);
  const { reloadWhen } = options;
  useEffect(() => {
    if (reloadWhen) void reload();
  }, [reloadWhen, reload]);
  const loadMore = useCallback(() => {
    if (cursor && !busy.current) void run(cursor, true);
  }, [cursor, run]);

  return { items, setItems, loading, loaded, error, hasMore: cursor !== null, reload, loadMore };
}
