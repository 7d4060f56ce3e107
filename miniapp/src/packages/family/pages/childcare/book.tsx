import { type AgeClass, ageClassKeys } from '@hongjia/shared';
import { todayInChina, yearsBefore } from '@hongjia/shared/calendar/days';
import { dateLabel } from '@hongjia/shared/calendar/format';
import { Input, Switch, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { createKeyKeeper } from '../../../../api/key-keeper';
import { goToSignIn } from '../../../../auth/navigate';
import { currentToken } from '../../../../auth/session';
import {
  type BookingDraft,
  type BookingErrors,
  classHint,
  hasErrors,
  validateBooking,
} from '../../../../childcare/booking-form';
import { className, type SessionKind, sessionNames } from '../../../../childcare/labels';
import { label } from '../../../../components/a11y';
import { DateField } from '../../../../components/DateField';
import { Banner, Field } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { PhoneField } from '../../../../components/PhoneField';
import { SubmitButton } from '../../../../components/SubmitButton';
import { useSubmit } from '../../../../forms/use-submit';
import { routeParam } from '../../../../lib/route-param';
import { ensurePrivacyAgreed } from '../../../../privacy/store';
import { BookingOutcome, type Outcome } from '../../components/BookingOutcome';
import '../../childcare.css';

const fields = ['childName', 'childBirthDate', 'guardianPhone'] as const;
const why = '仅用于本次托位预约';

/**
 * 预约托位. Children's data is sensitive personal information (PIPL art. 28, 31): we ask only
 * what the booking needs, say why next to each field, and need the guardian's explicit consent.
 */
export default function BookPage() {
  const params = useRouter().params;
  const slot = {
    id: routeParam(params.slotId),
    name: routeParam(params.name),
    date: routeParam(params.date),
    ageClass: (ageClassKeys.find((k) => k === params.ageClass) ?? 'toddler') as AgeClass,
    session: (routeParam(params.session) || 'full_day') as SessionKind,
  };
  const [draft, setDraft] = useState<BookingDraft>({ childName: '', childBirthDate: '', guardianPhone: '' });
  const [consent, setConsent] = useState(false);
  const form = useSubmit<keyof BookingErrors | 'consent'>({ fields, fallback: '预约失败，请稍后再试' });
  const { errors, setErrors } = form;
  const [outcome, setOutcome] = useState<Outcome>();
  // One key per distinct body for this form: a retry tap replays, it does not book twice.
  const keys = useRef(createKeyKeeper()).current;

  const today = todayInChina();
  const hint = classHint(draft.childBirthDate, slot.date);
  const set = (field: keyof BookingDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  async function submit() {
    form.setBanner(undefined);
    const found: BookingErrors & { consent?: string } = validateBooking(draft, slot);
    if (!consent) found.consent = '请确认您是孩子的监护人并同意提供以上信息';
    setErrors(found);
    if (hasErrors(found)) return;
    if (!(await ensurePrivacyAgreed())) return;
    if (!currentToken()) {
      Taro.showToast({ title: '请先登录后再预约', icon: 'none' });
      goToSignIn();
      return;
    }
    const body = {
      childName: draft.childName.trim(),
      childBirthDate: draft.childBirthDate,
      guardianPhone: draft.guardianPhone.trim(),
      // The checkbox above, recorded by the server with the booking (PIPL art. 31).
      guardianConsent: true as const,
    };
    await form.run(
      async () => {
        const res = await call(api.createBooking, {
          params: { slotId: slot.id },
          body,
          idempotencyKey: keys.keyFor({ slotId: slot.id, body }),
        });
        setOutcome(
          res.status === 'confirmed'
            ? { kind: 'confirmed' }
            : { kind: 'waitlisted', position: res.waitlistPosition },
        );
      },
      {
        onApiError: (e) => {
          if (e.code !== 'SLOT_FULL') return false;
          setOutcome({ kind: 'full' });
          return true;
        },
      },
    );
  }

  const slotText = `${slot.name} · ${className(slot.ageClass)} · ${dateLabel(slot.date, today)}（${slot.date}）${sessionNames[slot.session] ?? ''}`;
  if (outcome) {
    return (
      <PageShell name="book">
        <BookingOutcome outcome={outcome} slotText={slotText} />
      </PageShell>
    );
  }

  return (
    <PageShell name="book">
      <View className="section">
        <Text className="title">预约托位</Text>
        <Text className="text" id="book-slot">
          {slotText}
        </Text>
        <Text className="muted">
          以下信息仅用于本次托位预约：机构据此确认孩子的年龄和班级，并在需要时联系您。
        </Text>
      </View>
      <View className="section">
        <Banner id="book-error" text={form.banner} />
        <Field
          id="book-child-name"
          label="孩子姓名"
          why={`${why}，机构凭姓名核对入托的孩子`}
          error={errors.childName}
        >
          <Input
            className="input"
            value={draft.childName}
            maxlength={30}
            placeholder="请输入孩子姓名"
            onInput={(e) => set('childName', e.detail.value)}
            {...label('孩子姓名', 'book-child-name')}
          />
        </Field>
        <DateField
          id="book-birth-date"
          label="孩子出生日期"
          why={`${why}，决定孩子可入的班级`}
          error={errors.childBirthDate}
          value={draft.childBirthDate}
          placeholder="例如 2024-05-01"
          start={yearsBefore(today, 4)}
          end={today}
          fallback={yearsBefore(today, 2)}
          onChange={(value) => set('childBirthDate', value)}
        >
          {hint ? (
            <Text
              className={hint.ageClass === slot.ageClass ? 'cc-slot__free' : 'field__error'}
              id="book-class-hint"
            >
              {hint.text}
            </Text>
          ) : null}
        </DateField>
        <PhoneField
          id="book-phone"
          label="监护人手机号"
          why={`${why}，机构用它联系您确认入托`}
          error={errors.guardianPhone}
          value={draft.guardianPhone}
          onChange={(value) => set('guardianPhone', value)}
        />
        <Field id="book-consent" label="监护人同意" error={errors.consent}>
          <View className="row cc-switch-row">
            <Text className="text grow">我是孩子的监护人，同意为本次预约提供以上信息</Text>
            <Switch
              className="cc-switch"
              checked={consent}
              color="#a61b1b"
              onChange={(e) => {
                setConsent(e.detail.value);
                setErrors((x) => ({ ...x, consent: undefined }));
              }}
              {...label('我是孩子的监护人，同意为本次预约提供以上信息', 'book-consent')}
            />
          </View>
        </Field>
        <SubmitButton id="book-submit" label="提交预约" busy={form.busy} onClick={submit} />
      </View>
    </PageShell>
  );
}
