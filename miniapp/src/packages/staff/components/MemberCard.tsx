import type { SpecialFamilyView } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { memberRoleNames } from '../model/labels';
import { CallButton } from './CallButton';
import { Fact } from './Fact';

type Member = SpecialFamilyView['members'][number];

/** A parent on the record: whole name and phone (staff call them), the ID number masked. */
export function MemberCard({ member }: { member: Member }) {
  const who = memberRoleNames[member.role];
  return (
    <View className="sf-member" id={`sf-member-${member.role}`}>
      <View className="st-filing__head">
        <Text className="text">
          {who} {member.name}（{member.age} 岁）
        </Text>
        <Text className={`badge ${member.bound ? 'badge--affordable' : 'badge--muted'}`}>
          {member.bound ? '已实名' : '未实名'}
        </Text>
      </View>
      <Fact name="手机号" value={member.phone}>
        <CallButton phone={member.phone} who={who} id={`sf-member-${member.role}-call`} />
      </Fact>
      <Fact name="身份证号" value={member.idNumberMasked} />
      <Fact name="出生日期" value={member.birthDate} />
      {member.retiredOn ? <Fact name="退休日期" value={member.retiredOn} /> : null}
    </View>
  );
}
