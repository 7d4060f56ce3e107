import type { MyBooking } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useSession } from '../../../../auth/session';
import { bookingStatusText, className, sessionNames } from '../../../../childcare/labels';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Banner } from '../../../../components/Field';
import { toast } from '../../../../components/feedback';
import { LoadMore } from '../../../../components/LoadMore';
import { LoadState, pagedStatus } from '../../../../components/LoadState';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { routes } from '../../../../config/routes';
import { useSubmit } from '../../../../forms/use-submit';
import { useOwnList } from '../../../../state/own-list';
import '../../childcare.css';

/** 我的预约: status, waitlist position, and cancel (which promotes the next family). */
export default function MyBookings() {
  const session = useSession();
  const load = useCallback((cursor?: string) => call(api.myBookings, { query: { cursor } }), []);
  // Positions move when others cancel: useOwnList refreshes every time the page shows.
  const list = useOwnList(session, load);
  const [cancelling, setCancelling] = useState<MyBooking>();
  const form = useSubmit({ fallback: '取消失败，请稍后再试' });

  async function cancel(booking: MyBooking) {
    setCancelling(undefined);
    await form.run(async () => {
      const updated = await call(api.cancelBooking, { params: { id: booking.id } });
      list.setItems((items) => items.map((b) => (b.id === updated.id ? updated : b)));
      toast('已取消', 'success');
    });
  }

  if (!session) {
    return (
      <PageShell name="bookings">
        <SignInPrompt reason="登录后查看和取消托位预约。" />
      </PageShell>
    );
  }

  return (
    <PageShell name="bookings">
      <Banner id="bookings-error" text={form.banner ?? (list.items.length > 0 ? list.error : undefined)} />
      <LoadState
        id="bookings"
        status={pagedStatus(list)}
        empty={{
          title: '还没有预约',
          hint: '在“托育服务”中查找附近的托育机构，选好时段即可预约。',
          action: { text: '查找托育机构', onClick: () => Taro.navigateTo({ url: routes.childcare }) },
        }}
      />
      <View role="list" aria-label="我的预约">
        {list.items.map((b) => (
          <View key={b.id} className="cc-card" id={`booking-${b.id}`} role="listitem">
            <View className="cc-card__head">
              <Text className="text">{b.institutionName}</Text>
              <Text className={`text cc-status--${b.status}`} id={`booking-status-${b.id}`}>
                {bookingStatusText(b.status, b.waitlistPosition)}
              </Text>
            </View>
            <Text className="muted">
              {className(b.ageClass)} · {b.date} {sessionNames[b.session]} · {b.childName} ·{' '}
              {b.guardianPhoneMasked}
            </Text>
            {b.status === 'cancelled' ? null : (
              <SubmitButton
                id={`booking-cancel-${b.id}`}
                label={`取消${b.institutionName} ${b.date}的预约`}
                tone="plain"
                onClick={() => setCancelling(b)}
              >
                取消预约
              </SubmitButton>
            )}
          </View>
        ))}
      </View>
      <LoadMore list={list} what="预约" id="bookings-more" />
      {cancelling ? (
        <ConfirmDialog
          id="cancel-dialog"
          title="取消这个预约？"
          message={`${cancelling.institutionName} ${cancelling.date} ${sessionNames[cancelling.session]}（${cancelling.childName}）。取消后名额会让给候补的家庭，不能恢复。`}
          confirmText="确认取消"
          cancelText="不取消"
          danger
          onConfirm={() => cancel(cancelling)}
          onCancel={() => setCancelling(undefined)}
        />
      ) : null}
    </PageShell>
  );
}
