import { districtByCode } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';
import { Text, View } from '@tarojs/components';
import { useCallback } from 'react';
import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { Banner } from '../../../components/Field';
import { LoadMore } from '../../../components/LoadMore';
import { usePaged } from '../../../state/paged';

/**
 * 实名冲突: someone tried to bind an ID number that another account already holds. Staff
 * follow up with the holder (the number may be misused); only masked numbers are shown.
 */
export function IdentityConflicts() {
  const load = useCallback((cursor?: string) => call(api.staffIdentityConflicts, { query: { cursor } }), []);
  const list = usePaged(load, { reloadWhen: true });
  return (
    <View id="identity-conflicts">
      <Text className="muted">
        有人用已被其他账号实名绑定的身份证号再次认证。请联系号码本人核实是否被冒用。
      </Text>
      <Banner id="conflicts-error" text={list.error} />
      {list.loaded && list.items.length === 0 ? <Text className="muted">没有实名冲突。</Text> : null}
      {list.items.map((c) => (
        <View key={c.id} className="section" id={`conflict-${c.id}`}>
          <Text className="text">
            {c.idNumberMasked} · {c.district ? districtByCode(c.district).name : '非本市号码'}
          </Text>
          <Text className="muted">尝试认证：{formatChinaDateTime(c.attemptedAt)}</Text>
          <Text className="muted">原账号认证：{formatChinaDateTime(c.holderBoundAt)}</Text>
        </View>
      ))}
      <LoadMore list={list} what="实名冲突" id="conflicts-more" />
    </View>
  );
}
