import type { NearbyItem } from '@hongjia/shared';
import { Map as TaroMap, Text, View } from '@tarojs/components';
import { isWeapp } from '../../../config/env';
import { formatDistance } from '../../../lib/format';
import { mapMarker } from '../../../location/map-marker';

/** Map zoom that shows about the search radius on a phone screen. */
function scaleFor(radiusKm: number): number {
  if (radiusKm <= 1) return 15;
  if (radiusKm <= 3) return 13;
  if (radiusKm <= 5) return 12;
  if (radiusKm <= 10) return 11;
  return 10;
}

/**
 * The loaded results as markers; tapping a marker's bubble opens the institution. Taro's h5 Map
 * needs Baidu's map script and key, which the web build does not load, so h5 says so and the
 * page shows the list instead.
 */
export function ResultsMap({
  items,
  centre,
  radiusKm,
  showLocation,
  onOpen,
}: {
  items: readonly NearbyItem[];
  centre: { lat: number; lng: number };
  radiusKm: number;
  showLocation: boolean;
  onOpen: (item: NearbyItem) => void;
}) {
  if (!isWeapp) {
    return (
      <View className="banner banner--info" id="map-unavailable" role="status">
        网页版暂不支持地图，请在微信小程序中查看地图。下面是同样的结果列表。
      </View>
    );
  }
  const markers = items.map((item, i) =>
    mapMarker(
      i,
      item.institution,
      `${item.institution.name}${item.institution.affordable ? '（普惠）' : ''} ${formatDistance(item.distanceM)}`,
    ),
  );
  const open = (markerId: number | string) => {
    const item = items[Number(markerId)];
    if (item) onOpen(item);
  };
  return (
    <View>
      <TaroMap
        id="childcare-map"
        className="cc-map"
        latitude={centre.lat}
        longitude={centre.lng}
        scale={scaleFor(radiusKm)}
        markers={markers}
        showLocation={showLocation}
        onCalloutTap={(e) => open(e.detail.markerId)}
        onError={() => undefined}
      />
      <Text className="muted">点地图上的标记查看机构名称，再点名称打开详情。共 {items.length} 家。</Text>
    </View>
  );
}
