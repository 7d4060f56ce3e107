import { Input, Text, View } from '@tarojs/components';
import { button, label } from '../../../components/a11y';
import { DateInput } from '../../../components/DateInput';
import { Field } from '../../../components/Field';
import { describeFacts, idFacts, idNumberIssue } from '../../../registration/id-check';
import type { MemberDraft, MemberRole } from '../model/family-form';
import { memberRoleNames } from '../model/labels';

/**
 * One parent of a new record. The ID number is checked as it is typed (GB 11643 and the sex the
 * role needs), with the shared rule the server applies; a parent can be left out (one died).
 */
export function MemberFields({
  role,
  member,
  errors,
  today,
  onChange,
}: {
  role: MemberRole;
  member: MemberDraft;
  errors: Record<string, string>;
  today: string;
  onChange: (patch: Partial<MemberDraft>) => void;
}) {
  const who = memberRoleNames[role];
  const id = `sff-${role}`;
  const live = idNumberIssue(member.idNumber, role === 'mother' ? 'F' : 'M', who, today);
  const facts = live ? undefined : idFacts(member.idNumber, today);
  return (
    <View className="section" id={id}>
      <View className="st-filing__head">
        <Text className="title">{who}</Text>
        <View
          className={`chip${member.include ? ' chip--on' : ''}`}
          aria-pressed={member.include}
          onClick={() => onChange({ include: !member.include })}
          {...button(`登记${who}`, `${id}-include`)}
        >
          {member.include ? `登记${who}` : `不登记${who}`}
        </View>
      </View>
      {member.include ? (
        <>
          <Field id={`${id}-name`} label={`${who}姓名`} error={errors[`${role}.name`]}>
            <Input
              className="input"
              value={member.name}
              maxlength={30}
              onInput={(e) => onChange({ name: e.detail.value })}
              {...label(`${who}姓名`, `${id}-name`)}
            />
          </Field>
          <Field
            id={`${id}-id`}
            label={`${who}身份证号`}
            why="用于匹配家庭成员的实名账号和计算年龄；档案中只显示部分号码"
            error={live ?? errors[`${role}.idNumber`]}
          >
            <Input
              className="input"
              type="idcard"
              value={member.idNumber}
              maxlength={18}
              onInput={(e) => onChange({ idNumber: e.detail.value.trim().toUpperCase() })}
              {...label(`${who}身份证号`, `${id}-id`)}
            />
            {facts ? (
              <Text className="muted" id={`${id}-id-facts`}>
                ✓ {describeFacts(facts)}
              </Text>
            ) : null}
          </Field>
          <Field
            id={`${id}-phone`}
            label={`${who}手机号`}
            why="联系人和工作人员联系家庭"
            error={errors[`${role}.phone`]}
          >
            <Input
              className="input"
              type="number"
              value={member.phone}
              maxlength={11}
              onInput={(e) => onChange({ phone: e.detail.value.trim() })}
              {...label(`${who}手机号`, `${id}-phone`)}
            />
          </Field>
          <Field
            id={`${id}-retired`}
            label="退休日期（选填）"
            why="城镇独生子女父母奖励按退休时间认定"
            error={errors[`${role}.retiredOn`]}
          >
            <DateInput
              id={`${id}-retired`}
              labelText={`${who}退休日期`}
              value={member.retiredOn}
              fallback={today}
              onChange={(retiredOn) => onChange({ retiredOn })}
            />
          </Field>
        </>
      ) : null}
    </View>
  );
}
