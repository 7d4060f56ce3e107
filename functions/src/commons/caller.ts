import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { privacyPolicyVersion, type Role, type RouteContract, type SessionUser } from '@hongjia/shared';
import { type AccessTableName, accessTableName, documentClient } from './dynamo';
import { AppError, forbidden, unauthenticated } from './errors';
import { createUserEntity, sessionVersionOf, type UserEntity, type UserItem } from './users';

/**
 * The stored user behind a request, read once by the router for every request
 * that carries a valid token (one consistent GetItem on the Access table;
 * public routes without a token read nothing). It decides everything the token
 * used to (decisions 0015, 0017): whether the session is still alive (the
 * user's session version, moved on by logout and deactivation), whether the
 * user is active, which roles, district and city-wide scope the request acts
 * with, and whether a family agreed to the 隐私保护指引 in force before a
 * route that collects or returns its personal data.
 */
export interface CallerStore {
  load(userId: string): Promise<UserItem | undefined>;
}

export function createCallerStore(client: DynamoDBDocumentClient, table: AccessTableName): CallerStore {
  return callerStoreOf(createUserEntity(client, table));
}

/** The same, over a user entity the composition root already built. */
export function callerStoreOf(users: UserEntity): CallerStore {
  return {
    // Consistent: an agreement recorded a moment ago must let the very next request through.
    load: async (userId) => (await users.get({ userId }).go({ consistent: true })).data ?? undefined,
  };
}

let fromEnv: CallerStore | undefined;
/** The functions' own store, made on first use (a group without such routes never reads it). */
export function callerStoreFromEnv(): CallerStore {
  fromEnv ??= createCallerStore(documentClient, accessTableName());
  return fromEnv;
}

/** The principal every authorization decision uses: the stored user's roles and scope, not the token's. */
export function storedPrincipal(stored: UserItem): SessionUser {
  return {
    id: stored.userId,
    roles: [...stored.roles],
    ...(stored.district ? { district: stored.district } : {}),
    ...(stored.cityWide ? { cityWide: true } : {}),
  };
}

/** Roles under which a person acts for an employer (and its data duties), not as a family. */
const employmentRoles: readonly Role[] = ['staff', 'provider', 'admin', 'terminal'];

/**
 * A caller acts as a family when the stored user is one and either the route
 * is for families only, or they hold no employment role (a parent who is also
 * staff reads a registration as staff, but books a place as a parent).
 */
export function actsAsFamily(route: RouteContract, roles: readonly Role[]): boolean {
  if (!roles.includes('family')) return false;
  const familyOnly = Array.isArray(route.access) && route.access.every((role) => role === 'family');
  return familyOnly || !roles.some((role) => employmentRoles.includes(role));
}

export const consentRequired = () =>
  new AppError('CONSENT_REQUIRED', '请先阅读并同意《洪家隐私保护指引》，同意后才能办理涉及个人信息的业务');

/**
 * Refuses the request unless the stored user may use the route (throws the
 * envelope's error) and answers with the principal to act as. `sessionVersion`
 * is the one the token carries: any other means the user logged out or was
 * deactivated since, and every such token is dead at once.
 */
export function admitCaller(
  route: RouteContract,
  stored: UserItem | undefined,
  sessionVersion = 0,
): SessionUser {
  if (!stored) throw unauthenticated('账号不存在或已注销，请重新登录');
  if (stored.deactivatedAt) throw unauthenticated('该账号已停用，如有疑问请联系管理员');
  if (sessionVersionOf(stored) !== sessionVersion) throw unauthenticated('登录已失效，请重新登录');
  const caller = storedPrincipal(stored);
  if (route.access === 'public') return caller;
  if (route.access !== 'signedIn' && !route.access.some((role) => caller.roles.includes(role))) {
    throw forbidden('当前账号无权使用该功能');
  }
  if (
    route.personalData &&
    actsAsFamily(route, caller.roles) &&
    stored.privacyPolicyVersion !== privacyPolicyVersion
  ) {
    throw consentRequired();
  }
  return caller;
}
