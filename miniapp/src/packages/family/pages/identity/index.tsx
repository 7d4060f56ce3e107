import type { IdentityView } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { spokenDate } from '@hongjia/shared/calendar/spoken';
import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { isApiError } from '../../../../api/errors';
import { createKeyKeeper } from '../../../../api/key-keeper';
import { useSession } from '../../../../auth/session';
import { label } from '../../../../components/a11y';
import { Banner, Field } from '../../../../components/Field';
import { IdNumberField } from '../../../../components/IdNumberField';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { isWeapp } from '../../../../config/env';
import { setSpecialFamilyDefault } from '../../../../elderly/store';
import { useSubmit } from '../../../../forms/use-submit';
import { verifyFace } from '../../../../identity/face';
import {
  alreadyBoundMessage,
  type IdentityDraft,
  type IdentityErrors,
  toBindRequest,
  validateIdentity,
  whyWeAsk,
} from '../../../../identity/form';
import { ensurePrivacyAgreed } from '../../../../privacy/store';
import { IdentityDone } from '../../components/identity/IdentityDone';
import '../../special-assistance.css';

/** 实名认证: name and ID number (checked as typed), WeChat face verification in weapp, then bound. */
export default function Identity() {
  const session = useSession();
  const [identity, setIdentity] = useState<IdentityView | null>();
  const [draft, setDraft] = useState<IdentityDraft>({ name: '', idNumber: '' });
  const form = useSubmit<keyof IdentityErrors>({
    fields: ['name', 'idNumber'],
    fallback: '认证没有完成，请稍后再试',
  });
  const { errors, setBanner } = form;
  const keys = useRef(createKeyKeeper()).current;
  const today = todayInChina();

  useDidShow(() => {
    if (!session) return;
    call(api.myIdentity, { loading: false })
      .then(setIdentity)
      .catch((e) => {
        // 404: not bound yet. Anything else: show the form anyway, with what went wrong.
        if (!(isApiError(e) && e.status === 404))
          setBanner(isApiError(e) ? e.message : '加载失败，请稍后再试');
        setIdentity(null);
      });
  });

  if (!session) {
    return (
      <PageShell name="identity">
        <SignInPrompt reason="登录后完成实名认证。" />
      </PageShell>
    );
  }
  if (identity) {
    return (
      <PageShell name="identity">
        <IdentityDone identity={identity} />
      </PageShell>
    );
  }
  if (identity === undefined) {
    return (
      <PageShell name="identity">
        <View className="section" id="identity-loading">
          <Text className="text">正在读取您的实名信息…</Text>
        </View>
      </PageShell>
    );
  }

  const change = (patch: Partial<IdentityDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    form.clearErrors(Object.keys(patch));
  };

  async function submit() {
    const found = validateIdentity(draft, today);
    form.setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!(await ensurePrivacyAgreed())) return;
    let faceMessage: string | undefined;
    await form.run(
      async () => {
        const face = await verifyFace(draft.name.trim(), draft.idNumber.trim().toUpperCase());
        if (!face.ok) {
          faceMessage = face.message;
          return;
        }
        const body = toBindRequest(draft, face.verifyResult);
        const bound = await call(api.bindIdentity, { body, idempotencyKey: keys.keyFor(body) });
        if (bound.specialFamilyMember) setSpecialFamilyDefault(true);
        setIdentity(bound);
      },
      {
        onApiError: (e) => {
          if (e.code !== 'IDENTITY_ALREADY_BOUND') return false;
          setBanner(alreadyBoundMessage);
          return true;
        },
      },
    );
    if (faceMessage) setBanner(faceMessage);
  }

  return (
    <PageShell name="identity">
      <View className="section">
        <Text className="title">实名认证</Text>
        <Text className="text" id="identity-why">
          {whyWeAsk}
        </Text>
      </View>
      <View className="section">
        <Field id="identity-name" label="姓名" why="与身份证上的姓名一致" error={errors.name}>
          <Input
            className="input"
            value={draft.name}
            maxlength={30}
            placeholder="请输入姓名"
            onInput={(e) => change({ name: e.detail.value })}
            {...label('姓名', 'identity-name')}
          />
        </Field>
        <IdNumberField
          id="identity-id-number"
          label="身份证号"
          error={errors.idNumber}
          value={draft.idNumber}
          today={today}
          facts={(facts) => `✓ 出生日期 ${spokenDate(facts.birthDate)}`}
          factsId="identity-id-facts"
          onChange={(idNumber) => change({ idNumber })}
        />
        <Banner id="identity-error" text={form.banner} />
        <SubmitButton id="identity-submit" label="提交认证" busy={form.busy} onClick={submit} />
        {isWeapp ? <Text className="muted">提交后会打开微信人脸核验，请按提示正对手机。</Text> : null}
      </View>
    </PageShell>
  );
}
