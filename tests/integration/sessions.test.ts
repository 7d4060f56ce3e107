import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessTableName } from '@hongjia/functions/commons/dynamo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { fileInstitution, filingBody } from './childcare-filing-fixtures';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

/**
 * Decision 0017: sessions end at once (logout, deactivation) and every
 * authorization decision reads the stored user, never only the token's claims.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let admin: string;

const users = () =>
  import('@hongjia/functions/auth/users').then(({ createUserEntity }) =>
    createUserEntity(
      localDynamoClient(runtime.dynamoEndpoint),
      process.env.ACCESS_TABLE_NAME as AccessTableName,
    ),
  );
const me = (token: string) => call(runtime, '/v1/me', { token });
const logout = (token: string) => call(runtime, '/v1/auth/logout', { token, body: {} });
const setActive = (token: string, userId: string, active: boolean, reason = 'left_post') =>
  call(runtime, `/v1/admin/users/${userId}/${active ? 'reactivate' : 'deactivate'}`, {
    token,
    body: { reason },
  });

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  admin = (await signIn(runtime, 'admin')).token;
});
afterAll(async () => close?.());

describe('logout', () => {
  it('ends every session of the caller at once, a token from another sign-in included', async () => {
    const phone = await signIn(runtime, 'sessions-family-1');
    const tablet = await signIn(runtime, 'sessions-family-1');
    expect((await me(phone.token)).status).toBe(200);
    expect((await me(tablet.token)).status).toBe(200);

    const answer = await logout(phone.token);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toEqual({ loggedOut: true });

    expectEnvelope(await me(phone.token), 401, 'UNAUTHENTICATED');
    expectEnvelope(await me(tablet.token), 401, 'UNAUTHENTICATED');
    expectEnvelope(await logout(tablet.token), 401, 'UNAUTHENTICATED');
    // A public route treats a dead token as no token at all.
    expect((await call(runtime, '/health', { token: tablet.token })).status).toBe(200);

    const again = await signIn(runtime, 'sessions-family-1');
    expect((await me(again.token)).status).toBe(200);
  });

  it('ends only the caller’s sessions', async () => {
    const one = await signIn(runtime, 'sessions-family-2');
    const other = await signIn(runtime, 'sessions-family-3');
    expect((await logout(one.token)).status).toBe(200);
    expect((await me(other.token)).status).toBe(200);
  });
});

describe('deactivation by an admin', () => {
  it('revokes every session, refuses sign-in until reactivated, and is audited', async () => {
    // 青云谱区's seeded staff account: a worker who leaves their post.
    const worker = await signIn(runtime, 'staff-360104');
    const userId = worker.user.id;
    expect((await me(worker.token)).status).toBe(200);

    // Only admins: staff (the user themself here) get 403.
    expectEnvelope(await setActive(worker.token, userId, false), 403, 'FORBIDDEN');

    const off = await setActive(admin, userId, false);
    expect(off.status, off.text).toBe(200);
    expect(off.json).toMatchObject({ id: userId, active: false });
    expectEnvelope(await me(worker.token), 401, 'UNAUTHENTICATED');
    const refused = await call(runtime, '/v1/auth/wechat', { body: { code: 'dev:staff-360104' } });
    expectEnvelope(refused, 403, 'ACCOUNT_DEACTIVATED');

    const on = await setActive(admin, userId, true, 'duty_changed');
    expect(on.status, on.text).toBe(200);
    expect(on.json).toMatchObject({ id: userId, active: true });
    // Reactivation does not bring the old sessions back.
    expectEnvelope(await me(worker.token), 401, 'UNAUTHENTICATED');
    const back = await signIn(runtime, 'staff-360104');
    expect((await me(back.token)).status).toBe(200);

    const trail = await localDynamoClient(runtime.dynamoEndpoint).send(
      new QueryCommand({
        TableName: process.env.AUDIT_TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `$hongjia#subjecttype_user#subjectid_${userId}` },
      }),
    );
    expect(trail.Items?.map((item) => [item.action, item.note])).toEqual([
      ['deactivate', 'left_post'],
      ['reactivate', 'duty_changed'],
    ]);
  });

  it('answers an unknown user with 404 and refuses an admin deactivating themself', async () => {
    expectEnvelope(await setActive(admin, 'u_000000000000000000000000', false), 404, 'NOT_FOUND');
    const self = (await me(admin)).json as { id: string };
    expectEnvelope(await setActive(admin, self.id, false), 409, 'CONFLICT');
  });
});

describe('the stored user decides, not the token', () => {
  it('refuses staff routes at once when the stored user loses the staff role', async () => {
    const worker = await signIn(runtime, 'sessions-staff-2');
    const entity = await users();
    await entity
      .patch({ userId: worker.user.id })
      .set({ roles: ['staff'], district: '360102' })
      .go();
    const fresh = await signIn(runtime, 'sessions-staff-2');
    const list = () => call(runtime, '/v1/staff/childcare/filings?limit=5', { token: fresh.token });
    expect((await list()).status).toBe(200);

    await entity
      .patch({ userId: worker.user.id })
      .set({ roles: ['family'] })
      .go();
    // The token still says staff of 东湖区.
    expectEnvelope(await list(), 403, 'FORBIDDEN');
  });

  it('judges a filing under review by the stored district, whatever the token claims', async () => {
    const provider = (await signIn(runtime, 'provider-3')).token;
    const id = await fileInstitution(
      runtime,
      provider,
      filingBody({ lat: 28.7031, lng: 115.9244, name: '东湖会话托育园' }),
    );
    const worker = await signIn(runtime, 'sessions-staff-3');
    const entity = await users();
    await entity
      .patch({ userId: worker.user.id })
      .set({ roles: ['staff'], cityWide: true })
      .go();
    const cityToken = (await signIn(runtime, 'sessions-staff-3')).token;
    const detail = () => call(runtime, `/v1/childcare/institutions/${id}`, { token: cityToken });
    expect((await detail()).status).toBe(200);

    // The token claims city-wide staff; the stored user is now staff of 西湖区 only.
    await entity.patch({ userId: worker.user.id }).set({ district: '360103' }).remove(['cityWide']).go();
    expectEnvelope(await detail(), 404, 'NOT_FOUND');
    const filings = await call(runtime, '/v1/staff/childcare/filings?limit=50', { token: cityToken });
    expect(filings.status).toBe(200);
    expect((filings.json as { items: { id: string }[] }).items.map((f) => f.id)).not.toContain(id);
  });
});
