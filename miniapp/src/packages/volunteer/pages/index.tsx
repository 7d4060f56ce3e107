import { assistanceCategoryNames, type VolunteerAssignmentView } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { useSession } from '../../../auth/session';
import { button } from '../../../components/a11y';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { NoteField } from '../../../components/NoteField';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../forms/use-submit';
import { usePaged } from '../../../state/paged';
import './volunteer.css';

const kinds = [
  { kind: 'visit', text: '上门走访' },
  { kind: 'call', text: '电话联系' },
  { kind: 'note', text: '备注' },
] as const;
type Kind = (typeof kinds)[number]['kind'];
const statusNames = { awaiting_response: '待首次响应', in_progress: '处理中', resolved: '已办结' } as const;

/**
 * 社会组织工作台 (decision 0035): the help requests district staff assigned to this
 * organisation, newest first, with only what a visit needs (the need, a masked name, the phone
 * of the member who agreed to share). A visit, call or note is recorded as the request's event;
 * the first one answers its deadline, as staff's does.
 */
export default function VolunteerPage() {
  const session = useSession();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [open, setOpen] = useState<string>();
  const [kind, setKind] = useState<Kind>('visit');
  const [note, setNote] = useState('');
  const form = useSubmit({ fallback: '保存失败，请稍后再试' });
  const load = useCallback(
    (cursor?: string) =>
      call(api.volunteerAssignments, {
        query: { cursor, ...(overdueOnly ? { overdue: 'true' as const } : {}) },
      }),
    [overdueOnly],
  );
  const list = usePaged(load, { reloadWhen: session });

  async function record(a: VolunteerAssignmentView) {
    if (kind === 'note' && note.trim() === '') {
      form.setBanner('请填写备注内容');
      return;
    }
    await form.run(
      async () => {
        const updated = await call(api.recordVolunteerEvent, {
          params: { id: a.id },
          body: { kind, expectedVersion: a.version, ...(note.trim() ? { note: note.trim() } : {}) },
        });
        list.setItems((items) => items.map((x) => (x.id === a.id ? updated : x)));
        setNote('');
        Taro.showToast({ title: '已记录', icon: 'success' });
      },
      {
        onApiError: (e) => {
          if (e.code !== 'CONFLICT') return false;
          form.setBanner('这件求助刚被更新过，已刷新，请核对后再记录。');
          void list.reload();
          return true;
        },
      },
    );
  }

  if (!session) {
    return (
      <PageShell name="volunteer">
        <SignInPrompt reason="社会组织登录后查看派给本组织的求助。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="volunteer">
      <View className="section">
        <Text className="title">派给本组织的求助</Text>
        <Text className="muted">
          首次响应时限：紧急 24 小时，一般 72
          小时。第一次走访、电话或备注即视为响应。家庭信息仅用于本次服务，请勿外传。
        </Text>
        <View
          className={`chip${overdueOnly ? ' chip--on' : ''}`}
          aria-pressed={overdueOnly}
          onClick={() => setOverdueOnly(!overdueOnly)}
          {...button('只看超时未响应的求助', 'volunteer-overdue-toggle')}
        >
          只看超时
        </View>
        <Banner id="volunteer-error" text={form.banner ?? list.error} />
        {list.loaded && list.items.length === 0 && !list.loading ? (
          <Text className="muted" id="volunteer-empty">
            {overdueOnly ? '没有超时的求助。' : '还没有派给本组织的求助。'}
          </Text>
        ) : null}
      </View>
      {list.items.map((a) => (
        <View key={a.id} className="section vl-card" id={`volunteer-item-${a.id}`}>
          <View
            onClick={() => setOpen(open === a.id ? undefined : a.id)}
            {...button(
              `${assistanceCategoryNames[a.category]}，${a.familyNameMasked}，${statusNames[a.status]}${a.overdue ? '，已超时' : ''}`,
              `volunteer-open-${a.id}`,
            )}
          >
            <Text className="text">
              {assistanceCategoryNames[a.category]} · {a.familyNameMasked}
              {a.urgency === 'urgent' ? ' · 紧急' : ''}
            </Text>
            <Text className={`muted${a.overdue ? ' vl-overdue' : ''}`} id={`volunteer-due-${a.id}`}>
              {a.overdue
                ? '已超时，请尽快联系'
                : `${statusNames[a.status]} · 响应期限 ${formatChinaDateTime(a.dueAt)}`}
            </Text>
          </View>
          {open === a.id ? (
            <View id={`volunteer-detail-${a.id}`}>
              <Text className="text">求助内容：{a.description}</Text>
              <View
                className="chip"
                onClick={() => void Taro.makePhoneCall({ phoneNumber: a.contactPhone })}
                {...button(`拨打家庭电话 ${a.contactPhone}`, `volunteer-call-${a.id}`)}
              >
                联系家庭：{a.contactPhone}
              </View>
              <Text className="muted">
                派单时间 {formatChinaDateTime(a.assignedAt)} · 已有 {a.eventCount} 条记录
              </Text>
              {a.status === 'resolved' ? null : (
                <View id="volunteer-event-form">
                  <View className="row">
                    {kinds.map((k) => (
                      <View
                        key={k.kind}
                        className={`chip${kind === k.kind ? ' chip--on' : ''}`}
                        aria-pressed={kind === k.kind}
                        onClick={() => setKind(k.kind)}
                        {...button(`记录方式：${k.text}`, `volunteer-event-${k.kind}`)}
                      >
                        {k.text}
                      </View>
                    ))}
                  </View>
                  <NoteField
                    id="volunteer-event-note"
                    label={kind === 'note' ? '说明' : '说明（选填）'}
                    maxlength={1000}
                    placeholder="家庭和工作人员会看到这段说明"
                    value={note}
                    onChange={setNote}
                  />
                  <SubmitButton
                    id="volunteer-event-submit"
                    label="保存记录"
                    busy={form.busy}
                    onClick={() => record(a)}
                  >
                    保存记录
                  </SubmitButton>
                </View>
              )}
            </View>
          ) : null}
        </View>
      ))}
      <LoadMore list={list} what="求助" id="volunteer-more" />
    </PageShell>
  );
}
