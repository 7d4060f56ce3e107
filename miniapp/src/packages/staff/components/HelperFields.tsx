import { Input, View } from '@tarojs/components';
import { label } from '../../../components/a11y';
import { DateField } from '../../../components/DateField';
import { Field } from '../../../components/Field';
import { PhoneField } from '../../../components/PhoneField';
import { type HelperDraft, type HelperKey, helperSpecs } from '../model/helpers';

/** The boxes of one helper (联系人 / 签约家庭医生 / 绿色通道), from its spec. */
export function HelperFields({
  helper,
  idPrefix,
  draft,
  errors,
  today,
  onChange,
}: {
  helper: HelperKey;
  idPrefix: string;
  draft: HelperDraft;
  /** Keyed by field (name, phone…). */
  errors: Record<string, string>;
  today: string;
  onChange: (field: string, value: string) => void;
}) {
  return (
    <View>
      {helperSpecs[helper].fields.map((f) => {
        const id = `${idPrefix}-${f.key}`;
        const value = draft[f.key] ?? '';
        const common = { key: f.key, id, label: f.label, why: f.why, error: errors[f.key], value };
        if (f.kind === 'date') {
          return <DateField {...common} end={today} fallback={today} onChange={(v) => onChange(f.key, v)} />;
        }
        if (f.kind === 'phone') {
          return <PhoneField {...common} placeholder="" onChange={(v) => onChange(f.key, v)} />;
        }
        return (
          <Field key={f.key} id={id} label={f.label} why={f.why} error={errors[f.key]}>
            <Input
              className="input"
              value={value}
              maxlength={60}
              onInput={(e) => onChange(f.key, e.detail.value)}
              {...label(f.label, id)}
            />
          </Field>
        );
      })}
    </View>
  );
}
