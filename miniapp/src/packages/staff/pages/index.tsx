import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { jurisdictionName } from '../../../auth/roles';
import { useSession } from '../../../auth/session';
import { NavButton } from '../../../components/NavButton';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { routes } from '../../../config/routes';
import { StaffConsole } from '../console/StaffConsole';
import '../staff.css';

/** 已超时 help requests of the jurisdiction, as 3 or 50+ (the first page is enough), or nothing. */
function useOverdueText(signedIn: boolean): string | undefined {
  const [text, setText] = useState<string>();
  const load = useCallback(() => {
    if (!signedIn) return;
    call(api.staffAssistanceRequests, { query: { overdue: 'true', limit: 50 }, loading: false })
      .then((page) =>
        setText(page.items.length ? `${page.items.length}${page.nextCursor ? '+' : ''}` : undefined),
      )
      .catch(() => setText(undefined));
  }, [signedIn]);
  useEffect(load, [load]);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) load();
    shownBefore.current = true;
  });
  return text;
}

/** 工作人员工作台: the staff's tasks of their jurisdiction. More arrive with the other capabilities. */
export default function StaffHome() {
  const user = useSession()?.user;
  const overdue = useOverdueText(Boolean(user));
  if (!user) {
    return (
      <PageShell name="staff">
        <SignInPrompt reason="卫健工作人员登录后审核生育登记和备案、维护特殊家庭档案、查看统计。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="staff">
      <StaffConsole current="home">
        <View className="section">
          <Text className="title">工作人员工作台</Text>
          <Text className="text" id="staff-district">
            辖区：{jurisdictionName(user) ?? '未设置'}
          </Text>
        </View>
        <View className="section">
          <Text className="title">生育登记</Text>
          <NavButton
            id="staff-registrations"
            label="生育登记审核队列"
            where={{ to: routes.staffRegistrations }}
          >
            生育登记审核
          </NavButton>
          <NavButton
            id="staff-conflicts-bundles"
            label="出生一件事冲突核对：同一出生医学证明的两份申请"
            where={{ to: `${routes.staffConflicts}?kind=birth_bundle` }}
          >
            出生一件事冲突
          </NavButton>
        </View>
        <View className="section">
          <Text className="title">托育</Text>
          <NavButton id="staff-filings" label="托育机构备案审核" where={{ to: routes.staffFilings }}>
            备案审核
          </NavButton>
          <NavButton id="staff-stats" label="托育统计：普惠率和新开机构" where={{ to: routes.staffStats }}>
            托育统计
          </NavButton>
          <NavButton
            id="staff-conflicts-filings"
            label="备案冲突核对：同一统一社会信用代码的两份备案"
            where={{ to: `${routes.staffConflicts}?kind=credit_code` }}
          >
            备案冲突
          </NavButton>
          <NavButton id="staff-affordable" label="普惠托育申报审核" where={{ to: routes.staffAffordable }}>
            普惠申报审核
          </NavButton>
          <NavButton
            id="staff-overdue"
            label="安全检查：逾期未整改的机构"
            where={{ to: routes.staffOverdue }}
          >
            逾期未整改
          </NavButton>
          <NavButton
            id="staff-operators"
            label="托育机构底册：登记备案率"
            where={{ to: routes.staffOperators }}
          >
            机构底册
          </NavButton>
        </View>
        <View className="section">
          <Text className="title">特殊家庭</Text>
          <NavButton
            id="staff-special-families"
            label="特殊家庭档案"
            where={{ to: routes.staffSpecialFamilies }}
          />
          <NavButton
            id="staff-coverage"
            label="三个全覆盖：联系人、家庭医生、绿色通道"
            where={{ to: routes.staffCoverage }}
          >
            三个全覆盖
          </NavButton>
          <NavButton id="staff-screening" label="免申即享筛查" where={{ to: routes.staffScreening }} />
          <NavButton id="staff-fact-claims" label="证明材料审核" where={{ to: routes.staffFactClaims }} />
          <NavButton
            id="staff-assistance"
            label={`求助工单${overdue ? `，${overdue} 件已超时` : ''}`}
            tone={overdue ? 'danger' : 'plain'}
            where={{ to: routes.staffAssistance }}
          >
            求助工单{overdue ? `（${overdue} 件已超时）` : ''}
          </NavButton>
          <NavButton
            id="staff-identity-conflicts"
            label="实名冲突"
            where={{ to: `${routes.staffSpecialFamilies}?tab=conflicts` }}
          />
          <NavButton
            id="staff-volunteer-organisations"
            label="社会组织：登记、停用，派单可选的组织"
            where={{ to: routes.staffVolunteerOrganisations }}
          >
            社会组织
          </NavButton>
        </View>
        <View className="section">
          <Text className="title">育儿补贴</Text>
          <NavButton id="staff-subsidies" label="育儿补贴审核" where={{ to: routes.staffSubsidies }} />
          <NavButton
            id="staff-conflicts-subsidies"
            label="育儿补贴冲突核对：同一孩子的两份申请"
            where={{ to: `${routes.staffConflicts}?kind=childcare_subsidy` }}
          >
            申请冲突核对
          </NavButton>
        </View>
        <View className="section">
          <Text className="title">人口监测</Text>
          <NavButton
            id="staff-monitoring-import"
            label="人口监测数据导入"
            where={{ to: routes.staffMonitoringImport }}
          >
            数据导入
          </NavButton>
          <NavButton
            id="staff-monitoring-dashboard"
            label="人口监测指标看板"
            where={{ to: routes.staffMonitoringDashboard }}
          >
            指标看板
          </NavButton>
          <NavButton
            id="staff-monitoring-reconciliation"
            label="人口监测核查清单"
            where={{ to: routes.staffMonitoringReconciliation }}
          >
            核查清单
          </NavButton>
          <NavButton
            id="staff-monitoring-report"
            label="人口形势分析报告"
            where={{ to: routes.staffMonitoringReport }}
          >
            形势报告
          </NavButton>
        </View>
      </StaffConsole>
    </PageShell>
  );
}
