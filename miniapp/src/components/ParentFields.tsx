import { Input } from '@tarojs/components';
import type { Sex } from '../registration/draft';
import { describeFacts } from '../registration/id-check';
import { label as a11y } from './a11y';
import { Field } from './Field';
import { IdNumberField } from './IdNumberField';
import { PhoneField } from './PhoneField';

export type ParentRole = 'mother' | 'father';

const sexOfRole: Record<ParentRole, Sex> = { mother: 'F', father: 'M' };

/**
 * A parent's name, ID number (checked as typed, with the sex the role needs) and phone: the same
 * three fields in 生育登记 (the family) and a special family's record (staff). Ids are
 * `<idPrefix>-name|-id|-phone`; errors are read at `<role>.name|idNumber|phone`.
 */
export function ParentFields({
  idPrefix,
  role,
  who,
  value,
  errors,
  today,
  why = {},
  placeholders = {},
  factsClassName,
  onChange,
}: {
  idPrefix: string;
  role: ParentRole;
  /** 母亲 / 父亲: in labels and the ID check's message. */
  who: string;
  value: { name: string; idNumber: string; phone: string };
  errors: Record<string, string>;
  today: string;
  why?: { name?: string; idNumber?: string; phone?: string };
  placeholders?: { name?: string; idNumber?: string; phone?: string };
  factsClassName?: string;
  onChange: (patch: { name?: string; idNumber?: string; phone?: string }) => void;
}) {
  return (
    <>
      <Field id={`${idPrefix}-name`} label={`${who}姓名`} why={why.name} error={errors[`${role}.name`]}>
        <Input
          className="input"
          value={value.name}
          maxlength={30}
          placeholder={placeholders.name}
          onInput={(e) => onChange({ name: e.detail.value })}
          {...a11y(`${who}姓名`, `${idPrefix}-name`)}
        />
      </Field>
      <IdNumberField
        id={`${idPrefix}-id`}
        label={`${who}身份证号`}
        why={why.idNumber}
        error={errors[`${role}.idNumber`]}
        value={value.idNumber}
        today={today}
        role={{ sex: sexOfRole[role], who }}
        placeholder={placeholders.idNumber}
        facts={(facts) => `✓ ${describeFacts(facts)}`}
        factsClassName={factsClassName}
        onChange={(idNumber) => onChange({ idNumber })}
      />
      <PhoneField
        id={`${idPrefix}-phone`}
        label={`${who}手机号`}
        why={why.phone}
        error={errors[`${role}.phone`]}
        value={value.phone}
        placeholder={placeholders.phone}
        onChange={(phone) => onChange({ phone })}
      />
    </>
  );
}
