import type { Inspection, InspectionResult, ModelLevel } from '@hongjia/shared';
import { addDays, todayInChina } from '@hongjia/shared/calendar/days';
import { inspectionResultNames, modelLevelNames } from '@hongjia/shared/childcare/programmes';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSession } from '../../../auth/session';
import { label } from '../../../components/a11y';
import { Chips } from '../../../components/Chips';
import { DateField } from '../../../components/DateField';
import { Banner, Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../forms/use-submit';
import { routeParam } from '../../../lib/route-param';
import '../staff.css';

const resultOptions = (['pass', 'rectify', 'fail'] as const).map((r) => ({
  value: r,
  text: inspectionResultNames[r],
  key: r,
}));
const levelOptions = (['provincial', 'municipal'] as const).map((l) => ({
  value: l,
  text: modelLevelNames[l],
  key: l,
}));

export const inspectionStateNames: Record<Inspection['state'], string> = {
  closed: '无需整改',
  awaiting_rectification: '待整改',
  rectified: '已报告整改',
};

/**
 * 机构监管: one institution's safety inspections (record one: date, inspector, result, findings,
 * deadline) and, for city staff, its 示范机构 designation.
 */
export default function SupervisionPage() {
  const session = useSession();
  const params = useRouter().params;
  const id = routeParam(params.id);
  const name = routeParam(params.name);
  const today = todayInChina();
  const [items, setItems] = useState<Inspection[]>([]);
  const [date, setDate] = useState(today);
  const [inspector, setInspector] = useState('');
  const [result, setResult] = useState<InspectionResult>('pass');
  const [findings, setFindings] = useState('');
  const [rectifyBy, setRectifyBy] = useState(addDays(today, 15));
  const [level, setLevel] = useState<ModelLevel>('municipal');
  const [notice, setNotice] = useState<string>();
  const form = useSubmit({
    fields: ['date', 'inspector', 'findings', 'rectifyBy'],
    fallback: '保存失败，请稍后再试',
  });
  const keys = useRef(createKeyKeeper()).current;

  function refresh() {
    if (!session) return;
    call(api.staffInstitutionInspections, { params: { id } })
      .then((answer) => setItems(answer.items))
      .catch((e: unknown) => form.setBanner(isApiError(e) ? e.message : '加载失败，请稍后再试'));
  }
  useDidShow(refresh);

  async function record() {
    setNotice(undefined);
    const body = {
      date,
      inspector: inspector.trim(),
      result,
      findings: findings.trim(),
      ...(result === 'pass' ? {} : { rectifyBy }),
    };
    await form.run(async () => {
      await call(api.recordInspection, { params: { id }, body, idempotencyKey: keys.keyFor({ id, body }) });
      setFindings('');
      setNotice(`已记录 ${date} 的检查：${inspectionResultNames[result]}`);
      refresh();
    });
  }

  async function designate(withdraw: boolean) {
    setNotice(undefined);
    await form.run(async () => {
      if (withdraw) await call(api.withdrawModelInstitution, { params: { id } });
      else
        await call(api.designateModelInstitution, {
          params: { id },
          body: { level, year: Number(today.slice(0, 4)) },
        });
      Taro.showToast({ title: withdraw ? '已撤销' : '已认定', icon: 'success' });
    });
  }

  if (!session) {
    return (
      <PageShell name="staff-supervision">
        <SignInPrompt reason="卫健工作人员登录后记录安全检查。" />
      </PageShell>
    );
  }
  const errors = form.errors;
  return (
    <PageShell name="staff-supervision">
      <View className="staff">
        <View className="section">
          <Text className="title">{name || '机构监管'}</Text>
          <Banner id="supervision-error" text={form.banner} />
          <Banner id="supervision-notice" tone="info" text={notice} />
        </View>
        <View className="section" id="inspection-form">
          <Text className="title">记录安全检查</Text>
          <DateField
            id="inspection-date"
            label="检查日期"
            error={errors.date}
            value={date}
            start={addDays(today, -365)}
            end={today}
            fallback={today}
            pickOnly
            onChange={setDate}
          />
          <Field id="inspection-inspector" label="检查人" error={errors.inspector}>
            <Input
              className="input"
              value={inspector}
              onInput={(e) => setInspector(e.detail.value)}
              {...label('检查人', 'inspection-inspector')}
            />
          </Field>
          <Text className="field__label">检查结果</Text>
          <Chips
            idPrefix="inspection-result"
            label="检查结果"
            options={resultOptions}
            value={result}
            onChange={setResult}
          />
          <Field id="inspection-findings" label="检查发现" error={errors.findings}>
            <Textarea
              className="input"
              value={findings}
              onInput={(e) => setFindings(e.detail.value)}
              {...label('检查发现', 'inspection-findings')}
            />
          </Field>
          {result === 'pass' ? null : (
            <DateField
              id="inspection-rectify-by"
              label="整改期限"
              error={errors.rectifyBy}
              value={rectifyBy}
              start={today}
              end={addDays(today, 180)}
              fallback={addDays(today, 15)}
              pickOnly
              onChange={setRectifyBy}
            />
          )}
          <SubmitButton id="inspection-save" label="保存检查记录" busy={form.busy} onClick={record}>
            保存
          </SubmitButton>
        </View>
        <View className="section" id="inspection-history">
          <Text className="title">检查记录</Text>
          {items.length === 0 ? <Text className="muted">还没有检查记录。</Text> : null}
          {items.map((item) => (
            <View key={item.id} id={`inspection-${item.id}`}>
              <Text className="text">
                {item.date} · {inspectionResultNames[item.result]} · {inspectionStateNames[item.state]}
              </Text>
              <Text className="muted">检查人：{item.inspector}</Text>
              {item.findings ? <Text className="muted">发现：{item.findings}</Text> : null}
              {item.rectifyBy ? <Text className="muted">整改期限：{item.rectifyBy}</Text> : null}
              {item.rectification ? <Text className="muted">整改情况：{item.rectification.note}</Text> : null}
            </View>
          ))}
        </View>
        {session.user.cityWide ? (
          <View className="section" id="model-form">
            <Text className="title">示范机构认定（市级）</Text>
            <Chips
              idPrefix="model-level"
              label="示范级别"
              options={levelOptions}
              value={level}
              onChange={setLevel}
            />
            <View className="row">
              <SubmitButton
                id="model-designate"
                label="认定为示范机构"
                grow
                busy={form.busy}
                onClick={() => designate(false)}
              >
                认定
              </SubmitButton>
              <SubmitButton
                id="model-withdraw"
                label="撤销示范机构"
                tone="plain"
                grow
                busy={form.busy}
                onClick={() => designate(true)}
              >
                撤销
              </SubmitButton>
            </View>
          </View>
        ) : null}
      </View>
    </PageShell>
  );
}
