import { Text, View } from '@tarojs/components';
import { SubmitButton } from './SubmitButton';
import './load-state.css';

/**
 * What a list or a detail page shows while it has nothing to show yet: grey placeholder rows
 * while the first answer is out (not a spinner over a blank page), the reason and 重新加载 when
 * the load failed, and — when the answer is an empty list — what to do next, with the button
 * that does it. Every block has an id for tests (`<id>-loading`, `<id>-error`, `<id>-retry`,
 * `<id>-empty`, `<id>-empty-action`).
 */

/** Grey bars in the shape of `rows` list rows. Hidden from screen readers: they say 加载中 once. */
export function Skeleton({ id, rows = 3 }: { id: string; rows?: number }) {
  return (
    <View className="skeleton" id={`${id}-loading`} role="status" aria-label="加载中">
      {Array.from({ length: rows }, (_, i) => `row-${i}`).map((key) => (
        <View key={key} className="skeleton__row" aria-hidden="true">
          <View className="skeleton__bar skeleton__bar--title" />
          <View className="skeleton__bar" />
        </View>
      ))}
    </View>
  );
}

/** A failed load: the reason, and a button that tries again. */
export function LoadFailed({ id, message, onRetry }: { id: string; message: string; onRetry: () => void }) {
  return (
    <View className="load-state" id={`${id}-error`} role="alert">
      <Text className="load-state__title">没有加载出来</Text>
      <Text className="load-state__text">{message}</Text>
      <SubmitButton id={`${id}-retry`} label="重新加载" tone="plain" onClick={onRetry} />
    </View>
  );
}

export interface NextStep {
  /** The button's text: a verb (去登记, 查找托育机构). */
  text: string;
  /** What a screen reader says, when the text alone is too short. */
  label?: string;
  onClick: () => void;
}

/** An empty answer: what it means and what to do next. */
export function EmptyState({
  id,
  title,
  hint,
  action,
}: {
  id: string;
  title: string;
  hint?: string;
  action?: NextStep;
}) {
  return (
    <View className="load-state" id={`${id}-empty`}>
      <View className="load-state__icon" aria-hidden="true" />
      <Text className="load-state__title">{title}</Text>
      {hint ? <Text className="load-state__text">{hint}</Text> : null}
      {action ? (
        <SubmitButton id={`${id}-empty-action`} label={action.label ?? action.text} onClick={action.onClick}>
          {action.text}
        </SubmitButton>
      ) : null}
    </View>
  );
}

/** The part of usePaged (or any load) that decides what shows. */
export interface LoadStatus {
  loading: boolean;
  loaded: boolean;
  error?: string;
  count: number;
  reload: () => unknown;
}

/**
 * One of the three states above, or nothing once there is something to show. An error after a
 * first page loaded (loading more failed) stays with the page's banner: the rows already shown
 * must not be replaced by an error block.
 */
export function LoadState({
  id,
  status,
  empty,
  rows,
}: {
  id: string;
  status: LoadStatus;
  empty: { title: string; hint?: string; action?: NextStep };
  rows?: number;
}) {
  if (status.error && status.count === 0) {
    return <LoadFailed id={id} message={status.error} onRetry={() => void status.reload()} />;
  }
  if (!status.loaded) return status.loading ? <Skeleton id={id} rows={rows} /> : null;
  if (status.count === 0) return <EmptyState id={id} {...empty} />;
  return null;
}

/** usePaged's answer as a LoadStatus. */
export function pagedStatus(list: {
  loading: boolean;
  loaded: boolean;
  error?: string;
  items: readonly unknown[];
  reload: () => unknown;
}): LoadStatus {
  return {
    loading: list.loading,
    loaded: list.loaded,
    error: list.error,
    count: list.items.length,
    reload: list.reload,
  };
}
