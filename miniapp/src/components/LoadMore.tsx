import { SubmitButton } from './SubmitButton';

/**
 * The 加载更多 button under a paged list: shown only while the server has a next
 * page. `what` names the things in the list for screen readers (加载更多预约).
 */
export function LoadMore({
  list,
  what,
  id,
}: {
  list: { hasMore: boolean; loadMore: () => void | Promise<void> };
  what: string;
  id: string;
}) {
  if (!list.hasMore) return null;
  return (
    <SubmitButton id={id} label={`加载更多${what}`} tone="plain" onClick={() => void list.loadMore()}>
      加载更多
    </SubmitButton>
  );
}
