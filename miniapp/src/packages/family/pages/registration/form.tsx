import { isDistrictCode } from '@hongjia/shared';
import { todayInChina } from '@hongjia/shared/calendar/days';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { isApiError } from '../../../../api/errors';
import { createKeyKeeper } from '../../../../api/key-keeper';
import { goToSignIn } from '../../../../auth/navigate';
import { currentToken, useSession } from '../../../../auth/session';
import { Banner } from '../../../../components/Field';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { useSubmit } from '../../../../forms/use-submit';
import { routeParam } from '../../../../lib/route-param';
import { ensurePrivacyAgreed } from '../../../../privacy/store';
import { draftFromView, emptyDraft, type RegistrationDraft } from '../../../../registration/draft';
import { mapApiDetails, steps, toRequest, validateStep } from '../../../../registration/steps';
import { readStorage, storageKeys, writeStorage } from '../../../../state/storage';
import { AttachmentsStep } from '../../components/registration/AttachmentsStep';
import { ConfirmStep } from '../../components/registration/ConfirmStep';
import { FamilyStep } from '../../components/registration/FamilyStep';
import { FilerHint, IdentityNeeded, useFilerIdentity } from '../../components/registration/FilerIdentity';
import { KindStep } from '../../components/registration/KindStep';
import { ParentStep } from '../../components/registration/ParentStep';
import { type Outcome, RegistrationOutcome } from '../../components/registration/RegistrationOutcome';
import '../../childcare.css';
import '../../registration.css';

const pipl =
  '依照《个人信息保护法》，我们只收集办理生育登记所必需的信息：姓名和身份证号用于核验身份和婚育情况，手机号用于联系和通知，户籍县区决定由哪里受理。信息加密保存，仅用于本次办理和依法开展的人口服务。';

function initialDraft(): RegistrationDraft {
  const stored = readStorage(storageKeys.registrationMotherDistrict);
  return emptyDraft({
    motherDistrict: typeof stored === 'string' && isDistrictCode(stored) ? stored : undefined,
  });
}

/**
 * 生育登记, six short steps. `?id=` is 修改并重新提交 of a returned registration: the form
 * starts from it and sends the version it loaded (a stale one is refused, not overwritten).
 * Only the mother or the father may file, by real name: a family without 实名认证 is sent
 * there first, and a filing that names neither as the bound person is explained.
 */
export default function RegistrationForm() {
  const session = useSession();
  const filer = useFilerIdentity(Boolean(session));
  const resubmitId = routeParam(useRouter().params.id);
  const [draft, setDraft] = useState<RegistrationDraft>(initialDraft);
  const [version, setVersion] = useState<number>();
  const [stepIndex, setStepIndex] = useState(0);
  const form = useSubmit({
    mapError: (e) => mapApiDetails(e.message, e.details),
    fallback: '提交失败，请稍后再试',
  });
  const { errors, setErrors, setBanner } = form;
  const [returnComment, setReturnComment] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  // One key per distinct body: a second tap or a retry replays the first answer, never files twice.
  const keys = useRef(createKeyKeeper()).current;
  const today = todayInChina();
  const step = steps[stepIndex] ?? steps[0];

  useEffect(() => {
    if (!resubmitId || !session) return;
    call(api.getRegistration, { params: { id: resubmitId } })
      .then((view) => {
        setDraft(draftFromView(view));
        setVersion(view.version);
        const lastComment = [...view.history].reverse().find((h) => h.comment)?.comment;
        setReturnComment(lastComment);
      })
      .catch((e) => setBanner(isApiError(e) ? e.message : '加载失败，请稍后再试'));
  }, [resubmitId, session, setBanner]);

  const change = (patch: Partial<RegistrationDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A field's error goes away once it is edited; the step is checked again on 下一步.
    form.clearErrors(Object.keys(patch));
  };
  const changeParent = (role: 'mother' | 'father') => (patch: Partial<RegistrationDraft['mother']>) => {
    setDraft((d) => ({ ...d, [role]: { ...d[role], ...patch } }));
    form.clearErrors(Object.keys(patch).map((key) => `${role}.${key}`));
  };

  const goTo = (index: number) => {
    setStepIndex(index);
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  function next() {
    const found = validateStep(step.key, draft, today);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setBanner('请先更正标红的项目');
      return;
    }
    setBanner(undefined);
    goTo(stepIndex + 1);
  }

  async function submit() {
    const found = validateStep('confirm', draft, today);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = steps.findIndex(
        (s) => s.key !== 'confirm' && Object.keys(validateStep(s.key, draft, today)).length,
      );
      if (first >= 0) goTo(first);
      setBanner(first >= 0 ? '请先更正标红的项目' : undefined);
      return;
    }
    if (!(await ensurePrivacyAgreed())) return;
    if (!currentToken()) {
      goToSignIn();
      return;
    }
    const body = toRequest(draft);
    await form.run(
      async () => {
        const res =
          resubmitId && version !== undefined
            ? await call(api.resubmitRegistration, {
                params: { id: resubmitId },
                body: { ...body, expectedVersion: version },
              })
            : await call(api.submitRegistration, { body, idempotencyKey: keys.keyFor(body) });
        writeStorage(storageKeys.registrationMotherDistrict, body.mother.hukouDistrict);
        setOutcome({ ...res });
      },
      {
        onApiError: (e) => {
          if (e.code === 'CONFLICT') {
            setBanner('这份登记的状态已经变化（可能已被处理），请返回查看最新进度。');
          } else if (e.code === 'IDENTITY_REQUIRED') {
            filer.needsIdentity();
          } else if (e.code === 'NOT_A_PARENT') {
            // Most often the family's own number was mistyped: back to the parents, with why.
            setBanner(e.message);
            goTo(steps.findIndex((s) => s.key === 'mother'));
          } else {
            // The form's mapper puts each detail on its field; open the first step that has one.
            const index = steps.findIndex((s) => s.key === mapApiDetails(e.message, e.details).step);
            if (index >= 0) goTo(index);
            return false;
          }
          return true;
        },
      },
    );
  }

  if (!session) {
    return (
      <PageShell name="registration-form">
        <SignInPrompt reason="登录后办理生育登记，办理进度和电子证明都保存在您的账号下。" />
      </PageShell>
    );
  }
  if (outcome) {
    return (
      <PageShell name="registration-form">
        <RegistrationOutcome outcome={outcome} />
      </PageShell>
    );
  }
  if (filer.identity === null) {
    return (
      <PageShell name="registration-form">
        <IdentityNeeded />
      </PageShell>
    );
  }

  const last = stepIndex === steps.length - 1;
  return (
    <PageShell name="registration-form">
      <View className="section">
        <View className="rg-steps" aria-hidden>
          {steps.map((s, i) => (
            <View key={s.key} className={`rg-step${i <= stepIndex ? ' rg-step--done' : ''}`} />
          ))}
        </View>
        <Text className="muted" id="reg-step-count">
          第 {stepIndex + 1} 步，共 {steps.length} 步{resubmitId ? ' · 修改并重新提交' : ''}
        </Text>
        <Text className="title" id="reg-step-title">
          {step.title}
        </Text>
        <Banner
          id="reg-return-comment"
          tone="info"
          text={returnComment && `工作人员的补正意见：${returnComment}`}
        />
        {filer.identity && (step.key === 'kind' || step.key === 'mother' || step.key === 'father') ? (
          <FilerHint identity={filer.identity} />
        ) : null}
        {step.key === 'mother' ? (
          <Text className="muted" id="reg-pipl">
            {pipl}
          </Text>
        ) : null}
      </View>
      <View className="section">
        <Banner id="reg-error" text={form.banner} />
        {step.key === 'kind' ? <KindStep draft={draft} errors={errors} onChange={change} /> : null}
        {step.key === 'mother' || step.key === 'father' ? (
          <ParentStep
            key={step.key}
            role={step.key}
            parent={draft[step.key]}
            errors={errors}
            today={today}
            onChange={changeParent(step.key)}
          />
        ) : null}
        {step.key === 'family' ? (
          <FamilyStep draft={draft} errors={errors} today={today} onChange={change} />
        ) : null}
        {step.key === 'attachments' ? (
          <AttachmentsStep
            attachments={draft.attachments}
            onChange={(attachments) => change({ attachments })}
          />
        ) : null}
        {step.key === 'confirm' ? (
          <ConfirmStep draft={draft} errors={errors} onConsent={(consent) => change({ consent })} />
        ) : null}
        <View className="row">
          {stepIndex > 0 ? (
            <SubmitButton
              id="reg-prev"
              label="上一步"
              tone="plain"
              grow
              onClick={() => goTo(stepIndex - 1)}
            />
          ) : null}
          {last ? (
            <SubmitButton
              id="reg-submit"
              label={resubmitId ? '重新提交' : '提交登记'}
              grow
              busy={form.busy}
              onClick={submit}
            />
          ) : (
            <SubmitButton id="reg-next" label="下一步" grow onClick={next} />
          )}
        </View>
      </View>
    </PageShell>
  );
}
