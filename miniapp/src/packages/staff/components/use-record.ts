import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../../api/errors';

/**
 * One record opened for review or edit: loaded once `enabled` (signed in, an id in the route),
 * again by `load` after a 409; a failure goes to the page's banner. Each update answers with the
 * record, which the page puts back with `setView` instead of reading it again (reads are audited).
 */
export function useRecord<T>(fetch: () => Promise<T>, enabled: boolean, onError: (message: string) => void) {
  const [view, setView] = useState<T>();
  const load = useCallback(async () => {
    try {
      setView(await fetch());
    } catch (e) {
      onError(isApiError(e) ? e.message : '加载失败，请稍后再试');
    }
  }, [fetch, onError]);
  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);
  return { view, setView, load };
}
