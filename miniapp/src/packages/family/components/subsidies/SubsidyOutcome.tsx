import type { api, ResponseOf } from '@hongjia/shared';
import { spokenDate } from '@hongjia/shared/calendar/spoken';
import { Text, View } from '@tarojs/components';
import { NavButton } from '../../../../components/NavButton';
import { routes } from '../../../../config/routes';
import { formatYuan } from '../../../../lib/format';
import { subsidyStatusNames } from '../../../../subsidies/labels';
import { monthWords, yearRows } from '../../../../subsidies/preview';
import { YearTable } from './YearTable';

export type SubsidyCreated = ResponseOf<typeof api.applyChildcareSubsidy>;

/** After 申领: what the server decided (months, amount by year) and when the review is due. */
export function SubsidyOutcome({ created }: { created: SubsidyCreated }) {
  return (
    <View className="section" id="subsidy-outcome" role="status">
      <Text className="title">申领已提交</Text>
      <Text className="text" id="subsidy-outcome-status">
        状态：{subsidyStatusNames[created.status]}
      </Text>
      <Text className="text" id="subsidy-outcome-amount">
        {created.months} 个月（{monthWords(created.firstMonth)}至{monthWords(created.lastMonth)}），共{' '}
        {formatYuan(created.amountYuan)}
      </Text>
      <YearTable id="subsidy-outcome-years" rows={yearRows(created.byYear)} />
      {created.status === 'pending_review' ? (
        <Text className="muted" id="subsidy-outcome-review">
          工作人员将进行核对，县区卫健委将在{spokenDate(created.reviewDueBy)}前审核完，结果会发消息告诉您。
        </Text>
      ) : null}
      <NavButton
        id="subsidy-outcome-list"
        label="查看我的育儿补贴"
        tone="primary"
        where={{ replace: routes.subsidies }}
      />
    </View>
  );
}
