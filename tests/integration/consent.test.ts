import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccessTableName } from '@hongjia/functions/commons/dynamo';
import { privacyPolicyVersion } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { approve, fileInstitution, futureDate, monthsBefore, publishSlot } from './childcare-filing-fixtures';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindIdentity, idempotencyKey, validIdNumber } from './special-family-fixtures';

/**
 * Consent on the server (issue 9, finding 8): the privacy guideline's version
 * is the server's; a family without a current agreement is refused on every
 * route that collects or returns its personal data, staff and other employees
 * are not asked; a child's data comes with the guardian's consent, recorded
 * on what it creates.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
const table = () => process.env.TABLE_NAME as string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

const agree = (token: string, body: Record<string, unknown> = { kind: 'privacy_policy' }) =>
  call(runtime, '/v1/me/consents', { token, body, headers: { 'idempotency-key': idempotencyKey('agree') } });
const me = async (token: string) =>
  (await call(runtime, '/v1/me', { token })).json as {
    roles: string[];
    consent: {
      privacyPolicy: { version: string; current: boolean; acceptedVersion?: string; acceptedAt?: string };
    };
  };

/** A family's calls on personal-data routes of several groups: a GET, and POSTs that would collect. */
const personalCalls = (token: string) => [
  call(runtime, '/v1/me/bookings', { token }),
  call(runtime, '/v1/me/registrations', { token }),
  call(runtime, '/v1/me/notifications', { token }),
  call(runtime, '/v1/me/identity', {
    token,
    body: { name: '王秀英', idNumber: validIdNumber('360102', '1990-01-01', 'F', 11) },
    headers: { 'idempotency-key': idempotencyKey('bind') },
  }),
  call(runtime, '/v1/assistance/requests', {
    token,
    body: { category: 'medical', description: '想请人陪同去医院', urgency: 'normal' },
    headers: { 'idempotency-key': idempotencyKey('help') },
  }),
];

describe('a family without a current agreement', () => {
  it('is refused with 403 CONSENT_REQUIRED on personal-data routes, asked to read the 隐私保护指引', async () => {
    const { token } = await signIn(runtime, 'consent-none', { consent: false });
    for (const answer of await Promise.all(personalCalls(token))) {
      const error = expectEnvelope(answer, 403, 'CONSENT_REQUIRED');
      expect(error.message).toContain('隐私保护指引');
    }
    // Before the body is read: even a request that would not parse is asked for consent first.
    expectEnvelope(
      await call(runtime, '/v1/me/identity', {
        token,
        body: {},
        headers: { 'idempotency-key': idempotencyKey('b') },
      }),
      403,
      'CONSENT_REQUIRED',
    );
  });

  it('still reads what holds no personal data: who it is, the policies, public search', async () => {
    const { token } = await signIn(runtime, 'consent-browsing', { consent: false });
    expect((await call(runtime, '/v1/me', { token })).status).toBe(200);
    expect((await call(runtime, '/v1/policies', { token })).status).toBe(200);
    expect((await call(runtime, '/v1/childcare/nearby?district=360102', { token })).status).toBe(200);
  });

  it('is told by GET /v1/me that its agreement is not current, then agrees and goes through', async () => {
    const { token } = await signIn(runtime, 'consent-later', { consent: false });
    expect((await me(token)).consent).toEqual({
      privacyPolicy: { version: privacyPolicyVersion, current: false },
    });
    const agreed = await agree(token);
    expect(agreed.status, agreed.text).toBe(201);
    const status = (await me(token)).consent.privacyPolicy;
    expect(status).toMatchObject({
      version: privacyPolicyVersion,
      current: true,
      acceptedVersion: privacyPolicyVersion,
    });
    expect(status.acceptedAt).toBe((agreed.json as { acceptedAt: string }).acceptedAt);
    expect((await call(runtime, '/v1/me/bookings', { token })).status).toBe(200);
  });

  it('records the version in force, whatever version the body names (old clients still send one)', async () => {
    const { token } = await signIn(runtime, 'consent-old-client', { consent: false });
    const agreed = await agree(token, { kind: 'privacy_policy', version: '2020-01-01' });
    expect(agreed.status, agreed.text).toBe(201);
    expect(agreed.json).toMatchObject({ kind: 'privacy_policy', version: privacyPolicyVersion });
    const list = (await call(runtime, '/v1/me/consents', { token })).json as { items: { version: string }[] };
    expect(list.items.map((c) => c.version)).toEqual([privacyPolicyVersion]);
    expect((await me(token)).consent.privacyPolicy.current).toBe(true);
  });

  it('is asked again once the guideline it agreed to is no longer the one in force', async () => {
    const { token, user } = await signIn(runtime, 'consent-outdated');
    expect((await call(runtime, '/v1/me/bookings', { token })).status).toBe(200);
    const { createUserEntity } = await import('@hongjia/functions/commons/users');
    await createUserEntity(client, process.env.ACCESS_TABLE_NAME as AccessTableName)
      .patch({ userId: user.id })
      .set({ privacyPolicyVersion: '2025-01-01' })
      .go();
    expectEnvelope(await call(runtime, '/v1/me/bookings', { token }), 403, 'CONSENT_REQUIRED');
    expect((await me(token)).consent.privacyPolicy).toMatchObject({
      current: false,
      acceptedVersion: '2025-01-01',
    });
  });
});

describe('people at work are not asked', () => {
  it('lets staff, providers, terminals and admins use personal-data routes without an agreement', async () => {
    for (const openid of ['staff-360102', 'provider-1', 'terminal-360102', 'admin']) {
      const { token } = await signIn(runtime, openid);
      const status = (await me(token)).consent.privacyPolicy;
      expect(status.current, openid).toBe(false);
      const answer = await call(runtime, '/v1/me/notifications', { token });
      expect(answer.status, `${openid}: ${answer.text}`).toBe(200);
    }
    // Staff filing for a family (proxy mode) are answered on the merits, not asked for consent.
    const staff = await signIn(runtime, 'staff-360102');
    const filed = await call(runtime, '/v1/assistance/requests', {
      token: staff.token,
      body: { category: 'medical', description: '代为求助', urgency: 'normal', familyId: 'sf_none' },
      headers: { 'idempotency-key': idempotencyKey('proxy') },
    });
    expectEnvelope(filed, 404, 'NOT_FOUND');
  });

  it('asks a parent who is also staff when acting as a family, not when acting as staff', async () => {
    const { createUserEntity, createUserStore } = await import('@hongjia/functions/commons/users');
    await createUserStore(
      createUserEntity(client, process.env.ACCESS_TABLE_NAME as AccessTableName),
    ).getOrCreate(
      { openid: 'consent-staff-parent', roles: ['family', 'staff'], district: '360102' },
      new Date(),
    );
    const { token } = await signIn(runtime, 'consent-staff-parent', { consent: false });
    // A route for families only: it books as a parent.
    const booked = await call(runtime, '/v1/childcare/slots/slot_none/bookings', {
      token,
      body: {
        childName: '小明',
        childBirthDate: '2024-01-01',
        guardianPhone: '13800138000',
        guardianConsent: true,
      },
      headers: { 'idempotency-key': idempotencyKey('book') },
    });
    expectEnvelope(booked, 403, 'CONSENT_REQUIRED');
    // A route for everyone signed in: staff read their messages under their employment.
    expect((await call(runtime, '/v1/me/notifications', { token })).status).toBe(200);
  });
});

describe('guardian consent for a child’s data', () => {
  it('refuses a booking without it (400 naming body.guardianConsent) and records it with the booking', async () => {
    const provider = (await signIn(runtime, 'provider-2')).token;
    const staff = (await signIn(runtime, 'staff-360102')).token;
    const institutionId = await fileInstitution(runtime, provider);
    await approve(runtime, staff, institutionId);
    const date = futureDate(4);
    const slot = await publishSlot(runtime, provider, institutionId, {
      ageClass: 'preschool',
      date,
      capacity: 5,
    });
    const { token } = await signIn(runtime, 'consent-guardian-1');
    const body = {
      childName: '陈小雨',
      childBirthDate: monthsBefore(date, 30),
      guardianPhone: '13800138000',
    };
    const book = (extra: Record<string, unknown>) =>
      call(runtime, `/v1/childcare/slots/${slot.id}/bookings`, {
        token,
        body: { ...body, ...extra },
        headers: { 'idempotency-key': idempotencyKey('book') },
      });
    for (const refused of [await book({}), await book({ guardianConsent: false })]) {
      const error = expectEnvelope(refused, 400, 'VALIDATION_FAILED');
      expect(error.details.map((d) => d.path)).toEqual(['body.guardianConsent']);
      expect(error.message).toContain('监护人');
    }
    const before = Date.now();
    const booked = await book({ guardianConsent: true });
    expect(booked.status, booked.text).toBe(201);
    const { createBookingEntity } = await import('@hongjia/functions/childcare/booking/entity');
    const stored = (
      await createBookingEntity(client, table())
        .get({ bookingId: (booked.json as { id: string }).id })
        .go()
    ).data;
    expect(stored?.guardianConsentVersion).toBe(privacyPolicyVersion);
    expect(Date.parse(stored?.guardianConsentAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('refuses a 育儿补贴 application without it and records it with the application', async () => {
    const { token } = await signIn(runtime, 'consent-guardian-2');
    const bound = await bindIdentity(runtime, token, '陈丽', validIdNumber('360102', '1994-05-12', 'F', 21));
    expect(bound.status, bound.text).toBe(200);
    const birthDate = '2025-03-01';
    const body = {
      childName: '陈小宝',
      childIdNumber: validIdNumber('360102', birthDate, 'M', 21),
      childBirthDate: birthDate,
      hukouDistrict: '360102',
    };
    const apply = (extra: Record<string, unknown>) =>
      call(runtime, '/v1/childcare-subsidies', {
        token,
        body: { ...body, ...extra },
        headers: { 'idempotency-key': idempotencyKey('subsidy') },
      });
    const refused = expectEnvelope(await apply({}), 400, 'VALIDATION_FAILED');
    expect(refused.details.map((d) => d.path)).toEqual(['body.guardianConsent']);
    const before = Date.now();
    const applied = await apply({ guardianConsent: true });
    expect(applied.status, applied.text).toBe(201);
    const { createSubsidyEntity } = await import('@hongjia/functions/subsidies/entity');
    const stored = (
      await createSubsidyEntity(client, table())
        .get({ subsidyId: (applied.json as { id: string }).id })
        .go()
    ).data;
    expect(stored?.guardianConsentVersion).toBe(privacyPolicyVersion);
    expect(Date.parse(stored?.guardianConsentAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });
});
