import {
  api,
  type DistrictCode,
  EnrolmentRequest,
  type ScreeningItem,
  type ScreeningResult,
} from '@hongjia/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { newIdempotencyKey } from '../../../api/idempotency';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSession } from '../../../auth/session';
import { button } from '../../../components/a11y';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Banner } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { DistrictChips } from '../components/DistrictChips';
import { ScreeningFamily } from '../components/ScreeningFamily';
import { districtName } from '../model/labels';
import {
  afterEnrolment,
  type EnrolmentOutcome,
  enrolmentBody,
  familyState,
  groupByFamily,
  type Selection,
  selectAll,
  toggleFamily,
  toggleItem,
} from '../model/screening';
import '../staff.css';

/**
 * 免申即享筛查: the rules engine over every special family of a district lists who qualifies
 * and is not enrolled, with its reasons; staff tick and enrol in bulk, and the families are told.
 * Enrolled pairs leave the list, so a new screening shows only what is left.
 */
export default function ScreeningPage() {
  const session = useSession();
  const own = session?.user.cityWide ? undefined : (session?.user.district as DistrictCode | undefined);
  const [picked, setPicked] = useState<DistrictCode>();
  const district = own ?? picked;
  const [result, setResult] = useState<ScreeningResult>();
  const [items, setItems] = useState<ScreeningItem[]>([]);
  const [selected, setSelected] = useState<Selection>(new Set());
  const [outcome, setOutcome] = useState<EnrolmentOutcome>();
  const [running, setRunning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [banner, setBanner] = useState<string>();
  // A retry of a failed run reuses its key (the server replays it); each new run gets a new one.
  const runKey = useRef<{ district: DistrictCode; key: string }>();
  const enrolKeys = useRef(createKeyKeeper()).current;

  async function run() {
    if (!district) {
      setBanner('请先选择县区');
      return;
    }
    if (runKey.current?.district !== district) runKey.current = { district, key: newIdempotencyKey() };
    setRunning(true);
    setBanner(undefined);
    setOutcome(undefined);
    try {
      const answer = await call(api.runBenefitScreening, {
        body: { district },
        idempotencyKey: runKey.current.key,
      });
      runKey.current = undefined;
      setResult(answer);
      setItems(answer.items);
      setSelected(selectAll(answer.items));
    } catch (e) {
      setBanner(isApiError(e) ? e.message : '筛查失败，请稍后再试');
    } finally {
      setRunning(false);
    }
  }

  async function enrol() {
    setConfirming(false);
    if (!result) return;
    const body = enrolmentBody(result.district, items, selected);
    const checked = EnrolmentRequest.safeParse(body);
    if (!checked.success) {
      setBanner(checked.error.issues[0]?.message);
      return;
    }
    setBanner(undefined);
    try {
      const answer = await call(api.enrolBenefits, { body, idempotencyKey: enrolKeys.keyFor(body) });
      const next = afterEnrolment(items, body.items, answer);
      setOutcome(next);
      setItems(next.remaining);
      setSelected(new Set());
      Taro.showToast({ title: `已纳入 ${answer.enrolled} 项`, icon: 'success' });
    } catch (e) {
      setBanner(isApiError(e) ? e.message : '纳入失败，请稍后再试');
    }
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
      <View className="staff">
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
          <Button
            className="btn btn--primary"
            disabled={running}
            onClick={run}
            {...button(result ? '重新筛查' : '开始筛查', 'screening-run')}
          >
            {/* No `loading` here: Taro h5's spinner and a changing label upset each other's DOM. */}
            {result ? '重新筛查' : '开始筛查'}
          </Button>
          {running ? (
            <Text className="text" id="screening-progress" aria-live="polite">
              正在核对{districtName(district)}的每一户特殊家庭，请稍候…
            </Text>
          ) : null}
          {result && !running ? (
            <Text className="text" id="screening-summary" aria-live="polite">
              {result.onDate} 筛查{districtName(result.district)} {result.familiesScreened} 户，此前已纳入{' '}
              {result.alreadyEnrolled} 项；
              {items.length ? `待纳入 ${groups.length} 户 ${items.length} 项。` : '没有待纳入的家庭。'}
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
            <Button
              className="btn btn--plain grow"
              onClick={() => setSelected(allOn ? new Set() : selectAll(items))}
              {...button(allOn ? '全部取消' : '全选', 'screening-select-all')}
            >
              {allOn ? '全部取消' : '全选'}
            </Button>
            <Button
              className="btn btn--primary grow"
              disabled={selected.size === 0}
              onClick={() => setConfirming(true)}
              {...button(`批量纳入已选的 ${selected.size} 项`, 'screening-enrol')}
            >
              批量纳入（{selected.size}）
            </Button>
          </View>
        ) : null}
        {groups.map((g) => (
          <ScreeningFamily
            key={g.familyId}
            group={g}
            selected={selected}
            onToggleFamily={() => setSelected((s) => toggleFamily(s, g))}
            onToggleItem={(key) => setSelected((s) => toggleItem(s, key))}
          />
        ))}
      </View>
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
