import { Text, View } from '@tarojs/components';
import { NavButton } from '../../../components/NavButton';
import { routes } from '../../../config/routes';

export type Outcome = { kind: 'confirmed' } | { kind: 'waitlisted'; position?: number } | { kind: 'full' };

/** The answer to a booking, with what the family can do next. */
export function BookingOutcome({ outcome, slotText }: { outcome: Outcome; slotText: string }) {
  const title =
    outcome.kind === 'confirmed'
      ? '预约成功'
      : outcome.kind === 'waitlisted'
        ? `已进入候补第 ${outcome.position ?? '?'} 位`
        : '该时段已满';
  const next =
    outcome.kind === 'confirmed'
      ? '请按约定时间带孩子到机构报到。不能前往时，请在“我的预约”中取消，把名额留给其他家庭。'
      : outcome.kind === 'waitlisted'
        ? '有家庭取消时按排队顺序递补，递补成功会在“消息”中通知您。不再需要时请在“我的预约”中取消。'
        : '名额和候补都已满。请返回选择其他日期或时段。';
  return (
    <View className="section" id="book-result" role="status">
      <Text className="cc-result-panel__title" id="book-result-title">
        {title}
      </Text>
      <Text className="text">{slotText}</Text>
      <Text className="text">{next}</Text>
      {outcome.kind === 'full' ? (
        <NavButton id="book-back" label="返回选择其他时段" tone="primary" where={{ back: true }} />
      ) : (
        <NavButton
          id="book-go-bookings"
          label="查看我的预约"
          tone="primary"
          where={{ replace: routes.bookings }}
        />
      )}
    </View>
  );
}
