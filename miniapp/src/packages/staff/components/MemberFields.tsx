import { Text, View } from '@tarojs/components';
import { button } from '../../../components/a11y';
import { DateField } from '../../../components/DateField';
import { ParentFields } from '../../../components/ParentFields';
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
          <ParentFields
            idPrefix={id}
            role={role}
            who={who}
            value={member}
            errors={errors}
            today={today}
            why={{
              idNumber: '用于匹配家庭成员的实名账号和计算年龄；档案中只显示部分号码',
              phone: '联系人和工作人员联系家庭',
            }}
            placeholders={{ idNumber: '', phone: '' }}
            onChange={onChange}
          />
          <DateField
            id={`${id}-retired`}
            label="退休日期（选填）"
            spoken={`${who}退休日期`}
            why="城镇独生子女父母奖励按退休时间认定"
            error={errors[`${role}.retiredOn`]}
            value={member.retiredOn}
            fallback={today}
            onChange={(retiredOn) => onChange({ retiredOn })}
          />
        </>
      ) : null}
    </View>
  );
}
