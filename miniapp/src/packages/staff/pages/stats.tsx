import type { Api, ResponseOf } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { useSession } from '../../../auth/session';
import { Banner } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { formatShare } from '../../../lib/format';
import { BarChart } from '../components/BarChart';
import { StaffConsole } from '../console/StaffConsole';
import '../staff.css';

type Stats = ResponseOf<Api['childcareStats']>;

/** 托育统计: per district places, 普惠率 against 30 %, centres opened this year against 18. */
export default function StatsPage() {
  const session = useSession();
  const [stats, setStats] = useState<Stats>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!session) return;
    call(api.childcareStats, { query: {} })
      .then(setStats)
      .catch((e: unknown) => setError(isApiError(e) ? e.message : '加载失败，请稍后再试'));
  }, [session]);

  if (!session) {
    return (
      <PageShell name="staff-stats">
        <SignInPrompt reason="卫健工作人员登录后查看托育统计。" />
      </PageShell>
    );
  }
  const items = stats?.items ?? [];
  const shareTarget = items[0]?.affordableTarget ?? 0.3;
  const openedTarget = items[0]?.openedTarget ?? 18;
  return (
    <PageShell name="staff-stats">
      <StaffConsole current="stats">
        <Banner id="stats-error" text={error} />
        <View className="section">
          <Text className="title">{stats ? `${stats.year} 年托育统计` : '托育统计'}</Text>
          <View className="st-scroll">
            <View className="st-table" id="stats-table" role="table" aria-label="各县区托育统计">
              <View className="st-tr" role="row">
                {['县区', '机构', '托位', '普惠托位', '普惠率', '今年新开', '备案率'].map((h) => (
                  <View key={h} className="st-th" role="columnheader">
                    {h}
                  </View>
                ))}
              </View>
              {items.map((d) => (
                <View key={d.district} className="st-tr" role="row" id={`stats-row-${d.district}`}>
                  <View className="st-td" role="cell">
                    {d.districtName}
                  </View>
                  <View className="st-td" role="cell">
                    {d.institutions}
                  </View>
                  <View className="st-td" role="cell">
                    {d.places}
                  </View>
                  <View className="st-td" role="cell">
                    {d.affordablePlaces}
                  </View>
                  <View
                    className={`st-td${d.meetsAffordableTarget ? '' : ' st-below'}`}
                    role="cell"
                    id={`stats-share-${d.district}`}
                  >
                    {formatShare(d.affordableShare)}
                    {d.meetsAffordableTarget ? '' : '（未达标）'}
                  </View>
                  <View
                    className={`st-td${d.openedThisYear >= d.openedTarget ? '' : ' st-below'}`}
                    role="cell"
                  >
                    {d.openedThisYear} / {d.openedTarget}
                  </View>
                  <View className="st-td" role="cell" id={`stats-filing-${d.district}`}>
                    {formatShare(d.filingRate)}（{d.filedOperators}/{d.knownOperators}）
                  </View>
                </View>
              ))}
            </View>
          </View>
        </View>
        <BarChart
          id="chart-share"
          title="普惠率"
          target={shareTarget}
          targetText={formatShare(shareTarget)}
          bars={items.map((d) => ({
            key: d.district,
            label: d.districtName,
            value: d.affordableShare,
            text: formatShare(d.affordableShare),
          }))}
        />
        <BarChart
          id="chart-opened"
          title="今年新开机构"
          target={openedTarget}
          targetText={`${openedTarget} 家`}
          bars={items.map((d) => ({
            key: d.district,
            label: d.districtName,
            value: d.openedThisYear,
            text: `${d.openedThisYear} 家`,
          }))}
        />
      </StaffConsole>
    </PageShell>
  );
}
