import { api, type IdentityView } from '@hongjia/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { isApiError } from '../../../../api/errors';
import { splitApiError } from '../../../../api/field-errors';
import { createKeyKeeper } from '../../../../api/key-keeper';
import { useSession } from '../../../../auth/session';
import { button, label } from '../../../../components/a11y';
import { Banner, Field } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { isWeapp } from '../../../../config/env';
import { setSpecialFamilyDefault } from '../../../../elderly/store';
import { verifyFace } from '../../../../identity/face';
import {
  alreadyBoundMessage,
  type IdentityDraft,
  type IdentityErrors,
  toBindRequest,
  validateIdentity,
  whyWeAsk,
} from '../../../../identity/form';
import { idNumberFacts, idNumberHint, spokenDate } from '../../../../identity/id-hint';
import { todayInChina } from '../../../../lib/dates';
import { ensurePrivacyAgreed } from '../../../../privacy/store';
import { IdentityDone } from '../../components/identity/IdentityDone';
import '../../special-assistance.css';

/** 实名认证: name and ID number (checked as typed), WeChat face verification in weapp, then bound. */
export default function Identity() {
  const session = useSession();
  const [identity, setIdentity] = useState<IdentityView | null>();
  const [draft, setDraft] = useState<IdentityDraft>({ name: '', idNumber: '' });
  const [errors, setErrors] = useState<IdentityErrors>({});
  const [banner, setBanner] = useState<string>();
  const [busy, setBusy] = useState(false);
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
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) delete next[key as keyof IdentityDraft];
      return next;
    });
  };

  async function submit() {
    const found = validateIdentity(draft, today);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!(await ensurePrivacyAgreed())) return;
    setBusy(true);
    setBanner(undefined);
    try {
      const face = await verifyFace(draft.name.trim(), draft.idNumber.trim().toUpperCase());
      if (!face.ok) {
        setBanner(face.message);
        return;
      }
      const body = toBindRequest(draft, face.verifyResult);
      const bound = await call(api.bindIdentity, { body, idempotencyKey: keys.keyFor(body) });
      if (bound.specialFamilyMember) setSpecialFamilyDefault(true);
      setIdentity(bound);
    } catch (e) {
      if (isApiError(e) && e.code === 'IDENTITY_ALREADY_BOUND') setBanner(alreadyBoundMessage);
      else if (isApiError(e)) {
        const split = splitApiError(e, ['name', 'idNumber']);
        setErrors(split.fields);
        setBanner(split.banner);
      } else setBanner('认证没有完成，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  const live = idNumberHint(draft.idNumber, today);
  const facts = live ? undefined : idNumberFacts(draft.idNumber, today);
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
        <Field id="identity-id-number" label="身份证号" error={live ?? errors.idNumber}>
          <Input
            className="input"
            type="idcard"
            value={draft.idNumber}
            maxlength={18}
            placeholder="18 位身份证号"
            onInput={(e) => change({ idNumber: e.detail.value.trim().toUpperCase() })}
            {...label('身份证号', 'identity-id-number')}
          />
          {facts ? (
            <Text className="muted" id="identity-id-facts">
              ✓ 出生日期 {spokenDate(facts.birthDate)}
            </Text>
          ) : null}
        </Field>
        <Banner id="identity-error" text={banner} />
        <Button
          className="btn btn--primary"
          loading={busy}
          disabled={busy}
          onClick={submit}
          {...button('提交认证', 'identity-submit')}
        >
          提交认证
        </Button>
        {isWeapp ? <Text className="muted">提交后会打开微信人脸核验，请按提示正对手机。</Text> : null}
      </View>
    </PageShell>
  );
}
