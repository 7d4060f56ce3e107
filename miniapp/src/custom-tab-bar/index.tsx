import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useElderlyMode } from '../elderly/store';
import { tabs, useSelectedTab } from './tabs';
import './index.css';

/**
 * weapp's tab bar (app.config `tabBar.custom`, weapp only; h5 keeps Taro's own bar and app.css's
 * elderly sizes). WeChat's native bar has a fixed text size, so in elderly mode 首页 and 我的
 * would stay small; this one draws the same icons and labels, marks the shown tab (a filled
 * icon and red text, not colour alone) and grows its labels to body size (SPEC C5, decision 0045).
 * Each tab page gets its own instance; the shown tab comes from PageShell (tabs.ts).
 */
export default function CustomTabBar() {
  const selected = useSelectedTab();
  const elderly = useElderlyMode();
  return (
    <View className={`tab-bar${elderly ? ' tab-bar--elderly' : ''}`}>
      {tabs.map((tab, index) => {
        const on = index === selected;
        return (
          <View
            key={tab.path}
            className={`tab-bar__item${on ? ' tab-bar__item--on' : ''}`}
            onClick={() => {
              if (!on) void Taro.switchTab({ url: tab.path });
            }}
          >
            <Image className="tab-bar__icon" src={on ? tab.selectedIcon : tab.icon} />
            <Text className="tab-bar__label">{tab.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
