import type { Inspection } from '@hongjia/shared';
import { inspectionResultNames } from '@hongjia/shared/childcare/programmes';
import { Text, Textarea, View } from '@tarojs/components';
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
import { routeParam } from '../../../lib/route-param';
import { pickFile, uploadFile } from '../../../uploads/upload';
import '../provider.css';

const stateNames: Record<Inspection['state'], string> = {
  closed: '无需整改',
  awaiting_rectification: '待整改',
  rectified: '已报告整改',
};

/** 安全检查: the institution's inspections with their findings; report rectification of one awaiting it. */
export default function ProviderInspectionsPage() {
  const params = useRouter().params;
  const id = routeParam(params.id);
  const [items, setItems] = useState<Inspection[]>([]);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<{ id: string; fileName: string }[]>([]);
  const [notice, setNotice] = useState<string>();
  const form = useSubmit({ fields: ['note'], fallback: '提交失败，请稍后再试' });
  const keys = useRef(createKeyKeeper()).current;

  function refresh() {
    call(api.providerInspections, { params: { id } })
      .then((answer) => setItems(answer.items))
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

  async function rectify(inspection: Inspection) {
    setNotice(undefined);
    const body = { note: note.trim(), attachmentIds: files.map((f) => f.id) };
    await form.run(async () => {
      await call(api.reportRectification, {
        params: { id: inspection.id },
        body,
        idempotencyKey: keys.keyFor({ id: inspection.id, body }),
      });
      setNote('');
      setFiles([]);
      setNotice('已报告整改情况。');
      refresh();
    });
  }

  return (
    <PageShell name="provider-inspections">
      <View className="section">
        <Text className="title">{routeParam(params.name) || '安全检查'}</Text>
        <Banner id="inspections-error" text={form.banner} />
        <Banner id="inspections-notice" tone="info" text={notice} />
        {items.length === 0 ? <Text className="muted">还没有安全检查记录。</Text> : null}
      </View>
      {items.map((item) => (
        <View key={item.id} className="section" id={`inspection-${item.id}`}>
          <Text className="text">
            {item.date} · {inspectionResultNames[item.result]} · {stateNames[item.state]}
          </Text>
          {item.findings ? <Text className="text">检查发现：{item.findings}</Text> : null}
          {item.rectifyBy ? <Text className="text">整改期限：{item.rectifyBy}</Text> : null}
          {item.rectification ? <Text className="muted">已报告：{item.rectification.note}</Text> : null}
          {item.state === 'awaiting_rectification' ? (
            <View id={`rectify-${item.id}`}>
              <Field id={`rectify-note-${item.id}`} label="整改情况" error={form.errors.note}>
                <Textarea
                  className="input"
                  value={note}
                  onInput={(e) => setNote(e.detail.value)}
                  {...label('整改情况', `rectify-note-${item.id}`)}
                />
              </Field>
              {files.map((f) => (
                <Text key={f.id} className="muted">
                  附件：{f.fileName}
                </Text>
              ))}
              <SubmitButton
                id={`rectify-attach-${item.id}`}
                label="上传整改照片或材料"
                tone="plain"
                busy={form.busy}
                onClick={attach}
              >
                上传附件
              </SubmitButton>
              <SubmitButton
                id={`rectify-submit-${item.id}`}
                label="报告整改情况"
                busy={form.busy}
                onClick={() => rectify(item)}
              >
                报告整改
              </SubmitButton>
            </View>
          ) : null}
        </View>
      ))}
    </PageShell>
  );
}
