import { type FactClaim, type FactClaimKind, factClaimKindInfo, type SchoolStage } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { isApiError } from '../../../../api/errors';
import { newIdempotencyKey } from '../../../../api/idempotency';
import { createKeyKeeper } from '../../../../api/key-keeper';
import { useSession } from '../../../../auth/session';
import { Chips } from '../../../../components/Chips';
import { DateField } from '../../../../components/DateField';
import { Banner } from '../../../../components/Field';
import { NoteField } from '../../../../components/NoteField';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { useSubmit } from '../../../../forms/use-submit';
import {
  factClaimKindOptions,
  factClaimStatusNames,
  factClaimSummary,
  schoolStageNames,
} from '../../../../special-assistance/fact-claims';
import { openFactClaimAttachment } from '../../../../uploads/open-attachment';
import { pickFile, uploadFile } from '../../../../uploads/upload';
import '../../special-assistance.css';

const stageOptions = (Object.keys(schoolStageNames) as SchoolStage[]).map((stage) => ({
  value: stage,
  text: schoolStageNames[stage],
  key: stage,
}));

const childKinds: readonly FactClaimKind[] = ['school_stage', 'university_admission'];

/**
 * 提交证明材料 (decision 0039): a special family sends what the named policies need — a child's
 * school stage (在读证明), a daughter's university admission (录取通知书), an insurance or
 * pension enrolment (参保凭证) — with a photo or PDF of the proof. Staff of the district check it
 * and put it on the family's record; the family sees each one's state and the reason of a no.
 */
export default function ProofPage() {
  const session = useSession();
  const [claims, setClaims] = useState<FactClaim[]>();
  const [kind, setKind] = useState<FactClaimKind>('school_stage');
  const [stage, setStage] = useState<SchoolStage>('high_school');
  const [childBirthDate, setChildBirthDate] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<{ id: string; fileName: string }[]>([]);
  const [uploading, setUploading] = useState<{ name: string; progress?: number }>();
  const [notice, setNotice] = useState<string>();
  const form = useSubmit({
    fields: ['kind', 'date', 'childBirthDate', 'schoolStage', 'attachmentIds', 'note'],
    fallback: '提交失败，请稍后再试',
  });
  const keys = useRef(createKeyKeeper()).current;
  const info = factClaimKindInfo[kind];

  async function load() {
    try {
      setClaims((await call(api.myFactClaims, { query: { limit: 50 }, loading: false })).items);
    } catch (e) {
      form.setBanner(isApiError(e) ? e.message : '加载失败，请稍后再试');
    }
  }
  useDidShow(() => {
    if (session) void load();
  });

  async function attach() {
    const file = await pickFile();
    if (!file) return;
    await form.run(async () => {
      setUploading({ name: file.name });
      try {
        const uploadId = await uploadFile(file, newIdempotencyKey(), (progress) =>
          setUploading({ name: file.name, progress }),
        );
        setFiles((current) => [...current, { id: uploadId, fileName: file.name }]);
      } finally {
        setUploading(undefined);
      }
    });
  }

  async function submit() {
    setNotice(undefined);
    const body = {
      kind,
      date,
      ...(childKinds.includes(kind) ? { childBirthDate } : {}),
      ...(kind === 'school_stage' ? { schoolStage: stage } : {}),
      attachmentIds: files.map((f) => f.id),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const done = await form.run(() => call(api.submitFactClaim, { body, idempotencyKey: keys.keyFor(body) }));
    if (done) {
      setNotice('已提交，县区卫生健康委员会核对后会更新您家的档案，结果在下方查看。');
      setFiles([]);
      setNote('');
      void load();
    }
  }

  if (!session) {
    return (
      <PageShell name="special-proof">
        <SignInPrompt reason="登录后提交证明材料，查看审核结果。" />
      </PageShell>
    );
  }

  return (
    <PageShell name="special-proof">
      <View className="section" id="proof-why">
        <Text className="title">为什么需要证明材料</Text>
        <Text className="text">
          阳光助学、优秀女孩成才奖、医疗保险补助和新农保补助，要按孩子的在读学段、录取日期和您家的参保日期来核对。
          您可以在这里拍照或选择文件提交，不用跑腿；工作人员核对后记入您家的档案，符合条件的会主动为您办理。
        </Text>
        <Text className="muted">材料只有您家和本县区负责档案的工作人员能看到，每次查看都会记录。</Text>
      </View>
      <Banner id="proof-error" text={form.banner} />
      <Banner id="proof-notice" tone="info" text={notice} />
      <View className="section" id="proof-form">
        <Chips
          idPrefix="proof-kind"
          label="要证明的事项"
          options={factClaimKindOptions}
          value={kind}
          onChange={setKind}
        />
        {kind === 'school_stage' ? (
          <Chips
            idPrefix="proof-stage"
            label="在读学段"
            options={stageOptions}
            value={stage}
            onChange={setStage}
          />
        ) : null}
        {childKinds.includes(kind) ? (
          <DateField
            id="proof-child-birth"
            label="子女的生日"
            why="用来在档案中找到是哪个孩子"
            error={form.errors.childBirthDate}
            value={childBirthDate}
            fallback="2008-01-01"
            end={todayInChina()}
            onChange={setChildBirthDate}
          />
        ) : null}
        <DateField
          id="proof-date"
          label={info.dateLabel}
          why={`以${info.proof}上的日期为准`}
          error={form.errors.date}
          value={date}
          fallback={todayInChina()}
          onChange={setDate}
        />
        <Text className="text">需要的材料：{info.proof}</Text>
        {files.map((f) => (
          <Text key={f.id} className="muted" id={`proof-file-${f.id}`}>
            已上传：{f.fileName}
          </Text>
        ))}
        {uploading ? (
          <View className="banner banner--info" id="proof-upload-progress" role="status">
            <Text>
              正在上传 {uploading.name}
              {uploading.progress !== undefined ? `（${Math.round(uploading.progress * 100)}%）` : '…'}
            </Text>
          </View>
        ) : null}
        {form.errors.attachmentIds ? (
          <Text className="field__error" id="proof-files-error" aria-live="polite">
            {form.errors.attachmentIds}
          </Text>
        ) : null}
        <SubmitButton
          id="proof-attach"
          label={`上传${info.proof}`}
          tone="plain"
          busy={form.busy}
          onClick={attach}
        >
          上传{info.proof}
        </SubmitButton>
        <NoteField
          id="proof-note"
          label="补充说明（可不填）"
          value={note}
          onChange={setNote}
          error={form.errors.note}
        />
        <SubmitButton id="proof-submit" label="提交证明材料" busy={form.busy} onClick={submit}>
          提交
        </SubmitButton>
      </View>
      <View className="section" id="proof-list">
        <Text className="title">已提交的材料</Text>
        {claims && claims.length === 0 ? <Text className="muted">还没有提交过证明材料。</Text> : null}
        {(claims ?? []).map((c) => (
          <View key={c.id} className="sa-card" id={`proof-claim-${c.id}`}>
            <Text className="text">{factClaimSummary(c)}</Text>
            <Text className="text" id={`proof-status-${c.id}`}>
              状态：{factClaimStatusNames[c.status]}
              {c.reviewReason ? `，原因：${c.reviewReason}` : ''}
            </Text>
            {c.attachments.map((f) => (
              <SubmitButton
                key={f.id}
                id={`proof-open-${c.id}-${f.id}`}
                label={`查看${f.fileName}`}
                tone="plain"
                onClick={() =>
                  void openFactClaimAttachment(c.id, f.id).catch((e: unknown) =>
                    form.setBanner(isApiError(e) ? e.message : '附件打开失败，请稍后再试'),
                  )
                }
              >
                查看{f.fileName}
              </SubmitButton>
            ))}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
