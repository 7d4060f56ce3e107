import { ageClassRules, districtByCode, type InstitutionDetail, type Slot } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { dateLabel } from '@hongjia/shared/calendar/format';
import { inspectionResultNames, modelLevelNames } from '@hongjia/shared/childcare/programmes';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { isApiError } from '../../../../api/errors';
import { queryString } from '../../../../api/url';
import { className, sessionNames, slotAvailability } from '../../../../childcare/labels';
import { Banner } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { SubmitButton } from '../../../../components/SubmitButton';
import { routes } from '../../../../config/routes';
import { formatMonthlyFee } from '../../../../lib/format';
import { routeParam } from '../../../../lib/route-param';
import '../../childcare.css';

/** 机构详情: classes, fee, 普惠, and the bookable slots by date with free places or the waitlist. */
export default function InstitutionPage() {
  const id = routeParam(useRouter().params.id);
  const [institution, setInstitution] = useState<InstitutionDetail>();
  const [slots, setSlots] = useState<Slot[]>([]);
  const [error, setError] = useState<string>();

  // On every show: places change while the family fills the form or books elsewhere.
  useDidShow(() => {
    Promise.all([
      call(api.childcareInstitution, { params: { id } }),
      call(api.childcareInstitutionSlots, { params: { id }, query: {}, loading: false }),
    ])
      .then(([inst, list]) => {
        setInstitution(inst);
        setSlots(
          [...list.items].sort((a, b) => a.date.localeCompare(b.date) || a.session.localeCompare(b.session)),
        );
        setError(undefined);
      })
      .catch((e: unknown) => setError(isApiError(e) ? e.message : '加载失败，请稍后再试'));
  });

  if (!institution) {
    return (
      <PageShell name="institution">
        <Banner id="institution-error" text={error} />
      </PageShell>
    );
  }

  function book(slot: Slot) {
    if (!institution) return;
    const q = queryString({
      slotId: slot.id,
      institutionId: institution.id,
      name: institution.name,
      date: slot.date,
      ageClass: slot.ageClass,
      session: slot.session,
    });
    Taro.navigateTo({ url: `${routes.childcareBook}${q}` });
  }

  const today = todayInChina();
  return (
    <PageShell name="institution">
      <View className="section">
        <Text className="title" id="institution-name">
          {institution.name}
        </Text>
        <View className="row">
          {institution.affordable ? (
            <Text className="badge badge--affordable" id="institution-affordable">
              普惠
            </Text>
          ) : (
            <Text className="badge badge--muted">非普惠</Text>
          )}
          {institution.model ? (
            <Text className="badge badge--affordable" id="institution-model">
              {modelLevelNames[institution.model.level]}（{institution.model.year}）
            </Text>
          ) : null}
          <Text className="text" id="institution-fee">
            {formatMonthlyFee(institution.monthlyFeeYuan)}
          </Text>
        </View>
        <Text className="muted">
          {districtByCode(institution.district).name} · {institution.address}
        </Text>
        {institution.affordable ? <Text className="muted">普惠托育机构按政府指导价收费。</Text> : null}
        {institution.lastInspection ? (
          <Text className="muted" id="institution-inspection">
            最近安全检查：{institution.lastInspection.date}，
            {inspectionResultNames[institution.lastInspection.result]}
          </Text>
        ) : null}
      </View>

      <View className="section" id="institution-classes">
        <Text className="title">班级</Text>
        {institution.classes.map((c) => {
          const rule = ageClassRules[c.ageClass];
          return (
            <Text key={c.ageClass} className="text">
              {rule.name}（{rule.minMonths}–{rule.maxMonthsExclusive} 个月）：{c.capacity} 人，保育人员{' '}
              {c.caregivers} 名
            </Text>
          );
        })}
      </View>

      <View className="section" id="institution-slots">
        <Text className="title">可预约时段</Text>
        <Banner id="slots-error" text={error} />
        {slots.length === 0 ? <Text className="muted">近期没有开放预约的时段。</Text> : null}
        {slots.map((slot) => {
          const availability = slotAvailability(slot);
          const what = `${className(slot.ageClass)}：${dateLabel(slot.date, today)} ${sessionNames[slot.session]}`;
          const action = availability.kind === 'free' ? '预约' : '候补';
          return (
            <View key={slot.id} className="cc-slot" id={`slot-${slot.id}`}>
              <View className="grow">
                <Text className="text">{what}</Text>
                <Text className={availability.kind === 'free' ? 'cc-slot__free' : 'cc-slot__closed'}>
                  {availability.text}
                </Text>
              </View>
              {availability.kind === 'closed' ? null : (
                <SubmitButton
                  id={`slot-book-${slot.id}`}
                  label={`${action}${what}，${availability.text}`}
                  tone={availability.kind === 'free' ? 'primary' : 'plain'}
                  small
                  onClick={() => book(slot)}
                >
                  {action}
                </SubmitButton>
              )}
            </View>
          );
        })}
      </View>
    </PageShell>
  );
}
