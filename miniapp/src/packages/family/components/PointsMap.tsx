import type { ServicePointItem } from '@hongjia/shared';
import { Map as TaroMap, Text, View } from '@tarojs/components';
import type { z } from 'zod';
import { isWeapp } from '../../../config/env';
import { formatDistance } from '../../../lib/format';
import { mapMarker } from '../../../location/map-marker';

type Point = z.infer<typeof ServicePointItem>;

/**
 * Service points as markers (weapp). Taro's h5 Map needs Baidu's script and key, which the web
 * build does not load: h5 says so and the page shows the list, as 托育服务 does.
 */
export function PointsMap({
  items,
  centre,
  showLocation,
}: {
  items: readonly Point[];
  centre: { lat: number; lng: number };
  showLocation: boolean;
}) {
  if (!isWeapp) {
    return (
      <View className="banner banner--info" id="points-map-unavailable" role="status">
        网页版暂不支持地图，请在微信小程序中查看地图。下面是同样的网点列表。
      </View>
    );
  }
  const markers = items.map((p, i) =>
    mapMarker(i, p, `${p.name}（${p.openNow ? '营业中' : '休息中'}）${formatDistance(p.distanceM)}`),
  );
  return (
    <View>
      <TaroMap
        id="points-map"
        className="rg-map"
        latitude={centre.lat}
        longitude={centre.lng}
        scale={12}
        markers={markers}
        showLocation={showLocation}
        onError={() => undefined}
      />
      <Text className="muted">点地图上的标记查看网点名称和营业状态。共 {items.length} 个网点。</Text>
    </View>
  );
}
