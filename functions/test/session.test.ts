import { createPrivateKey, type JsonWebKey, sign } from 'node:crypto';
import { importJWK, type JWK, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../src/commons/errors';
import { runAsGroup } from '../src/commons/group-scope';
import {
  generateSessionKeyPair,
  issueSessionToken,
  sessionTtlSeconds,
  verifySessionToken,
} from '../src/commons/session';
import { functionGroups } from '../src/manifest';

/** The HMAC secret sessions were signed with before decision 0017. */
const secret = 'test-session-secret-that-is-long-enough-0123456789';
let privateJwk: JWK;
const user = { id: 'u_1', roles: ['staff' as const], district: '360102' as const };
const now = new Date('2026-11-29T08:00:00Z');

async function expect401(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error) && error.status).toBe(401);
}

describe('session tokens', () => {
  beforeAll(async () => {
    const pair = await generateSessionKeyPair('test-1');
    privateJwk = pair.privateJwk;
    process.env.SESSION_SIGNING_KEY = JSON.stringify(pair.privateJwk);
    process.env.SESSION_VERIFY_KEYS = JSON.stringify(pair.publicJwks);
    process.env.SESSION_SECRET = secret;
  });

  it('round-trips the user, roles, district and session version', async () => {
    const { token, expiresAt } = await issueSessionToken(user, now, 3);
    expect(await verifySessionToken(token, now)).toEqual({ user, sessionVersion: 3 });
    expect(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      kid: 'test-1',
      typ: 'JWT',
    });
    expect(new Date(expiresAt).getTime() - now.getTime()).toBe(sessionTtlSeconds * 1000);
  });

  it('expires after at most two hours', async () => {
    const { token } = await issueSessionToken(user, now);
    expect(sessionTtlSeconds).toBeLessThanOrEqual(7200);
    await expect401(verifySessionToken(token, new Date(now.getTime() + sessionTtlSeconds * 1000 + 1000)));
  });

  it('rejects alg none', async () => {
    const unsecured = new UnsecuredJWT({ roles: ['admin'] })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime('1h')
      .encode();
    await expect401(verifySessionToken(unsecured, now));
  });

  it('rejects a token signed with a foreign key', async () => {
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-key-another-key-another-key-0000'));
    await expect401(verifySessionToken(forged, now));
  });

  it('rejects our own key under another algorithm', async () => {
    const otherAlg = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect401(verifySessionToken(otherAlg, now));
  });

  it('rejects HS256 tokens under the HMAC secret sessions used before', async () => {
    const old = await new SignJWT({ roles: ['admin'], sv: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect401(verifySessionToken(old, now));
  });

  it('rejects an EdDSA token of another key, even one claiming our key id', async () => {
    const other = await generateSessionKeyPair('test-1');
    const forged = await new SignJWT({ roles: ['admin'], sv: 0 })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-1' })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime('1h')
      .sign(await importJWK(other.privateJwk, 'EdDSA'));
    await expect401(verifySessionToken(forged, now));
  });

  it('rejects a token of our key that carries no session version', async () => {
    const unversioned = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-1' })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime('1h')
      .sign(await importJWK(privateJwk, 'EdDSA'));
    await expect401(verifySessionToken(unversioned, now));
  });

  it('lets only the sign-in group sign; every other group can only verify', async () => {
    const { token } = await issueSessionToken(user, now);
    for (const group of functionGroups) {
      const scope = { name: group.name, access: group.access };
      const signing = runAsGroup(scope, () => issueSessionToken(user, now));
      if (group.access.sessionSecret === 'sign') await expect(signing).resolves.toHaveProperty('token');
      else await expect(signing, group.name).rejects.toThrow(/may not read the session signing key/);
      const verifying = runAsGroup(scope, () => verifySessionToken(token, now));
      if (group.access.sessionSecret) await expect(verifying).resolves.toHaveProperty('user', user);
      else await expect(verifying, group.name).rejects.toThrow(/may not read the session verify keys/);
    }
  });

  it('rejects a token whose payload was edited', async () => {
    const { token } = await issueSessionToken(user, now);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'u_1', roles: ['admin'], iss: 'hongjia', aud: 'hongjia-miniapp' }),
    ).toString('base64url');
    await expect401(verifySessionToken(`${header}.${payload}.${signature}`, now));
  });

  // The verifier is our own over node:crypto (decision 0026): each claim jose checked is still checked.
  const at = Math.floor(now.getTime() / 1000);
  const claimCases: [string, (jwt: SignJWT) => SignJWT][] = [
    ['another issuer', (jwt) => jwt.setIssuer('someone-else')],
    ['another audience', (jwt) => jwt.setAudience('another-app')],
    ['an issue time in the future', (jwt) => jwt.setIssuedAt(at + 60)],
    ['an issue time over two hours ago', (jwt) => jwt.setIssuedAt(at - 2 * 60 * 60 - 1)],
    ['an expiry now', (jwt) => jwt.setExpirationTime(at)],
    ['a not-before in the future', (jwt) => jwt.setNotBefore(at + 60)],
  ];
  it.each(claimCases)('rejects a token of our key with %s', async (_, change) => {
    const base = new SignJWT({ roles: ['staff'], district: '360102', sv: 0 })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-1' })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(at)
      .setExpirationTime(at + 3600);
    const token = await change(base).sign(await importJWK(privateJwk, 'EdDSA'));
    await expect401(verifySessionToken(token, now));
  });

  it('rejects a token of our key with a critical header extension (jose will not sign one: signed by hand)', async () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signingInput = `${part({ alg: 'EdDSA', kid: 'test-1', crit: ['x-hongjia'], 'x-hongjia': 1 })}.${part(
      {
        sub: 'u_1',
        roles: ['staff'],
        district: '360102',
        sv: 0,
        iss: 'hongjia',
        aud: 'hongjia-miniapp',
        iat: at,
        exp: at + 3600,
      },
    )}`;
    const key = createPrivateKey({ key: privateJwk as JsonWebKey, format: 'jwk' });
    const signature = sign(null, Buffer.from(signingInput), key).toString('base64url');
    await expect401(verifySessionToken(`${signingInput}.${signature}`, now));
  });

  it('accepts the same token unchanged, and one whose audience is a list holding ours', async () => {
    const key = await importJWK(privateJwk, 'EdDSA');
    for (const audience of ['hongjia-miniapp', ['other', 'hongjia-miniapp']]) {
      const token = await new SignJWT({ roles: ['staff'], district: '360102', sv: 0 })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'test-1' })
        .setSubject('u_1')
        .setIssuer('hongjia')
        .setAudience(audience)
        .setIssuedAt(at)
        .setExpirationTime(at + 3600)
        .sign(key);
      await expect(verifySessionToken(token, now)).resolves.toEqual({ user, sessionVersion: 0 });
    }
  });
});
