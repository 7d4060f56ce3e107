import { districtByCode } from '@hongjia/shared';
import { inspectionResultNames } from '@hongjia/shared/childcare/programmes';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useSession } from '../../../auth/session';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { usePaged } from '../../../state/paged';
import '../staff.css';
import { StaffConsole } from '../console/StaffConsole';

/** 逾期未整改: inspections whose rectification deadline has passed, by district, oldest first. */
export default function OverduePage() {
  const session = useSession();
  const load = useCallback((cursor?: string) => call(api.overdueRectifications, { query: { cursor } }), []);
  const list = usePaged(load, { reloadWhen: session });
  if (!session) {
    return (
      <PageShell name="staff-overdue">
        <SignInPrompt reason="卫健工作人员登录后查看逾期未整改的机构。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="staff-overdue">
      <StaffConsole current="overdue">
        <Banner id="overdue-error" text={list.error} />
        {list.loaded && list.items.length === 0 ? (
          <Text className="muted">没有逾期未整改的机构。</Text>
        ) : null}
        {list.items.map((item) => (
          <View key={item.id} className="section" id={`overdue-${item.id}`}>
            <Text className="text">{item.institutionName}</Text>
            <Text className="st-below">
              逾期 {item.daysOverdue} 天（整改期限 {item.rectifyBy}）
            </Text>
            <Text className="muted">
              {districtByCode(item.district).name} · {item.date} 检查：{inspectionResultNames[item.result]}
            </Text>
            <Text className="muted">发现：{item.findings}</Text>
          </View>
        ))}
        <LoadMore list={list} what="记录" id="overdue-more" />
      </StaffConsole>
    </PageShell>
  );
}
