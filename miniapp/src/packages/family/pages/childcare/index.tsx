import { districtByCode, type NearbyItem } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { defaultFilters, nearbyQuery, type SearchFilters } from '../../../../childcare/search-query';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Banner } from '../../../../components/Field';
import { OriginPicker } from '../../../../components/OriginPicker';
import { PageShell } from '../../../../components/PageShell';
import { SubmitButton } from '../../../../components/SubmitButton';
import { WindowedList } from '../../../../components/WindowedList';
import { routes } from '../../../../config/routes';
import { locationReason } from '../../../../location/locate';
import { useOrigin } from '../../../../location/use-origin';
import { usePaged } from '../../../../state/paged';
import { storageKeys } from '../../../../state/storage';
import { FilterPanel } from '../../components/FilterPanel';
import { ListMapToggle } from '../../components/ListMapToggle';
import { OriginSummary } from '../../components/OriginSummary';
import { ResultRow } from '../../components/ResultRow';
import { ResultsMap } from '../../components/ResultsMap';
import '../../childcare.css';

/** 托育服务: nearby search with filters, as a list (windowed) or a map. */
export default function ChildcareSearch() {
  const { origin, picking, setPicking, explaining, setExplaining, notice, startLocating, chooseDistrict } =
    useOrigin(storageKeys.childcareOrigin);
  const [filters, setFilters] = useState<SearchFilters>(defaultFilters);
  const [showFilters, setShowFilters] = useState(false);
  const [view, setView] = useState<'list' | 'map'>('list');

  const load = useCallback(
    (cursor?: string) =>
      origin
        ? call(api.childcareNearby, {
            query: nearbyQuery(origin, filters, cursor),
            loading: cursor === undefined,
          })
        : Promise.resolve({ items: [] as NearbyItem[], nextCursor: null }),
    [origin, filters],
  );
  const results = usePaged(load, { reloadWhen: origin });

  const open = (item: NearbyItem) =>
    Taro.navigateTo({
      url: `${routes.childcareInstitution}?id=${encodeURIComponent(item.institution.id)}${filters.date ? `&date=${filters.date}` : ''}`,
    });
  const originText = !origin
    ? ''
    : origin.kind === 'point'
      ? '我的位置附近'
      : `${districtByCode(origin.code).name}（县区中心）附近`;
  const centre = !origin ? undefined : origin.kind === 'point' ? origin : districtByCode(origin.code).centre;

  return (
    <PageShell name="childcare">
      <Banner id="origin-notice" text={notice} />
      {picking || !origin ? (
        <OriginPicker
          title="在哪里找托育机构？"
          reason={locationReason}
          selected={origin?.kind === 'district' ? origin.code : undefined}
          onDistrict={chooseDistrict}
          onUseLocation={() => setExplaining(true)}
        />
      ) : (
        <OriginSummary text={`${originText} ${filters.radiusKm} 公里内`} onChange={() => setPicking(true)} />
      )}

      {origin ? (
        <>
          <View className="row cc-toolbar">
            <ListMapToggle view={view} onChange={setView} />
            <SubmitButton
              id="toggle-filters"
              label={showFilters ? '收起筛选' : '筛选'}
              tone="plain"
              small
              grow
              onClick={() => setShowFilters(!showFilters)}
            >
              {showFilters ? '收起筛选' : '筛选'}
            </SubmitButton>
          </View>
          {showFilters ? <FilterPanel filters={filters} onChange={setFilters} /> : null}
          <Banner id="results-error" text={results.error} />
          {view === 'map' && centre ? (
            <ResultsMap
              items={results.items}
              centre={centre}
              radiusKm={filters.radiusKm}
              showLocation={origin.kind === 'point'}
              onOpen={open}
            />
          ) : null}
          {view === 'list' || process.env.TARO_ENV !== 'weapp' ? (
            <ResultsList results={results} date={filters.date} onOpen={open} />
          ) : null}
        </>
      ) : null}

      {explaining ? (
        <ConfirmDialog
          id="location-dialog"
          title="使用您的位置"
          message={`${locationReason}我们只获取大致位置（模糊定位），不同意也可以按县区查找。`}
          confirmText="继续"
          cancelText="按县区查找"
          onConfirm={startLocating}
          onCancel={() => {
            setExplaining(false);
            setPicking(true);
          }}
        />
      ) : null}
    </PageShell>
  );
}

function ResultsList({
  results,
  date,
  onOpen,
}: {
  results: ReturnType<typeof usePaged<NearbyItem>>;
  date?: string;
  onOpen: (item: NearbyItem) => void;
}) {
  if (results.loaded && results.items.length === 0 && !results.loading) {
    return (
      <View className="section" id="results-empty">
        <Text className="text">附近没有符合条件的托育机构。</Text>
        <Text className="muted">可以扩大距离、放宽月费或换一个日期再试。</Text>
      </View>
    );
  }
  const end = results.loading
    ? '加载中…'
    : results.hasMore
      ? '上滑加载更多'
      : `共 ${results.items.length} 家，已全部显示`;
  return (
    <WindowedList
      id="results"
      label="附近的托育机构"
      items={results.items}
      estimatedRowPx={(Taro.getSystemInfoSync().windowWidth / 750) * 232}
      keyOf={(item) => item.institution.id}
      renderRow={(item, index) => <ResultRow item={item} index={index} date={date} onOpen={onOpen} />}
      onEndReached={results.loadMore}
      footer={
        <Text className="list-end" id="results-end">
          {end}
        </Text>
      }
    />
  );
}
