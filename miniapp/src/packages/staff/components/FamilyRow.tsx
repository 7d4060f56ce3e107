import type { SpecialFamilySummary } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { button } from '../../../components/a11y';
import { routes } from '../../../config/routes';
import { districtName, familyKindNames, lackingNames, memberRoleNames, missingOf } from '../model/labels';

/** One record in the masked list (surnames only); tap to open the audited detail. */
export function FamilyRow({ family }: { family: SpecialFamilySummary }) {
  const names = family.membersMasked.map((m) => `${memberRoleNames[m.role]} ${m.nameMasked}`).join('、');
  const missing = missingOf(family);
  const missingText = missing.length ? `缺${missing.map((k) => lackingNames[k]).join('、')}` : '三个全覆盖';
  return (
    <View
      className="section sf-row"
      onClick={() =>
        Taro.navigateTo({ url: `${routes.staffSpecialFamily}?id=${encodeURIComponent(family.id)}` })
      }
      {...button(
        `${familyKindNames[family.kind]}家庭 ${names}，${missingText}，打开档案`,
        `sf-row-${family.id}`,
      )}
    >
      <View className="st-filing__head">
        <Text className="text">
          {familyKindNames[family.kind]}家庭 · {names}
        </Text>
        <Text className="muted">{districtName(family.district)}</Text>
      </View>
      <View className="sf-row__tags">
        {missing.length === 0 ? <Text className="badge badge--affordable">三个全覆盖</Text> : null}
        {missing.map((k) => (
          <Text key={k} className="badge st-badge--overdue">
            缺{lackingNames[k]}
          </Text>
        ))}
        <Text className="badge badge--muted">
          已实名 {family.boundMembers}/{family.membersMasked.length}
        </Text>
      </View>
    </View>
  );
}
