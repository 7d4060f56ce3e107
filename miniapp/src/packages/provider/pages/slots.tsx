import type { AgeClass, InstitutionDetail, Slot } from '@hongjia/shared';
import { addDays, todayInChina } from '@hongjia/shared/calendar/days';
import { Input, Picker, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { isApiError } from '../../../api/errors';
import { createKeyKeeper } from '../../../api/key-keeper';
import { slotCapacityIssue } from '../../../childcare/filing-form';
import { className, type SessionKind, sessionNames, slotAvailability } from '../../../childcare/labels';
import { button, label } from '../../../components/a11y';
import { DateField } from '../../../components/DateField';
import { Banner, Field } from '../../../components/Field';
import { toast } from '../../../components/feedback';
import { PageShell } from '../../../components/PageShell';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../forms/use-submit';
import { routeParam } from '../../../lib/route-param';
import '../provider.css';

const sessions: SessionKind[] = ['full_day', 'morning', 'afternoon'];

/** 发布托位: a slot per class, date and session; its capacity never exceeds the class maximum. */
export default function SlotsPage() {
  const params = useRouter().params;
  const id = routeParam(params.id);
  const [institution, setInstitution] = useState<InstitutionDetail>();
  const [slots, setSlots] = useState<Slot[]>([]);
  const today = todayInChina();
  const [ageClass, setAgeClass] = useState<AgeClass>();
  const [date, setDate] = useState(addDays(today, 1));
  const [session, setSession] = useState<SessionKind>('full_day');
  const [capacity, setCapacity] = useState('');
  const form = useSubmit({
    fields: ['ageClass', 'date', 'session', 'capacity'],
    fallback: '发布失败，请稍后再试',
  });
  const { errors, setErrors, setBanner } = form;
  const keys = useRef(createKeyKeeper()).current;

  function refresh() {
    Promise.all([
      call(api.childcareInstitution, { params: { id } }),
      call(api.childcareInstitutionSlots, { params: { id }, query: {}, loading: false }),
    ])
      .then(([inst, list]) => {
        setInstitution(inst);
        setAgeClass((current) => current ?? inst.classes[0]?.ageClass);
        setSlots([...list.items].sort((a, b) => a.date.localeCompare(b.date)));
      })
      .catch((e: unknown) => setBanner(isApiError(e) ? e.message : '加载失败，请稍后再试'));
  }
  useDidShow(refresh);

  const classes = institution?.classes.map((c) => c.ageClass) ?? [];
  const liveCapacity = ageClass && capacity ? slotCapacityIssue(ageClass, capacity) : undefined;

  async function publish() {
    setBanner(undefined);
    if (!ageClass) return;
    const issue = slotCapacityIssue(ageClass, capacity);
    if (issue) {
      setErrors({ capacity: issue });
      return;
    }
    const body = { ageClass, date, session, capacity: Number(capacity) };
    await form.run(async () => {
      await call(api.publishSlot, { params: { id }, body, idempotencyKey: keys.keyFor({ id, body }) });
      setErrors({});
      setCapacity('');
      // The new slot shows in the list below; WeChat confirms a done action with a toast.
      toast('已发布', 'success');
      refresh();
    });
  }

  return (
    <PageShell name="slots">
      <View className="section">
        <Text className="title">{institution?.name ?? routeParam(params.name)}</Text>
        <Banner id="slots-error" text={form.banner} />
        <Field id="slot-class" label="班级" error={errors.ageClass}>
          <Picker
            mode="selector"
            range={classes.map(className)}
            value={ageClass ? Math.max(0, classes.indexOf(ageClass)) : 0}
            onChange={(e) => setAgeClass(classes[Number(e.detail.value)])}
          >
            <View
              className="picker-value"
              {...button(`班级：${ageClass ? className(ageClass) : '请选择'}`, 'slot-class')}
            >
              {ageClass ? className(ageClass) : '请选择班级'}
            </View>
          </Picker>
        </Field>
        <DateField
          id="slot-date"
          label="日期"
          error={errors.date}
          value={date}
          start={today}
          end={addDays(today, 90)}
          fallback={today}
          pickOnly
          onChange={setDate}
        />
        <Field id="slot-session" label="时段" error={errors.session}>
          <Picker
            mode="selector"
            range={sessions.map((s) => sessionNames[s])}
            value={sessions.indexOf(session)}
            onChange={(e) => setSession(sessions[Number(e.detail.value)] ?? 'full_day')}
          >
            <View className="picker-value" {...button(`时段：${sessionNames[session]}`, 'slot-session')}>
              {sessionNames[session]}
            </View>
          </Picker>
        </Field>
        <Field id="slot-capacity" label="名额" error={liveCapacity ?? errors.capacity}>
          <Input
            className="input"
            type="number"
            value={capacity}
            onInput={(e) => setCapacity(e.detail.value)}
            {...label('名额', 'slot-capacity')}
          />
        </Field>
        <SubmitButton
          id="slot-publish"
          label="发布托位"
          busy={form.busy}
          disabled={!ageClass}
          onClick={publish}
        >
          发布
        </SubmitButton>
      </View>
      <View className="section" id="slot-list">
        <Text className="title">已发布的托位</Text>
        {slots.length === 0 ? <Text className="muted">还没有发布托位。</Text> : null}
        {slots.map((s) => (
          <Text key={s.id} className="text" id={`slot-${s.id}`}>
            {s.date} {sessionNames[s.session]} {className(s.ageClass)}：名额 {s.capacity}，已确认{' '}
            {s.confirmed}，候补 {s.waitlisted}（{slotAvailability(s).text}）
          </Text>
        ))}
      </View>
    </PageShell>
  );
}
