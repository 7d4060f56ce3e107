import { type DistrictCode, districtByCode, districts } from '@hongjia/shared';
import { Input, Picker, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { createKeyKeeper } from '../../../api/key-keeper';
import { checkFiling, creditCodeIssue, type FilingDraft } from '../../../childcare/filing-form';
import { button, label } from '../../../components/a11y';
import { Banner, Field } from '../../../components/Field';
import { NavButton } from '../../../components/NavButton';
import { PageShell } from '../../../components/PageShell';
import { SubmitButton } from '../../../components/SubmitButton';
import { isWeapp } from '../../../config/env';
import { useSubmit } from '../../../forms/use-submit';
import { ensurePrivacyAgreed } from '../../../privacy/store';
import { ClassesEditor } from '../components/ClassesEditor';
import '../provider.css';

const fieldPaths = ['name', 'creditCode', 'address', 'district', 'lat', 'lng', 'monthlyFeeYuan', 'classes'];

/** 机构登记备案: the filing the district staff review before the institution is published. */
export default function FilingPage() {
  const [draft, setDraft] = useState<FilingDraft>({
    name: '',
    creditCode: '',
    address: '',
    lat: '',
    lng: '',
    affordable: true,
    monthlyFee: '',
    classes: [{ ageClass: 'toddler', capacity: '', caregivers: '' }],
  });
  const form = useSubmit({ fields: fieldPaths, fallback: '提交失败，请稍后再试' });
  const { errors, setErrors, setBanner } = form;
  const [done, setDone] = useState(false);
  const keys = useRef(createKeyKeeper()).current;
  const set = (patch: Partial<FilingDraft>) => setDraft((d) => ({ ...d, ...patch }));

  function chooseDistrict(code: DistrictCode) {
    // h5 has no map picker: start the coordinates at the district centre for the provider to adjust.
    const centre = districtByCode(code).centre;
    set({
      district: code,
      ...(draft.lat || isWeapp ? {} : { lat: String(centre.lat), lng: String(centre.lng) }),
    });
  }

  async function pickOnMap() {
    if (!(await ensurePrivacyAgreed())) return;
    try {
      const centre = draft.district ? districtByCode(draft.district).centre : undefined;
      const res = await Taro.chooseLocation(centre ? { latitude: centre.lat, longitude: centre.lng } : {});
      set({ lat: String(res.latitude), lng: String(res.longitude), address: draft.address || res.address });
    } catch {
      // Cancelled: keep what was there.
    }
  }

  async function submit() {
    setBanner(undefined);
    const { errors: found, body } = checkFiling(draft);
    setErrors(found);
    if (!body) {
      setBanner('请按提示修改标红的项目');
      return;
    }
    await form.run(async () => {
      await call(api.fileInstitution, { body, idempotencyKey: keys.keyFor(body) });
      setDone(true);
    });
  }

  if (done) {
    return (
      <PageShell name="filing">
        <View className="section" id="filing-done" role="status">
          <Text className="title">已提交，待审核</Text>
          <Text className="text" id="filing-done-review">
            工作人员将进行核对。县区卫健部门审核通过后，机构将出现在家长的查找结果中，届时可以发布托位。
          </Text>
          <NavButton id="filing-back" label="返回工作台" tone="primary" where={{ back: true }} />
        </View>
      </PageShell>
    );
  }

  const codeHint = creditCodeIssue(draft.creditCode);
  const districtIndex = draft.district ? districts.findIndex((d) => d.code === draft.district) : -1;
  return (
    <PageShell name="filing">
      <View className="section">
        <Banner id="filing-error" text={form.banner} />
        <Field id="filing-name" label="机构名称" error={errors.name}>
          <Input
            className="input"
            value={draft.name}
            maxlength={60}
            onInput={(e) => set({ name: e.detail.value })}
            {...label('机构名称', 'filing-name')}
          />
        </Field>
        <Field
          id="filing-credit-code"
          label="统一社会信用代码（18 位）"
          error={codeHint ?? errors.creditCode}
        >
          <Input
            className="input"
            value={draft.creditCode}
            maxlength={18}
            onInput={(e) => set({ creditCode: e.detail.value.toUpperCase() })}
            {...label('统一社会信用代码', 'filing-credit-code')}
          />
          {draft.creditCode.length === 18 && !codeHint ? <Text className="muted">代码校验通过</Text> : null}
        </Field>
        <Field id="filing-district" label="所在县区" error={errors.district}>
          <Picker
            mode="selector"
            range={districts.map((d) => d.name)}
            value={Math.max(0, districtIndex)}
            onChange={(e) => {
              const d = districts[Number(e.detail.value)];
              if (d) chooseDistrict(d.code);
            }}
          >
            <View
              className="picker-value"
              {...button(
                `所在县区：${draft.district ? districtByCode(draft.district).name : '请选择县区'}`,
                'filing-district',
              )}
            >
              {draft.district ? districtByCode(draft.district).name : '请选择县区'}
            </View>
          </Picker>
        </Field>
        <Field id="filing-address" label="详细地址" error={errors.address}>
          <Input
            className="input"
            value={draft.address}
            maxlength={120}
            onInput={(e) => set({ address: e.detail.value })}
            {...label('详细地址', 'filing-address')}
          />
        </Field>
        <Field id="filing-location" label="位置" error={errors.lat ?? errors.lng}>
          {isWeapp ? (
            <SubmitButton
              id="filing-pick-location"
              label="在地图上选择机构位置"
              tone="plain"
              onClick={pickOnMap}
            >
              {draft.lat
                ? `已选择（${Number(draft.lat).toFixed(4)}, ${Number(draft.lng).toFixed(4)}）`
                : '在地图上选择'}
            </SubmitButton>
          ) : (
            <View className="row">
              <Input
                className="input grow"
                type="digit"
                value={draft.lat}
                placeholder="纬度"
                onInput={(e) => set({ lat: e.detail.value })}
                {...label('纬度', 'filing-lat')}
              />
              <Input
                className="input grow"
                type="digit"
                value={draft.lng}
                placeholder="经度"
                onInput={(e) => set({ lng: e.detail.value })}
                {...label('经度', 'filing-lng')}
              />
            </View>
          )}
        </Field>
        <View className="row field">
          <Text className="text grow">普惠托育机构（按政府指导价收费）</Text>
          <Switch
            className="pv-switch"
            checked={draft.affordable}
            color="#a61b1b"
            onChange={(e) => set({ affordable: e.detail.value })}
            {...label('普惠托育机构', 'filing-affordable')}
          />
        </View>
        <Field id="filing-fee" label="月收费（元）" error={errors.monthlyFeeYuan}>
          <Input
            className="input"
            type="number"
            value={draft.monthlyFee}
            onInput={(e) => set({ monthlyFee: e.detail.value })}
            {...label('月收费（元）', 'filing-fee')}
          />
        </Field>
      </View>
      <View className="section">
        <Text className="title">班级</Text>
        <ClassesEditor classes={draft.classes} errors={errors} onChange={(classes) => set({ classes })} />
      </View>
      <SubmitButton id="filing-submit" label="提交备案" busy={form.busy} onClick={submit} />
    </PageShell>
  );
}
