import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccessTableName } from '@hongjia/functions/commons/dynamo';
import type { AssistanceRequestView, SessionUser } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindIdentity, createFamily, familyBody, idempotencyKey } from './special-family-fixtures';

type Session = Awaited<ReturnType<typeof signIn>>;
type Page = { items: AssistanceRequestView[]; nextCursor: string | null };

let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
/** The service built on the runtime's store, for a later `now` (imported once the runtime set the env). */
let service: ReturnType<typeof import('@hongjia/functions/assistance/services').createAssistanceServices>;
let eastStaff: Session;
let westStaff: Session;
let cityStaff: Session;
let contact: Session;
let mother: Session;
let father: Session;
let stranger: Session;
let familyId: string;

const hour = 3600_000;
const sessionOf = (s: Session): SessionUser => s.user as SessionUser;

const file = (token: string, body: Record<string, unknown>) =>
  call(runtime, '/v1/assistance/requests', {
    token,
    body: {
      category: 'medical',
      description: '老伴腿脚不便，想请人陪同去医院复查',
      urgency: 'urgent',
      ...body,
    },
    headers: { 'idempotency-key': idempotencyKey('help') },
  });
const recordEvent = (token: string, id: string, body: Record<string, unknown>) =>
  call(runtime, `/v1/staff/assistance/requests/${id}/events`, { token, body });
const list = async (token: string, path: string) => {
  const answer = await call(runtime, path, { token });
  return { status: answer.status, page: answer.json as unknown as Page };
};
const ids = (page: Page) => page.items.map((item) => item.id);

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  const table = process.env.TABLE_NAME as string;
  const { createUserEntity, createUserStore } = await import('@hongjia/functions/commons/users');
  const { createNotificationEntity } = await import('@hongjia/functions/notifications/entity');
  const { createOutboxNotifier } = await import('@hongjia/functions/notifications/notifier');
  const { createAssistanceServices } = await import('@hongjia/functions/assistance/services');
  const { createRoot } = await import('@hongjia/functions/root');
  service = createAssistanceServices(
    createRoot({ client, table, notifier: createOutboxNotifier(createNotificationEntity(client, table)) }),
  );
  // A contact person's own staff account (a community worker of 东湖区), created before first sign-in.
  await createUserStore(
    createUserEntity(client, process.env.ACCESS_TABLE_NAME as AccessTableName),
  ).getOrCreate(
    { openid: 'contact-360102', roles: ['staff'], district: '360102', displayName: '东湖区社区联系人' },
    new Date(),
  );
  eastStaff = await signIn(runtime, 'staff-360102');
  westStaff = await signIn(runtime, 'staff-360103');
  cityStaff = await signIn(runtime, 'staff-city');
  contact = await signIn(runtime, 'contact-360102');
  mother = await signIn(runtime, 'ast-mother');
  father = await signIn(runtime, 'ast-father');
  stranger = await signIn(runtime, 'ast-stranger');
  const body = familyBody(4101, {
    contactPerson: { name: '赵红梅', phone: '13907910003', userId: contact.user.id },
  });
  const created = await createFamily(runtime, eastStaff.token, body);
  expect(created.status).toBe(201);
  familyId = (created.json as { id: string }).id;
  const [mum, dad] = body.members as { name: string; idNumber: string }[];
  expect((await bindIdentity(runtime, mother.token, mum?.name ?? '', mum?.idNumber ?? '')).status).toBe(200);
  expect((await bindIdentity(runtime, father.token, dad?.name ?? '', dad?.idNumber ?? '')).status).toBe(200);
}, 240_000);

afterAll(async () => {
  client?.destroy();
  await close?.();
});

describe('help requests of a special family', () => {
  let request: AssistanceRequestView;

  it('lets a member file an urgent request, due in 24 hours, routed to the contact person', async () => {
    const answer = await file(mother.token, {});
    expect(answer.status).toBe(201);
    request = answer.json as unknown as AssistanceRequestView;
    expect(Date.parse(request.dueAt) - Date.parse(request.createdAt)).toBe(24 * hour);
    expect(request).toMatchObject({
      familyId,
      district: '360102',
      status: 'awaiting_response',
      overdue: false,
      contactPersonName: '赵红梅',
      description: '老伴腿脚不便，想请人陪同去医院复查',
      filedBy: { mode: 'self', name: '王**' },
      familyLabel: '失独家庭 王**、李**',
      events: [],
      eventCount: 0,
      version: 1,
    });
  });

  it('refuses someone who is not a member of a special family, kindly', async () => {
    const error = expectEnvelope(await file(stranger.token, {}), 403, 'NOT_SPECIAL_FAMILY_MEMBER');
    expect(error.message).toContain('特殊家庭');
  });

  it('tells the contact person, without the description', async () => {
    const { page } = await list(contact.token, '/v1/me/notifications');
    const note = (page.items as unknown as { kind: string; body: string; link?: string }[]).find(
      (n) => n.kind === 'assistance_request',
    );
    expect(note?.link).toBe('/packages/staff/pages/assistance');
    expect(note?.body).toContain('就医');
    expect(note?.body).not.toContain('复查');
  });

  it('shows the request to both members of the family and to no one else', async () => {
    expect(ids((await list(father.token, '/v1/me/assistance/requests')).page)).toContain(request.id);
    expect(ids((await list(mother.token, '/v1/me/assistance/requests')).page)).toContain(request.id);
    expect((await list(stranger.token, '/v1/me/assistance/requests')).page).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('keeps it from the staff of another district', async () => {
    const asked = await call(runtime, '/v1/staff/assistance/requests?district=360102', {
      token: westStaff.token,
    });
    expectEnvelope(asked, 403, 'FORBIDDEN');
    expect(ids((await list(westStaff.token, '/v1/staff/assistance/requests')).page)).not.toContain(
      request.id,
    );
    const acted = await recordEvent(westStaff.token, request.id, { kind: 'call', expectedVersion: 1 });
    expectEnvelope(acted, 404, 'NOT_FOUND');
  });

  it('lists it for the district staff and the city, earliest deadline first', async () => {
    const normal = await file(father.token, { urgency: 'normal', category: 'daily_care' });
    const later = (normal.json as unknown as AssistanceRequestView).id;
    const east = (await list(eastStaff.token, '/v1/staff/assistance/requests')).page;
    expect(ids(east).indexOf(request.id)).toBeLessThan(ids(east).indexOf(later));
    expect(east.items.every((item, i, all) => i === 0 || (all[i - 1]?.dueAt ?? '') <= item.dueAt)).toBe(true);
    const city = (await list(cityStaff.token, '/v1/staff/assistance/requests?limit=50')).page;
    expect(ids(city)).toContain(request.id);
    // City staff page through all districts merged: one item a page, still in deadline order, no repeats.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/v1/staff/assistance/requests?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { status, page } = await list(cityStaff.token, query);
      expect(status, JSON.stringify(page)).toBe(200);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 60);
    expect(seen).toEqual(ids(city).slice(0, seen.length));
    expect(seen).toEqual(expect.arrayContaining([request.id, later]));
  });

  it('shows it as overdue once the deadline has passed, as one key condition', async () => {
    const created = Date.parse(request.createdAt);
    const query = { limit: 50, status: 'awaiting_response' as const, overdue: true };
    const before = await service.listForStaff(sessionOf(eastStaff), query, new Date(created + 23 * hour));
    expect(ids(before)).not.toContain(request.id);
    const after = await service.listForStaff(sessionOf(eastStaff), query, new Date(created + 25 * hour));
    expect(after.items.find((item) => item.id === request.id)?.overdue).toBe(true);
    const west = await service.listForStaff(sessionOf(westStaff), query, new Date(created + 25 * hour));
    expect(ids(west)).not.toContain(request.id);
    // Over HTTP (now): the seed's request filed four days ago is overdue, ours is not yet.
    const { page } = await list(eastStaff.token, '/v1/staff/assistance/requests?overdue=true');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.overdue && item.status === 'awaiting_response')).toBe(true);
    expect(ids(page)).not.toContain(request.id);
  });

  it('records a visit: the request leaves the overdue list and the family sees it with its time', async () => {
    const answer = await recordEvent(contact.token, request.id, {
      kind: 'visit',
      note: '已上门，约好周三陪同复查',
      expectedVersion: 1,
    });
    expect(answer.status).toBe(200);
    const visited = answer.json as unknown as AssistanceRequestView;
    expect(visited).toMatchObject({ status: 'in_progress', version: 2, overdue: false });
    expect(visited.firstRespondedAt).toBe(visited.events[0]?.at);

    const late = new Date(Date.parse(request.createdAt) + 25 * hour);
    const overdue = await service.listForStaff(
      sessionOf(eastStaff),
      { limit: 50, status: 'awaiting_response', overdue: true },
      late,
    );
    expect(ids(overdue)).not.toContain(request.id);

    const mine = (await list(mother.token, '/v1/me/assistance/requests')).page;
    const seen = mine.items.find((item) => item.id === request.id);
    expect(seen?.events).toEqual([
      { kind: 'visit', at: visited.firstRespondedAt, byName: '赵红梅', note: '已上门，约好周三陪同复查' },
    ]);
    const { page } = await list(mother.token, '/v1/me/notifications');
    expect(page.items.map((n) => (n as unknown as { kind: string }).kind)).toContain('assistance_update');
  });

  it('refuses a stale version with 409 and a resolved request takes no more events', async () => {
    expectEnvelope(
      await recordEvent(eastStaff.token, request.id, { kind: 'call', expectedVersion: 1 }),
      409,
      'CONFLICT',
    );
    const resolved = await recordEvent(eastStaff.token, request.id, { kind: 'resolved', expectedVersion: 2 });
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({ status: 'resolved', version: 3 });
    // The lists carry the newest event and the count; the history is paged.
    expect((resolved.json as unknown as AssistanceRequestView).events).toEqual([
      expect.objectContaining({ kind: 'resolved', byName: '东湖区卫生健康委员会' }),
    ]);
    expect((resolved.json as unknown as AssistanceRequestView).eventCount).toBe(2);
    const history = await call(runtime, `/v1/assistance/requests/${request.id}/events`, {
      token: mother.token,
    });
    expect(history.status, history.text).toBe(200);
    expect(
      (history.json as { items: { seq: number; kind: string }[] }).items.map((e) => [e.seq, e.kind]),
    ).toEqual([
      [1, 'visit'],
      [2, 'resolved'],
    ]);
    expectEnvelope(
      await recordEvent(eastStaff.token, request.id, { kind: 'note', expectedVersion: 3 }),
      409,
      'CONFLICT',
    );
  });
});

describe('proxy mode', () => {
  it('refuses the contact person without the family’s consent, and strangers to the family', async () => {
    expectEnvelope(await file(contact.token, { familyId }), 403, 'PROXY_CONSENT_REQUIRED');
    expectEnvelope(await file(westStaff.token, { familyId }), 404, 'NOT_FOUND');
    expectEnvelope(await file(stranger.token, { familyId }), 404, 'NOT_FOUND');
  });

  it('files for the family once a member consented, naming both', async () => {
    const consent = await call(runtime, '/v1/me/special-family/proxy-consent', {
      token: mother.token,
      body: { granted: true },
    });
    expect(consent.status).toBe(200);
    const answer = await file(contact.token, { familyId, category: 'mental_health', urgency: 'normal' });
    expect(answer.status).toBe(201);
    const filed = answer.json as unknown as AssistanceRequestView;
    expect(filed.filedBy).toMatchObject({ mode: 'proxy', name: '赵红梅', consentBy: '王**（母亲）' });
    expect(filed.filedBy.consentAt).toBeDefined();
    expect(Date.parse(filed.dueAt) - Date.parse(filed.createdAt)).toBe(72 * hour);
    expect(ids((await list(father.token, '/v1/me/assistance/requests')).page)).toContain(filed.id);
    // The family sees that its contact person acted for it.
    const views = await call(runtime, '/v1/me/special-family/views', { token: mother.token });
    expect(JSON.stringify(views.json)).toContain('proxy_request');
  });
});

describe('the contact person is judged by the stored user (decision 0017)', () => {
  const contactUsers = () =>
    import('@hongjia/functions/commons/users').then(({ createUserEntity }) =>
      createUserEntity(client, process.env.ACCESS_TABLE_NAME as AccessTableName),
    );

  it('refuses events and proxy filing at once when the contact moves district or loses the staff role', async () => {
    const filed = await file(mother.token, { category: 'daily_care', urgency: 'normal' });
    expect(filed.status).toBe(201);
    const id = (filed.json as unknown as AssistanceRequestView).id;
    expect((await recordEvent(contact.token, id, { kind: 'call', expectedVersion: 1 })).status).toBe(200);

    const users = await contactUsers();
    try {
      // Moved to 西湖区: the same token, still named on the family and the request, acts nowhere here.
      await users.patch({ userId: contact.user.id }).set({ district: '360103' }).go();
      expectEnvelope(
        await recordEvent(contact.token, id, { kind: 'note', expectedVersion: 2 }),
        404,
        'NOT_FOUND',
      );
      expectEnvelope(await file(contact.token, { familyId }), 404, 'NOT_FOUND');

      // Back in the district but no longer staff: refused before anything is read.
      await users
        .patch({ userId: contact.user.id })
        .set({ district: '360102', roles: ['family'] })
        .go();
      expectEnvelope(
        await recordEvent(contact.token, id, { kind: 'note', expectedVersion: 2 }),
        403,
        'FORBIDDEN',
      );
    } finally {
      await users
        .patch({ userId: contact.user.id })
        .set({ district: '360102', roles: ['staff'] })
        .go();
    }
    expect((await recordEvent(contact.token, id, { kind: 'note', expectedVersion: 2 })).status).toBe(200);
  });
});

describe('events, each its own item (decision 0019)', () => {
  it('stores 200 notes on one request, all readable page by page, and the request item stays small', async () => {
    const filed = await file(father.token, { description: '需要长期跟进的事项', urgency: 'normal' });
    expect(filed.status, filed.text).toBe(201);
    const { id } = filed.json as unknown as AssistanceRequestView;
    // About 1,000 characters each: together far past the 400 KB a single item may hold.
    const note = (n: number) =>
      `第${n}次跟进：${'已电话联系家属，情况稳定，约定下周再联系。'.repeat(45)}`.slice(0, 1000);
    let version = 1;
    for (let n = 1; n <= 200; n++) {
      const answer = await recordEvent(eastStaff.token, id, {
        kind: 'note',
        note: note(n),
        expectedVersion: version,
      });
      expect(answer.status, answer.text).toBe(200);
      version = (answer.json as unknown as AssistanceRequestView).version;
    }
    expect(version).toBe(201);

    const seen: { seq: number; note?: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=50&cursor=${encodeURIComponent(cursor)}` : '?limit=50';
      const page = await call(runtime, `/v1/assistance/requests/${id}/events${query}`, {
        token: mother.token,
      });
      expect(page.status, page.text).toBe(200);
      const body = page.json as { items: { seq: number; note?: string }[]; nextCursor: string | null };
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(seen[199]?.note).toBe(note(200));

    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const raw = await client.send(
      new GetCommand({
        TableName: process.env.TABLE_NAME as string,
        Key: { pk: `$hongjia#requestid_${id}`, sk: '$assistancerequest_1' },
      }),
    );
    expect(raw.Item).toBeDefined();
    expect(raw.Item?.eventCount).toBe(200);
    expect(raw.Item?.events).toBeUndefined();
    expect(JSON.stringify(raw.Item).length).toBeLessThan(10_000);

    const mine = (await list(father.token, '/v1/me/assistance/requests')).page.items.find((r) => r.id === id);
    expect(mine?.eventCount).toBe(200);
    expect(mine?.events.map((e) => e.note)).toEqual([note(200)]);
  }, 180_000);

  it('shows the history to the family and its district only; a forged cursor is refused', async () => {
    const filed = await file(mother.token, { urgency: 'normal' });
    const { id } = filed.json as unknown as AssistanceRequestView;
    expect((await recordEvent(eastStaff.token, id, { kind: 'call', expectedVersion: 1 })).status).toBe(200);
    const path = `/v1/assistance/requests/${id}/events`;
    expect((await call(runtime, path, { token: eastStaff.token })).status).toBe(200);
    expect((await call(runtime, path, { token: cityStaff.token })).status).toBe(200);
    expect((await call(runtime, path, { token: contact.token })).status).toBe(200);
    expectEnvelope(await call(runtime, path, { token: westStaff.token }), 404, 'NOT_FOUND');
    expectEnvelope(await call(runtime, path, { token: stranger.token }), 404, 'NOT_FOUND');
    expectEnvelope(
      await call(runtime, `${path}?cursor=forged`, { token: mother.token }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
