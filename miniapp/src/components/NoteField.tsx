import { Textarea } from '@tarojs/components';
import { label as a11y } from './a11y';
import { Field, type TextBasics } from './Field';

/**
 * A few sentences in the user's own words: a reviewer's comment or reason (in a ConfirmDialog,
 * which the family or the filer may read), a help request, a registration's reason.
 */
export function NoteField({
  id,
  label,
  spoken = label,
  why,
  error,
  value,
  maxlength = 500,
  placeholder,
  onChange,
}: TextBasics & {
  /** What a screen reader says when the visible label carries more than the name (必填，家庭会看到). */
  spoken?: string;
  maxlength?: number;
}) {
  return (
    <Field id={id} label={label} why={why} error={error}>
      <Textarea
        className="textarea"
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
        {...a11y(spoken, id)}
      />
    </Field>
  );
}
