import { api, type DistrictCode, type Indicators } from '@hongjia/shared';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { useSession } from '../../../auth/session';
import { button } from '../../../components/a11y';
import { Banner } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { todayInChina } from '../../../lib/dates';
import { DistrictChips } from '../components/DistrictChips';
import { ShareBars } from '../components/ShareBars';
import { districtName } from '../model/labels';
import {
  headlineFigures,
  lastMonths,
  monthBars,
  rangeFlags,
  shareRows,
  shiftMonth,
} from '../model/monitoring';
import '../staff.css';

/**
 * 指标看板: a district's (city staff: any district or the whole city) births,
 * sex ratio, parity and mothers' ages, registration coverage and migration
 * over a month range, from the counters; by month as bars, with the
 * data-quality flags in words beside the month they concern.
 */
export default function MonitoringDashboardPage() {
  const session = useSession();
  const cityWide = Boolean(session?.user.cityWide);
  const [district, setDistrict] = useState<DistrictCode>();
  const [range, setRange] = useState(() => lastMonths(todayInChina()));
  const [figures, setFigures] = useState<Indicators>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!session) return;
    setError(undefined);
    // District staff name their own district (the route reads an omitted one as the whole city).
    const asked = district ?? (session.user.cityWide ? undefined : session.user.district);
    call(api.monitoringIndicators, { query: { ...range, ...(asked ? { district: asked } : {}) } })
      .then(setFigures)
      .catch((e: unknown) => setError(isApiError(e) ? e.message : '加载失败，请稍后再试'));
  }, [session, range, district]);

  if (!session) {
    return (
      <PageShell name="staff-monitoring-dashboard">
        <SignInPrompt reason="卫健工作人员登录后查看人口监测指标。" />
      </PageShell>
    );
  }
  const shift = (by: number) =>
    setRange((current) => ({ from: shiftMonth(current.from, by), to: shiftMonth(current.to, by) }));
  const widen = (by: number) =>
    setRange((current) => {
      const from = shiftMonth(current.from, -by);
      return from <= current.to ? { ...current, from } : current;
    });
  const place = figures ? (figures.district ? districtName(figures.district) : '全市') : '';
  return (
    <PageShell name="staff-monitoring-dashboard">
      <View className="staff">
        <Banner id="dashboard-error" text={error} />
        <View className="section">
          <Text className="title">指标看板</Text>
          {cityWide ? (
            <DistrictChips idPrefix="dashboard-district" value={district} onChange={setDistrict} />
          ) : null}
          <Text className="text" id="dashboard-range">
            {place} {range.from} 至 {range.to}
          </Text>
          <View className="st-filing__head">
            <Button
              className="btn btn--plain btn--small"
              onClick={() => shift(-1)}
              {...button('往前一个月', 'dashboard-earlier')}
            >
              ‹ 前移
            </Button>
            <Button
              className="btn btn--plain btn--small"
              onClick={() => widen(12)}
              {...button('多看 12 个月', 'dashboard-wider')}
            >
              多看 12 个月
            </Button>
            <Button
              className="btn btn--plain btn--small"
              onClick={() => widen(-3)}
              {...button('少看 3 个月', 'dashboard-narrower')}
            >
              少看 3 个月
            </Button>
            <Button
              className="btn btn--plain btn--small"
              onClick={() => shift(1)}
              {...button('往后一个月', 'dashboard-later')}
            >
              后移 ›
            </Button>
          </View>
        </View>

        {figures ? (
          <>
            {rangeFlags(figures).map((message) => (
              <Text key={message} className="st-flag" id="dashboard-flag">
                ⚠ {message}
              </Text>
            ))}
            <View className="section">
              <View className="st-figures" id="dashboard-figures">
                {headlineFigures(figures).map((figure) => (
                  <View key={figure.key} className="st-figure" id={`figure-${figure.key}`}>
                    <Text className="muted">{figure.label}</Text>
                    <Text className="st-figure__value">{figure.value}</Text>
                  </View>
                ))}
              </View>
            </View>
            <View className="st-columns">
              <ShareBars id="dashboard-parity" title="孩次构成" rows={shareRows(figures.parityShares)} />
              <ShareBars id="dashboard-ages" title="母亲年龄构成" rows={shareRows(figures.motherAgeGroups)} />
            </View>
            <View className="section" id="dashboard-months">
              <Text className="title">逐月出生数</Text>
              <Text className="muted">
                条形为出生数（与最多的月份相比），括号内为性别比；黄色提示为数据质量问题。
              </Text>
              {monthBars(figures).map((bar) => (
                <View key={bar.key} className="st-month" id={`month-${bar.key}`}>
                  <View className="st-chart-row">
                    <Text className="st-chart-label">{bar.label}</Text>
                    <View className="st-chart-track" aria-hidden="true">
                      <View className="st-chart-bar" style={{ width: `${bar.width}%` }} />
                    </View>
                    <Text className="st-chart-value">{bar.text}</Text>
                  </View>
                  {bar.flags.map((message) => (
                    <Text key={message} className="st-flag">
                      ⚠ {message}
                    </Text>
                  ))}
                </View>
              ))}
            </View>
          </>
        ) : null}
      </View>
    </PageShell>
  );
}
