import { type DistrictCode, districts } from '@hongjia/shared';
import { View } from '@tarojs/components';
import { Chips } from '../../../../components/Chips';
import { Field } from '../../../../components/Field';
import { ParentFields } from '../../../../components/ParentFields';
import type { ParentDraft } from '../../../../registration/draft';

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
      <ParentFields
        idPrefix={id}
        role={role}
        who={who}
        value={parent}
        errors={errors}
        today={today}
        why={{
          name: '与身份证上的姓名一致',
          idNumber: '核验身份、计算年龄和婚龄；页面和回执上只显示部分号码',
          phone: '审核有疑问时联系您，办结后发送通知',
        }}
        placeholders={{
          name: '请输入姓名',
          idNumber: parent.maskedIdNumber ? `请重新输入完整号码（原 ${parent.maskedIdNumber}）` : undefined,
          phone: parent.maskedPhone ? `请重新输入（原 ${parent.maskedPhone}）` : undefined,
        }}
        factsClassName="rg-facts"
        onChange={onChange}
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
