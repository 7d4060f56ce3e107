import type { IdentityView } from '@hongjia/shared';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { isApiError } from '../../../../api/errors';
import { NavButton } from '../../../../components/NavButton';
import { routes } from '../../../../config/routes';
import { filerExplained } from '../../../../registration/labels';

/** `undefined` while loading or when the check failed (the server still decides), `null` when not bound. */
export type FilerIdentityState = IdentityView | null | undefined;

/**
 * Who may file a registration: the caller's 实名认证, checked every time the
 * page shows (so coming back from the identity page opens the form). A
 * failure other than "not bound" does not block: the server refuses anyway.
 */
export function useFilerIdentity(signedIn: boolean) {
  const [identity, setIdentity] = useState<FilerIdentityState>();
  useDidShow(() => {
    if (!signedIn) return;
    call(api.myIdentity, { loading: false })
      .then(setIdentity)
      .catch((e) => setIdentity(isApiError(e) && e.status === 404 ? null : undefined));
  });
  return { identity, needsIdentity: () => setIdentity(null) };
}

/** Shown instead of the form until the family has bound its real name. */
export function IdentityNeeded() {
  return (
    <View className="section" id="reg-identity-needed">
      <Text className="title">请先完成实名认证</Text>
      <Text className="text">{filerExplained}</Text>
      <Text className="muted">认证后回到这里即可继续填写。</Text>
      <NavButton id="reg-identity" label="去实名认证" tone="primary" where={{ to: routes.identity }} />
    </View>
  );
}

/** The bound person, so the family knows which column must be theirs. */
export function FilerHint({ identity }: { identity: IdentityView }) {
  return (
    <Text className="muted" id="reg-filer-hint">
      您已实名认证为 {identity.nameMasked}（{identity.idNumberMasked}）。登记中的母亲或父亲须是您本人。
    </Text>
  );
}
