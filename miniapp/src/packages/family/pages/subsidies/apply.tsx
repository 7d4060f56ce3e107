import { api, type DistrictCode, districts } from '@hongjia/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { isApiError } from '../../../../api/errors';
import { splitApiError } from '../../../../api/field-errors';
import { createKeyKeeper } from '../../../../api/key-keeper';
import { useSession } from '../../../../auth/session';
import { button, label } from '../../../../components/a11y';
import { Chips } from '../../../../components/Chips';
import { Banner, Field } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { routes } from '../../../../config/routes';
import { idNumberHint, spokenDate } from '../../../../identity/id-hint';
import { todayInChina } from '../../../../lib/dates';
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

/** 申领育儿补贴: the child's name and ID number (birth date read from it), household district, consent. */
export default function SubsidyApply() {
  const session = useSession();
  const [draft, setDraft] = useState<SubsidyDraft>(emptySubsidyDraft);
  const [errors, setErrors] = useState<SubsidyErrors>({});
  const [banner, setBanner] = useState<string>();
  const [needsIdentity, setNeedsIdentity] = useState(false);
  const [busy, setBusy] = useState(false);
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
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) delete next[key as keyof SubsidyDraft];
      return next;
    });
  };

  async function submit() {
    const found = validateSubsidy(draft, today);
    setErrors(found);
    const body = toSubsidyRequest(draft, today);
    if (Object.keys(found).length > 0 || !body) {
      setBanner('请先补全或更正标红的项目');
      return;
    }
    if (!(await ensurePrivacyAgreed())) return;
    setBusy(true);
    setBanner(undefined);
    setNeedsIdentity(false);
    try {
      setCreated(await call(api.applyChildcareSubsidy, { body, idempotencyKey: keys.keyFor(body) }));
    } catch (e) {
      if (!isApiError(e)) setBanner('提交没有成功，请稍后再试');
      else {
        // Not 实名认证 yet: the way there is right under the message.
        setNeedsIdentity(e.code === 'IDENTITY_REQUIRED');
        const split = splitApiError(e, subsidyFields);
        const { childBirthDate: fromBirth, ...rest } = split.fields;
        setErrors({ ...rest, ...(fromBirth ? { childIdNumber: rest.childIdNumber ?? fromBirth } : {}) });
        setBanner(split.banner);
      }
    } finally {
      setBusy(false);
    }
  }

  const live = idNumberHint(draft.childIdNumber, today);
  const birthDate = live ? undefined : childBirthDate(draft, today);
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
        <Field
          id="subsidy-child-id"
          label="孩子身份证号"
          why="用于核对出生日期和户籍，页面上只显示部分号码"
          error={live ?? errors.childIdNumber}
        >
          <Input
            className="input"
            type="idcard"
            value={draft.childIdNumber}
            maxlength={18}
            placeholder="18 位身份证号（见户口簿）"
            onInput={(e) => change({ childIdNumber: e.detail.value.trim().toUpperCase() })}
            {...label('孩子身份证号', 'subsidy-child-id')}
          />
          {birthDate ? (
            <Text className="sb-facts" id="subsidy-birth-date">
              出生日期：{spokenDate(birthDate)}
            </Text>
          ) : null}
        </Field>
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
        <Banner id="subsidy-error" text={banner} />
        {needsIdentity ? (
          <Button
            className="btn btn--primary"
            onClick={() => Taro.navigateTo({ url: routes.identity })}
            {...button('去实名认证', 'subsidy-identity')}
          >
            去实名认证
          </Button>
        ) : null}
        <Button
          className="btn btn--primary"
          loading={busy}
          disabled={busy}
          onClick={submit}
          {...button('提交申领', 'subsidy-submit')}
        >
          提交申领
        </Button>
      </View>
    </PageShell>
  );
}
