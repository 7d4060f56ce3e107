import { districtByCode } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { Chips } from '../../../../components/Chips';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Banner } from '../../../../components/Field';
import { LoadMore } from '../../../../components/LoadMore';
import { OriginPicker } from '../../../../components/OriginPicker';
import { PageShell } from '../../../../components/PageShell';
import { servicePointsLocationReason } from '../../../../location/locate';
import { useOrigin } from '../../../../location/use-origin';
import { type Service, serviceKeys, serviceNames } from '../../../../service-points/labels';
import { usePaged } from '../../../../state/paged';
import { storageKeys } from '../../../../state/storage';
import { ListMapToggle } from '../../components/ListMapToggle';
import { OriginSummary } from '../../components/OriginSummary';
import { PointRow } from '../../components/PointRow';
import { PointsMap } from '../../components/PointsMap';
import '../../childcare.css';
import '../../registration.css';

const serviceOptions = [
  { value: undefined as Service | undefined, text: '全部', key: 'all' },
  ...serviceKeys.map((s) => ({ value: s as Service | undefined, text: serviceNames[s], key: s })),
];

/** 附近服务网点: print, pickup and consult points near the user (or a district), list and map. */
export default function ServicePoints() {
  const initial = useRouter().params.service;
  const [service, setService] = useState<Service | undefined>(serviceKeys.find((s) => s === initial));
  const [view, setView] = useState<'list' | 'map'>('list');
  const o = useOrigin(storageKeys.servicePointsOrigin);
  const { origin } = o;

  const load = useCallback(
    (cursor?: string) => {
      if (!origin) return Promise.resolve({ items: [], nextCursor: null });
      const where =
        origin.kind === 'point' ? { lat: origin.lat, lng: origin.lng } : { district: origin.code };
      return call(api.nearbyServicePoints, { query: { ...where, service, cursor } });
    },
    [origin, service],
  );
  const list = usePaged(load, { reloadWhen: origin });

  const centre = !origin ? undefined : origin.kind === 'point' ? origin : districtByCode(origin.code).centre;
  return (
    <PageShell name="service-points">
      <Banner id="origin-notice" text={o.notice} />
      {o.picking || !origin ? (
        <OriginPicker
          title="在哪里找服务网点？"
          reason={servicePointsLocationReason}
          selected={origin?.kind === 'district' ? origin.code : undefined}
          onDistrict={o.chooseDistrict}
          onUseLocation={() => o.setExplaining(true)}
        />
      ) : (
        <OriginSummary
          text={origin.kind === 'point' ? '我的位置附近' : `${districtByCode(origin.code).name}附近`}
          onChange={() => o.setPicking(true)}
        />
      )}
      {origin ? (
        <>
          <Chips
            idPrefix="points-service"
            label="服务类型"
            options={serviceOptions}
            value={service}
            onChange={setService}
          />
          <View className="row cc-toolbar">
            <ListMapToggle idPrefix="points-" view={view} onChange={setView} />
          </View>
          <Banner id="points-error" text={list.error} />
          {view === 'map' && centre ? (
            <PointsMap items={list.items} centre={centre} showLocation={origin.kind === 'point'} />
          ) : null}
          {view === 'list' || process.env.TARO_ENV !== 'weapp' ? (
            <View role="list" aria-label="附近服务网点" id="points">
              {list.loaded && list.items.length === 0 ? (
                <Text className="muted" id="points-empty">
                  附近没有提供{service ? serviceNames[service] : ''}服务的网点，可以换一个县区或服务类型。
                </Text>
              ) : null}
              {list.items.map((p, i) => (
                <PointRow key={p.id} point={p} index={i} />
              ))}
              <LoadMore list={list} what="网点" id="points-more" />
            </View>
          ) : null}
        </>
      ) : null}
      {o.explaining ? (
        <ConfirmDialog
          id="location-dialog"
          title="使用您的位置"
          message={`${servicePointsLocationReason}我们只获取大致位置（模糊定位），不同意也可以按县区查找。`}
          confirmText="继续"
          cancelText="按县区查找"
          onConfirm={o.startLocating}
          onCancel={() => {
            o.setExplaining(false);
            o.setPicking(true);
          }}
        />
      ) : null}
    </PageShell>
  );
}
