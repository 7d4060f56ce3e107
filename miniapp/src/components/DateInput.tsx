import { Input, Picker, View } from '@tarojs/components';
import { button, label } from './a11y';
import './ui.css';

/**
 * A date typed as YYYY-MM-DD or chosen with the system picker: typing is quicker for a known
 * date (and works in tests and screen readers), the picker is easier for the rest.
 */
export function DateInput({
  id,
  labelText,
  value,
  start,
  end,
  fallback,
  onChange,
}: {
  id: string;
  labelText: string;
  value: string;
  start?: string;
  end?: string;
  /** Where the picker opens when the field is empty. */
  fallback: string;
  onChange: (value: string) => void;
}) {
  return (
    <View className="row">
      <Input
        className="input grow"
        value={value}
        maxlength={10}
        placeholder="例如 2020-05-01"
        onInput={(e) => onChange(e.detail.value.trim())}
        {...label(`${labelText}，格式 年-月-日`, id)}
      />
      <Picker
        mode="date"
        value={/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fallback}
        start={start}
        end={end}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className="btn btn--plain btn--small" {...button(`选择${labelText}`, `${id}-picker`)}>
          选择
        </View>
      </Picker>
    </View>
  );
}
