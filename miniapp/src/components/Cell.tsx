import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { button } from './a11y';
import './cell.css';

/**
 * WeChat's grouped list (设置, 我的): white rows on the grey page, a hairline between rows,
 * a chevron on every row that goes somewhere. Rows are ≥ 88 design px (44 CSS px) tall, 120 in
 * elderly mode (60 CSS px, SPEC C5). The group's title is read out with it (role group).
 */
export function CellGroup({ title, id, children }: { title?: string; id?: string; children?: ReactNode }) {
  return (
    <View className="cell-group" id={id} role="group" aria-label={title}>
      {title ? (
        <Text className="cell-group__title" aria-hidden="true">
          {title}
        </Text>
      ) : null}
      <View className="cell-group__body">{children}</View>
    </View>
  );
}

export interface CellProps {
  /** Stable handle for tests (kept from the links the cells replaced). */
  id?: string;
  title: string;
  /** Short state on the right (已认证, 3 条), before the chevron. */
  value?: string;
  /** A second line under the title. */
  description?: string;
  /** What a screen reader says; by default the title, value and description together. */
  label?: string;
  /** A control on the right instead of a value (a switch). */
  extra?: ReactNode;
  onClick?: () => void;
  /** Chevron: shown when the row goes somewhere (it has onClick), unless set false. */
  arrow?: boolean;
}

export function Cell({ id, title, value, description, label, extra, onClick, arrow }: CellProps) {
  const spoken = label ?? [title, value, description].filter(Boolean).join('，');
  const tappable = onClick !== undefined;
  return (
    <View
      className={`cell${tappable ? ' cell--link' : ''}`}
      hoverClass={tappable ? 'cell--pressed' : 'none'}
      onClick={onClick}
      {...(tappable ? button(spoken, id) : { id })}
    >
      <View className="cell__body">
        <Text className="cell__title">{title}</Text>
        {description ? <Text className="cell__desc">{description}</Text> : null}
      </View>
      {value ? <Text className="cell__value">{value}</Text> : null}
      {extra}
      {(arrow ?? tappable) ? <View className="cell__arrow" aria-hidden="true" /> : null}
    </View>
  );
}
