import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pressable } from './a11y';

export interface Service {
  key: string;
  name: string;
  /** One character in a circle: a glyph that needs no icon font and no image download. */
  glyph: string;
  description: string;
  url: string;
}

export function ServiceCard({ service }: { service: Service }) {
  return (
    <View
      className="service-card"
      hoverClass="service-card--pressed"
      onClick={() => Taro.navigateTo({ url: service.url })}
      {...pressable(`service-${service.key}`)}
    >
      <View className={`service-card__glyph service-card__glyph--${service.key}`} aria-hidden="true">
        {service.glyph}
      </View>
      <View className="service-card__body">
        <Text className="service-card__name">{service.name}</Text>
        <Text className="service-card__desc">{service.description}</Text>
      </View>
    </View>
  );
}
