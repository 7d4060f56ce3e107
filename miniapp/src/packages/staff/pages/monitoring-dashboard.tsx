import type { DistrictCode, Indicators } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { addMonths } from '@hongjia/shared/calendar/months';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { useSession } from '../../../auth/session';
import { Banner } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../forms/use-submit';
import { DistrictChips } from '../components/DistrictChips';
import { ShareBars } from '../components/ShareBars';
import { StaffConsole } from '../console/StaffConsole';
import { districtName } from '../model/labels';
import { headlineFigures, lastMonths, monthBars, rangeFlags, shareRows } from '../model/monitoring';
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
  const form = useSubmit();
  const { setBanner } = form;

  useEffect(() => {
    if (!session) return;
    setBanner(undefined);
    // District staff name their own district (the route reads an omitted one as the whole city).
    const asked = district ?? (session.user.cityWide ? undefined : session.user.district);
    call(api.monitoringIndicators, { query: { ...range, ...(asked ? { district: asked } : {}) } })
      .then(setFigures)
      .catch((e: unknown) => setBanner(isApiError(e) ? e.message : '加载失败，请稍后再试'));
  }, [session, range, district, setBanner]);

  if (!session) {
    return (
      <PageShell name="staff-monitoring-dashboard">
        <SignInPrompt reason="卫健工作人员登录后查看人口监测指标。" />
      </PageShell>
    );
  }
  const shift = (by: number) =>
    setRange((current) => ({ from: addMonths(current.from, by), to: addMonths(current.to, by) }));
  const widen = (by: number) =>
    setRange((current) => {
      const from = addMonths(current.from, -by);
      return from <= current.to ? { ...current, from } : current;
    });
  const place = figures ? (figures.district ? districtName(figures.district) : '全市') : '';
  return (
    <PageShell name="staff-monitoring-dashboard">
      <StaffConsole current="monitoring-dashboard">
        <Banner id="dashboard-error" text={form.banner} />
        <View className="section">
          <Text className="title">指标看板</Text>
          {cityWide ? (
            <DistrictChips idPrefix="dashboard-district" value={district} onChange={setDistrict} />
          ) : null}
          <Text className="text" id="dashboard-range">
            {place} {range.from} 至 {range.to}
          </Text>
          <View className="st-filing__head">
            <SubmitButton
              id="dashboard-earlier"
              label="往前一个月"
              tone="plain"
              small
              onClick={() => shift(-1)}
            >
              ‹ 前移
            </SubmitButton>
            <SubmitButton
              id="dashboard-wider"
              label="多看 12 个月"
              tone="plain"
              small
              onClick={() => widen(12)}
            />
            <SubmitButton
              id="dashboard-narrower"
              label="少看 3 个月"
              tone="plain"
              small
              onClick={() => widen(-3)}
            />
            <SubmitButton id="dashboard-later" label="往后一个月" tone="plain" small onClick={() => shift(1)}>
              后移 ›
            </SubmitButton>
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
      </StaffConsole>
    </PageShell>
  );
}
