import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { button } from '../../../components/a11y';
import { SubmitButton } from '../../../components/SubmitButton';
import { routes } from '../../../config/routes';
import type { LackingSection } from '../model/coverage';
import { districtName } from '../model/labels';

const shown = 10;

/** The families lacking one of the three, each a tap to its record; long lists fold after ten. */
export function LackingList({ section }: { section: LackingSection }) {
  const [all, setAll] = useState(false);
  const families = all ? section.families : section.families.slice(0, shown);
  return (
    <View className="section" id={`coverage-lacking-${section.key}`}>
      <Text className="title">{section.title}</Text>
      {section.families.length === 0 ? <Text className="muted">已全部落实。</Text> : null}
      {families.map((f) => (
        <View
          key={f.id}
          className="link"
          onClick={() =>
            Taro.navigateTo({ url: `${routes.staffSpecialFamily}?id=${encodeURIComponent(f.id)}` })
          }
          {...button(`${f.label}，${districtName(f.district)}，打开档案`, `coverage-${section.key}-${f.id}`)}
        >
          {f.label} · {districtName(f.district)}
        </View>
      ))}
      {!all && section.families.length > shown ? (
        <SubmitButton
          id={`coverage-${section.key}-all`}
          label={`显示全部${section.title}`}
          tone="plain"
          onClick={() => setAll(true)}
        >
          显示全部 {section.families.length} 户
        </SubmitButton>
      ) : null}
    </View>
  );
}
