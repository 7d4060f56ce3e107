import type { MySpecialFamily } from '@hongjia/shared';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../api/client';
import { api } from '../api/endpoints';
import { useSession } from '../auth/session';
import { setSpecialFamilyDefault } from '../elderly/store';
import { type Membership, membershipFrom, type Settled } from './membership';

function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * The user's 特殊家庭帮扶 standing, read each time the page shows (staff may have added the record
 * or a contact person meanwhile). A member gets elderly mode by default from here on.
 */
export function useMembership() {
  const session = useSession();
  const [membership, setMembership] = useState<Membership>();

  const reload = useCallback(async () => {
    const [identity, family] = await Promise.all([
      settle(call(api.myIdentity)),
      settle(call(api.mySpecialFamily)),
    ]);
    const next = membershipFrom(identity, family);
    if (next.kind === 'member') setSpecialFamilyDefault(true);
    setMembership(next);
  }, []);

  useDidShow(() => {
    if (session) void reload();
  });

  /** After a change on the server (proxy consent), without reading everything again. */
  const setFamily = useCallback((family: MySpecialFamily) => setMembership({ kind: 'member', family }), []);

  return { session, membership, reload, setFamily };
}
