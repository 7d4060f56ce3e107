import {
  type AffordableApplication,
  type AgeClass,
  ageClassRules,
  type InstitutionDetail,
} from '@hongjia/shared';
import { Input, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { newIdempotencyKey } from '../../../api/idempotency';
import { createKeyKeeper } from '../../../api/key-keeper';
import { label } from '../../../components/a11y';
import { Banner, Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../forms/use-submit';
import { formatMonthlyFee } from '../../../lib/format';
import { routeParam } from '../../../lib/route-param';
import { pickFile, uploadFile } from '../../../uploads/upload';
import '../provider.css';

const statusNames: Record<AffordableApplication['status'], string> = {
  pending_review: '审核中',
  approved: '已通过',
  rejected: '未通过',
};

/**
 * 普惠项目申报: a published institution applies for 普惠 status — the fee cap it commits to
 * (today's fee must be within it), affordable places per class, evidence files (uploaded the
 * ordinary way). District staff review; approval caps every later fee change and slot fee.
 */
export default function AffordableApplyPage() {
  const id = routeParam(useRouter().params.id);
  const [institution, setInstitution] = useState<InstitutionDetail>();
  const [mine, setMine] = useState<AffordableApplication[]>([]);
  const [feeCap, setFeeCap] = useState('');
  const [places, setPlaces] = useState<Partial<Record<AgeClass, string>>>({});
  const [files, setFiles] = useState<{ id: string; fileName: string }[]>([]);
  const [notice, setNotice] = useState<string>();
  const form = useSubmit({ fields: ['feeCapYuan', 'places'], fallback: '提交失败，请稍后再试' });
  const keys = useRef(createKeyKeeper()).current;

  function refresh() {
    Promise.all([
      call(api.childcareInstitution, { params: { id } }),
      call(api.providerAffordableApplications, { query: { limit: 50 }, loading: false }),
    ])
      .then(([inst, list]) => {
        setInstitution(inst);
        setMine(list.items.filter((a) => a.institutionId === id));
        setFeeCap((current) => current || String(inst.monthlyFeeYuan));
      })
      .catch((e: unknown) => form.setBanner(isApiError(e) ? e.message : '加载失败，请稍后再试'));
  }
  useDidShow(refresh);

  async function attach() {
    const file = await pickFile();
    if (!file) return;
    await form.run(async () => {
      const uploadId = await uploadFile(file, newIdempotencyKey(), () => undefined);
      setFiles((current) => [...current, { id: uploadId, fileName: file.name }]);
    });
  }

  async function submit() {
    if (!institution) return;
    setNotice(undefined);
    const body = {
      feeCapYuan: Number(feeCap),
      places: institution.classes.map((c) => ({
        ageClass: c.ageClass,
        places: Number(places[c.ageClass] || 0),
      })),
      attachmentIds: files.map((f) => f.id),
    };
    await form.run(async () => {
      await call(api.applyAffordable, { params: { id }, body, idempotencyKey: keys.keyFor({ id, body }) });
      setNotice('已提交普惠申报，县区卫健部门审核后会通知您。');
      refresh();
    });
  }

  const open = mine.find((a) => a.status !== 'rejected');
  return (
    <PageShell name="provider-affordable">
      <View className="section">
        <Text className="title">{institution?.name ?? '普惠托育申报'}</Text>
        <Banner id="affordable-error" text={form.banner} />
        <Banner id="affordable-notice" tone="info" text={notice} />
        {institution ? (
          <Text className="muted">当前月收费：{formatMonthlyFee(institution.monthlyFeeYuan)}</Text>
        ) : null}
        {mine.map((a) => (
          <Text key={a.id} className="text" id={`affordable-status-${a.id}`}>
            申报（限价 {formatMonthlyFee(a.feeCapYuan)}）：{statusNames[a.status]}
            {a.reviewReason ? `，意见：${a.reviewReason}` : ''}
          </Text>
        ))}
      </View>
      {institution && !open ? (
        <View className="section" id="affordable-form">
          <Field id="affordable-fee-cap" label="普惠限价（元/月）" error={form.errors.feeCapYuan}>
            <Input
              className="input"
              type="number"
              value={feeCap}
              onInput={(e) => setFeeCap(e.detail.value)}
              {...label('普惠限价（元/月）', 'affordable-fee-cap')}
            />
          </Field>
          {institution.classes.map((c) => (
            <Field
              key={c.ageClass}
              id={`affordable-places-${c.ageClass}`}
              label={`${ageClassRules[c.ageClass].name}普惠托位（共 ${c.capacity} 个）`}
              error={form.errors.places}
            >
              <Input
                className="input"
                type="number"
                value={places[c.ageClass] ?? ''}
                onInput={(e) => setPlaces((current) => ({ ...current, [c.ageClass]: e.detail.value }))}
                {...label(`${ageClassRules[c.ageClass].name}普惠托位`, `affordable-places-${c.ageClass}`)}
              />
            </Field>
          ))}
          {files.map((f) => (
            <Text key={f.id} className="muted">
              证明材料：{f.fileName}
            </Text>
          ))}
          <SubmitButton
            id="affordable-attach"
            label="上传证明材料"
            tone="plain"
            busy={form.busy}
            onClick={attach}
          >
            上传证明材料
          </SubmitButton>
          <SubmitButton id="affordable-submit" label="提交普惠申报" busy={form.busy} onClick={submit}>
            提交申报
          </SubmitButton>
        </View>
      ) : null}
    </PageShell>
  );
}
