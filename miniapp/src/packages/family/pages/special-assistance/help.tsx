import {
  type AssistanceCategory,
  AssistanceRequestInput,
  type AssistanceUrgency,
  assistanceCategoryNames,
} from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { createKeyKeeper } from '../../../../api/key-keeper';
import { Chips } from '../../../../components/Chips';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Banner, Field } from '../../../../components/Field';
import { NoteField } from '../../../../components/NoteField';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { routes } from '../../../../config/routes';
import { useSubmit } from '../../../../forms/use-submit';
import { categoryOptions, urgencyNames, urgencyOptions } from '../../../../special-assistance/labels';
import { useMembership } from '../../../../special-assistance/use-membership';
import { SharingConsent } from '../../components/special/SharingConsent';
import { Standing } from '../../components/special/Standing';
import '../../special-assistance.css';

const fields = ['category', 'urgency', 'description'] as const;

/** 我要求助: what kind of help, how urgent, in your own words; confirmed once, sent once. */
export default function Help() {
  const { session, membership, reload } = useMembership();
  const [category, setCategory] = useState<AssistanceCategory>();
  const [urgency, setUrgency] = useState<AssistanceUrgency>('normal');
  const [description, setDescription] = useState('');
  const form = useSubmit({ fields, fallback: '没有发送成功，请稍后再试' });
  const { errors, setErrors, setBanner } = form;
  const [confirming, setConfirming] = useState(false);
  // The same request body keeps its key: a second tap or a retry never files twice.
  const keys = useRef(createKeyKeeper()).current;

  if (!session) {
    return (
      <PageShell name="special-help">
        <SignInPrompt reason="登录后可以提出求助，您的联系人会跟进。" />
      </PageShell>
    );
  }
  if (membership && membership.kind !== 'member') {
    return (
      <PageShell name="special-help">
        <Standing membership={membership} onRetry={() => void reload()} />
      </PageShell>
    );
  }

  function review() {
    const parsed = AssistanceRequestInput.safeParse({ category, urgency, description });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
      setErrors(found);
      setBanner('请先补全标红的项目');
      return;
    }
    setErrors({});
    setBanner(undefined);
    setConfirming(true);
  }

  async function submit() {
    setConfirming(false);
    const body = { category: category as AssistanceCategory, urgency, description: description.trim() };
    await form.run(async () => {
      const created = await call(api.createAssistanceRequest, { body, idempotencyKey: keys.keyFor(body) });
      await Taro.redirectTo({ url: `${routes.specialRequests}?filed=${encodeURIComponent(created.id)}` });
    });
  }

  const contactName = membership?.kind === 'member' ? membership.family.contactPerson?.name : undefined;
  return (
    <PageShell name="special-help">
      <View className="section">
        <Text className="text">
          请告诉我们您需要什么帮助。{contactName ? `您的联系人${contactName}` : '您的联系人'}会打电话或上门。
        </Text>
      </View>
      <View className="section">
        <Field id="help-category" label="需要哪方面的帮助" error={errors.category}>
          <Chips
            idPrefix="help-category"
            label="需要哪方面的帮助"
            options={categoryOptions}
            value={category}
            onChange={setCategory}
          />
        </Field>
        <Field id="help-urgency" label="急不急" error={errors.urgency}>
          <Chips
            idPrefix="help-urgency"
            label="急不急"
            options={urgencyOptions}
            value={urgency}
            onChange={setUrgency}
          />
        </Field>
        <NoteField
          id="help-description"
          label="请说一说具体情况"
          error={errors.description}
          value={description}
          maxlength={1000}
          placeholder="例如：最近腿脚不方便，想请人帮忙去医院拿药"
          onChange={(value) => setDescription(value)}
        />
        <Banner id="help-error" text={form.banner} />
        <SubmitButton id="help-submit" label="提交求助" busy={form.busy} onClick={review} />
      </View>
      <SharingConsent userId={session.user.id} id="help-sharing" />
      {confirming && category ? (
        <ConfirmDialog
          id="help-dialog"
          title="确认提交求助？"
          message={`${assistanceCategoryNames[category]}；${urgencyNames[urgency]}。您说的是：${description.trim()}`}
          confirmText="确认提交"
          cancelText="再改改"
          onConfirm={() => void submit()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </PageShell>
  );
}
