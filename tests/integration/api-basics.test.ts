import { generateSessionKeyPair } from '@hongjia/functions/commons/session';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

let runtime: LocalRuntime;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
});
afterAll(async () => close?.());

describe('health and documents', () => {
  it('answers /health without auth', async () => {
    const answer = await call(runtime, '/health');
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 'ok', service: 'hongjia' });
  });

  it('serves the OpenAPI document listing sign-in and me', async () => {
    const answer = await call(runtime, '/v1/openapi.json');
    expect(answer.status).toBe(200);
    const paths = (answer.json as { paths: Record<string, unknown> }).paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/v1/auth/wechat', '/v1/me', '/health']));
  });

  it('answers an unknown route with 404 in the envelope', async () => {
    expectEnvelope(await call(runtime, '/v1/nothing-here'), 404, 'NOT_FOUND');
  });
});

describe('WeChat sign-in', () => {
  it('signs in an unknown openid as a new family', async () => {
    const session = await signIn(runtime, `family-${Date.now()}`);
    expect(session.user.roles).toEqual(['family']);
    expect(session.user.district).toBeUndefined();
    const ttlMs = new Date(session.expiresAt).getTime() - Date.now();
    expect(ttlMs).toBeGreaterThan(0);
    expect(ttlMs).toBeLessThanOrEqual(2 * 3600 * 1000);
  });

  it('gives the same user back on a second sign-in', async () => {
    const first = await signIn(runtime, 'returning-parent');
    const second = await signIn(runtime, 'returning-parent');
    expect(second.user.id).toBe(first.user.id);
  });

  it('makes one user when the first sign-ins of an openid race', async () => {
    const sessions = await Promise.all(Array.from({ length: 10 }, () => signIn(runtime, 'racing-parent')));
    expect(new Set(sessions.map((s) => s.user.id)).size).toBe(1);
  });

  it('signs in dev:staff-360102 as staff of 东湖区', async () => {
    const session = await signIn(runtime, 'staff-360102');
    expect(session.user).toMatchObject({ roles: ['staff'], district: '360102' });
    const me = await call(runtime, '/v1/me', { token: session.token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      roles: ['staff'],
      district: '360102',
      displayName: '东湖区卫生健康委员会',
    });
  });

  it('signs in the seeded city staff, admin and providers with their roles', async () => {
    expect((await signIn(runtime, 'staff-city')).user).toMatchObject({ roles: ['staff'], cityWide: true });
    expect((await signIn(runtime, 'admin')).user.roles).toEqual(['admin']);
    expect((await signIn(runtime, 'provider-20')).user.roles).toEqual(['provider']);
  });

  it('refuses a code that is not dev:<openid> with 400 naming body.code', async () => {
    const error = expectEnvelope(
      await call(runtime, '/v1/auth/wechat', { body: { code: 'not-a-dev-code' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details[0]?.path).toBe('body.code');
  });

  it('refuses a missing code with 400 naming body.code', async () => {
    const error = expectEnvelope(
      await call(runtime, '/v1/auth/wechat', { body: {} }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.path)).toContain('body.code');
  });
});

describe('tokens', () => {
  const claims = { roles: ['admin'], sv: 0 };
  const jwt = (issuedAt: number, expiresAt: number) =>
    new SignJWT(claims)
      .setSubject('u_forged')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt);
  const hs256 = (key: string, issuedAt: number, expiresAt: number) =>
    jwt(issuedAt, expiresAt).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(key));
  const eddsa = async (privateJwk: JWK, issuedAt: number, expiresAt: number) =>
    jwt(issuedAt, expiresAt)
      .setProtectedHeader({ alg: 'EdDSA', kid: privateJwk.kid as string })
      .sign(await importJWK(privateJwk, 'EdDSA'));
  const ourKey = () => JSON.parse(process.env.SESSION_SIGNING_KEY as string) as JWK;

  it('answers a missing token with 401 in the envelope', async () => {
    expectEnvelope(await call(runtime, '/v1/me'), 401, 'UNAUTHENTICATED');
  });

  it('answers a forged token with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = await hs256('a-key-that-is-not-ours-a-key-that-is-not-ours', now, now + 600);
    expectEnvelope(await call(runtime, '/v1/me', { token: forged }), 401, 'UNAUTHENTICATED');
  });

  it('refuses HS256 tokens, even under the HMAC secret sessions used before (decision 0017)', async () => {
    const now = Math.floor(Date.now() / 1000);
    // Whatever the HMAC key: the algorithm is pinned to EdDSA, so no HS256 token verifies.
    const token = await hs256('old-shared-session-secret-old-shared-session-secret', now, now + 600);
    expectEnvelope(await call(runtime, '/v1/me', { token }), 401, 'UNAUTHENTICATED');
  });

  it("refuses an EdDSA token signed by any key but the sign-in group's, even under its key id", async () => {
    const now = Math.floor(Date.now() / 1000);
    const { privateJwk } = await generateSessionKeyPair(ourKey().kid as string);
    const token = await eddsa(privateJwk, now, now + 600);
    expectEnvelope(await call(runtime, '/v1/me', { token }), 401, 'UNAUTHENTICATED');
  });

  it('answers an expired token with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await eddsa(ourKey(), now - 3 * 3600, now - 3600);
    const error = expectEnvelope(await call(runtime, '/v1/me', { token: expired }), 401, 'UNAUTHENTICATED');
    expect(error.message).toContain('过期');
  });

  it('answers a garbled Authorization header with 401', async () => {
    expectEnvelope(
      await call(runtime, '/v1/me', { headers: { authorization: 'Basic abc' } }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

describe('bad requests', () => {
  it('answers malformed JSON with 400 in the envelope', async () => {
    expectEnvelope(
      await call(runtime, '/v1/auth/wechat', {
        rawBody: '{"code":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('answers a wrong content type with 400', async () => {
    const error = expectEnvelope(
      await call(runtime, '/v1/auth/wechat', {
        rawBody: 'code=dev:x',
        headers: { 'content-type': 'text/plain' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details[0]?.path).toBe('headers.content-type');
  });

  it('answers a body over 1 MB with 413', async () => {
    expectEnvelope(
      await call(runtime, '/v1/auth/wechat', { body: { code: 'dev:x', padding: 'x'.repeat(1_100_000) } }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });
});
