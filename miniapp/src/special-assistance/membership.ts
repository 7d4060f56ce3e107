import type { IdentityView, MySpecialFamily } from '@hongjia/shared';
import { isApiError } from '../api/errors';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Where the user stands for 特殊家庭帮扶: not bound yet (实名认证 first), bound but on no special
 * family record (the district keeps those), a member, or the answer is unknown (network).
 */
export type Membership =
  | { kind: 'member'; family: MySpecialFamily }
  | { kind: 'not_member'; identity: IdentityView }
  | { kind: 'unbound' }
  | { kind: 'error'; message: string };

const isNotFound = (error: unknown) => isApiError(error) && error.status === 404;

export function membershipFrom(
  identity: Settled<IdentityView>,
  family: Settled<MySpecialFamily>,
): Membership {
  if (family.ok) return { kind: 'member', family: family.value };
  if (!identity.ok && isNotFound(identity.error)) return { kind: 'unbound' };
  if (identity.ok && isNotFound(family.error)) return { kind: 'not_member', identity: identity.value };
  const error = identity.ok ? family.error : identity.error;
  return { kind: 'error', message: isApiError(error) ? error.message : '加载失败，请稍后再试' };
}
