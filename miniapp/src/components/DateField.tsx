import { Input, Picker, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { label as a11y, button } from './a11y';
import { Field, type TextBasics } from './Field';
import './buttons.css';
import './ui.css';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A labelled date, YYYY-MM-DD. Typed or chosen with the system picker: typing is quicker for a
 * known date (and works in tests and screen readers), the picker is easier for the rest.
 * `pickOnly` is for a date among the next few (a slot's day), where only the picker makes sense.
 */
export function DateField({
  id,
  label,
  spoken = label,
  why,
  error,
  value,
  start,
  end,
  fallback,
  placeholder = '例如 2020-05-01',
  pickOnly = false,
  onChange,
  children,
}: TextBasics & {
  /** What a screen reader says for the control when the label alone is not enough (第 2 个子女出生日期). */
  spoken?: string;
  start?: string;
  end?: string;
  /** Where the picker opens when the field is empty. */
  fallback: string;
  pickOnly?: boolean;
  /** Under the control: a hint the page derives from the date (the class a birth date fits). */
  children?: ReactNode;
}) {
  const picker = (
    <Picker
      mode="date"
      value={isoDate.test(value) ? value : fallback}
      start={start}
      end={end}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      {pickOnly ? (
        <View className="picker-value" {...button(`${spoken}：${value || '请选择'}`, id)}>
          {value || '请选择日期'}
        </View>
      ) : (
        <View className="btn btn--plain btn--small" {...button(`选择${spoken}`, `${id}-picker`)}>
          选择
        </View>
      )}
    </Picker>
  );
  return (
    <Field id={id} label={label} why={why} error={error}>
      {pickOnly ? (
        picker
      ) : (
        <View className="row">
          <Input
            className="input grow"
            value={value}
            maxlength={10}
            placeholder={placeholder}
            onInput={(e) => onChange(e.detail.value.trim())}
            {...a11y(`${spoken}，格式 年-月-日`, id)}
          />
          {picker}
        </View>
      )}
      {children}
    </Field>
  );
}
