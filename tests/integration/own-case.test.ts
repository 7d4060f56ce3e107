import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccessTableName } from '@hongjia/functions/commons/dynamo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { fileInstitution, filingBody } from './childcare-filing-fixtures';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindAs, key, parents, registrationBody, submit } from './registration-fixtures';
import { bindIdentity, validIdNumber } from './special-family-fixtures';

/**
 * The reviewer is never the applicant (issue 12): a user holding a family or
 * provider role and the staff role cannot review, void, resolve, pay or enrol
 * their own filing or family — 403 OWN_CASE — while another member of staff can.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let east: string;

/** Creates (or widens) the stored user before signing in, so the token carries both roles. */
async function dualRole(openid: string, roles: ('family' | 'staff' | 'provider')[]) {
  const { createUserEntity, userIdForOpenid } = await import('@hongjia/functions/auth/users');
  const users = createUserEntity(client, process.env.ACCESS_TABLE_NAME as AccessTableName);
  const userId = userIdForOpenid(openid);
  const existing = (await users.get({ userId }).go()).data;
  if (existing) await users.patch({ userId }).set({ roles, district: '360102' }).go();
  else
    await users
      .create({ userId, openid, roles, district: '360102', createdAt: new Date().toISOString() })
      .go();
  return (await signIn(runtime, openid)).token;
}

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  east = (await signIn(runtime, 'staff-360102')).token;
  // Start-up of the runtime takes minutes on a loaded machine.
}, 300_000);
afterAll(async () => {
  client?.destroy();
  await close?.();
});

describe('registrations', () => {
  it('a parent who is staff cannot review or void their own registration; a colleague can', async () => {
    const mother = await dualRole('own-mother-staff', ['family', 'staff']);
    const body = registrationBody(901, { parity: 2 });
    await bindAs(runtime, mother, body.mother.name, body.mother.idNumber);
    const filed = await submit(runtime, mother, body);
    expect(filed.status, filed.text).toBe(201);
    const { id, version } = filed.json as { id: string; version: number };
    const review = (token: string) =>
      call(runtime, `/v1/staff/registrations/${id}/review`, {
        token,
        body: { decision: 'approve', expectedVersion: version },
      });
    const own = expectEnvelope(await review(mother), 403, 'OWN_CASE');
    expect(own.message).toContain('其他工作人员');
    const approved = await review(east);
    expect(approved.status, approved.text).toBe(200);
    const voided = await call(runtime, `/v1/staff/registrations/${id}/void`, {
      token: mother,
      body: { reason: '录入错误', expectedVersion: version + 1 },
      headers: { 'idempotency-key': key('void') },
    });
    expectEnvelope(voided, 403, 'OWN_CASE');
  });

  it('the father, bound by real name and staff, cannot review what the mother filed', async () => {
    const parent = parents(runtime, 'own');
    const body = registrationBody(902, { parity: 2 });
    const filed = await submit(runtime, await parent(902), body);
    expect(filed.status, filed.text).toBe(201);
    const father = await dualRole('own-father-staff', ['family', 'staff']);
    await bindAs(runtime, father, body.father.name, body.father.idNumber);
    const { id, version } = filed.json as { id: string; version: number };
    expectEnvelope(
      await call(runtime, `/v1/staff/registrations/${id}/review`, {
        token: father,
        body: { decision: 'approve', expectedVersion: version },
      }),
      403,
      'OWN_CASE',
    );
  });
});

describe('childcare subsidies and their conflicts', () => {
  const born = new Date(Date.now() + 8 * 3600_000 - 100 * 86_400_000).toISOString().slice(0, 10);
  const apply = (token: string, serial: number) =>
    call(runtime, '/v1/childcare-subsidies', {
      token,
      body: {
        childName: '李小宝',
        childIdNumber: validIdNumber('360102', born, 'M', serial),
        childBirthDate: born,
        hukouDistrict: '360102',
        guardianConsent: true,
      },
      headers: { 'idempotency-key': key('subsidy') },
    });

  it('an applicant who is staff cannot review, pay or resolve a conflict on their own application', async () => {
    const applicant = await dualRole('own-subsidy-staff', ['family', 'staff']);
    expect(
      (await bindIdentity(runtime, applicant, '王秀英', validIdNumber('360102', '1994-03-02', 'F', 3)))
        .status,
    ).toBe(200);
    const mine = await apply(applicant, 41);
    expect(mine.status, mine.text).toBe(201);
    const { id } = mine.json as { id: string };
    expectEnvelope(
      await call(runtime, `/v1/staff/childcare-subsidies/${id}/review`, {
        token: applicant,
        body: { decision: 'approve', expectedVersion: 1 },
      }),
      403,
      'OWN_CASE',
    );
    expectEnvelope(
      await call(runtime, `/v1/staff/childcare-subsidies/${id}/payments`, {
        token: applicant,
        body: { year: Number(born.slice(0, 4)), amountYuan: 100, expectedVersion: 1 },
        headers: { 'idempotency-key': key('pay') },
      }),
      403,
      'OWN_CASE',
    );

    // Someone else applied for child 42 first: the applicant's application waits on a conflict.
    const other = (await signIn(runtime, 'own-subsidy-other')).token;
    expect(
      (await bindIdentity(runtime, other, '张伟', validIdNumber('360102', '1990-01-02', 'M', 4))).status,
    ).toBe(200);
    expect((await apply(other, 42)).status).toBe(201);
    expect((await apply(applicant, 42)).status).toBe(201);
    const queue = await call(runtime, '/v1/staff/conflicts/childcare-subsidies?limit=50', { token: east });
    expect(queue.status, queue.text).toBe(200);
    const conflicts = (queue.json as { items: { id: string; version: number }[] }).items;
    expect(conflicts.length).toBeGreaterThan(0);
    const conflict = conflicts.at(-1) as { id: string; version: number };
    expectEnvelope(
      await call(runtime, `/v1/staff/conflicts/childcare-subsidies/${conflict.id}/resolve`, {
        token: applicant,
        body: { standing: 'second', comment: '本人核对', expectedVersion: conflict.version },
        headers: { 'idempotency-key': key('resolve') },
      }),
      403,
      'OWN_CASE',
    );
  });
});

describe('filings and benefits', () => {
  it('a provider who is staff cannot decide their own institution’s filing; a colleague can', async () => {
    const provider = await dualRole('own-provider-staff', ['provider', 'staff']);
    const institutionId = await fileInstitution(runtime, provider, filingBody());
    const decide = (token: string) =>
      call(runtime, `/v1/staff/childcare/filings/${institutionId}/decision`, {
        token,
        body: { decision: 'approve' },
      });
    expectEnvelope(await decide(provider), 403, 'OWN_CASE');
    expect((await decide(east)).status).toBe(200);
  });

  it('a member of a special family who is staff cannot enrol their own family', async () => {
    const member = await dualRole('member-360102', ['family', 'staff']);
    const record = await call(runtime, '/v1/me/special-family', { token: member });
    expect(record.status, record.text).toBe(200);
    const familyId = (record.json as { id: string }).id;
    expectEnvelope(
      await call(runtime, '/v1/staff/benefit-enrolments', {
        token: member,
        body: { district: '360102', items: [{ familyId, policyId: 'any' }] },
        headers: { 'idempotency-key': key('enrol') },
      }),
      403,
      'OWN_CASE',
    );
  });
});
