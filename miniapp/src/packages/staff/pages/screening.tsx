import { type DistrictCode, EnrolmentRequest, type ScreeningItem } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSession } from '../../../auth/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Banner } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { useWideLayout } from '../../../console/use-wide-layout';
import { useSubmit } from '../../../forms/use-submit';
import type { Column } from '../../../lib/table';
import { DistrictChips } from '../components/DistrictChips';
import { ScreeningFamily } from '../components/ScreeningFamily';
import { ConsoleList } from '../console/ConsoleList';
import { StaffConsole } from '../console/StaffConsole';
import { districtName } from '../model/labels';
import {
  addPage,
  afterEnrolment,
  type EnrolmentOutcome,
  enrolmentBatches,
  enrolmentBody,
  familyState,
  groupByFamily,
  isComplete,
  progressText,
  type ScreeningRun,
  type Selection,
  selectAll,
  selectMore,
  sumEnrolmentResults,
  summaryText,
  toggleFamily,
  toggleItem,
} from '../model/screening';
import '../staff.css';

/** Console and CSV columns: one row per family and policy it qualifies for (families masked). */
const screeningColumns: Column<ScreeningItem>[] = [
  { key: 'family', header: '家庭', text: (i) => i.familyLabel },
  { key: 'district', header: '县区', text: (i) => districtName(i.district) },
  { key: 'policy', header: '政策', text: (i) => i.policyName },
  {
    key: 'yearly',
    header: '每年金额（元）',
    text: (i) => (i.amountYuanPerYear === undefined ? '' : String(i.amountYuanPerYear)),
    sortBy: (i) => i.amountYuanPerYear ?? 0,
  },
  {
    key: 'once',
    header: '一次性金额（元）',
    text: (i) => (i.amountYuanOneTime === undefined ? '' : String(i.amountYuanOneTime)),
    sortBy: (i) => i.amountYuanOneTime ?? 0,
  },
  { key: 'reasons', header: '符合条件的理由', text: (i) => i.reasons.join('；'), csvOnly: true },
];
const itemKey = (i: ScreeningItem) => `${i.familyId}:${i.policyId}`;

/**
 * 免申即享筛查: the rules engine over every special family of a district lists who qualifies
 * and is not enrolled, with its reasons; staff tick and enrol in bulk, and the families are told.
 * The server screens a page of families at a time: 开始筛查 loads page after page, showing how
 * far it got, until the district is done or staff press 停止 (继续筛查 picks up from there).
 * Enrolled pairs leave the list, so a new screening shows only what is left.
 */
export default function ScreeningPage() {
  const session = useSession();
  const own = session?.user.cityWide ? undefined : (session?.user.district as DistrictCode | undefined);
  const [picked, setPicked] = useState<DistrictCode>();
  const district = own ?? picked;
  const [result, setResult] = useState<ScreeningRun>();
  const [items, setItems] = useState<ScreeningItem[]>([]);
  const [selected, setSelected] = useState<Selection>(new Set());
  const [outcome, setOutcome] = useState<EnrolmentOutcome>();
  const [running, setRunning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const form = useSubmit({ fallback: '纳入失败，请稍后再试' });
  const { banner, setBanner } = form;
  const [stopping, setStopping] = useState(false);
  const wide = useWideLayout();
  // Set by 停止 (and on leaving the page): the page being loaded is the last one.
  const stopped = useRef(false);
  useEffect(
    () => () => {
      stopped.current = true;
    },
    [],
  );
  const enrolKeys = useRef(createKeyKeeper()).current;

  /** Loads pages until the district is done or 停止; `from` continues a stopped run. */
  async function run(from?: ScreeningRun) {
    if (!district && !from) {
      setBanner('请先选择县区');
      return;
    }
    const target = from?.district ?? (district as DistrictCode);
    stopped.current = false;
    setStopping(false);
    setRunning(true);
    setBanner(undefined);
    setOutcome(undefined);
    if (!from) {
      setResult(undefined);
      setItems([]);
      setSelected(new Set());
    }
    let sofar = from;
    try {
      do {
        const cursor = sofar?.nextCursor;
        // A read: no Idempotency-Key; our own progress line instead of the loading toast.
        const page = await call(api.runBenefitScreening, {
          body: { district: target, ...(cursor ? { cursor } : {}) },
          loading: false,
        });
        sofar = addPage(sofar, page);
        setResult(sofar);
        setItems(sofar.items);
        setSelected((s) => selectMore(s, page.items));
      } while (!isComplete(sofar) && !stopped.current);
    } catch (e) {
      const reason = isApiError(e) ? e.message : '筛查失败，请稍后再试';
      setBanner(sofar ? `${reason}（已筛查的 ${sofar.familiesScreened} 户保留，可继续筛查）` : reason);
    } finally {
      setRunning(false);
    }
  }

  async function enrol() {
    setConfirming(false);
    if (!result) return;
    const body = enrolmentBody(result.district, items, selected);
    const batches = enrolmentBatches(body.items).map((batch) => ({ district: body.district, items: batch }));
    for (const batch of batches) {
      const checked = EnrolmentRequest.safeParse(batch);
      if (!checked.success) {
        setBanner(checked.error.issues[0]?.message);
        return;
      }
    }
    await form.run(async () => {
      // One request per 500 items, one after another; each batch keeps its own Idempotency-Key.
      const answers = [];
      for (const batch of batches) {
        answers.push(await call(api.enrolBenefits, { body: batch, idempotencyKey: enrolKeys.keyFor(batch) }));
      }
      const answer = sumEnrolmentResults(answers);
      const next = afterEnrolment(items, body.items, answer);
      setOutcome(next);
      setItems(next.remaining);
      setSelected(new Set());
      Taro.showToast({ title: `已纳入 ${answer.enrolled} 项`, icon: 'success' });
    });
  }

  if (!session) {
    return (
      <PageShell name="staff-screening">
        <SignInPrompt reason="卫健工作人员登录后开展免申即享筛查。" />
      </PageShell>
    );
  }
  const groups = groupByFamily(items);
  const allOn = items.length > 0 && selected.size === items.length;
  return (
    <PageShell name="staff-screening">
      <StaffConsole current="screening">
        <View className="section">
          <Text className="title">免申即享筛查</Text>
          <Text className="muted">
            按现行政策逐户核对辖区内的特殊家庭，列出符合条件但尚未纳入的家庭和理由。纳入后家庭会收到通知，无需本人申请。
          </Text>
          {own ? (
            <Text className="text" id="screening-district">
              县区：{districtName(own)}
            </Text>
          ) : (
            <DistrictChips
              idPrefix="screening-district"
              withCity={false}
              value={picked}
              onChange={setPicked}
            />
          )}
          <SubmitButton
            id="screening-run"
            label={result ? '重新筛查' : '开始筛查'}
            disabled={running}
            onClick={() => run()}
          >
            {/* No `loading` here: Taro h5's spinner and a changing label upset each other's DOM. */}
            {result ? '重新筛查' : '开始筛查'}
          </SubmitButton>
          {running ? (
            <View className="row">
              <Text className="text grow" id="screening-progress" aria-live="polite">
                {progressText(result, districtName(result?.district ?? district))}
              </Text>
              <SubmitButton
                id="screening-stop"
                label={stopping ? '正在停止' : '停止筛查'}
                tone="plain"
                disabled={stopping}
                onClick={() => {
                  stopped.current = true;
                  setStopping(true);
                }}
              >
                {stopping ? '停止中…' : '停止'}
              </SubmitButton>
            </View>
          ) : null}
          {result && !running && !isComplete(result) ? (
            <SubmitButton
              id="screening-continue"
              label="从停下的地方继续筛查"
              tone="plain"
              // From what is still listed: pairs enrolled meanwhile stay out.
              onClick={() => run({ ...result, items })}
            >
              继续筛查
            </SubmitButton>
          ) : null}
          {result && !running ? (
            <Text className="text" id="screening-summary" aria-live="polite">
              {summaryText(result, districtName(result.district), items)}
            </Text>
          ) : null}
        </View>
        <Banner id="screening-error" text={banner} />
        {outcome ? (
          <View className="section" id="screening-outcome">
            <Text className="text">{outcome.summary}。</Text>
            {outcome.refused.map((r) => (
              <Text key={r.key} className="text st-below">
                {r.familyLabel} · {r.policyName}：{r.reason}
              </Text>
            ))}
          </View>
        ) : null}
        {items.length ? (
          <View className="section row">
            <SubmitButton
              id="screening-select-all"
              label={allOn ? '全部取消' : '全选'}
              tone="plain"
              grow
              onClick={() => setSelected(allOn ? new Set() : selectAll(items))}
            >
              {allOn ? '全部取消' : '全选'}
            </SubmitButton>
            <SubmitButton
              id="screening-enrol"
              label={`批量纳入已选的 ${selected.size} 项`}
              grow
              busy={form.busy}
              disabled={running || selected.size === 0}
              onClick={() => setConfirming(true)}
            >
              批量纳入（{selected.size}）
            </SubmitButton>
          </View>
        ) : null}
        {wide && items.length ? (
          // The run already read every page of the district: the table and the export use what it found.
          <ConsoleList
            id="screening"
            title={`免申即享筛查结果-${districtName(result?.district ?? district)}`}
            list={{ items, loading: running, hasMore: false, loadMore: () => {} }}
            load={async () => ({ items, nextCursor: null })}
            columns={screeningColumns}
            keyOf={itemKey}
            rowLabel={(i) => `${i.familyLabel}，${i.policyName}，在右侧打开`}
            pane={(i) =>
              groups
                .filter((g) => g.familyId === i.familyId)
                .map((g) => (
                  <ScreeningFamily
                    key={g.familyId}
                    group={g}
                    selected={selected}
                    onToggleFamily={() => setSelected((s) => toggleFamily(s, g))}
                    onToggleItem={(key) => setSelected((s) => toggleItem(s, key))}
                  />
                ))
            }
            paneLabel="家庭筛查详情"
          />
        ) : (
          groups.map((g) => (
            <ScreeningFamily
              key={g.familyId}
              group={g}
              selected={selected}
              onToggleFamily={() => setSelected((s) => toggleFamily(s, g))}
              onToggleItem={(key) => setSelected((s) => toggleItem(s, key))}
            />
          ))
        )}
      </StaffConsole>
      {confirming && result ? (
        <ConfirmDialog
          id="screening-dialog"
          title={`纳入已选的 ${selected.size} 项？`}
          message={`涉及 ${groups.filter((g) => familyState(selected, g) !== 'none').length} 户家庭。纳入前系统会再核对一次条件，不再符合的不会纳入并说明原因；已实名的家庭成员会收到通知。`}
          confirmText="确认纳入"
          onConfirm={enrol}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </PageShell>
  );
}
