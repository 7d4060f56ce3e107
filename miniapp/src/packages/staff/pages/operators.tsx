import { type Api, type DistrictCode, districts, type ResponseOf } from '@hongjia/shared';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSession } from '../../../auth/session';
import { label } from '../../../components/a11y';
import { Banner, Field } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../forms/use-submit';
import { usePaged } from '../../../state/paged';
import '../staff.css';
import { DistrictChips } from '../components/DistrictChips';
import { StaffConsole } from '../console/StaffConsole';
import { filingRateLine } from '../model/operators';

type ImportResult = ResponseOf<Api['importKnownOperators']>;
type Figures = ResponseOf<Api['childcareStats']>['items'][number];

/**
 * 托育机构底册: the district's known childcare operators (the denominator of 登记备案率), each
 * marked filed or not, with the district's rate above; add one, or paste a CSV
 * (统一社会信用代码,机构名称,地址) exported from Excel. District staff keep their own district's;
 * city staff pick the district first (the list, the rate, and where an add or import goes).
 */
export default function OperatorsPage() {
  const session = useSession();
  const city = session?.user.cityWide === true;
  const [picked, setPicked] = useState<DistrictCode>(districts[0]?.code as DistrictCode);
  const district = city ? picked : undefined;
  const load = useCallback(
    (cursor?: string) => call(api.knownOperators, { query: { cursor, ...(district ? { district } : {}) } }),
    [district],
  );
  const list = usePaged(load, { reloadWhen: session });
  const [figures, setFigures] = useState<Figures[]>();
  const showing = city ? figures?.find((f) => f.district === picked) : figures?.[0];
  const refreshRate = useCallback(() => {
    void call(api.childcareStats, { query: {} })
      .then((answer) => setFigures(answer.items))
      .catch(() => setFigures(undefined));
  }, []);
  useEffect(() => {
    if (session) refreshRate();
  }, [session, refreshRate]);
  const [creditCode, setCreditCode] = useState('');
  const [name, setName] = useState('');
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult>();
  const form = useSubmit({ fields: ['creditCode', 'name', 'csv'], fallback: '保存失败，请稍后再试' });
  const keys = useRef(createKeyKeeper()).current;

  async function add() {
    const body = { creditCode: creditCode.trim(), name: name.trim(), ...(district ? { district } : {}) };
    await form.run(async () => {
      await call(api.addKnownOperator, { body, idempotencyKey: keys.keyFor(body) });
      setCreditCode('');
      setName('');
      void list.reload();
      refreshRate();
    });
  }

  async function importCsv() {
    const body = { csv, ...(district ? { district } : {}) };
    await form.run(async () => {
      setResult(await call(api.importKnownOperators, { body, idempotencyKey: keys.keyFor(body) }));
      void list.reload();
      refreshRate();
    });
  }

  if (!session) {
    return (
      <PageShell name="staff-operators">
        <SignInPrompt reason="卫健工作人员登录后维护托育机构底册。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="staff-operators">
      <StaffConsole current="operators">
        {city ? (
          <DistrictChips
            idPrefix="operators-district"
            value={picked}
            withCity={false}
            onChange={(d) => d && setPicked(d)}
          />
        ) : null}
        <Text className="text" id="operators-rate" aria-live="polite">
          {filingRateLine(showing)}
        </Text>
        <Banner id="operators-error" text={form.banner ?? list.error} />
        <View className="section" id="operator-form">
          <Text className="title">添加机构</Text>
          <Field id="operator-code" label="统一社会信用代码" error={form.errors.creditCode}>
            <Input
              className="input"
              value={creditCode}
              maxlength={18}
              onInput={(e) => setCreditCode(e.detail.value)}
              {...label('统一社会信用代码', 'operator-code')}
            />
          </Field>
          <Field id="operator-name" label="机构名称" error={form.errors.name}>
            <Input
              className="input"
              value={name}
              onInput={(e) => setName(e.detail.value)}
              {...label('机构名称', 'operator-name')}
            />
          </Field>
          <SubmitButton id="operator-add" label="添加到底册" busy={form.busy} onClick={add}>
            添加
          </SubmitButton>
        </View>
        <View className="section" id="operator-import">
          <Text className="title">导入 CSV</Text>
          <Text className="muted">
            第 1 行为表头：统一社会信用代码,机构名称,地址。已在底册中的机构不会重复添加。
          </Text>
          <Field id="operator-csv" label="CSV 内容" error={form.errors.csv}>
            <Textarea
              className="input"
              value={csv}
              maxlength={200000}
              onInput={(e) => setCsv(e.detail.value)}
              {...label('CSV 内容', 'operator-csv')}
            />
          </Field>
          <SubmitButton id="operator-import-run" label="导入底册" busy={form.busy} onClick={importCsv}>
            导入
          </SubmitButton>
          {result ? (
            <View id="operator-import-result">
              <Text className="text">
                共 {result.rows} 行：新增 {result.accepted}，重复 {result.duplicates}，有误 {result.rejected}
              </Text>
              {result.errors.map((e) => (
                <Text key={`${e.row}-${e.field}`} className="st-below">
                  第 {e.row} 行 {e.field}：{e.message}
                </Text>
              ))}
            </View>
          ) : null}
        </View>
        {list.items.map((item) => (
          <View
            key={`${item.district}-${item.creditCode}`}
            className="section"
            id={`operator-${item.creditCode}`}
          >
            <Text className="text">{item.name}</Text>
            <Text className="muted">{item.creditCode}</Text>
            <Text className={item.filed ? 'text' : 'st-below'}>{item.filed ? '已备案' : '未备案'}</Text>
          </View>
        ))}
        <LoadMore list={list} what="机构" id="operators-more" />
      </StaffConsole>
    </PageShell>
  );
}
