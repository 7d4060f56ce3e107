import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressable } from './a11y';
import { serviceIcon } from './service-icons';

export interface Service {
  key: string;
  name: string;
  /** One character in a circle, for a service without an icon in service-icons.ts. */
  glyph: string;
  description: string;
  url: string;
}

/**
 * One tile of the home page's service grid: the icon above a short name, WeChat's 九宫格.
 * The description is read out (and shown in elderly mode, where the grid becomes a list).
 */
export function ServiceCard({ service }: { service: Service }) {
  const icon = serviceIcon(service.key);
  return (
    <View
      className="service-card"
      hoverClass="service-card--pressed"
      onClick={() => Taro.navigateTo({ url: service.url })}
      {...pressable(`service-${service.key}`)}
    >
      {icon ? (
        <Image className="service-card__icon" src={icon} mode="aspectFit" aria-hidden="true" />
      ) : (
        <View className={`service-card__glyph service-card__glyph--${service.key}`} aria-hidden="true">
          {service.glyph}
        </View>
      )}
      <View className="service-card__body">
        <Text className="service-card__name">{service.name}</Text>
        <Text className="service-card__desc">{service.description}</Text>
      </View>
    </View>
  );
}
