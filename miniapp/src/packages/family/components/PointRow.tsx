import { districtByCode, type ServicePointItem } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { z } from 'zod';
import { SubmitButton } from '../../../components/SubmitButton';
import { formatDistance } from '../../../lib/format';
import { openBadge, openingHoursLines, serviceNames } from '../../../service-points/labels';

type Point = z.infer<typeof ServicePointItem>;

/** One service point: open or closed now, today's hours, services, distance, a one-tap call. */
export function PointRow({ point, index }: { point: Point; index: number }) {
  const badge = openBadge(point.openNow);
  const services = point.services.map((s) => serviceNames[s]).join('、');
  return (
    <View className="rg-card" role="listitem" id={`point-${index}`}>
      <View className="rg-card__head">
        <Text className="text">{point.name}</Text>
        <Text className={`badge rg-badge--${badge.tone}`} id={`point-${index}-open`}>
          {badge.text}
        </Text>
      </View>
      <Text className="muted">
        {formatDistance(point.distanceM)} · {districtByCode(point.district).name} · {point.address}
      </Text>
      <Text className="text" id={`point-${index}-today`}>
        {/* The server says 今日休息 on a closed day; hours get the 今日 prefix here. */}
        {point.todayHours.startsWith('今日') ? point.todayHours : `今日：${point.todayHours}`}
      </Text>
      <Text className="muted">可办：{services}</Text>
      {openingHoursLines(point.openingHours).map((line) => (
        <Text key={line} className="muted">
          {line}
        </Text>
      ))}
      {point.officePhone ? (
        <SubmitButton
          id={`point-${index}-call`}
          label={`拨打${point.name}电话 ${point.officePhone}`}
          tone="plain"
          onClick={() => Taro.makePhoneCall({ phoneNumber: point.officePhone ?? '' })}
        >
          拨打电话 {point.officePhone}
        </SubmitButton>
      ) : null}
    </View>
  );
}
