import { districtByCode } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useMemo, useRef } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useSession } from '../../../../auth/session';
import { Banner } from '../../../../components/Field';
import { LoadState } from '../../../../components/LoadState';
import { NavButton } from '../../../../components/NavButton';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { Timeline } from '../../../../components/Timeline';
import { routes } from '../../../../config/routes';
import { routeParam } from '../../../../lib/route-param';
import {
  explainReason,
  kindNames,
  parityName,
  statusLine,
  statusNames,
} from '../../../../registration/labels';
import { useLoaded } from '../../../../state/loaded';
import { usePullRefresh } from '../../../../state/pull-refresh';
import '../../registration.css';

/** 办理进度: status, the reviewer's comment, reasons, and the history as a timeline. */
export default function RegistrationStatusPage() {
  const session = useSession();
  const id = routeParam(useRouter().params.id);
  const read = useMemo(
    () => (session && id ? () => call(api.getRegistration, { params: { id } }) : undefined),
    [session, id],
  );
  const loaded = useLoaded(read);
  const view = loaded.data;

  // Shown again after 修改并重新提交: reload so the new status and history appear.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void loaded.reload();
    shown.current = true;
  });
  usePullRefresh(loaded.reload);

  if (!session) {
    return (
      <PageShell name="registration-status">
        <SignInPrompt reason="登录后查看办理进度。" />
      </PageShell>
    );
  }
  const lastComment = view
    ? [...view.history].reverse().find((h) => h.by === 'staff' && h.comment)?.comment
    : undefined;
  return (
    <PageShell name="registration-status">
      <Banner id="reg-status-error" text={view ? loaded.error : undefined} />
      <LoadState id="reg-status-load" rows={4} status={loaded.status} empty={{ title: '没有找到这条登记' }} />
      {view ? (
        <>
          <View className="section">
            <View className="rg-card__head">
              <Text className="title">
                {kindNames[view.kind]} · {parityName(view.parity)}
              </Text>
              <Text className={`rg-status rg-status--${view.status}`} id="reg-status">
                {statusNames[view.status]}
              </Text>
            </View>
            <Text className="text">{statusLine(view.status)}</Text>
            <Text className="muted">
              受理编号 {view.receiptNo} · 受理地 {districtByCode(view.jurisdiction).name}
            </Text>
            {(view.status === 'returned' || view.status === 'rejected' || view.status === 'voided') &&
            lastComment ? (
              <View className="banner banner--error" id="reg-status-comment" role="alert">
                工作人员意见：{lastComment}
              </View>
            ) : null}
            {view.status === 'returned' ? (
              <NavButton
                id="reg-resubmit"
                label="修改并重新提交"
                tone="primary"
                where={{ to: `${routes.registrationForm}?id=${encodeURIComponent(view.id)}` }}
              />
            ) : null}
            {view.status === 'approved' && view.certificateId ? (
              <NavButton
                id="reg-status-certificate"
                label="查看证件"
                tone="primary"
                where={{ to: `${routes.certificate}?id=${encodeURIComponent(view.certificateId ?? '')}` }}
              />
            ) : null}
          </View>
          {view.status === 'pending_review' && view.reasons.length ? (
            <View className="section" id="reg-status-reasons">
              <Text className="title">转人工审核的原因</Text>
              {view.reasons.map((r) => (
                <Text key={`${r.code}:${r.message}`} className="text">
                  · {explainReason(r)}
                </Text>
              ))}
            </View>
          ) : null}
          <View className="section">
            <Text className="title">办理记录</Text>
            <Timeline id="reg-timeline" history={view.history} />
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
