import { districtByCode, ReviewDecision } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Fragment, useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { useSession } from '../../../auth/session';
import { button } from '../../../components/a11y';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Banner } from '../../../components/Field';
import { NoteField } from '../../../components/NoteField';
import { SubmitButton } from '../../../components/SubmitButton';
import { Timeline } from '../../../components/Timeline';
import { routes } from '../../../config/routes';
import { useSubmit } from '../../../forms/use-submit';
import { explainReason, kindNames, parityName, statusNames } from '../../../registration/labels';
import { openAttachment } from '../../../uploads/open-attachment';
import { formatBytes } from '../../../uploads/put-request';
import { viewerOf } from '../../../uploads/viewer';
import { RelatedCaseCompare } from './RelatedCase';
import { useNote } from './use-note';
import { useRecord } from './use-record';
import { VoidAction } from './VoidAction';
import '../staff.css';

type Decision = 'approve' | 'return' | 'reject';
const decisionNames: Record<Decision, string> = { approve: '通过', return: '退回补正', reject: '不予登记' };
const decisionEffects: Record<Decision, string> = {
  approve: '登记办结，系统生成电子证明并通知家庭。',
  return: '家庭会看到您的意见，修改后重新提交。',
  reject: '登记不予办理，家庭会看到您的意见。',
};

function Fact({ name, value, id }: { name: string; value: string; id?: string }) {
  return (
    <View className="st-fact" id={id}>
      <Text className="st-fact__name">{name}</Text>
      <Text className="text">{value}</Text>
    </View>
  );
}

/**
 * 登记详情 for review: facts (ID numbers masked), why automation sent it here (a suspected
 * duplicate side by side with the case it names), attachments (each opens from a short-lived
 * link; the server audits every staff read), history, and the decision; an approved one can be
 * voided (作废). Each carries the version loaded, so two reviewers cannot
 * overwrite each other: a stale one gets 409 and the page reloads.
 */
export function RegistrationReviewBody({ id, onDecided }: { id: string; onDecided?: () => void }) {
  const session = useSession();
  const form = useSubmit({ fallback: '操作失败，请稍后再试' });
  const { banner, setBanner } = form;
  const [deciding, setDeciding] = useState<Decision>();
  const note = useNote();
  const [opening, setOpening] = useState<string>();

  const fetchView = useCallback(() => call(api.getRegistration, { params: { id } }), [id]);
  const { view, setView, load } = useRecord(fetchView, Boolean(session && id), setBanner);

  /** Opens one attachment (the server records the read before it hands out the link). */
  async function open(uploadId: string) {
    if (!view || opening) return;
    setOpening(uploadId);
    setBanner(undefined);
    try {
      await openAttachment(view.id, uploadId);
    } catch (e) {
      setBanner(isApiError(e) ? e.message : '附件打开失败，请稍后再试');
    } finally {
      setOpening(undefined);
    }
  }

  async function decide(decision: Decision) {
    if (!view) return;
    const body = { decision, comment: note.value.trim() || undefined, expectedVersion: view.version };
    // The shared rule: a comment is required to return or reject.
    const checked = ReviewDecision.safeParse(body);
    if (!checked.success) {
      note.setError(checked.error.issues[0]?.message);
      return;
    }
    await form.run(
      async () => {
        setView(await call(api.reviewRegistration, { params: { id: view.id }, body: checked.data }));
        note.clear();
        onDecided?.();
        Taro.showToast({ title: `已${decisionNames[decision]}`, icon: 'success' });
      },
      {
        onApiError: (e) => {
          if (e.code !== 'CONFLICT') return false;
          stale();
          return true;
        },
      },
    );
    setDeciding(undefined);
  }

  const stale = () => {
    setBanner('已被其他工作人员处理，请刷新');
    void load();
  };

  return (
    <>
      <View>
        <Banner id="review-error" text={banner} />
        {banner === '已被其他工作人员处理，请刷新' ? (
          <SubmitButton id="review-refresh" label="刷新" tone="plain" onClick={() => void load()} />
        ) : null}
        {view ? (
          <>
            <View className="section">
              <View className="st-filing__head">
                <Text className="title">
                  {kindNames[view.kind]} · {parityName(view.parity)}
                </Text>
                <Text className="text" id="review-status">
                  {statusNames[view.status]}
                </Text>
              </View>
              <Fact name="受理编号" value={view.receiptNo} />
              <Fact name="受理地" value={districtByCode(view.jurisdiction).name} />
              <Fact name="提交时间" value={formatChinaDateTime(view.submittedAt)} />
              {(['mother', 'father'] as const).map((role) => {
                const p = view[role];
                return (
                  <Fact
                    key={role}
                    id={`review-${role}`}
                    name={role === 'mother' ? '母亲' : '父亲'}
                    value={`${p.name} · ${p.idNumberMasked} · ${p.phoneMasked} · 户籍 ${districtByCode(p.hukouDistrict).name}`}
                  />
                );
              })}
              <Fact name="结婚日期" value={view.marriageDate} />
              <Fact
                name="已有子女"
                value={
                  view.existingChildren.length
                    ? view.existingChildren
                        .map((c) => `${c.name}（${c.sex === 'M' ? '男' : '女'}，${c.birthDate}）`)
                        .join('；')
                    : '无'
                }
              />
              <Fact name="预产期" value={view.expectedDueDate ?? '未填写'} />
              {view.reason ? <Fact name="申请说明" value={view.reason} /> : null}
            </View>
            <View className="section" id="review-reasons">
              <Text className="title">转人工审核的原因</Text>
              {view.reasons.length === 0 ? <Text className="muted">无</Text> : null}
              {view.reasons.map((r, i) => (
                <Fragment key={`${r.code}:${r.message}`}>
                  <View className="st-fact" id={`review-reason-${i}`}>
                    <Text className="st-reason-code">{r.code}</Text>
                    <View className="st-reason-body">
                      <Text className="text">{explainReason(r)}</Text>
                      {r.message !== explainReason(r) ? (
                        <Text className="muted">系统说明：{r.message}</Text>
                      ) : null}
                      {r.relatedRegistrationId ? (
                        <View
                          className="link"
                          onClick={() =>
                            Taro.navigateTo({
                              url: `${routes.staffRegistration}?id=${encodeURIComponent(r.relatedRegistrationId ?? '')}`,
                            })
                          }
                          {...button('查看疑似重复的登记', `review-related-${i}`)}
                        >
                          查看疑似重复的登记
                        </View>
                      ) : null}
                    </View>
                  </View>
                  {/* Full width under its reason: the two cases side by side. */}
                  <RelatedCaseCompare view={view} reason={r} id={`review-compare-${i}`} />
                </Fragment>
              ))}
            </View>
            <View className="section" id="review-attachments">
              <Text className="title">附件（{view.attachments.length}）</Text>
              {view.attachments.length === 0 ? <Text className="muted">未上传附件</Text> : null}
              {view.attachments.map((a, i) => (
                <View key={a.id} className="row">
                  <View className="grow">
                    <Fact
                      id={`review-attachment-${i}`}
                      name={viewerOf(a.contentType) === 'document' ? 'PDF' : '图片'}
                      value={`${a.fileName}（${formatBytes(a.size)}）`}
                    />
                  </View>
                  <SubmitButton
                    id={`review-attachment-${i}-open`}
                    label={`查看附件 ${a.fileName}`}
                    tone="plain"
                    small
                    disabled={opening === a.id}
                    onClick={() => void open(a.id)}
                  >
                    {opening === a.id ? '打开中…' : '查看'}
                  </SubmitButton>
                </View>
              ))}
              {view.attachments.length ? (
                <Text className="muted">每次查看都会记录在案；链接 5 分钟内有效。</Text>
              ) : null}
            </View>
            <View className="section">
              <Text className="title">办理记录</Text>
              <Timeline id="review-timeline" history={view.history} />
            </View>
            {view.status === 'pending_review' ? (
              <View className="section row" id="review-actions">
                {(['approve', 'return', 'reject'] as const).map((d) => (
                  <SubmitButton
                    key={d}
                    id={`review-${d}`}
                    label={decisionNames[d]}
                    tone={d === 'approve' ? 'primary' : 'plain'}
                    grow
                    onClick={() => {
                      note.setError(undefined);
                      setDeciding(d);
                    }}
                  />
                ))}
              </View>
            ) : null}
            {view.status === 'approved' ? (
              <VoidAction
                view={view}
                onVoided={(voided) => {
                  setView(voided);
                  onDecided?.();
                }}
                onStale={stale}
                onError={setBanner}
              />
            ) : null}
          </>
        ) : null}
      </View>
      {deciding && view ? (
        <ConfirmDialog
          id="review-dialog"
          title={`${decisionNames[deciding]}这份登记？`}
          message={`${view.receiptNo}：${decisionEffects[deciding]}`}
          confirmText={`确认${decisionNames[deciding]}`}
          danger={deciding === 'reject'}
          busy={form.busy}
          onConfirm={() => decide(deciding)}
          onCancel={() => setDeciding(undefined)}
        >
          <NoteField
            id="review-comment"
            label={deciding === 'approve' ? '意见（选填）' : '意见（必填，家庭会看到）'}
            spoken="审核意见"
            maxlength={1000}
            {...note.field}
          />
        </ConfirmDialog>
      ) : null}
    </>
  );
}
