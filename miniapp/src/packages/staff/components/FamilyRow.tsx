import type { SpecialFamilySummary } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressable } from '../../../components/a11y';
import { routes } from '../../../config/routes';
import { districtName, familyKindNames, lackingNames, memberRoleNames, missingOf } from '../model/labels';

/** One record in the masked list (surnames only); tap to open the audited detail. */
export function FamilyRow({ family }: { family: SpecialFamilySummary }) {
  const names = family.membersMasked.map((m) => `${memberRoleNames[m.role]} ${m.nameMasked}`).join('、');
  const missing = missingOf(family);
  return (
    <View
      className="section sf-row"
      onClick={() =>
        Taro.navigateTo({ url: `${routes.staffSpecialFamily}?id=${encodeURIComponent(family.id)}` })
      }
      // Named by what it shows (kind, names, district, what is lacking): axe label-content-name-mismatch.
      {...pressable(`sf-row-${family.id}`)}
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
