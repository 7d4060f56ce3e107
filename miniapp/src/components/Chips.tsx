import { ScrollView, View } from '@tarojs/components';
import { button } from './a11y';
import './ui.css';

export interface ChipOption<T> {
  value: T;
  text: string;
  /** Stable id suffix (values may contain characters unfit for ids). */
  key: string;
}

/**
 * A single-choice row of chips (radius, class, date…). Scrolls sideways so fourteen dates fit on
 * a phone; each chip is a labelled button with aria-pressed.
 */
export function Chips<T>({
  idPrefix,
  label,
  options,
  value,
  onChange,
}: {
  idPrefix: string;
  label: string;
  options: ReadonlyArray<ChipOption<T>>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <ScrollView scrollX className="chips" aria-label={label} id={`${idPrefix}-group`}>
      {options.map((option) => {
        const selected = Object.is(option.value, value);
        return (
          <View
            key={option.key}
            className={`chip${selected ? ' chip--on' : ''}`}
            onClick={() => onChange(option.value)}
            aria-pressed={selected}
            {...button(`${label}：${option.text}`, `${idPrefix}-${option.key}`)}
          >
            {option.text}
          </View>
        );
      })}
    </ScrollView>
  );
}
