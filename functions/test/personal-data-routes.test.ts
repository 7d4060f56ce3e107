import { api, privacyPolicyVersion, type RouteContract, routeKey } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { UserItem } from '../src/auth/users';
import { actsAsFamily, admitCaller } from '../src/commons/caller';
import { AppError } from '../src/commons/errors';
import { schemaFieldNames } from './schema-fields';

/**
 * Which routes ask a family for its privacy consent (`personalData` in the
 * contract), derived from the route table: every route a family can call
 * whose request or response carries a field of personal data must carry the
 * flag, so a new route cannot forget it.
 */
const routes = Object.values(api) as RouteContract[];

/** Fields that are a person's data, whole or masked: ID numbers, phones, birth dates, names, what a family wrote. */
const personalField =
  /idNumber|phone|birthDate|NameMasked$|^(childName|holderMasked|description|note|familyLabel|mother|father|members|existingChildren|child|contactPerson|medicalCertificateNo|faceVerifyResult)$/i;

const fieldsOf = (schema: z.ZodType | undefined) => schemaFieldNames(schema, 'input');

const familyCanCall = (route: RouteContract) =>
  route.access === 'signedIn' || (Array.isArray(route.access) && route.access.includes('family'));
const personalFieldsOf = (route: RouteContract) =>
  [route.body, route.query, route.params, route.response]
    .flatMap(fieldsOf)
    .filter((f) => personalField.test(f));

describe('routes that carry personal data', () => {
  const familyRoutes = routes.filter(familyCanCall);

  it.each(familyRoutes.filter((r) => personalFieldsOf(r).length > 0).map((r) => [routeKey(r), r] as const))(
    '%s carries personalData (a family without consent is asked first)',
    (_, route) => {
      expect(route.personalData, `fields: ${personalFieldsOf(route).join(', ')}`).toBe(true);
    },
  );

  it('lists the flagged routes: all signed-in, all open to families', () => {
    const flagged = routes.filter((r) => r.personalData).map(routeKey);
    // The list, for a reviewer: what a family cannot use before agreeing to the guideline.
    console.info(`personalData routes (${flagged.length}):\n  ${flagged.join('\n  ')}`);
    expect(flagged.length).toBeGreaterThan(0);
    for (const route of routes.filter((r) => r.personalData)) {
      expect(route.access, routeKey(route)).not.toBe('public');
      expect(familyCanCall(route), routeKey(route)).toBe(true);
    }
    // What a family must still reach without consent: who it is, the consent itself.
    for (const open of [api.me, api.recordConsent, api.listConsents, api.listPolicies]) {
      expect(open.personalData, routeKey(open)).toBeUndefined();
    }
  });
});

describe('who is asked', () => {
  const user = (roles: UserItem['roles'], version?: string): UserItem => ({
    userId: 'u_1',
    openid: 'o',
    roles,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...(version ? { privacyPolicyVersion: version } : {}),
  });
  const codeOf = (run: () => void) => {
    try {
      run();
      return 'OK';
    } catch (error) {
      return error instanceof AppError ? error.code : 'THROWN';
    }
  };

  it('asks a family without the current version on personal-data routes only', () => {
    expect(codeOf(() => admitCaller(api.myBookings, user(['family'])))).toBe('CONSENT_REQUIRED');
    expect(codeOf(() => admitCaller(api.myBookings, user(['family'], '2020-01-01')))).toBe(
      'CONSENT_REQUIRED',
    );
    expect(codeOf(() => admitCaller(api.myBookings, user(['family'], privacyPolicyVersion)))).toBe('OK');
    expect(codeOf(() => admitCaller(api.me, user(['family'])))).toBe('OK');
  });

  it('does not ask staff, providers, terminals or admins', () => {
    for (const role of ['staff', 'provider', 'terminal', 'admin'] as const) {
      expect(codeOf(() => admitCaller(api.myNotifications, user([role])))).toBe('OK');
    }
  });

  it('asks a parent who is also staff on family-only routes, not on shared ones', () => {
    expect(actsAsFamily(api.createBooking, ['family', 'staff'])).toBe(true);
    expect(actsAsFamily(api.myNotifications, ['family', 'staff'])).toBe(false);
    expect(actsAsFamily(api.createAssistanceRequest, ['family', 'staff'])).toBe(false);
    expect(actsAsFamily(api.myNotifications, ['family'])).toBe(true);
  });

  it('sends a token whose user is gone back to sign in', () => {
    expect(codeOf(() => admitCaller(api.myBookings, undefined))).toBe('UNAUTHENTICATED');
  });
});

describe('the stored user decides (decision 0017)', () => {
  const stored = (over: Partial<UserItem> = {}): UserItem => ({
    userId: 'u_1',
    openid: 'o',
    roles: ['staff'],
    district: '360102',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  });
  const codeOf = (run: () => void) => {
    try {
      run();
      return 'OK';
    } catch (error) {
      return error instanceof AppError ? error.code : 'THROWN';
    }
  };

  it('refuses a token of an older session version (logout, deactivation) and a deactivated user', () => {
    expect(codeOf(() => admitCaller(api.staffFilings, stored(), 0))).toBe('OK');
    expect(codeOf(() => admitCaller(api.staffFilings, stored({ sessionVersion: 1 }), 0))).toBe(
      'UNAUTHENTICATED',
    );
    expect(codeOf(() => admitCaller(api.staffFilings, stored({ sessionVersion: 1 }), 1))).toBe('OK');
    const gone = stored({ deactivatedAt: '2026-11-30T00:00:00.000Z', sessionVersion: 1 });
    expect(codeOf(() => admitCaller(api.staffFilings, gone, 1))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => admitCaller(api.health, gone, 1))).toBe('UNAUTHENTICATED');
  });

  it('checks the route against the stored roles and acts with the stored scope, not the claims', () => {
    expect(codeOf(() => admitCaller(api.staffFilings, stored({ roles: ['family'] })))).toBe('FORBIDDEN');
    expect(admitCaller(api.staffFilings, stored({ district: '360111' }))).toEqual({
      id: 'u_1',
      roles: ['staff'],
      district: '360111',
    });
    expect(admitCaller(api.staffFilings, stored({ cityWide: true }))).toMatchObject({ cityWide: true });
  });
});
