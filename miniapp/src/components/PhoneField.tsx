import { Input } from '@tarojs/components';
import { label as a11y } from './a11y';
import { Field, type TextBasics } from './Field';

/** An 11-digit mobile number (the numeric keyboard); checked on submit with the shared phone rule. */
export function PhoneField({
  id,
  label,
  why,
  error,
  value,
  placeholder = '11 位手机号',
  onChange,
}: TextBasics) {
  return (
    <Field id={id} label={label} why={why} error={error}>
      <Input
        className="input"
        type="number"
        value={value}
        maxlength={11}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value.trim())}
        {...a11y(label, id)}
      />
    </Field>
  );
}
