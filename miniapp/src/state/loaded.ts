import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/errors';
import type { LoadStatus } from '../components/LoadState';

/**
 * One thing a detail page reads (a certificate, a registration): loads whenever `load` changes
 * (undefined: nothing to load yet, e.g. signed out), keeps the last answer while reloading, and
 * drops answers of earlier loads that arrive late. `status` feeds LoadState (skeleton, retry).
 */
export function useLoaded<T>(load: (() => Promise<T>) | undefined) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    if (!load) return;
    const mine = ++generation.current;
    setLoading(true);
    setError(undefined);
    try {
      const value = await load();
      if (mine === generation.current) setData(value);
    } catch (e) {
      if (mine === generation.current) setError(isApiError(e) ? e.message : '加载失败，请稍后再试');
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const loaded = data !== undefined;
  const status: LoadStatus = { loading, loaded, error, count: loaded ? 1 : 0, reload };
  return { data, setData, error, loading, reload, status };
}
