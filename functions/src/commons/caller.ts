import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { privacyPolicyVersion, type Role, type RouteContract } from '@hongjia/shared';
import { createUserEntity, type UserItem } from '../auth/users';
import { type AccessTableName, accessTableName, documentClient } from './dynamo';
import { AppError, unauthenticated } from './errors';

/**
 * The stored user behind a request, read once by the router for the routes
 * that need more than the token says (decision 0015). Today: whether a family
 * agreed to the 隐私保护指引 in force before a route that collects or returns
 * its personal data. Issue 12 extends the same read to revoked sessions and
 * stored roles, so every such check lives here and costs one GetItem.
 */
export interface CallerStore {
  load(userId: string): Promise<UserItem | undefined>;
}

export function createCallerStore(client: DynamoDBDocumentClient, table: AccessTableName): CallerStore {
  const users = createUserEntity(client, table);
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

/** Whether the router must read the stored user for this route. */
export function needsStoredCaller(route: RouteContract): boolean {
  return route.personalData === true && route.access !== 'public';
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

/** Refuses the request unless the stored user may use the route (throws the envelope's error). */
export function admitCaller(route: RouteContract, stored: UserItem | undefined): void {
  if (!stored) throw unauthenticated('账号不存在或已注销，请重新登录');
  if (!route.personalData || !actsAsFamily(route, [...stored.roles])) return;
  if (stored.privacyPolicyVersion !== privacyPolicyVersion) throw consentRequired();
}
