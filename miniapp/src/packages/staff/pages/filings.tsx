import { ageClassRules, districtByCode, type InstitutionDetail } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useSession } from '../../../auth/session';
import { type InstitutionStatusKind, institutionStatusNames } from '../../../childcare/labels';
import { pressable } from '../../../components/a11y';
import { Chips } from '../../../components/Chips';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { routes } from '../../../config/routes';
import { useWideLayout } from '../../../console/use-wide-layout';
import { formatMonthlyFee } from '../../../lib/format';
import type { Column } from '../../../lib/table';
import { usePaged } from '../../../state/paged';
import { ReviewDecisionDialog } from '../components/ReviewDecisionDialog';
import { useReviewDecision } from '../components/use-review-decision';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import '../staff.css';

const statusOptions = (['pending_review', 'published', 'rejected'] as const).map((s) => ({
  value: s,
  text: institutionStatusNames[s],
  key: s,
}));

/** The console's columns and the CSV's (a filing holds no personal data). */
const filingColumns: Column<InstitutionDetail>[] = [
  { key: 'name', header: '机构名称', text: (f) => f.name },
  { key: 'creditCode', header: '统一社会信用代码', text: (f) => f.creditCode },
  { key: 'district', header: '县区', text: (f) => districtByCode(f.district).name },
  { key: 'address', header: '地址', text: (f) => f.address, csvOnly: true },
  { key: 'affordable', header: '普惠', text: (f) => (f.affordable ? '普惠' : '非普惠') },
  {
    key: 'fee',
    header: '月收费',
    text: (f) => formatMonthlyFee(f.monthlyFeeYuan),
    sortBy: (f) => f.monthlyFeeYuan,
  },
  {
    key: 'capacity',
    header: '托位',
    text: (f) => String(f.classes.reduce((n, c) => n + c.capacity, 0)),
    sortBy: (f) => f.classes.reduce((n, c) => n + c.capacity, 0),
  },
  {
    key: 'status',
    header: '状态',
    text: (f) => institutionStatusNames[f.status as InstitutionStatusKind] ?? f.status,
  },
  {
    key: 'createdAt',
    header: '提交时间',
    text: (f) => formatChinaDateTime(f.createdAt),
    sortBy: (f) => Date.parse(f.createdAt),
  },
  { key: 'reviewReason', header: '驳回理由', text: (f) => f.reviewReason ?? '', csvOnly: true },
];

/** 备案审核: the jurisdiction's filings by status; approve publishes, reject needs a reason. */
export default function FilingsPage() {
  const session = useSession();
  const [status, setStatus] = useState<InstitutionStatusKind>('pending_review');
  const load = useCallback(
    (cursor?: string) => call(api.staffFilings, { query: { status, cursor } }),
    [status],
  );
  const list = usePaged(load, { reloadWhen: session });
  const { reload } = list;
  const wide = useWideLayout();
  const [open, setOpen] = useState<string>();
  const review = useReviewDecision<InstitutionDetail>({
    reasonReader: '机构',
    approvedToast: '已通过',
    // The route has no idempotency key: one approval rests on the filing's conditional status write.
    send: (filing, body) => call(api.decideFiling, { params: { id: filing.id }, body }),
    onDecided: (filing) => list.setItems((items) => items.filter((f) => f.id !== filing.id)),
    reload,
  });

  if (!session) {
    return (
      <PageShell name="staff-filings">
        <SignInPrompt reason="卫健工作人员登录后审核托育机构备案。" />
      </PageShell>
    );
  }

  /** One filing: name and district, its facts when open (always in the console's pane), the decision. */
  const filingCard = (f: InstitutionDetail, inPane = false) => (
    <View key={f.id} className="section" id={`filing-${f.id}`}>
      <View
        className="st-filing__head"
        onClick={() => setOpen(open === f.id ? undefined : f.id)}
        // Named by its visible text (name, district); whether it is open is aria-expanded.
        {...pressable(`filing-toggle-${f.id}`)}
        aria-expanded={open === f.id || inPane}
      >
        <Text className="text">{f.name}</Text>
        <Text className="muted">{districtByCode(f.district).name}</Text>
      </View>
      {open === f.id || inPane ? (
        <View id={`filing-detail-${f.id}`}>
          <Text className="text">统一社会信用代码：{f.creditCode}</Text>
          <Text className="text">地址：{f.address}</Text>
          <Text className="text">
            {f.affordable ? '普惠' : '非普惠'} · {formatMonthlyFee(f.monthlyFeeYuan)}
          </Text>
          {f.classes.map((c) => (
            <Text key={c.ageClass} className="text">
              {ageClassRules[c.ageClass].name}：{c.capacity} 人，保育人员 {c.caregivers} 名
            </Text>
          ))}
          <Text className="muted">提交时间：{formatChinaDateTime(f.createdAt)}</Text>
          {f.reviewReason ? <Text className="text">驳回理由：{f.reviewReason}</Text> : null}
          {f.status === 'published' ? (
            <SubmitButton
              id={`filing-supervise-${f.id}`}
              label={`${f.name}的安全检查与示范认定`}
              tone="plain"
              onClick={() =>
                Taro.navigateTo({
                  url: `${routes.staffSupervision}?id=${encodeURIComponent(f.id)}&name=${encodeURIComponent(f.name)}`,
                })
              }
            >
              安全检查与示范认定
            </SubmitButton>
          ) : null}
        </View>
      ) : null}
      {f.status === 'pending_review' ? (
        <View className="row">
          <SubmitButton
            id={`filing-approve-${f.id}`}
            label={`通过${f.name}的备案`}
            grow
            onClick={() => review.ask(f, 'approve')}
          >
            通过
          </SubmitButton>
          <SubmitButton
            id={`filing-reject-${f.id}`}
            label={`驳回${f.name}的备案`}
            tone="plain"
            grow
            onClick={() => review.ask(f, 'reject')}
          >
            驳回
          </SubmitButton>
        </View>
      ) : null}
    </View>
  );

  const dialog = (
    <ReviewDecisionDialog
      id="decision-dialog"
      reasonId="decision-reason"
      review={review}
      title={{ approve: '通过这个备案？', reject: '驳回这个备案？' }}
      message={(filing, verdict) =>
        verdict === 'approve'
          ? `${filing.name} 将发布，家长可以查找和预约。`
          : `${filing.name} 将被驳回，机构会看到理由并可重新备案。`
      }
    />
  );

  if (process.env.TARO_ENV === 'h5' && wide) {
    return (
      <PageShell name="staff-filings">
        <StaffConsole current="filings">
          <ConsoleList
            id="filings"
            title={`托育备案-${institutionStatusNames[status]}`}
            list={{ ...list, error: review.form.banner ?? list.error }}
            load={load}
            columns={filingColumns}
            keyOf={(f) => f.id}
            rowLabel={(f) => `${f.name}，${districtByCode(f.district).name}，在右侧打开`}
            dateOf={(f) => f.createdAt}
            filters={
              <Chips
                idPrefix="filings-status"
                label="备案状态"
                options={statusOptions}
                value={status}
                onChange={setStatus}
              />
            }
            pane={(f) => filingCard(f, true)}
            paneLabel="备案详情"
          />
        </StaffConsole>
        {dialog}
      </PageShell>
    );
  }

  return (
    <PageShell name="staff-filings">
      <StaffConsole current="filings">
        <Chips
          idPrefix="filings-status"
          label="备案状态"
          options={statusOptions}
          value={status}
          onChange={setStatus}
        />
        <Banner id="filings-error" text={review.form.banner ?? list.error} />
        {list.loaded && list.items.length === 0 ? (
          <Text className="muted">没有{institutionStatusNames[status]}的备案。</Text>
        ) : null}
        {list.items.map((f) => filingCard(f))}
        <LoadMore list={list} what="备案" id="filings-more" />
      </StaffConsole>
      {dialog}
    </PageShell>
  );
}
