import type { DistrictCode } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { isApiError } from '../../../api/errors';
import { useSession } from '../../../auth/session';
import { Chips } from '../../../components/Chips';
import { Banner } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { apiBase } from '../../../config/env';
import { useSubmit } from '../../../forms/use-submit';
import { DistrictChips } from '../components/DistrictChips';
import { StaffConsole } from '../console/StaffConsole';
import { openStaffFile } from '../model/file-download';
import { districtName } from '../model/labels';
import { reportUrl, reportYears } from '../model/monitoring';
import '../staff.css';

/**
 * 形势报告: the year's population situation report of a district (city staff:
 * any district or the city) as PDF or HTML. The report route belongs to the
 * report group (GET /v1/staff/monitoring/reports); this page only links to it.
 */
export default function MonitoringReportPage() {
  const session = useSession();
  const cityWide = Boolean(session?.user.cityWide);
  const years = reportYears(todayInChina());
  const [year, setYear] = useState(years[1] ?? years[0] ?? 2026);
  const [district, setDistrict] = useState<DistrictCode>();
  const form = useSubmit();

  if (!session) {
    return (
      <PageShell name="staff-monitoring-report">
        <SignInPrompt reason="卫健工作人员登录后查看人口形势分析报告。" />
      </PageShell>
    );
  }
  const place = district ? districtName(district) : cityWide ? '全市' : districtName(session.user.district);
  const open = (format: 'pdf' | 'html') => {
    form.setBanner(undefined);
    // District staff always name their district: the route answers 403 to one without it (decision 0021).
    const target = district ?? (cityWide ? undefined : session.user.district);
    const url = reportUrl(apiBase, { year, format, ...(target ? { district: target } : {}) });
    openStaffFile(url, `${place}${year}年人口形势分析报告.${format}`, format).catch((e: unknown) =>
      form.setBanner(isApiError(e) ? e.message : '报告打开失败，请稍后再试'),
    );
  };
  return (
    <PageShell name="staff-monitoring-report">
      <StaffConsole current="monitoring-report">
        <Banner id="report-error" text={form.banner} />
        <View className="section">
          <Text className="title">形势报告</Text>
          <Chips
            idPrefix="report-year"
            label="年度"
            options={years.map((value) => ({ value, key: String(value), text: `${value} 年` }))}
            value={year}
            onChange={setYear}
          />
          {cityWide ? (
            <DistrictChips idPrefix="report-district" value={district} onChange={setDistrict} />
          ) : null}
          <Text className="text" id="report-what">
            {place} {year} 年人口形势分析报告
          </Text>
          <SubmitButton id="report-pdf" label="打开 PDF 报告" onClick={() => open('pdf')}>
            打开 PDF
          </SubmitButton>
          <SubmitButton id="report-html" label="打开网页版报告" tone="plain" onClick={() => open('html')}>
            打开网页版
          </SubmitButton>
          <Text className="muted">报告按年度汇总出生、性别比、孩次、登记覆盖和迁移情况。</Text>
        </View>
      </StaffConsole>
    </PageShell>
  );
}
