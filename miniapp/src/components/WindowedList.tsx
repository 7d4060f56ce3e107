import { ScrollView, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { sameRange, visibleRange, type WindowRange } from './windowing';
import './ui.css';

/**
 * A virtualised list (Taro's VirtualList lives in @tarojs/components-advanced, which we do not
 * ship): a ScrollView of fixed height that renders only the rows in view plus a buffer, with
 * blank space for the rest. Rows must have a fixed height (the row's CSS); it is measured once
 * rendered, since design px map to device px differently on weapp (rpx) and h5 (rem).
 */
export function WindowedList<T>({
  id,
  label,
  items,
  estimatedRowPx,
  keyOf,
  renderRow,
  onEndReached,
  footer,
}: {
  id: string;
  label: string;
  items: readonly T[];
  /** First guess of a row's height in device px, until one is measured. */
  estimatedRowPx: number;
  keyOf: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  onEndReached?: () => void;
  footer?: ReactNode;
}) {
  const [rowPx, setRowPx] = useState(estimatedRowPx);
  const [viewportPx, setViewportPx] = useState(() => Taro.getSystemInfoSync().windowHeight * 0.7);
  const scrollTop = useRef(0);
  const compute = (top: number) =>
    visibleRange({
      scrollTop: top,
      viewportHeight: viewportPx,
      itemHeight: rowPx,
      count: items.length,
      buffer: 5,
    });
  const [range, setRange] = useState<WindowRange>(() => compute(0));

  // Measure a real row and the viewport once there is something to measure.
  const hasRows = items.length > 0;
  useEffect(() => {
    if (!hasRows) return;
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id} .wl-row`)
        .boundingClientRect()
        .select(`#${id}`)
        .boundingClientRect()
        .exec((res: Array<{ height?: number } | null>) => {
          const row = res[0]?.height;
          const view = res[1]?.height;
          if (row && row > 0) setRowPx(row);
          if (view && view > 0) setViewportPx(view);
        });
    });
  }, [hasRows, id]);

  // Recompute when the data or the measurements change; setState only on a real change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: compute reads exactly these values.
  useEffect(() => {
    const next = compute(scrollTop.current);
    setRange((prev) => (sameRange(prev, next) ? prev : next));
  }, [items.length, rowPx, viewportPx]);

  function onScroll(top: number) {
    scrollTop.current = top;
    const next = compute(top);
    setRange((prev) => (sameRange(prev, next) ? prev : next));
  }

  return (
    <ScrollView
      scrollY
      className="wl"
      id={id}
      aria-label={label}
      lowerThreshold={300}
      onScroll={(e) => onScroll(e.detail.scrollTop)}
      onScrollToLower={onEndReached}
    >
      <View role="list" aria-label={label}>
        <View style={{ height: `${range.padTop}px` }} />
        {items.slice(range.start, range.end).map((item, i) => (
          <View key={keyOf(item)} className="wl-row" role="listitem">
            {renderRow(item, range.start + i)}
          </View>
        ))}
        <View style={{ height: `${range.padBottom}px` }} />
      </View>
      {footer}
    </ScrollView>
  );
}
