import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccessTableName, AuditTableName } from '@hongjia/functions/commons/dynamo';
import { privacyPolicyVersion } from '@hongjia/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { certificateWriter } from './certificates-fixtures';
import { approve, fileInstitution, futureDate, monthsBefore, publishSlot } from './childcare-filing-fixtures';
import { type FaultRule, injectFaults } from './faults';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindIdentity, createFamily, familyBody, idempotencyKey } from './special-family-fixtures';

/**
 * Exactly once under retries (issue 9, finding 7): a write lands, the next
 * step fails (as a timeout after DynamoDB committed would), the client
 * retries with the same Idempotency-Key. Powertools stores only successful
 * answers, so the retry runs the request again: it must find what the first
 * attempt wrote (named from the router's operation id), finish what was left,
 * and answer as the first attempt would have — never write a twin.
 */
type Session = Awaited<ReturnType<typeof signIn>>;

let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let faults: Awaited<ReturnType<typeof injectFaults>> | undefined;
let eastStaff: Session;
let contact: Session;
let mother: Session;
let familyId: string;
let motherIdNumber: string;
const table = () => process.env.TABLE_NAME as string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  const { createUserEntity, createUserStore } = await import('@hongjia/functions/auth/users');
  await createUserStore(
    createUserEntity(client, process.env.ACCESS_TABLE_NAME as AccessTableName),
  ).getOrCreate(
    { openid: 'once-contact', roles: ['staff'], district: '360102', displayName: '东湖区社区联系人' },
    new Date(),
  );
  eastStaff = await signIn(runtime, 'staff-360102');
  contact = await signIn(runtime, 'once-contact');
  mother = await signIn(runtime, 'once-mother');
  const body = familyBody(5101, {
    contactPerson: { name: '赵红梅', phone: '13907910003', userId: contact.user.id },
  });
  const created = await createFamily(runtime, eastStaff.token, body);
  expect(created.status, created.text).toBe(201);
  familyId = (created.json as { id: string }).id;
  const [mum] = body.members as { name: string; idNumber: string }[];
  motherIdNumber = mum?.idNumber ?? '';
  const bound = await bindIdentity(runtime, mother.token, mum?.name ?? '', mum?.idNumber ?? '');
  expect(bound.status, bound.text).toBe(200);
}, 300_000);

afterEach(() => {
  faults?.remove();
  faults = undefined;
});

afterAll(async () => {
  client?.destroy();
  await close?.();
});

/** Fails the first matching write after it landed. */
async function failOnceAfter(command: FaultRule['command'], matches: FaultRule['matches']) {
  faults = await injectFaults([{ command, when: 'after', times: 1, ...(matches ? { matches } : {}) }]);
  return faults;
}

/**
 * A write of an item of one ElectroDB entity: its sort key starts `$<entity>_` (keys are lower
 * case). The document client's calls reach the middleware unmarshalled (`sk` a string; faults.ts's
 * pkStartsWith expects `{S}`), the SDK's own (Powertools) marshalled: both are read here.
 */
const writeOf = (entity: string) => (input: Record<string, unknown>) => {
  const item = (input.Item ?? input.Key) as { sk?: string | { S?: string } } | undefined;
  const sk = typeof item?.sk === 'string' ? item.sk : item?.sk?.S;
  return sk?.startsWith(`$${entity.toLowerCase()}_`) ?? false;
};

const list = async (token: string, path: string) =>
  ((await call(runtime, path, { token })).json as { items: Record<string, unknown>[] }).items;

describe('POST /v1/assistance/requests', () => {
  it('files one request when the notification write fails after the request was stored', async () => {
    const key = idempotencyKey('help-retry');
    const body = { category: 'medical', description: '重试测试：想请人陪同去医院复查', urgency: 'urgent' };
    const file = () =>
      call(runtime, '/v1/assistance/requests', {
        token: mother.token,
        body,
        headers: { 'idempotency-key': key },
      });
    const told = async () =>
      (await list(contact.token, '/v1/me/notifications?limit=50')).filter(
        (n) => n.kind === 'assistance_request',
      );
    const toldBefore = (await told()).length;

    const injected = await failOnceAfter('PutItemCommand', writeOf('notification'));
    const first = await file();
    expect(injected.failed()).toBe(1);
    expect(first.status).toBe(500);
    const retry = await file();
    expect(retry.status, retry.text).toBe(201);

    const mine = (await list(mother.token, '/v1/me/assistance/requests?limit=50')).filter(
      (r) => r.description === body.description,
    );
    expect(mine.map((r) => r.id)).toEqual([(retry.json as { id: string }).id]);
    expect((await told()).length).toBe(toldBefore + 1);
    // Answered as the first attempt would have been, and replayed as such from now on.
    expect((await file()).json).toEqual(retry.json);
  });

  it('files no proxy request while its audit entry fails, then one on retry (audit before the change)', async () => {
    const granted = await call(runtime, '/v1/me/special-family/proxy-consent', {
      token: mother.token,
      body: { granted: true },
    });
    expect(granted.status, granted.text).toBe(200);
    const key = idempotencyKey('proxy-retry');
    const body = {
      category: 'mental_health',
      description: '重试测试：代为求助',
      urgency: 'normal',
      familyId: '',
    };
    body.familyId = (
      (await call(runtime, '/v1/me/special-family', { token: mother.token })).json as { id: string }
    ).id;
    const file = () =>
      call(runtime, '/v1/assistance/requests', {
        token: contact.token,
        body,
        headers: { 'idempotency-key': key },
      });
    const proxyEntries = async () =>
      (await list(mother.token, '/v1/me/special-family/views?limit=50')).filter(
        (v) => v.action === 'proxy_request',
      );
    const auditedBefore = (await proxyEntries()).length;

    const filedNow = async () =>
      (await list(mother.token, '/v1/me/assistance/requests?limit=50')).filter(
        (r) => r.description === body.description,
      );
    const injected = await failOnceAfter('PutItemCommand', writeOf('recordAudit'));
    expect((await file()).status).toBe(500);
    expect(injected.failed()).toBe(1);
    // The entry landed, the request did not (decision 0019): evidence of an attempt, no unaudited change.
    expect(await filedNow()).toEqual([]);
    const retry = await file();
    expect(retry.status, retry.text).toBe(201);

    expect((await filedNow()).map((r) => r.id)).toEqual([(retry.json as { id: string }).id]);
    // The failed attempt's entry and the retry's.
    expect((await proxyEntries()).length).toBe(auditedBefore + 2);
  });
});

describe('POST /v1/childcare/slots/{slotId}/bookings', () => {
  let slotId: string;
  let institutionId: string;
  let slotDate: string;

  beforeAll(async () => {
    const provider = (await signIn(runtime, 'provider-3')).token;
    institutionId = await fileInstitution(runtime, provider);
    await approve(runtime, eastStaff.token, institutionId);
    slotDate = futureDate(5);
    slotId = (
      await publishSlot(runtime, provider, institutionId, {
        ageClass: 'preschool',
        date: slotDate,
        capacity: 3,
      })
    ).id;
  });

  const book = (childName: string, key: string) =>
    call(runtime, `/v1/childcare/slots/${slotId}/bookings`, {
      token: mother.token,
      body: {
        childName,
        childBirthDate: monthsBefore(slotDate, 30),
        guardianPhone: '13800138000',
        guardianConsent: true,
      },
      headers: { 'idempotency-key': key },
    });
  const confirmed = async () => {
    const slots = (await call(runtime, `/v1/childcare/institutions/${institutionId}/slots`)).json as {
      items: { id: string; confirmed: number }[];
    };
    return slots.items.find((slot) => slot.id === slotId)?.confirmed;
  };
  const mine = async (childName: string) =>
    (await list(mother.token, '/v1/me/bookings?limit=50')).filter((b) => b.childName === childName);

  it.each([
    ['the booking item’s move to confirmed', 'UpdateItemCommand', 'booking', '重试甲'],
    ['the place taken on the slot’s ledger', 'UpdateItemCommand', 'slot', '重试乙'],
  ] as const)('books once when %s fails after it landed', async (_, command, entity, childName) => {
    const before = await confirmed();
    const key = idempotencyKey('book-retry');
    const injected = await failOnceAfter(command, writeOf(entity));
    expect((await book(childName, key)).status).toBe(500);
    expect(injected.failed()).toBe(1);
    const retry = await book(childName, key);
    expect(retry.status, retry.text).toBe(201);
    expect(retry.json).toMatchObject({ status: 'confirmed' });
    expect(await confirmed()).toBe((before ?? 0) + 1);
    expect((await mine(childName)).map((b) => [b.id, b.status])).toEqual([
      [(retry.json as { id: string }).id, 'confirmed'],
    ]);
    expect((await book(childName, key)).json).toEqual(retry.json);
  });
});

describe('POST /v1/me/identity', () => {
  it('records one conflict for staff when a refused binding is retried after the conflict write failed', async () => {
    const other = await signIn(runtime, 'once-impostor');
    const key = idempotencyKey('bind-retry');
    const bind = () =>
      call(runtime, '/v1/me/identity', {
        token: other.token,
        body: { name: '王秀英', idNumber: motherIdNumber },
        headers: { 'idempotency-key': key },
      });
    const injected = await failOnceAfter('PutItemCommand', writeOf('identityConflict'));
    expect((await bind()).status).toBe(500);
    expect(injected.failed()).toBe(1);
    expectEnvelope(await bind(), 409, 'IDENTITY_ALREADY_BOUND');
    expectEnvelope(await bind(), 409, 'IDENTITY_ALREADY_BOUND');
    const masked = `${motherIdNumber.slice(0, 4)}**********${motherIdNumber.slice(-4)}`;
    const conflicts = (await list(eastStaff.token, '/v1/staff/identity-conflicts?limit=50')).filter(
      (c) => c.idNumberMasked === masked,
    );
    expect(conflicts).toHaveLength(1);
  });

  it('binds once when the identity write fails after it landed', async () => {
    const person = await signIn(runtime, 'once-binder');
    const key = idempotencyKey('bind-once');
    const idNumber = familyBody(5199).members[1]?.idNumber as string;
    const bind = () =>
      call(runtime, '/v1/me/identity', {
        token: person.token,
        body: { name: '李建国', idNumber },
        headers: { 'idempotency-key': key },
      });
    await failOnceAfter('PutItemCommand', writeOf('identity'));
    expect((await bind()).status).toBe(500);
    const retry = await bind();
    expect(retry.status, retry.text).toBe(200);
    expect((await call(runtime, '/v1/me/identity', { token: person.token })).json).toEqual(retry.json);
  });
});

describe('POST /v1/staff/special-families', () => {
  it('creates no record while its audit entry fails, then one on retry (audit before the change)', async () => {
    const { createFamilyEntities } = await import('@hongjia/functions/families/entities');
    const entities = createFamilyEntities(client, table(), process.env.AUDIT_TABLE_NAME as AuditTableName);
    const inDistrict = async () =>
      (await entities.families.query.byDistrict({ district: '360102' }).go({ pages: 'all' })).data.length;
    const before = await inDistrict();
    const key = idempotencyKey('family-retry');
    const body = familyBody(5103);
    const injected = await failOnceAfter('PutItemCommand', writeOf('recordAudit'));
    expect((await createFamily(runtime, eastStaff.token, body, key)).status).toBe(500);
    expect(injected.failed()).toBe(1);
    expect(await inDistrict()).toBe(before);
    const retry = await createFamily(runtime, eastStaff.token, body, key);
    expect(retry.status, retry.text).toBe(201);
    const id = (retry.json as { id: string }).id;
    expect(await inDistrict()).toBe(before + 1);
    const audits = (await entities.audits.query.byFamily({ familyId: id }).go({ pages: 'all' })).data;
    // The failed attempt's entry and the retry's; a third call replays without writing another.
    expect(audits.map((a) => a.action)).toEqual(['update', 'update']);
    expect((await createFamily(runtime, eastStaff.token, body, key)).json).toEqual(retry.json);
  });
});

describe('POST /v1/staff/benefit-enrolments', () => {
  it('enrols nothing while its audit entry fails, then once on retry (audit before the change)', async () => {
    const screened = await call(runtime, '/v1/staff/benefit-screenings', {
      token: eastStaff.token,
      body: { district: '360102', limit: 500 },
    });
    const items = (screened.json as { items: { familyId: string; policyId: string }[] }).items
      .filter((i) => i.familyId === familyId)
      .map(({ familyId: id, policyId }) => ({ familyId: id, policyId }));
    expect(items.length).toBeGreaterThan(0);
    const key = idempotencyKey('enrol-retry');
    const enrol = () =>
      call(runtime, '/v1/staff/benefit-enrolments', {
        token: eastStaff.token,
        body: { district: '360102', items },
        headers: { 'idempotency-key': key },
      });
    const injected = await failOnceAfter('PutItemCommand', writeOf('recordAudit'));
    expect((await enrol()).status).toBe(500);
    expect(injected.failed()).toBe(1);
    const retry = await enrol();
    expect(retry.status, retry.text).toBe(200);
    // The mother is bound: one message per policy.
    expect(retry.json).toEqual({
      enrolled: items.length,
      alreadyEnrolled: 0,
      refused: [],
      notified: items.length,
    });
    const told = (await list(mother.token, '/v1/me/notifications?limit=50')).filter(
      (n) => n.kind === 'benefit_enrolled',
    );
    expect(told).toHaveLength(items.length);
    const { createFamilyEntities } = await import('@hongjia/functions/families/entities');
    const audits = (
      await createFamilyEntities(client, table(), process.env.AUDIT_TABLE_NAME as AuditTableName)
        .audits.query.byFamily({ familyId })
        .go({ pages: 'all' })
    ).data;
    // The failed attempt's entry (it enrolled nothing) and the retry's.
    expect(audits.filter((a) => a.action === 'enrol')).toHaveLength(2);
  });
});

describe('POST /v1/admin/policies/{id}/versions', () => {
  it('adds the version once and answers with it when its write fails after it landed', async () => {
    const admin = await signIn(runtime, 'admin');
    const key = idempotencyKey('policy-retry');
    const body = {
      effectiveFrom: '2099-01-01',
      amountYuan: 3000,
      amountConfirmed: true,
      sourceNote: '赣卫人口发〔2098〕1 号',
    };
    const add = () =>
      call(runtime, '/v1/admin/policies/one-time-consolation/versions', {
        token: admin.token,
        body,
        headers: { 'idempotency-key': key },
      });
    const injected = await failOnceAfter('PutItemCommand', writeOf('policyVersion'));
    expect((await add()).status).toBe(500);
    expect(injected.failed()).toBe(1);
    const retry = await add();
    expect(retry.status, retry.text).toBe(201);
    expect(retry.json).toMatchObject({
      id: 'one-time-consolation',
      effectiveFrom: '2099-01-01',
      amountYuan: 3000,
    });
    const policies = (await call(runtime, '/v1/policies', { token: admin.token })).json as {
      items: { id: string; effectiveFrom: string }[];
    };
    expect(
      policies.items.filter((p) => p.id === 'one-time-consolation' && p.effectiveFrom === '2099-01-01'),
    ).toHaveLength(1);
    expect((await add()).json).toEqual(retry.json);
  });
});

describe('POST /v1/me/certificates/{id}/print-codes', () => {
  /** The allowance's write that starts the day (a certificate's first code today), not the count's. */
  const startsTheDay = (input: Record<string, unknown>) =>
    writeOf('certificate')(input) && /SET .*#printCodesDay =/.test(String(input.UpdateExpression));
  it.each([
    ['the code', 'PutItemCommand', writeOf('printCode')],
    ['the day’s allowance', 'UpdateItemCommand', startsTheDay],
  ] as const)(
    'takes the allowance once and gives one code when the write of %s fails after it landed',
    async (_, command, matches) => {
      const writer = certificateWriter(runtime);
      const certificate = await writer.issue(mother.user.id);
      const key = idempotencyKey('print-retry');
      const ask = () =>
        call(runtime, `/v1/me/certificates/${certificate.certificateId}/print-codes`, {
          token: mother.token,
          method: 'POST',
          headers: { 'idempotency-key': key },
        });
      const injected = await failOnceAfter(command, matches);
      expect((await ask()).status).toBe(500);
      expect(injected.failed()).toBe(1);
      const retry = await ask();
      expect(retry.status, retry.text).toBe(201);
      const stored = (
        await writer.entity.get({ certificateId: certificate.certificateId }).go({ consistent: true })
      ).data;
      expect(stored?.printCodesToday).toBe(1);
      expect((await ask()).json).toEqual(retry.json);
      writer.client.destroy();
    },
  );
});

describe('POST /v1/me/consents', () => {
  it('records one agreement, noted on the user, when the consent write fails after it landed', async () => {
    const { token } = await signIn(runtime, 'once-consenter', { consent: false });
    const key = idempotencyKey('consent-retry');
    const agree = () =>
      call(runtime, '/v1/me/consents', {
        token,
        body: { kind: 'privacy_policy' },
        headers: { 'idempotency-key': key },
      });
    const injected = await failOnceAfter('PutItemCommand', writeOf('consent'));
    expect((await agree()).status).toBe(500);
    expect(injected.failed()).toBe(1);
    const retry = await agree();
    expect(retry.status, retry.text).toBe(201);
    expect((await list(token, '/v1/me/consents')).map((c) => c.version)).toEqual([privacyPolicyVersion]);
    const me = (await call(runtime, '/v1/me', { token })).json as {
      consent: { privacyPolicy: { current: boolean } };
    };
    expect(me.consent.privacyPolicy.current).toBe(true);
  });
});
