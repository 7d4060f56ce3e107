import { type DistrictCode, districts } from '@hongjia/shared';
import { Input, View } from '@tarojs/components';
import { label } from '../../../../components/a11y';
import { Chips } from '../../../../components/Chips';
import { Field } from '../../../../components/Field';
import { IdNumberField } from '../../../../components/IdNumberField';
import { PhoneField } from '../../../../components/PhoneField';
import type { ParentDraft } from '../../../../registration/draft';
import { describeFacts } from '../../../../registration/id-check';

const districtOptions = districts.map((d) => ({
  value: d.code as DistrictCode | undefined,
  text: d.name,
  key: d.code,
}));

/**
 * Steps 2 and 3: one parent. The ID number is checked as it is typed (GB 11643 check character,
 * birth date, and the sex the role needs), with the shared rule the server applies.
 */
export function ParentStep({
  role,
  parent,
  errors,
  today,
  onChange,
}: {
  role: 'mother' | 'father';
  parent: ParentDraft;
  errors: Record<string, string>;
  today: string;
  onChange: (patch: Partial<ParentDraft>) => void;
}) {
  const who = role === 'mother' ? '母亲' : '父亲';
  const id = `reg-${role}`;
  return (
    <View>
      <Field id={`${id}-name`} label={`${who}姓名`} why="与身份证上的姓名一致" error={errors[`${role}.name`]}>
        <Input
          className="input"
          value={parent.name}
          maxlength={30}
          placeholder="请输入姓名"
          onInput={(e) => onChange({ name: e.detail.value })}
          {...label(`${who}姓名`, `${id}-name`)}
        />
      </Field>
      <IdNumberField
        id={`${id}-id`}
        label={`${who}身份证号`}
        why="核验身份、计算年龄和婚龄；页面和回执上只显示部分号码"
        error={errors[`${role}.idNumber`]}
        value={parent.idNumber}
        today={today}
        role={{ sex: role === 'mother' ? 'F' : 'M', who }}
        placeholder={parent.maskedIdNumber ? `请重新输入完整号码（原 ${parent.maskedIdNumber}）` : undefined}
        facts={(facts) => `✓ ${describeFacts(facts)}`}
        factsClassName="rg-facts"
        onChange={(idNumber) => onChange({ idNumber })}
      />
      <PhoneField
        id={`${id}-phone`}
        label={`${who}手机号`}
        why="审核有疑问时联系您，办结后发送通知"
        error={errors[`${role}.phone`]}
        value={parent.phone}
        placeholder={parent.maskedPhone ? `请重新输入（原 ${parent.maskedPhone}）` : undefined}
        onChange={(phone) => onChange({ phone })}
      />
      <Field
        id={`${id}-district`}
        label={`${who}户籍所在县区`}
        why={role === 'mother' ? '由母亲户籍所在县区受理和审核' : undefined}
        error={errors[`${role}.hukouDistrict`]}
      >
        <Chips<DistrictCode | undefined>
          idPrefix={`${id}-district`}
          label={`${who}户籍所在县区`}
          options={districtOptions}
          value={parent.hukouDistrict}
          onChange={(hukouDistrict) => onChange({ hukouDistrict })}
        />
      </Field>
    </View>
  );
}
