import { type DistrictCode, districtByCode, type SpecialFamilyKind } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { createKeyKeeper } from '../../../api/key-keeper';
import { useSession } from '../../../auth/session';
import { Chips } from '../../../components/Chips';
import { DateField } from '../../../components/DateField';
import { Banner, Field } from '../../../components/Field';
import { PageShell } from '../../../components/PageShell';
import { SignInPrompt } from '../../../components/SignInPrompt';
import { SubmitButton } from '../../../components/SubmitButton';
import { routes } from '../../../config/routes';
import { useSubmit } from '../../../forms/use-submit';
import { DistrictChips } from '../components/DistrictChips';
import { HelperFields } from '../components/HelperFields';
import { MemberFields } from '../components/MemberFields';
import { PolicyFactsFields } from '../components/PolicyFactsFields';
import { StaffConsole } from '../console/StaffConsole';
import {
  emptyFamilyDraft,
  type FamilyDraft,
  type FormErrors,
  type MemberDraft,
  type MemberRole,
  mapFamilyErrors,
  memberRoles,
  toFamilyRequest,
  validateFamily,
} from '../model/family-form';
import { type HelperKey, helperKeys, helperSpecs } from '../model/helpers';
import { familyKindNames, hukouTypeNames } from '../model/labels';
import {
  emptyPolicyFacts,
  type PolicyFactsDraft,
  policyFactsRequest,
  validatePolicyFacts,
} from '../model/policy-facts';
import { markFamiliesChanged } from '../model/refresh';
import '../staff.css';

const kindOptions = (['bereaved', 'disabled'] as const).map((k) => ({
  value: k as SpecialFamilyKind | undefined,
  text: `${familyKindNames[k]}家庭`,
  key: k,
}));
const hukouOptions = (['urban', 'rural'] as const).map((h) => ({
  value: h as 'urban' | 'rural' | undefined,
  text: hukouTypeNames[h],
  key: h,
}));

/** Drops the errors of the paths just edited; the whole form is checked again on 提交. */
function without(errors: FormErrors, prefix: string, keys: readonly string[]): FormErrors {
  const next = { ...errors };
  for (const key of keys) delete next[prefix ? `${prefix}.${key}` : key];
  return next;
}

/**
 * 建立特殊家庭档案. District staff file in their own district; city staff pick one. The request
 * carries an Idempotency-Key per distinct body, so a second tap or a retry never files twice.
 */
export default function SpecialFamilyForm() {
  const session = useSession();
  const own = session?.user.cityWide ? undefined : (session?.user.district as DistrictCode | undefined);
  const [draft, setDraft] = useState<FamilyDraft>(() => emptyFamilyDraft(own));
  const [facts, setFacts] = useState<PolicyFactsDraft>(emptyPolicyFacts);
  const [factErrors, setFactErrors] = useState<Record<string, string>>({});
  const form = useSubmit({ fallback: '提交失败，请稍后再试' });
  const { errors, setErrors, setBanner } = form;
  const keys = useRef(createKeyKeeper()).current;
  const today = todayInChina();

  const change = (patch: Partial<FamilyDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => without(e, '', Object.keys(patch)));
  };
  const changeMember = (role: MemberRole) => (patch: Partial<MemberDraft>) => {
    setDraft((d) => ({ ...d, [role]: { ...d[role], ...patch } }));
    setErrors((e) => without(without(e, role, Object.keys(patch)), '', ['members']));
  };
  const changeHelper = (key: HelperKey) => (field: string, value: string) => {
    setDraft((d) => ({ ...d, helpers: { ...d.helpers, [key]: { ...d.helpers[key], [field]: value } } }));
    setErrors((e) => without(e, key, [field]));
  };

  async function submit() {
    const found = validateFamily(draft, today);
    const factsFound = validatePolicyFacts(facts, today);
    setErrors(found);
    setFactErrors(factsFound);
    if (Object.keys(found).length + Object.keys(factsFound).length > 0) {
      setBanner('请先更正标红的项目');
      return;
    }
    const body = { ...toFamilyRequest(draft), ...policyFactsRequest(facts) };
    await form.run(
      async () => {
        const created = await call(api.createSpecialFamily, { body, idempotencyKey: keys.keyFor(body) });
        markFamiliesChanged();
        Taro.redirectTo({ url: `${routes.staffSpecialFamily}?id=${encodeURIComponent(created.id)}` });
      },
      {
        // Member errors come back by position in what was sent: mapped to the role's fields.
        onApiError: (e) => {
          const mapped = mapFamilyErrors(e.message, e.details, body);
          setErrors(mapped.fields);
          setBanner(mapped.banner);
          return true;
        },
      },
    );
  }

  if (!session) {
    return (
      <PageShell name="staff-special-family-form">
        <SignInPrompt reason="卫健工作人员登录后建立特殊家庭档案。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="staff-special-family-form">
      <StaffConsole current="special-families">
        <View className="section">
          <Text className="title">家庭情况</Text>
          <Field id="sff-kind" label="家庭类别" error={errors.kind}>
            <Chips
              idPrefix="sff-kind"
              label="家庭类别"
              options={kindOptions}
              value={draft.kind}
              onChange={(kind) => change({ kind })}
            />
          </Field>
          <Field id="sff-district" label="所属县区" error={errors.district}>
            {session.user.cityWide ? (
              <DistrictChips
                idPrefix="sff-district"
                withCity={false}
                value={draft.district}
                onChange={(district) => change({ district })}
              />
            ) : (
              <Text className="text" id="sff-district">
                {draft.district ? districtByCode(draft.district).name : '您的账号未设置辖区，请联系管理员'}
              </Text>
            )}
          </Field>
          <Field
            id="sff-hukou"
            label="户籍类型"
            why="农村与城镇适用的奖励扶助政策不同"
            error={errors.hukouType}
          >
            <Chips
              idPrefix="sff-hukou"
              label="户籍类型"
              options={hukouOptions}
              value={draft.hukouType}
              onChange={(hukouType) => change({ hukouType })}
            />
          </Field>
          <DateField
            id="sff-event-date"
            label={draft.kind === 'disabled' ? '子女伤残认定日期' : '子女死亡日期'}
            spoken="子女死亡或伤残认定日期"
            why="特别扶助等政策从这一天起算"
            error={errors.childEventDate}
            value={draft.childEventDate}
            end={today}
            fallback={today}
            onChange={(childEventDate) => change({ childEventDate })}
          />
        </View>
        <Banner id="sff-members-error" text={errors.members} />
        {memberRoles.map((role) => (
          <MemberFields
            key={role}
            role={role}
            member={draft[role]}
            errors={errors}
            today={today}
            onChange={changeMember(role)}
          />
        ))}
        {helperKeys.map((key) => (
          <View key={key} className="section" id={`sff-${key}`}>
            <Text className="title">{helperSpecs[key].title}（选填，可以以后补充）</Text>
            <HelperFields
              helper={key}
              idPrefix={`sff-${key}`}
              draft={draft.helpers[key]}
              errors={Object.fromEntries(
                Object.entries(errors)
                  .filter(([path]) => path.startsWith(`${key}.`))
                  .map(([path, message]) => [path.slice(key.length + 1), message]),
              )}
              today={today}
              onChange={changeHelper(key)}
            />
          </View>
        ))}
        <View className="section" id="sff-policy-facts">
          <Text className="title">子女和参保情况（选填，可以以后补充）</Text>
          <PolicyFactsFields
            idPrefix="sff-facts"
            draft={facts}
            errors={factErrors}
            today={today}
            newChildAlive={draft.kind !== 'bereaved'}
            onChange={(next) => {
              setFacts(next);
              setFactErrors({});
            }}
          />
        </View>
        <View className="section">
          <Banner id="sff-error" text={form.banner} />
          <Text className="muted">
            档案中的姓名、身份证号和手机号加密保存，仅本辖区和市级工作人员可以查看，每次查看都会记录并告知家庭。
          </Text>
          <SubmitButton id="sff-submit" label="建立档案" busy={form.busy} onClick={submit} />
        </View>
      </StaffConsole>
    </PageShell>
  );
}
