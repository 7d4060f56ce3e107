import { districtByCode, type SubsidyView } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { SubmitButton } from '../../../components/SubmitButton';
import { formatYuan } from '../../../lib/format';
import { reviewDue } from '../model/deadlines';
import { byYearText, monthsText, type PaymentRow, paymentRows, subsidyStatusNames } from '../model/subsidies';
import { Fact } from './Fact';

/**
 * One 育儿补贴 application: child (masked), months and amount by year, review deadline, decision;
 * once approved, each year's payment: the day it was recorded, or 登记发放 when the year has come.
 */
export function SubsidyCard({
  subsidy: s,
  today,
  onDecide,
  onPay,
}: {
  subsidy: SubsidyView;
  today: string;
  onDecide: (decision: 'approve' | 'reject') => void;
  onPay: (row: PaymentRow) => void;
}) {
  const due = s.status === 'pending_review' ? reviewDue(s.reviewDueBy, today) : undefined;
  const payments = paymentRows(s, today);
  return (
    <View className="section" id={`subsidy-${s.id}`}>
      <View className="st-filing__head">
        <Text className="text">
          {s.childNameMasked} · {districtByCode(s.hukouDistrict).name}
        </Text>
        <Text className="text">{subsidyStatusNames[s.status]}</Text>
      </View>
      {due ? (
        <Text className={`text as-due as-due--${due.tone}`} id={`subsidy-due-${s.id}`}>
          {due.text}
        </Text>
      ) : null}
      <Fact name="儿童" value={`${s.childIdNumberMasked} · 出生 ${s.childBirthDate}`} />
      <Fact name="申请人" value={`${s.applicantNameMasked} · ${formatChinaDateTime(s.submittedAt)}`} />
      <Fact name="补贴月份" value={monthsText(s)} />
      <Fact name="分年度" value={byYearText(s.byYear)} />
      {s.reviewedAt ? <Fact name="审核时间" value={formatChinaDateTime(s.reviewedAt)} /> : null}
      {s.comment ? <Fact name="审核意见" value={s.comment} /> : null}
      {s.renewalDueOn ? <Fact name="年度确认" value={`${s.renewalDueOn} 前`} /> : null}
      {payments.length ? (
        <Fact name="发放" id={`subsidy-payments-${s.id}`}>
          {payments.map((row) => (
            <View className="row" key={row.year} id={`subsidy-payment-${s.id}-${row.year}`}>
              <Text className="text grow">{row.text}</Text>
              {row.state === 'due' ? (
                <SubmitButton
                  id={`subsidy-pay-${s.id}-${row.year}`}
                  label={`登记${s.childNameMasked}${row.year}年育儿补贴发放${formatYuan(row.amountYuan)}`}
                  small
                  onClick={() => onPay(row)}
                >
                  登记发放
                </SubmitButton>
              ) : null}
            </View>
          ))}
        </Fact>
      ) : null}
      {s.status === 'pending_review' ? (
        <View className="row">
          <SubmitButton
            id={`subsidy-approve-${s.id}`}
            label={`通过${s.childNameMasked}的育儿补贴`}
            grow
            onClick={() => onDecide('approve')}
          >
            通过
          </SubmitButton>
          <SubmitButton
            id={`subsidy-reject-${s.id}`}
            label={`不予发放${s.childNameMasked}的育儿补贴`}
            tone="plain"
            grow
            onClick={() => onDecide('reject')}
          >
            不予发放
          </SubmitButton>
        </View>
      ) : null}
    </View>
  );
}
