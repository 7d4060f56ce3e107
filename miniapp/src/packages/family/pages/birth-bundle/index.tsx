import { type DistrictCode, districts } from '@hongjia/shared';
import { addDays, todayInChina } from '@hongjia/shared/calendar/days';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Input, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { createKeyKeeper } from '../../../../api/key-keeper';
import { useSession } from '../../../../auth/session';
import { type BundleDraft, bundleField, checkBundle } from '../../../../birth-bundle/form';
import { type ItemKind, itemKinds, itemNames } from '../../../../birth-bundle/labels';
import { rememberBundle, storedBundles } from '../../../../birth-bundle/store';
import { label } from '../../../../components/a11y';
import { Chips } from '../../../../components/Chips';
import { DateField } from '../../../../components/DateField';
import { Banner, Field } from '../../../../components/Field';
import { NavButton } from '../../../../components/NavButton';
import { PageShell } from '../../../../components/PageShell';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { SubmitButton } from '../../../../components/SubmitButton';
import { routes } from '../../../../config/routes';
import { useSubmit } from '../../../../forms/use-submit';
import { ensurePrivacyAgreed } from '../../../../privacy/store';
import type { Sex } from '../../../../registration/draft';
import '../../childcare.css';
import '../../registration.css';

const sexOptions = [
  { value: 'F' as Sex | undefined, text: '女', key: 'F' },
  { value: 'M' as Sex | undefined, text: '男', key: 'M' },
];
const districtOptions = districts.map((d) => ({
  value: d.code as DistrictCode | undefined,
  text: d.name,
  key: d.code,
}));
const why = '仅用于办理本次出生一件事';

/**
 * 出生一件事: one application after the birth, handed to each agency (户口, 医保, 社保卡,
 * 预防接种). The child's data is sensitive (PIPL art. 28): the guardian consents first.
 */
export default function BirthBundleForm() {
  const session = useSession();
  const [draft, setDraft] = useState<BundleDraft>({
    medicalCertificateNo: '',
    childName: '',
    childBirthDate: '',
    birthWeightG: '',
    hospital: '',
    items: [...itemKinds],
    consent: false,
  });
  const form = useSubmit({ fields: bundleField, fallback: '提交失败，请稍后再试' });
  const { errors } = form;
  const keys = useRef(createKeyKeeper()).current;
  const today = todayInChina();
  const earlier = storedBundles();

  const set = (patch: Partial<BundleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    form.clearErrors(Object.keys(patch));
  };
  const toggle = (kind: ItemKind, on: boolean) =>
    set({
      items: on
        ? itemKinds.filter((k) => k === kind || draft.items.includes(k))
        : draft.items.filter((k) => k !== kind),
    });

  async function submit() {
    const { errors: found, body } = checkBundle(draft, today);
    form.setErrors(found);
    if (!body) {
      form.setBanner('请先更正标红的项目');
      return;
    }
    if (!(await ensurePrivacyAgreed())) return;
    await form.run(async () => {
      const res = await call(api.submitBirthBundle, { body, idempotencyKey: keys.keyFor(body) });
      rememberBundle({ id: res.id, createdAt: res.createdAt });
      await Taro.redirectTo({ url: `${routes.birthBundleProgress}?id=${encodeURIComponent(res.id)}` });
    });
  }

  if (!session) {
    return (
      <PageShell name="birth-bundle">
        <SignInPrompt reason="登录后办理出生一件事，并查看每一项的办理进度。" />
      </PageShell>
    );
  }
  return (
    <PageShell name="birth-bundle">
      <View className="section">
        <Text className="title">出生一件事</Text>
        <Text className="text">
          孩子出生后填一次，我们把信息分别交给卫健、公安、医保、人社和疾控部门办理九项业务，每一项的进度都能在这里查看。户口办好后，育儿补贴会自动为您申请。
        </Text>
        {earlier.map((b, i) => (
          <NavButton
            key={b.id}
            id={`bundle-earlier-${i}`}
            label={`查看 ${formatChinaDateTime(b.createdAt)} 提交的办理进度`}
            where={{ to: `${routes.birthBundleProgress}?id=${encodeURIComponent(b.id)}` }}
          >
            查看进度（{formatChinaDateTime(b.createdAt)} 提交）
          </NavButton>
        ))}
      </View>
      <View className="section">
        <Banner id="bundle-error" text={form.banner} />
        <Field
          id="bundle-cert-no"
          label="出生医学证明编号"
          why={`${why}，各部门据此核对出生信息`}
          error={errors.medicalCertificateNo}
        >
          <Input
            className="input"
            value={draft.medicalCertificateNo}
            maxlength={10}
            placeholder="1 位字母加 9 位数字，如 R360123456"
            onInput={(e) => set({ medicalCertificateNo: e.detail.value.trim().toUpperCase() })}
            {...label('出生医学证明编号', 'bundle-cert-no')}
          />
        </Field>
        <Field id="bundle-child-name" label="孩子姓名" error={errors.childName}>
          <Input
            className="input"
            value={draft.childName}
            maxlength={30}
            onInput={(e) => set({ childName: e.detail.value })}
            {...label('孩子姓名', 'bundle-child-name')}
          />
        </Field>
        <Field id="bundle-child-sex" label="孩子性别" error={errors.childSex}>
          <Chips<Sex | undefined>
            idPrefix="bundle-child-sex"
            label="孩子性别"
            options={sexOptions}
            value={draft.childSex}
            onChange={(childSex) => set({ childSex })}
          />
        </Field>
        <DateField
          id="bundle-birth-date"
          label="出生日期"
          error={errors.childBirthDate}
          value={draft.childBirthDate}
          start={addDays(today, -365)}
          end={today}
          fallback={today}
          onChange={(childBirthDate) => set({ childBirthDate })}
        />
        <Field id="bundle-weight" label="出生体重（克，选填）" error={errors.birthWeightG}>
          <Input
            className="input"
            type="number"
            value={draft.birthWeightG}
            maxlength={4}
            placeholder="例如 3200"
            onInput={(e) => set({ birthWeightG: e.detail.value.trim() })}
            {...label('出生体重，单位克', 'bundle-weight')}
          />
        </Field>
        <Field id="bundle-hospital" label="出生医院" error={errors.hospital}>
          <Input
            className="input"
            value={draft.hospital}
            maxlength={60}
            onInput={(e) => set({ hospital: e.detail.value })}
            {...label('出生医院', 'bundle-hospital')}
          />
        </Field>
        <Field
          id="bundle-district"
          label="落户县区"
          why="户口登记和医保参保在这个县区办理"
          error={errors.householdDistrict}
        >
          <Chips<DistrictCode | undefined>
            idPrefix="bundle-district"
            label="落户县区"
            options={districtOptions}
            value={draft.householdDistrict}
            onChange={(householdDistrict) => set({ householdDistrict })}
          />
        </Field>
        <Field id="bundle-items" label="办理事项" error={errors.items}>
          {itemKinds.map((kind) => (
            <View key={kind} className="row cc-switch-row">
              <Text className="text grow">
                {itemNames[kind].name}（{itemNames[kind].agency}）
              </Text>
              <Switch
                className="cc-switch"
                checked={draft.items.includes(kind)}
                color="#a61b1b"
                onChange={(e) => toggle(kind, e.detail.value)}
                {...label(`办理${itemNames[kind].name}`, `bundle-item-${kind}`)}
              />
            </View>
          ))}
        </Field>
        <Field id="bundle-consent" label="监护人同意" error={errors.consent}>
          <View className="row cc-switch-row">
            <Text className="text grow">我是孩子的监护人，同意将以上信息提供给相关部门办理所选事项</Text>
            <Switch
              className="cc-switch"
              checked={draft.consent}
              color="#a61b1b"
              onChange={(e) => set({ consent: e.detail.value })}
              {...label('我是孩子的监护人，同意提交', 'bundle-consent')}
            />
          </View>
        </Field>
        <SubmitButton id="bundle-submit" label="提交出生一件事" busy={form.busy} onClick={submit}>
          提交
        </SubmitButton>
      </View>
    </PageShell>
  );
}
