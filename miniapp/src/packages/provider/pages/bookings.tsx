import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { bookingStatusText, className, sessionNames } from '../../../childcare/labels';
import { button } from '../../../components/a11y';
import { Banner } from '../../../components/Field';
import { LoadState, pagedStatus } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { WindowedList } from '../../../components/WindowedList';
import { routeParam } from '../../../lib/route-param';
import { usePaged } from '../../../state/paged';
import { usePullRefresh } from '../../../state/pull-refresh';
import '../provider.css';

/** 机构预约: every booking of one institution; the guardian's phone is whole here, to call the family. */
export default function ProviderBookingsPage() {
  const params = useRouter().params;
  const id = routeParam(params.id);
  const load = useCallback(
    (cursor?: string) => call(api.providerBookings, { params: { id }, query: { cursor } }),
    [id],
  );
  const list = usePaged(load);
  useDidShow(() => void list.reload());
  usePullRefresh(list.reload);

  const end = list.loading ? '加载中…' : list.hasMore ? '上滑加载更多' : `共 ${list.items.length} 条`;
  return (
    <PageShell name="provider-bookings">
      <View className="section">
        <Text className="title">{routeParam(params.name)}</Text>
        <Text className="muted">家长的手机号仅用于联系入托事宜。</Text>
      </View>
      <Banner id="provider-bookings-error" text={list.items.length > 0 ? list.error : undefined} />
      <LoadState
        id="provider-bookings"
        status={pagedStatus(list)}
        empty={{ title: '还没有预约', hint: '家长预约您发布的托位后，会出现在这里。下拉可刷新。' }}
      />
      <WindowedList
        id="provider-bookings"
        label="预约列表"
        items={list.items}
        estimatedRowPx={(Taro.getSystemInfoSync().windowWidth / 750) * 248}
        keyOf={(b) => b.id}
        onEndReached={list.loadMore}
        renderRow={(b) => (
          <View className="pv-booking" id={`provider-booking-${b.id}`}>
            <View className="pv-booking__line">
              {b.childName} · {className(b.ageClass)} · {bookingStatusText(b.status, b.waitlistPosition)}
            </View>
            <View className="pv-booking__line">
              {b.date} {sessionNames[b.session]}
            </View>
            <View
              className="pv-booking__line pv-phone"
              onClick={() => Taro.makePhoneCall({ phoneNumber: b.guardianPhone })}
              {...button(`拨打${b.childName}家长电话 ${b.guardianPhone}`, `provider-call-${b.id}`)}
            >
              {b.guardianPhone}
            </View>
          </View>
        )}
        footer={<Text className="list-end">{end}</Text>}
      />
    </PageShell>
  );
}
