import type { MySpecialFamily } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { label } from '../../../../components/a11y';
import { ConfirmDialog } from '../../../../components/ConfirmDialog';
import { Banner } from '../../../../components/Field';
import { useSubmit } from '../../../../forms/use-submit';

/**
 * 委托联系人代为提出求助 (proxy mode, SPEC C3): the contact person may file a request for the
 * family only while this consent is recorded. Both ways go through a confirmation in plain words.
 */
export function ProxyConsent({
  family,
  onChange,
}: {
  family: MySpecialFamily;
  onChange: (family: MySpecialFamily) => void;
}) {
  const [asking, setAsking] = useState<boolean>();
  const form = useSubmit({ fallback: '没有保存成功，请稍后再试' });
  // A cancelled tap must put the native switch back: a new key redraws it from `granted`.
  const [redraw, setRedraw] = useState(0);
  const contact = family.contactPerson;
  if (!contact) return null;
  const granted = family.proxyConsent !== undefined;

  async function answer(next: boolean) {
    setAsking(undefined);
    const done = await form.run(async () => {
      onChange(await call(api.setProxyConsent, { body: { granted: next } }));
      Taro.showToast({ title: next ? '已委托' : '已撤回委托', icon: 'success' });
    });
    if (!done) setRedraw((n) => n + 1);
  }

  return (
    <View className="section" id="special-proxy">
      <View className="sa-switch-row">
        <Text className="text grow">委托联系人{contact.name}代为提出求助</Text>
        <Switch
          key={redraw}
          className="sa-switch"
          checked={granted}
          color="#a61b1b"
          onChange={(e) => setAsking(e.detail.value)}
          {...label(`委托联系人${contact.name}代为提出求助`, 'special-proxy-switch')}
        />
      </View>
      <Text className="muted">
        {granted && family.proxyConsent
          ? `您已于 ${formatChinaDateTime(family.proxyConsent.grantedAt)} 同意。您不方便用手机时，${contact.name}可以替您提出求助，记录上会写明是联系人代办的。可以随时撤回。`
          : `同意后，您不方便用手机时，${contact.name}可以替您提出求助，记录上会写明是联系人代办的。不同意也不影响您自己求助。`}
      </Text>
      <Banner id="special-proxy-error" text={form.banner} />
      {asking !== undefined ? (
        <ConfirmDialog
          id="proxy-dialog"
          title={asking ? `委托${contact.name}代为求助？` : '撤回委托？'}
          message={
            asking
              ? `同意后，${contact.name}可以替您家提出求助。您随时可以在这里撤回。`
              : `撤回后，${contact.name}不能再替您提出求助，您自己仍然可以随时求助。`
          }
          confirmText={asking ? '同意委托' : '撤回委托'}
          cancelText="先不改"
          onConfirm={() => void answer(asking)}
          onCancel={() => {
            setAsking(undefined);
            setRedraw((n) => n + 1);
          }}
        />
      ) : null}
    </View>
  );
}
