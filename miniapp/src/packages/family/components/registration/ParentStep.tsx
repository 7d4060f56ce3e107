import { type DistrictCode, districts } from '@hongjia/shared';
import { Input, Text, View } from '@tarojs/components';
import { label } from '../../../../components/a11y';
import { Chips } from '../../../../components/Chips';
import { Field } from '../../../../components/Field';
import type { ParentDraft } from '../../../../registration/draft';
import { describeFacts, idFacts, idNumberIssue } from '../../../../registration/id-check';

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
  const live = idNumberIssue(parent.idNumber, role === 'mother' ? 'F' : 'M', who, today);
  const facts = live ? undefined : idFacts(parent.idNumber, today);
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
      <Field
        id={`${id}-id`}
        label={`${who}身份证号`}
        why="核验身份、计算年龄和婚龄；页面和回执上只显示部分号码"
        error={live ?? errors[`${role}.idNumber`]}
      >
        <Input
          className="input"
          type="idcard"
          value={parent.idNumber}
          maxlength={18}
          placeholder={
            parent.maskedIdNumber ? `请重新输入完整号码（原 ${parent.maskedIdNumber}）` : '18 位身份证号'
          }
          onInput={(e) => onChange({ idNumber: e.detail.value.trim().toUpperCase() })}
          {...label(`${who}身份证号`, `${id}-id`)}
        />
        {facts ? (
          <Text className="rg-facts" id={`${id}-id-facts`}>
            ✓ {describeFacts(facts)}
          </Text>
        ) : null}
      </Field>
      <Field
        id={`${id}-phone`}
        label={`${who}手机号`}
        why="审核有疑问时联系您，办结后发送通知"
        error={errors[`${role}.phone`]}
      >
        <Input
          className="input"
          type="number"
          value={parent.phone}
          maxlength={11}
          placeholder={parent.maskedPhone ? `请重新输入（原 ${parent.maskedPhone}）` : '11 位手机号'}
          onInput={(e) => onChange({ phone: e.detail.value.trim() })}
          {...label(`${who}手机号`, `${id}-phone`)}
        />
      </Field>
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
