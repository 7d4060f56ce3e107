import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { creditCodeCheckCharacter, type SessionUser, type VolunteerAssignmentView } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindIdentity, createFamily, familyBody, idempotencyKey } from './special-family-fixtures';

/**
 * 社会组织 (issue 15 item 3, decision 0035): city staff register organisations; district staff
 * assign a 生活照料/心理慰藉/养老 request only with the family's consent to share; an
 * organisation sees only its own assignments (least disclosure), records visits, and the
 * request's deadline and the staff overdue list stay as they are.
 */
type Session = Awaited<ReturnType<typeof signIn>>;
type Page<T> = { items: T[]; nextCursor: string | null };

let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let volunteers: ReturnType<
  typeof import('@hongjia/functions/assistance/volunteers/routes').createVolunteerServices
>;
let assistance: ReturnType<typeof import('@hongjia/functions/assistance/services').createAssistanceServices>;
let eastStaff: Session;
let westStaff: Session;
let cityStaff: Session;
let mother: Session;
let orgA: { session: Session; id: string };
let audit: { ofSubject: (type: string, id: string) => Promise<{ action: string; actorUserId: string }[]> };
let orgB: { session: Session; id: string };

const hour = 3600_000;
const creditCode = (serial: number) => {
  const first17 = `51360102MJ${String(serial).padStart(7, '0')}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
};

async function register(openid: string, serial: number, districts: string[]) {
  const account = await signIn(runtime, openid);
  const answer = await call(runtime, '/v1/staff/volunteer-organisations', {
    token: cityStaff.token,
    body: {
      name: `志愿服务协会${serial}`,
      creditCode: creditCode(serial),
      contactName: '周志愿',
      contactPhone: '13907910101',
      districts,
      accountUserId: account.user.id,
    },
    headers: { 'idempotency-key': idempotencyKey('org') },
  });
  expect(answer.status, answer.text).toBe(201);
  // The role comes with the next sign-in (the auth group alone writes user records).
  const session = await signIn(runtime, openid);
  expect(session.user.roles).toContain('volunteer');
  return { session, id: (answer.json as { id: string }).id };
}

const file = async (category: string, urgency = 'normal') => {
  const answer = await call(runtime, '/v1/assistance/requests', {
    token: mother.token,
    body: { category, description: '老伴行动不便，想请人每周上门帮忙买菜打扫', urgency },
    headers: { 'idempotency-key': idempotencyKey('help') },
  });
  expect(answer.status, answer.text).toBe(201);
  return answer.json as { id: string; version: number; dueAt: string };
};
const assign = (token: string, id: string, organisationId: string, expectedVersion: number) =>
  call(runtime, `/v1/staff/assistance/requests/${id}/assignment`, {
    token,
    body: { organisationId, expectedVersion },
  });
const assignments = async (session: Session, query = '') => {
  const answer = await call(runtime, `/v1/volunteer/assignments${query}`, { token: session.token });
  expect(answer.status, answer.text).toBe(200);
  return answer.json as unknown as Page<VolunteerAssignmentView>;
};

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  const table = process.env.TABLE_NAME as string;
  const { createNotificationEntity } = await import('@hongjia/functions/notifications/entity');
  const { createOutboxNotifier } = await import('@hongjia/functions/notifications/notifier');
  const { createRoot } = await import('@hongjia/functions/root');
  const { createVolunteerServices } = await import('@hongjia/functions/assistance/volunteers/routes');
  const { createAssistanceServices } = await import('@hongjia/functions/assistance/services');
  const root = createRoot({
    client,
    table,
    notifier: createOutboxNotifier(createNotificationEntity(client, table)),
  });
  volunteers = createVolunteerServices(root);
  audit = root.audit;
  assistance = createAssistanceServices(root);
  eastStaff = await signIn(runtime, 'staff-360102');
  westStaff = await signIn(runtime, 'staff-360103');
  cityStaff = await signIn(runtime, 'staff-city');
  mother = await signIn(runtime, 'vol-mother');
  const body = familyBody(4301);
  expect((await createFamily(runtime, eastStaff.token, body)).status).toBe(201);
  const [mum] = body.members as { name: string; idNumber: string }[];
  expect((await bindIdentity(runtime, mother.token, mum?.name ?? '', mum?.idNumber ?? '')).status).toBe(200);
  orgA = await register('vol-org-a', 1, ['360102']);
  orgB = await register('vol-org-b', 2, ['360102', '360103']);
}, 240_000);

afterAll(async () => {
  client?.destroy();
  await close?.();
});

describe('社会组织 registration', () => {
  it('is for city staff only, with a valid credit code, one organisation per account', async () => {
    const body = {
      name: '某协会',
      creditCode: creditCode(3),
      contactName: '周志愿',
      contactPhone: '13907910101',
      districts: ['360102'],
      accountUserId: orgA.session.user.id,
    };
    const post = (token: string, over: Record<string, unknown> = {}) =>
      call(runtime, '/v1/staff/volunteer-organisations', {
        token,
        body: { ...body, ...over },
        headers: { 'idempotency-key': idempotencyKey('org') },
      });
    expectEnvelope(await post(eastStaff.token), 403, 'FORBIDDEN');
    expectEnvelope(
      await post(cityStaff.token, { creditCode: `${creditCode(3).slice(0, 17)}0` }),
      400,
      'VALIDATION_FAILED',
    );
    expectEnvelope(await post(cityStaff.token), 409, 'CONFLICT');
    const listed = await call(runtime, '/v1/staff/volunteer-organisations', { token: westStaff.token });
    const orgs = (listed.json as unknown as Page<{ id: string }>).items;
    // 西湖区 staff see the organisations serving 西湖区, not the one serving only 东湖区.
    expect(orgs.map((o) => o.id)).toContain(orgB.id);
    expect(orgs.map((o) => o.id)).not.toContain(orgA.id);
    // The contact person stays sealed on the record: the list names no person.
    expect(JSON.stringify(orgs)).not.toMatch(/周志愿|13907910101/);
  });
});

describe('assigning a help request to an organisation', () => {
  let request: { id: string; version: number; dueAt: string };

  it('needs the family’s recorded consent to share with a social organisation', async () => {
    request = await file('daily_care');
    expectEnvelope(
      await assign(eastStaff.token, request.id, orgA.id, request.version),
      403,
      'CONSENT_REQUIRED',
    );
    const consent = await call(runtime, '/v1/me/consents', {
      token: mother.token,
      body: { kind: 'social_org_sharing' },
      headers: { 'idempotency-key': idempotencyKey('share') },
    });
    expect(consent.status, consent.text).toBe(201);
    const assigned = await assign(eastStaff.token, request.id, orgA.id, request.version);
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.json).toMatchObject({
      id: request.id,
      organisationId: orgA.id,
      version: request.version + 1,
    });
  });

  it('refuses 就医 requests, another district’s staff, and an organisation not serving the district', async () => {
    const medical = await file('medical');
    expectEnvelope(
      await assign(eastStaff.token, medical.id, orgA.id, medical.version),
      409,
      'CATEGORY_NOT_ASSIGNABLE',
    );
    const care = await file('elderly_care');
    expectEnvelope(await assign(westStaff.token, care.id, orgB.id, care.version), 404, 'NOT_FOUND');
    expectEnvelope(
      await assign(eastStaff.token, care.id, 'org_unknown', care.version),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('shows the organisation its assignment with least disclosure, and nobody else’s', async () => {
    const mine = await assignments(orgA.session);
    expect(mine.items.map((a) => a.id)).toEqual([request.id]);
    const [view] = mine.items;
    expect(view).toMatchObject({
      category: 'daily_care',
      familyNameMasked: '王**',
      contactPhone: '13807910001',
      status: 'awaiting_response',
      dueAt: request.dueAt,
    });
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/familyId|idNumber|失独|王秀英/);
    expect((await assignments(orgB.session)).items).toEqual([]);
  });

  it('answers another organisation 404 and a volunteer on family or staff routes 403', async () => {
    const visit = { kind: 'visit', note: '已上门', expectedVersion: request.version + 1 };
    expectEnvelope(
      await call(runtime, `/v1/volunteer/assignments/${request.id}/events`, {
        token: orgB.session.token,
        body: visit,
      }),
      404,
      'NOT_FOUND',
    );
    expectEnvelope(
      await call(runtime, `/v1/assistance/requests/${request.id}/events`, { token: orgB.session.token }),
      404,
      'NOT_FOUND',
    );
    expectEnvelope(
      await call(runtime, '/v1/staff/assistance/requests', { token: orgA.session.token }),
      403,
      'FORBIDDEN',
    );
    expectEnvelope(
      await call(runtime, `/v1/staff/assistance/requests/${request.id}/events`, {
        token: orgA.session.token,
        body: visit,
      }),
      403,
      'FORBIDDEN',
    );
    // Staff and family roles are not a volunteer's: the organisation-only routes refuse them.
    expectEnvelope(
      await call(runtime, '/v1/volunteer/assignments', { token: eastStaff.token }),
      403,
      'FORBIDDEN',
    );
    expectEnvelope(
      await call(runtime, '/v1/volunteer/assignments', { token: mother.token }),
      403,
      'FORBIDDEN',
    );
  });

  it('keeps the deadline: overdue for the organisation and on the staff list until its first visit', async () => {
    const late = new Date(Date.parse(request.dueAt) + hour);
    const org = orgA.session.user as SessionUser;
    const overdue = await volunteers.assignments(org, { limit: 20, overdue: true }, late);
    expect(overdue.items.map((a) => [a.id, a.overdue])).toEqual([[request.id, true]]);
    const staffOverdue = await assistance.listForStaff(
      eastStaff.user as SessionUser,
      { limit: 100, status: 'awaiting_response', overdue: true },
      late,
    );
    expect(staffOverdue.items.map((r) => r.id)).toContain(request.id);

    const visited = await volunteers.recordEvent(
      org,
      request.id,
      { kind: 'visit', note: '已上门帮忙打扫', expectedVersion: request.version + 1 },
      late,
      { requestId: 'test', sourceIp: '127.0.0.1' },
    );
    expect(visited).toMatchObject({ status: 'in_progress', eventCount: 1, overdue: false });
    expect((await volunteers.assignments(org, { limit: 20, overdue: true }, late)).items).toEqual([]);
    const after = await assistance.listForStaff(
      eastStaff.user as SessionUser,
      { limit: 100, status: 'awaiting_response', overdue: true },
      late,
    );
    expect(after.items.map((r) => r.id)).not.toContain(request.id);
    // The visit is an event of the request: the family and the organisation read it, named by the organisation.
    const events = await call(runtime, `/v1/assistance/requests/${request.id}/events`, {
      token: mother.token,
    });
    expect((events.json as unknown as Page<{ kind: string; byName: string }>).items).toEqual([
      expect.objectContaining({ kind: 'visit', byName: '志愿服务协会1' }),
    ]);
    const theirs = await call(runtime, `/v1/assistance/requests/${request.id}/events`, {
      token: orgA.session.token,
    });
    expect(theirs.status).toBe(200);
  });

  it('moves with a reassignment: the first organisation loses the request', async () => {
    const current = await volunteers.assignments(orgA.session.user as SessionUser, { limit: 20 }, new Date());
    const version = current.items[0]?.version ?? 0;
    expect((await assign(eastStaff.token, request.id, orgB.id, version)).status).toBe(200);
    expect((await assignments(orgA.session)).items).toEqual([]);
    expect((await assignments(orgB.session)).items.map((a) => a.id)).toEqual([request.id]);
    const visit = { kind: 'call', expectedVersion: version + 1 };
    expectEnvelope(
      await call(runtime, `/v1/volunteer/assignments/${request.id}/events`, {
        token: orgA.session.token,
        body: visit,
      }),
      404,
      'NOT_FOUND',
    );
  });
  // ── decision 0040: who hears of it, withdrawing the consent, deactivating an organisation ──

  it('tells the organisation of each new assignment and the family of a visit', async () => {
    const told = async (session: Session) => {
      const answer = await call(runtime, '/v1/me/notifications', { token: session.token });
      expect(answer.status, answer.text).toBe(200);
      return (answer.json as unknown as Page<{ kind: string; title: string; body: string }>).items;
    };
    // orgA got the first assignment, orgB the reassignment: one message each, no family detail.
    for (const org of [orgA, orgB]) {
      const items = (await told(org.session)).filter((n) => n.kind === 'volunteer_assigned');
      expect(items, org.id).toHaveLength(1);
      expect(items[0]?.body).toMatch(/东湖区派来一件生活照料求助/);
      expect(JSON.stringify(items)).not.toMatch(/王|13807910001/);
    }
    // The visit orgA recorded: the family is told who came.
    const family = (await told(mother)).filter((n) => n.kind === 'assistance_update');
    expect(family.map((n) => n.body)).toContainEqual(expect.stringMatching(/志愿服务协会1已上门看望/));
  });

  it('withdrawn, the consent ends the organisations’ assignments and refuses new ones (audited, idempotent)', async () => {
    const before = (await assignments(orgB.session)).items;
    expect(before.map((a) => a.id)).toEqual([request.id]);
    const version = before[0]?.version ?? 0;
    const withdraw = () =>
      call(runtime, '/v1/me/consents/withdrawal', {
        token: mother.token,
        body: { kind: 'social_org_sharing' },
        headers: { 'idempotency-key': idempotencyKey('withdraw') },
      });
    const first = await withdraw();
    expect(first.status, first.text).toBe(200);
    const again = await withdraw();
    expect(again.json).toEqual(first.json);
    // The organisation loses the family at once: gone from its list, 404 on its routes.
    expect((await assignments(orgB.session)).items).toEqual([]);
    expectEnvelope(
      await call(runtime, `/v1/volunteer/assignments/${request.id}/events`, {
        token: orgB.session.token,
        body: { kind: 'call', expectedVersion: version },
      }),
      404,
      'NOT_FOUND',
    );
    expectEnvelope(
      await call(runtime, `/v1/assistance/requests/${request.id}/events`, { token: orgB.session.token }),
      404,
      'NOT_FOUND',
    );
    // No new assignment rests on it.
    const next = await file('mental_health');
    expectEnvelope(await assign(eastStaff.token, next.id, orgA.id, next.version), 403, 'CONSENT_REQUIRED');
    // The member's own record says when, and the withdrawal is on the audit trail.
    const listed = (await call(runtime, '/v1/me/consents', { token: mother.token })).json as unknown as Page<{
      id: string;
      kind: string;
      withdrawnAt?: string;
    }>;
    const sharing = listed.items.find((c) => c.kind === 'social_org_sharing');
    expect(sharing?.withdrawnAt).toBe((first.json as { withdrawnAt: string }).withdrawnAt);
    const trail = await audit.ofSubject('consent', sharing?.id ?? '');
    expect(trail.map((e) => [e.action, e.actorUserId])).toEqual([['consent_withdrawn', mother.user.id]]);
    // Given again, it counts from then: a new assignment may rest on it.
    const renewed = await call(runtime, '/v1/me/consents', {
      token: mother.token,
      body: { kind: 'social_org_sharing' },
      headers: { 'idempotency-key': idempotencyKey('share') },
    });
    expect(renewed.status, renewed.text).toBe(201);
    expect(renewed.json).not.toHaveProperty('withdrawnAt');
    expect((await assign(eastStaff.token, next.id, orgA.id, next.version)).status).toBe(200);
    // …but the assignment the withdrawal ended stays ended (it rested on the consent as it was then).
    expect((await assignments(orgA.session)).items.map((a) => a.id)).toEqual([next.id]);
    expect((await assignments(orgB.session)).items).toEqual([]);
  });

  it('deactivates an organisation (city staff only): it sees nothing and takes no new assignment', async () => {
    const deactivate = (token: string, id: string) =>
      call(runtime, `/v1/staff/volunteer-organisations/${id}/deactivation`, {
        token,
        body: {},
        headers: { 'idempotency-key': idempotencyKey('org-off') },
      });
    expectEnvelope(await deactivate(eastStaff.token, orgA.id), 403, 'FORBIDDEN');
    expectEnvelope(await deactivate(cityStaff.token, 'org_unknown'), 404, 'NOT_FOUND');
    const done = await deactivate(cityStaff.token, orgA.id);
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ id: orgA.id, active: false, contactPhoneMasked: '139****0101' });
    expect((await deactivate(cityStaff.token, orgA.id)).json).toEqual(done.json);
    expectEnvelope(
      await call(runtime, '/v1/volunteer/assignments', { token: orgA.session.token }),
      403,
      'FORBIDDEN',
    );
    const care = await file('daily_care');
    expectEnvelope(await assign(eastStaff.token, care.id, orgA.id, care.version), 400, 'VALIDATION_FAILED');
    const listed = (
      await call(runtime, '/v1/staff/volunteer-organisations?district=360102', { token: cityStaff.token })
    ).json as unknown as Page<{ id: string; active: boolean }>;
    expect(listed.items.find((o) => o.id === orgA.id)?.active).toBe(false);
    expect(listed.items.find((o) => o.id === orgB.id)?.active).toBe(true);
  });
});
