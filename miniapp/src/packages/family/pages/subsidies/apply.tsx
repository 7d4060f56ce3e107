import { type DistrictCode, districts } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { spokenDate } from '@hongjia/shared/calendar/spoken';
import { Input, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import type { ApiError } from '../../../../api/errors';
import { splitApiError } from '../../../../api/field-errors';
import { createKeyKeeper } from '../../../../api/key-keeper';
import { useSession } from '../../../../auth/session';
import { label } from '../../../../components/a11y';
import { Chips } from '../../../../components/Chips';
import { Banner, Field } from '../../../../components/Field';
import { IdNumberField } from '../../../../components/IdNumberField';
import { NavButton } from '../../../../components/NavButton';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { routes } from '../../../../config/routes';
import { useSubmit } from '../../../../forms/use-submit';
import { ensurePrivacyAgreed } from '../../../../privacy/store';
import {
  childBirthDate,
  emptySubsidyDraft,
  type SubsidyDraft,
  type SubsidyErrors,
  subsidyFields,
  toSubsidyRequest,
  validateSubsidy,
} from '../../../../subsidies/form';
import { subsidyPreview } from '../../../../subsidies/preview';
import { GuardianConsent } from '../../components/subsidies/GuardianConsent';
import { type SubsidyCreated, SubsidyOutcome } from '../../components/subsidies/SubsidyOutcome';
import { SubsidyPreviewBox } from '../../components/subsidies/SubsidyPreviewBox';
import '../../subsidies.css';

const districtOptions = districts.map((d) => ({
  value: d.code as DistrictCode | undefined,
  text: d.name,
  key: d.code,
}));

/** The server checks the birth date it was sent; the form has none of its own: it is read from the ID number. */
function subsidyFailure(error: ApiError) {
  const split = splitApiError(error, subsidyFields);
  const { childBirthDate: fromBirth, ...rest } = split.fields;
  return {
    fields: { ...rest, ...(fromBirth ? { childIdNumber: rest.childIdNumber ?? fromBirth } : {}) },
    banner: split.banner,
  };
}

/** 申领育儿补贴: the child's name and ID number (birth date read from it), household district, consent. */
export default function SubsidyApply() {
  const session = useSession();
  const [draft, setDraft] = useState<SubsidyDraft>(emptySubsidyDraft);
  const form = useSubmit<keyof SubsidyErrors>({
    mapError: subsidyFailure,
    fallback: '提交没有成功，请稍后再试',
  });
  const { errors } = form;
  const [needsIdentity, setNeedsIdentity] = useState(false);
  const [created, setCreated] = useState<SubsidyCreated>();
  const keys = useRef(createKeyKeeper()).current;
  const today = todayInChina();

  if (!session) {
    return (
      <PageShell name="subsidy-apply">
        <SignInPrompt reason="登录后申领育儿补贴，审核和发放进度都保存在您的账号下。" />
      </PageShell>
    );
  }
  if (created) {
    return (
      <PageShell name="subsidy-apply">
        <SubsidyOutcome created={created} />
      </PageShell>
    );
  }

  const change = (patch: Partial<SubsidyDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    form.clearErrors(Object.keys(patch));
  };

  async function submit() {
    const found = validateSubsidy(draft, today);
    form.setErrors(found);
    const body = toSubsidyRequest(draft, today);
    if (Object.keys(found).length > 0 || !body) {
      form.setBanner('请先补全或更正标红的项目');
      return;
    }
    if (!(await ensurePrivacyAgreed())) return;
    setNeedsIdentity(false);
    await form.run(
      async () =>
        setCreated(await call(api.applyChildcareSubsidy, { body, idempotencyKey: keys.keyFor(body) })),
      {
        onApiError: (e) => {
          // Not 实名认证 yet: the way there is right under the message.
          setNeedsIdentity(e.code === 'IDENTITY_REQUIRED');
          return false;
        },
      },
    );
  }

  // Read from a valid number only (IdNumberField shows what is wrong with any other).
  const birthDate = childBirthDate(draft, today);
  return (
    <PageShell name="subsidy-apply">
      <View className="section">
        <Field id="subsidy-child-name" label="孩子姓名" error={errors.childName}>
          <Input
            className="input"
            value={draft.childName}
            maxlength={30}
            placeholder="与户口簿上的姓名一致"
            onInput={(e) => change({ childName: e.detail.value })}
            {...label('孩子姓名', 'subsidy-child-name')}
          />
        </Field>
        <IdNumberField
          id="subsidy-child-id"
          label="孩子身份证号"
          why="用于核对出生日期和户籍，页面上只显示部分号码"
          error={errors.childIdNumber}
          value={draft.childIdNumber}
          today={today}
          placeholder="18 位身份证号（见户口簿）"
          facts={(facts) => `出生日期：${spokenDate(facts.birthDate)}`}
          factsId="subsidy-birth-date"
          factsClassName="sb-facts"
          onChange={(childIdNumber) => change({ childIdNumber })}
        />
        <Field
          id="subsidy-district"
          label="孩子户籍所在县区"
          why="由孩子户籍所在县区受理和审核"
          error={errors.hukouDistrict}
        >
          <Chips
            idPrefix="subsidy-district"
            label="孩子户籍所在县区"
            options={districtOptions}
            value={draft.hukouDistrict}
            onChange={(hukouDistrict) => change({ hukouDistrict })}
          />
        </Field>
        <SubsidyPreviewBox preview={subsidyPreview(birthDate, today)} />
      </View>
      <View className="section">
        <Field id="subsidy-consent" label="监护人同意" error={errors.consent}>
          <GuardianConsent checked={draft.consent} onChange={(consent) => change({ consent })} />
        </Field>
        {/* Refusals show right above the button the user just tapped, not off-screen at the top. */}
        <Banner id="subsidy-error" text={form.banner} />
        {needsIdentity ? (
          <NavButton
            id="subsidy-identity"
            label="去实名认证"
            tone="primary"
            where={{ to: routes.identity }}
          />
        ) : null}
        <SubmitButton id="subsidy-submit" label="提交申领" busy={form.busy} onClick={submit} />
      </View>
    </PageShell>
  );
}
