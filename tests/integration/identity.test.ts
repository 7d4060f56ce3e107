import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditTableName } from '@hongjia/functions/commons/dynamo';
import { createFamilyEntities, type FamilyEntities } from '@hongjia/functions/families/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindIdentity, validIdNumber } from './special-family-fixtures';

let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let entities: FamilyEntities;
const token = async (openid: string) => (await signIn(runtime, openid)).token;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  entities = createFamilyEntities(
    client,
    process.env.TABLE_NAME as string,
    process.env.AUDIT_TABLE_NAME as AuditTableName,
  );
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

describe('POST /v1/me/identity', () => {
  it('binds the caller, answers masked, and rebinding the same number is the same answer', async () => {
    const me = await token('id-owner-1');
    const idNumber = validIdNumber('360102', '1970-05-06', 'F', 1);
    const first = await bindIdentity(runtime, me, '王秀英', idNumber);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      nameMasked: '王**',
      idNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
      birthDate: '1970-05-06',
      sex: 'F',
      verifiedBy: 'local',
      specialFamilyMember: false,
    });
    expect(first.text).not.toContain(idNumber);
    expect(first.text).not.toContain('王秀英');

    const again = await bindIdentity(runtime, me, '王秀英', idNumber);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect((await call(runtime, '/v1/me/identity', { token: me })).json).toEqual(first.json);
  });

  it('answers 404 to GET before binding', async () => {
    expectEnvelope(
      await call(runtime, '/v1/me/identity', { token: await token('id-unbound') }),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses a bad ID number with its path, and writes nothing', async () => {
    const me = await token('id-bad-number');
    const good = validIdNumber('360102', '1970-05-06', 'M', 2);
    const bad = `${good.slice(0, 17)}${good.endsWith('1') ? '2' : '1'}`;
    const error = expectEnvelope(await bindIdentity(runtime, me, '张三', bad), 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'body.idNumber', message: expect.stringMatching(/校验位/) }]);
    expectEnvelope(await call(runtime, '/v1/me/identity', { token: me }), 404, 'NOT_FOUND');
    // The good number is still free: a later bind by the same user succeeds.
    expect((await bindIdentity(runtime, me, '张三', good)).status).toBe(200);
  });

  it('refuses binding a second number to a bound user (IDENTITY_ALREADY_SET)', async () => {
    const me = await token('id-two-numbers');
    expect(
      (await bindIdentity(runtime, me, '赵六', validIdNumber('360103', '1980-01-01', 'M', 3))).status,
    ).toBe(200);
    const other = validIdNumber('360103', '1980-01-01', 'M', 4);
    expectEnvelope(await bindIdentity(runtime, me, '赵六', other), 409, 'IDENTITY_ALREADY_SET');
    // The refused number was not claimed: someone else can still bind it.
    expect((await bindIdentity(runtime, await token('id-rightful-4'), '钱七', other)).status).toBe(200);
  });
});

describe('identity conflicts', () => {
  it('answers 409 without saying who holds the number, and leaves the intruder unbound', async () => {
    const idNumber = validIdNumber('360102', '1965-09-09', 'F', 5);
    const holder = await token('id-holder-5');
    expect((await bindIdentity(runtime, holder, '孙丽', idNumber)).status).toBe(200);
    const intruder = await token('id-intruder-5');
    const answer = await bindIdentity(runtime, intruder, '孙丽', idNumber);
    const error = expectEnvelope(answer, 409, 'IDENTITY_ALREADY_BOUND');
    expect(answer.text).not.toMatch(/u_[0-9a-f]{24}/);
    expect(error.message).not.toContain('孙');
    expectEnvelope(await call(runtime, '/v1/me/identity', { token: intruder }), 404, 'NOT_FOUND');
    const items = await entities.identities.query.byIdHash({ idHash: (await holderHash(holder)) ?? '' }).go();
    expect(items.data).toHaveLength(1);
  });

  it('shows the conflict to the staff of the number’s district and to city staff only', async () => {
    const idNumber = validIdNumber('360102', '1962-02-02', 'M', 6);
    expect((await bindIdentity(runtime, await token('id-holder-6'), '周强', idNumber)).status).toBe(200);
    expect((await bindIdentity(runtime, await token('id-intruder-6'), '周强', idNumber)).status).toBe(409);
    const masked = `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;

    const conflictsOf = async (staff: string) => {
      const answer = await call(runtime, '/v1/staff/identity-conflicts?limit=50', {
        token: await token(staff),
      });
      expect(answer.status).toBe(200);
      return (answer.json as { items: { idNumberMasked: string; district?: string }[] }).items;
    };
    expect(await conflictsOf('staff-360102')).toContainEqual(
      expect.objectContaining({ idNumberMasked: masked, district: '360102' }),
    );
    expect((await conflictsOf('staff-360103')).map((c) => c.idNumberMasked)).not.toContain(masked);
    expect((await conflictsOf('staff-city')).map((c) => c.idNumberMasked)).toContain(masked);
    expectEnvelope(
      await call(runtime, '/v1/staff/identity-conflicts', { token: await token('id-holder-6') }),
      403,
      'FORBIDDEN',
    );
  });

  it('files a conflict on a number from outside Nanchang under the city only', async () => {
    const idNumber = validIdNumber('110101', '1975-04-04', 'F', 7);
    expect((await bindIdentity(runtime, await token('id-holder-7'), '吴敏', idNumber)).status).toBe(200);
    expect((await bindIdentity(runtime, await token('id-intruder-7'), '吴敏', idNumber)).status).toBe(409);
    const city = await call(runtime, '/v1/staff/identity-conflicts?limit=50', {
      token: await token('staff-city'),
    });
    const found = (city.json as { items: { idNumberMasked: string; district?: string }[] }).items.find((c) =>
      c.idNumberMasked.startsWith('1101'),
    );
    expect(found).toBeDefined();
    expect(found?.district).toBeUndefined();
  });
});

async function holderHash(holderToken: string): Promise<string | undefined> {
  const me = await call(runtime, '/v1/me', { token: holderToken });
  const userId =
    (me.json as { id?: string; user?: { id: string } }).id ?? (me.json as { user?: { id: string } }).user?.id;
  if (!userId) return undefined;
  return (await entities.identities.get({ userId }).go()).data?.idHash;
}
