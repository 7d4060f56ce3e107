import type { CoverageResponse, DistrictCode } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { useSession } from '../../../auth/session';
import { Banner } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { formatShare } from '../../../lib/format';
import { BarChart } from '../components/BarChart';
import { CoverageTable } from '../components/CoverageTable';
import { DistrictChips } from '../components/DistrictChips';
import { LackingList } from '../components/LackingList';
import { StaffConsole } from '../console/StaffConsole';
import { coverageBars, coverageRows, lackingSections, share, uninsuredSection } from '../model/coverage';
import { districtName } from '../model/labels';
import '../staff.css';

/**
 * 三个全覆盖: every special family with a contact person, a signed family doctor and a medical
 * green channel. Counts and shares per district, the three shares as bars against 100%, and
 * the families lacking each (a tap opens the record to fill it in).
 */
export default function CoveragePage() {
  const session = useSession();
  // District staff are answered for their own district without naming it in the query.
  const own = session?.user.cityWide ? undefined : session?.user.district;
  const [district, setDistrict] = useState<DistrictCode>();
  const [coverage, setCoverage] = useState<CoverageResponse>();
  const [error, setError] = useState<string>();
  const load = useCallback(async () => {
    try {
      setError(undefined);
      setCoverage(await call(api.specialFamilyCoverage, { query: district ? { district } : {} }));
    } catch (e) {
      setError(isApiError(e) ? e.message : '加载失败，请稍后再试');
    }
  }, [district]);
  useEffect(() => {
    if (session) void load();
  }, [session, load]);
  // A record filled in from the lists below changes the figures: fresh when shown again.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current && session) void load();
    shownBefore.current = true;
  });

  if (!session) {
    return (
      <PageShell name="staff-coverage">
        <SignInPrompt reason="卫健工作人员登录后查看三个全覆盖情况。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="staff-coverage">
      <StaffConsole current="coverage">
        {session.user.cityWide ? (
          <DistrictChips idPrefix="coverage-district" value={district} onChange={setDistrict} />
        ) : null}
        <Banner id="coverage-error" text={error} />
        {coverage ? (
          <>
            <View className="section">
              <Text className="title">{districtName(coverage.district ?? own)}三个全覆盖</Text>
              <Text className="text" id="coverage-summary">
                特殊家庭 {coverage.families} 户，三项全部落实 {coverage.fullyCovered} 户（
                {formatShare(share(coverage.fullyCovered, coverage.families))}）。
              </Text>
              <CoverageTable rows={coverageRows(coverage)} />
            </View>
            <BarChart
              id="coverage-chart"
              title="覆盖率"
              target={1}
              targetText="100%"
              max={1}
              bars={coverageBars(coverage)}
            />
            {lackingSections(coverage).map((s) => (
              <LackingList key={s.key} section={s} />
            ))}
            <View className="section" id="coverage-insurance">
              <Text className="title">重大疾病综合商业保险</Text>
              <Text className="text" id="coverage-insurance-summary">
                保障中 {uninsuredSection(coverage).covered.text}{' '}
                户；保单到期或未参保的家庭列在下方，不计入三个全覆盖。
              </Text>
            </View>
            <LackingList section={uninsuredSection(coverage)} />
          </>
        ) : null}
      </StaffConsole>
    </PageShell>
  );
}
