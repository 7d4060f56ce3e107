import {
  type AssistanceRequestView,
  type VolunteerOrganisationView,
  volunteerCategories,
} from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { button } from '../../../components/a11y';
import { SubmitButton } from '../../../components/SubmitButton';

/** Only these go to a social organisation (就医 and 其他 stay with staff). */
export const assignable = (r: Pick<AssistanceRequestView, 'category' | 'status'>) =>
  r.status !== 'resolved' && (volunteerCategories as readonly string[]).includes(r.category);

/**
 * 派给社会组织 (decision 0035): the organisations serving the request's district; the server
 * refuses without the family's consent to share (CONSENT_REQUIRED), said here in words.
 */
export function AssignForm({
  request: r,
  busy,
  onAssigned,
}: {
  request: AssistanceRequestView;
  busy: boolean;
  onAssigned: () => void;
}) {
  const [orgs, setOrgs] = useState<VolunteerOrganisationView[]>();
  const [chosen, setChosen] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);

  useEffect(() => {
    void call(api.staffVolunteerOrganisations, { query: { district: r.district } })
      // A deactivated organisation takes no new assignment (decision 0040): not offered.
      .then((page) => setOrgs(page.items.filter((o) => o.active)))
      .catch(() => setMessage('社会组织列表加载失败，请稍后再试'));
  }, [r.district]);

  async function assign() {
    if (!chosen) {
      setMessage('请选择一个社会组织');
      return;
    }
    setSending(true);
    try {
      await call(api.assignAssistanceRequest, {
        params: { id: r.id },
        body: { organisationId: chosen, expectedVersion: r.version },
      });
      setMessage('已派单，社会组织可在其工作台看到这件求助');
      onAssigned();
    } catch (e) {
      setMessage(isApiError(e) ? e.message : '派单失败，请稍后再试');
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="as-form" id="assistance-assign-form">
      <Text className="text">派给社会组织</Text>
      <Text className="muted">需家庭已同意与社会组织共享求助信息；组织只看到求助内容、姓氏和联系电话。</Text>
      {orgs?.length === 0 ? <Text className="muted">本县区还没有登记的社会组织。</Text> : null}
      <View className="as-kinds">
        {(orgs ?? []).map((o) => (
          <View
            key={o.id}
            className={`chip${chosen === o.id ? ' chip--on' : ''}`}
            aria-pressed={chosen === o.id}
            onClick={() => setChosen(o.id)}
            {...button(`选择社会组织：${o.name}`, `assistance-assign-org-${o.id}`)}
          >
            {o.name}
          </View>
        ))}
      </View>
      {message ? (
        <Text className="muted" id="assistance-assign-message" aria-live="polite">
          {message}
        </Text>
      ) : null}
      <SubmitButton id="assistance-assign-submit" label="确认派单" busy={busy || sending} onClick={assign}>
        确认派单
      </SubmitButton>
    </View>
  );
}
